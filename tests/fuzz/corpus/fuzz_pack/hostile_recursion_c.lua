-- Recursion through C functions (gsub calling back into Lua) eats the C
-- stack, not the Lua stack.
pack { name = "recursion_c" }
local function down(s) return (string.gsub(s, ".", down)) end
down("x")
