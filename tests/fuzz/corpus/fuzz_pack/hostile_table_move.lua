-- table.move over a huge range loops in C; moving nils onto themselves
-- allocates nothing, so only a limit on the range (or the hook) stops it.
pack { name = "table_move" }
local t = {}
table.move(t, 1, math.maxinteger - 1, 1)
