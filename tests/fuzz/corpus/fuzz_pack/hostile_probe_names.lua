-- Every name a pack must not reach, tried under pcall: the pack loads only
-- if none of them is there. A leak stops the load and names what leaked.
local leaks = {}
local function absent(name, get)
  local ok, v = pcall(get)
  if ok and v ~= nil then leaks[#leaks + 1] = name end
end
for _, name in ipairs { "io", "os", "debug", "package", "require", "dofile", "loadfile", "loadstring",
  "collectgarbage", "print", "getmetatable", "rawget", "rawset", "coroutine", "module", "setfenv",
  "getfenv", "newproxy", "gcinfo", "jit", "ffi", "socket", "_G" } do
  absent(name, function() return _ENV[name] end)
end
absent("string.dump", function() return string.dump end)
absent("(''):dump", function() return ("").dump end)
absent("math.random", function() return math.random end)
absent("load of bytecode", function() return (load("\27Lua\84\0\25\147\13\10\26\10", "b", "b")) end)
absent("load with a host env", function() return load("return io")() end)
if #leaks > 0 then error("sandbox leaks: " .. table.concat(leaks, ", "), 0) end

pack { name = "probe_names" }
fact "a" { yesno, ask = "A?" }
node "claim" { rule = yes "a" }
opinion "majority" { decides = "claim" }
