pack { name = "rep_huge" }
local s = string.rep("x", 1 << 40)
