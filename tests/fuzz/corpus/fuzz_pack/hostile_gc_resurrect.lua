-- A finalizer that allocates without end.
pack { name = "gc_resurrect" }
fact "a" { yesno, ask = "A?" }
node "claim" { rule = yes "a", yes = "Claim holds.", no = "Claim fails." }
opinion "majority" { decides = "claim" }
local keep = {}
setmetatable({}, { __gc = function() local t = {} while true do t[#t + 1] = ("x"):rep(1000) end end })
