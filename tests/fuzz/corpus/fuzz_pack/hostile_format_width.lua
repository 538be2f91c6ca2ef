pack { name = "format_width" }
local s = string.format("%099d", 1)
local t = {}
for i = 1, 1e9 do t[i] = string.format("%99s", i) end
