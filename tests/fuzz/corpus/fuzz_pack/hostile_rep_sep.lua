-- An empty string with an empty separator: the same loop in C.
pack { name = "rep_sep" }
local s = ("").rep("", math.maxinteger, "")
