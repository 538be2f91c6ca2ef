-- string.rep of an empty string loops inside C without returning to the
-- step hook: it must still end, quickly.
pack { name = "rep_empty" }
local s = string.rep("", 1 << 50)
