-- Opinions: who decided what, under which rule.
--
-- Every opinion decides the section 1983 claim and disposes of the judgment
-- through the disposition node. The dissents and the 1981 rule start from
-- the Court's rules (base = "majority") and override what they change.

-- The Court: Daniels controls; negligence is never a deprivation. --------------------
opinion "majority" {
  title       = "Opinion of the Court",
  author      = "Rehnquist",
  role        = "majority",
  joined      = "Burger, C.J., and White, Powell, and O'Connor, JJ.",
  date        = "1986-01-21",
  decides     = "claim",
  disposition = "disposition",
}

-- Brennan: recklessness or deliberate indifference deprives; negligence does
-- not. Where the record points to recklessness that the court of appeals
-- never reviewed, the question goes back. He joined Daniels, so gross
-- negligence stays open for him as for the Court.
opinion "brennan" {
  title  = "Brennan, J., dissenting",
  author = "Brennan",
  role   = "dissent",
  date   = "1986-01-21",
  base   = "majority",
  override "deprivation" {
    by   = { "brennan_dissent", "daniels", "daniels_n3" },
    rule = is("culpability", "intentional", "deliberate_indifference", "reckless"),
    open = any { is("culpability", "gross_negligence"), "recklessness_review_owed" },
    yes     = "For Brennan, conduct that is reckless or worse (state of mind: {culpability}) deprives the victim of liberty.",
    no      = "For Brennan, conduct that is merely {culpability} is no deprivation, and nothing in the record calls for a second look at recklessness.",
    unknown = "For Brennan the question is open: the record points to recklessness, which in his view is enough, and no court of appeals has reviewed the holding that there was none (state of mind: {culpability}); or the state of mind is gross negligence, which Daniels left open.",
  },
  override "remand" {
    by   = { "brennan_dissent" },
    rule = "recklessness_review_owed",
    yes  = "Brennan would vacate and remand so that the court of appeals may review the holding that the conduct was not reckless.",
    no   = "Brennan's rule sends nothing back: no recklessness review is owed.",
  },
}

-- Blackmun, joined by Marshall: recklessness certainly deprives; so does
-- negligence where the State has stripped a person of self-protection and
-- then ignored his plea for help, absent extenuating circumstances. A remedy
-- that state immunity bars is no remedy (Martinez). Failing all that, he too
-- would remand for the recklessness review.
opinion "blackmun" {
  title  = "Blackmun, J., dissenting",
  author = "Blackmun",
  role   = "dissent",
  joined = "Marshall, J.",
  date   = "1986-01-21",
  base   = "majority",
  override "deprivation" {
    by   = { "blackmun_negligence", "blackmun_recklessness", "estelle", "youngberg" },
    rule = any { is("culpability", "intentional", "deliberate_indifference", "reckless"),
                 "custodial_negligence" },
    open = "recklessness_review_owed",
    yes     = "For Blackmun the conduct (state of mind: {culpability}) deprived the plaintiff of {interest}: it was reckless or worse, or the State took away his means of self-protection and then ignored his plea for help.",
    no      = "Even for Blackmun there was no deprivation: the conduct was {culpability}, and the State had not both taken away the plaintiff's self-protection and ignored his plea for help.",
    unknown = "For Blackmun the question is open: his rule for negligence does not reach the case, but the record points to recklessness that no court of appeals has reviewed.",
  },
  override "without_due_process" {
    by   = { "blackmun_remedy", "martinez", "parratt_remedy", "hudson", "logan" },
    rule = no "process_given",
    yes     = "For Blackmun the deprivation was without due process: no process fitted, and a tort suit that state immunity bars before the merits is no remedy (remedy: {remedy}); state immunity cannot defeat a federal claim.",
    no      = "For Blackmun too the State gave the process due (remedy: {remedy}).",
    unknown = "For Blackmun it is not yet known whether the State gave due process (remedy: {remedy}).",
  },
  override "remand" {
    by   = { "blackmun_remand" },
    rule = all { "recklessness_review_owed", no "custodial_negligence" },
    yes  = "Blackmun's rule for negligence does not reach the case, so, as he would if he accepted Daniels, he would remand for review of the holding that the conduct was not reckless.",
    no   = "Blackmun's rule sends nothing back: either his rule for negligence decides the case, or no recklessness review is owed.",
  },
}

-- The rule of Parratt v. Taylor, law from 1981 until Daniels overruled it in
-- part: negligent loss is a deprivation, but for a random and unauthorized
-- act an adequate remedy afterwards is all the process due.
opinion "parratt_1981" {
  title      = "Parratt v. Taylor, 451 U.S. 527 (1981), as law until Daniels",
  author     = "Rehnquist",
  role       = "majority",
  date       = "1981-05-18",
  until_date = "1986-01-21",
  base       = "majority",
  override "deprivation" {
    by   = { "parratt_deprivation", "daniels_overrules_parratt" },
    rule = is("culpability", "intentional", "deliberate_indifference", "reckless", "gross_negligence", "negligent"),
    yes  = "Under Parratt, an official's fault, negligence included, that causes the loss (state of mind: {culpability}) is a deprivation.",
    no   = "Under Parratt too there is no deprivation where no official was at fault.",
  },
}
