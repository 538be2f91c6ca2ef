pack { name = "huge_numeric_loop" }
for i = 1, math.maxinteger do end
