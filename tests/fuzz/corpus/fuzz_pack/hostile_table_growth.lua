pack { name = "table_growth" }
local t = {}
for i = 1, math.maxinteger do t[i] = i end
