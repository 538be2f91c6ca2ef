-- A pack whose rule function misbehaves only when a row reaches it.
pack { name = "evaltime" }
fact "trigger" { yesno, ask = "Run the bad rule?" }
node "spin" {
  rule = function(f)
    if f.trigger then while true do end end
    return false
  end,
}
node "claim" { rule = all { "trigger", "spin" } }
opinion "majority" { decides = "claim" }
