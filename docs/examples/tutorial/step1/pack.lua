-- negligence/pack.lua: a new Ratio pack, made by `ratio new`.
--
-- Replace the example with your doctrine: the facts a case row may state,
-- the nodes (the elements) that rules decide from them, the authority
-- for each node, and the opinions that decide. Then:
--   ratio check negligence    lint the pack and its case file
--   ratio test negligence     check the expectations in cases.csv
-- docs/tutorial.md builds a whole pack step by step.

pack {
  name  = "negligence",
  title = "The question this pack answers",
  cases = { "cases.csv" },
}

-- Authorities: what each node relies on ----------------------------------
authority "source" {
  cite = "Example v. Example, 1 U.S. 1 (1900)",
  pin  = "2",
}

-- Facts: what a case row may state --------------------------------------
fact "element_met" { yesno,
  ask = "Is the element met on these facts?",
}

-- Nodes: the elements of the test ---------------------------------------
node "claim" {
  title = "Claim",
  ask   = "Does the claim succeed?",
  by    = "source",
  favours = { yes = "plaintiff", no = "defendant" },
  rule  = "element_met",
  yes     = "The element is met, so the claim succeeds.",
  no      = "The element is not met, so the claim fails.",
  unknown = "Whether the element is met is not known.",
}

-- Opinions: who decides, under which rule -------------------------------
opinion "majority" {
  title   = "Opinion of the Court",
  role    = "majority",
  date    = "2000-01-01",
  decides = "claim",
  disposition = { yes = "reverse", no = "affirm", unknown = "remand" },
}
