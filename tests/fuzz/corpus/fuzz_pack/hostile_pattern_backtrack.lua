-- A backtracking pattern: exponential work inside string.find, in C.
pack { name = "pattern_backtrack" }
local n = 40
local s = string.rep("a", n)
local p = string.rep("a?", n) .. string.rep("a", n)
string.find(s, p)
