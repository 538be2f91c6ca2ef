-- A finalizer that never returns: it runs when the state is collected or
-- closed, with the hook off.
pack { name = "gc_finalizer" }
fact "a" { yesno, ask = "A?" }
node "claim" { rule = yes "a", yes = "Claim holds.", no = "Claim fails." }
opinion "majority" { decides = "claim" }
setmetatable({}, { __gc = function() while true do end end })
