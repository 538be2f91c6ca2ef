pack { name = "loop_at_load" }
local n = 0
while true do n = n + 1 end
