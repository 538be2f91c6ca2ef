-- Tampering with the string library the prelude shares: the pack's own
-- calls see the change, the rule language and other rows do not break.
local ok = pcall(function() getmetatable("").__index = { upper = function() while true do end end } end)
string.format = function() error("hijacked string.format") end
string.rep = function() while true do end end
pack { name = "string_metatable" }
fact "a" { yesno, ask = "A?" }
node "claim" { rule = yes "a", yes = "Claim holds.", no = "Claim fails." }
opinion "majority" { decides = "claim" }
