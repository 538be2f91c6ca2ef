-- Quadratic matching on a long subject, many times over.
pack { name = "pattern_gmatch" }
local s = string.rep("a", 200000)
for _ = 1, 1000 do string.find(s, ".-b") end
