-- table.concat of a big table builds its result inside C.
pack { name = "concat_table" }
local t = {}
for i = 1, 200000 do t[i] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" end
local s = table.concat(t, table.concat(t))
