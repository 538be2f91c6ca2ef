-- Attacks at evaluation time: each row picks one, through a rule function
-- that only the majority uses. Every attack must end its own row with an
-- error record, leaving the dissent's result for that row, and every other
-- row, as they would be.
pack { name = "eval_attacks" }
fact "attack" {
  oneof { "none", "loop", "numeric_loop", "rep_huge", "rep_empty", "table_move", "concat", "table",
          "recursion", "recursion_c", "pattern", "error_tostring", "error_index", "error_nil",
          "error_level0", "error_table", "finalizer", "coroutine", "set_fact", "bad_return",
          "string_tamper", "upvalue_state" },
  ask = "Which attack?",
}
fact "served" { yesno, ask = "Was it served?" }

local calls = 0
local attacks = {
  none = function() return true end,
  loop = function() while true do end end,
  numeric_loop = function() for i = 1, math.maxinteger do end end,
  rep_huge = function() return #string.rep("x", 1 << 40) > 0 end,
  rep_empty = function() return #string.rep("", 1 << 50) == 0 end,
  table_move = function() local t = {} table.move(t, 1, math.maxinteger - 1, 1) return true end,
  concat = function() local s = "x" while true do s = s .. s end end,
  table = function() local t = {} while true do t[#t + 1] = {} end end,
  recursion = function() local function d(n) return 1 + d(n + 1) end return d(1) > 0 end,
  recursion_c = function() local function d(s) return (string.gsub(s, ".", d)) end return d("x") ~= "" end,
  pattern = function() local n = 40 return string.find(string.rep("a", n), string.rep("a?", n) .. string.rep("a", n)) ~= nil end,
  error_tostring = function() error(setmetatable({}, { __tostring = function() while true do end end })) end,
  error_index = function() error(setmetatable({}, { __index = function() error("gotcha") end, __tostring = function() error("again") end })) end,
  error_nil = function() error() end,
  error_level0 = function() error("no position", 0) end,
  error_table = function() error({ code = 42 }) end,
  finalizer = function() setmetatable({}, { __gc = function() while true do end end }) return true end,
  coroutine = function() return coroutine.wrap(function() coroutine.yield(true) end)() end,
  set_fact = function(f) f.served = false return true end,
  bad_return = function() return setmetatable({}, { __eq = function() while true do end end }) end,
  string_tamper = function() string.format = nil; string.rep = nil; return true end,
  upvalue_state = function() calls = calls + 1 return calls < 0 end,
}

node "attacked" {
  rule = function(f) return attacks[f.attack](f) end,
  yes = "The rule function returned yes.", no = "The rule function returned no.",
}
node "claim" {
  rule = all { "served", "attacked" },
  yes = "Served, and the rule held.", no = "The claim fails.",
}
opinion "majority" { decides = "claim" }
opinion "dissent" { role = "dissent", base = "majority", override "claim" { rule = yes "served" } }
