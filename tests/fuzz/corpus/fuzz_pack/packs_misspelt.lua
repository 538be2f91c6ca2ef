pack { name = "misspelt" }
authority "daniels" { cite = "Daniels v. Williams, 474 U.S. 327 (1986)", pin = "328" }
fact "negligence" { yesno, ask = "Were the officials negligent?" }
fact "status" { oneof { "prisoner", "free" }, ask = "Custodial status?" }
node "deprivation" {
  rule = all { "neglgence", is("status", "prisonr") },
  by = "danials",
}
node "claim" { rule = yes "deprivation" }
node "loop_a" { rule = yes "loop_b" }
node "loop_b" { rule = all { "loop_a", "negligence" } }
node "typed" { rule = yes "status" }
opinion "majority" { decides = "claim" }
