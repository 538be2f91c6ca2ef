-- Library calls that work long inside C, where the step hook never runs:
-- each is charged to the step budget for its work, or stopped by the time
-- limit, so every row ends within seconds. One attack per opinion (the
-- comparison of long strings, which nothing can charge, is slow_compare).
pack { name = "slow_calls" }
fact "a" { yesno }
local big = ("a"):rep(1e5)
node "find_long_pattern" { rule = function(f)
  return string.find(big, ("."):rep(1000) .. "b") ~= nil end }
node "find_plain_needle" { rule = function(f)
  return string.find(big, ("a"):rep(4000) .. "b", 1, true) ~= nil end }
node "upper_loop" { rule = function(f)
  local n = 0
  for i = 1, 1e9 do n = n + #big:upper() end
  return n > 0 end }
node "utf8_loop" { rule = function(f)
  local n = 0
  for i = 1, 1e9 do n = n + utf8.len(big) end
  return n > 0 end }
node "tonumber_loop" { rule = function(f)
  local n = 0
  for i = 1, 1e9 do if tonumber(big) then n = n + 1 end end
  return n > 0 end }
node "sub_loop" { rule = function(f)
  local n = 0
  for i = 1, 1e9 do n = n + #big:sub(2) + #big:reverse() end
  return n > 0 end }
node "insert_front" { rule = function(f)
  local t = {}
  for i = 1, 1e4 do t[i] = i end
  for i = 1, 1e9 do table.insert(t, 1, i) table.remove(t, 1) end
  return #t > 0 end }
node "call_chain" { rule = function(f)
  local t = {}
  setmetatable(t, { __call = t })
  return t() end }
opinion "find_long_pattern" { decides = "find_long_pattern" }
opinion "find_plain_needle" { decides = "find_plain_needle" }
opinion "upper_loop" { decides = "upper_loop" }
opinion "utf8_loop" { decides = "utf8_loop" }
opinion "tonumber_loop" { decides = "tonumber_loop" }
opinion "sub_loop" { decides = "sub_loop" }
opinion "insert_front" { decides = "insert_front" }
opinion "call_chain" { decides = "call_chain" }
