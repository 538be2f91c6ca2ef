-- The benchmark workload of tests/bench/davidson with one node written as a Lua
-- rule function, to measure the cost of the escape hatch.
pack {
  name = "bench_davidson_lua",
  title = "Benchmark workload with one rule as a Lua function (the escape hatch)",
  case = "Davidson v. Cannon, 474 U.S. 344 (1986)",
}

authority "daniels" { cite = "Daniels v. Williams, 474 U.S. 327 (1986)", pin = "328" }
authority "parratt" { cite = "Parratt v. Taylor, 451 U.S. 527 (1981)", pin = "541" }
authority "brennan" { cite = "Davidson v. Cannon, 474 U.S. 344 (1986) (Brennan, J., dissenting)", pin = "349" }
authority "blackmun" { cite = "Davidson v. Cannon, 474 U.S. 344 (1986) (Blackmun, J., dissenting)", pin = "349" }

fact "state_actor"         { yesno, ask = "Were the defendants state actors?" }
fact "interest"            { oneof { "life", "liberty", "property", "none" }, ask = "Which interest was harmed?" }
fact "harm"                { yesno, ask = "Was there harm?" }
fact "status"              { oneof { "prisoner", "detainee", "free" }, ask = "Custodial status?" }
fact "actual_notice"       { yesno, ask = "Did the officials know of the threat?" }
fact "known_violent"       { yesno, ask = "Was the aggressor known to be violent?" }
fact "conscious_disregard" { yesno, ask = "Did the officials consciously disregard the risk?" }
fact "intent_to_harm"      { yesno, ask = "Did the officials intend the harm?" }
fact "opportunity"         { yesno, ask = "Could the officials have prevented it?" }
fact "remedy"              { oneof { "adequate", "barred", "none" }, ask = "What state remedy was there?" }
fact "random_unauthorized" { yesno, ask = "Was the act random and unauthorized?" }

node "culpability" {
  values = { "intentional", "deliberate_indifference", "reckless", "negligent", "none" },
  rule = first {
    when "intent_to_harm" :gives "intentional",
    when(all { "actual_notice", "conscious_disregard", "opportunity" }) :gives "deliberate_indifference",
    when(all { "actual_notice", "known_violent", "opportunity" }) :gives "reckless",
    when(all { "harm", any { "actual_notice", "opportunity" } }) :gives "negligent",
    otherwise "none",
  },
}

-- The same rule as in tests/bench/davidson, written as a Lua function, so that
-- the cost of the escape hatch can be measured on its own.
node "custody" {
  rule = function(f) return f.status == "prisoner" or f.status == "detainee" end,
}

node "protected" { rule = all { "state_actor", no(is("interest", "none")), "harm" } }

node "deprivation" {
  rule = all { "protected", is("culpability", "intentional", "deliberate_indifference") },
  by = "daniels",
}


node "remedy_inadequate" { rule = no(is("remedy", "adequate")), by = "parratt" }

node "process_denied" {
  rule = any { no "random_unauthorized", "remedy_inadequate" },
}

node "outcome" {
  values = { "violation", "no_deprivation", "process_adequate" },
  rule = first {
    when(no "deprivation") :gives "no_deprivation",
    when "process_denied" :gives "violation",
    otherwise "process_adequate",
  },
}

opinion "majority" { author = "Rehnquist", role = "majority", date = "1986-01-21", decides = "outcome" }

opinion "brennan" {
  author = "Brennan", role = "dissent", base = "majority",
  override "deprivation" {
    rule = all { "protected", is("culpability", "intentional", "deliberate_indifference", "reckless") },
    by = "brennan",
  },
}

opinion "blackmun" {
  author = "Blackmun", role = "dissent", base = "majority",
  override "deprivation" {
    rule = any {
      all { "protected", is("culpability", "intentional", "deliberate_indifference", "reckless") },
      all { "protected", is("culpability", "negligent"), "custody", "actual_notice" },
    },
    by = "blackmun",
  },
}
