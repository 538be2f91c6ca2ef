pack { name = "bytecode" }
local chunk, msg = load("\27Lua\84\0")
if not chunk then error(msg, 0) end
