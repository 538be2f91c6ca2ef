-- A small pack for the test runner's own tests: a claim that needs a duty
-- and a breach, decided by two opinions that differ on breach.
pack { name = "tiny", title = "A duty and its breach", cases = { "cases.csv" } }

authority "rule" { cite = "Rule v. Book, 1 U.S. 1 (1900)", pin = "2" }

fact "duty" { yesno, ask = "Was there a duty?" }
fact "care" { oneof { "none", "some", "great" }, ask = "How much care was taken?" }
fact "won_below" { oneof { "plaintiff", "defendant" }, ask = "Who won below?" }

node "breach" {
  values = { "clear", "arguable", "none" },
  rule = first {
    when(is("care", "none")):gives "clear",
    when(is("care", "some")):gives "arguable",
    otherwise "none",
  },
  by = "rule",
  says = { clear = "No care at all is a clear breach.", none = "Great care is no breach." },
}

node "claim" {
  rule = all { "duty", is("breach", "clear") },
  yes = "Duty and breach: the claim holds.", no = "The claim fails.",
}

node "disposition" {
  values = { "affirm", "reverse" },
  rule = first {
    when(all { "claim", is("won_below", "plaintiff") }):gives "affirm",
    when(all { no "claim", is("won_below", "defendant") }):gives "affirm",
    otherwise "reverse",
  },
}

opinion "strict" { role = "majority", date = "2000-01-01", decides = "claim", disposition = "disposition" }
opinion "lenient" {
  role = "dissent", base = "strict",
  override "claim" { rule = all { "duty", is("breach", "clear", "arguable") } },
}
opinion "old" { role = "majority", date = "1990-01-01", until_date = "2000-01-01", base = "lenient" }
