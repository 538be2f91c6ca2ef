-- IX. The disposition: what the Court does with the judgment under review.
--
-- It follows from the outcome and from who won below: a judgment for the
-- side the opinion's rule favours is affirmed, the other reversed. Where the
-- rule leaves a question the court below must settle first, the judgment is
-- vacated and the case remanded. Brennan's dissent is the model: the record
-- points to recklessness, which for him deprives, and no court of appeals
-- has reviewed the trial court's holding that the conduct was not reckless.

-- The question that goes back -------------------------------------------------------
-- Brennan's remand: the record points to recklessness, the trial court held
-- otherwise, no court of appeals has reviewed that holding, and a finding of
-- recklessness would matter: it would complete a wrong to life or liberty
-- whatever the State's remedies, or the State gave no process that fits.
node "recklessness_review_owed" {
  title = "Recklessness review owed below",
  ask   = "Does the record point to recklessness that the trial court found absent and no court of appeals has reviewed, in a claim a finding of recklessness would carry?",
  by    = { "brennan_dissent", "blackmun_remand" },
  rule  = all { "state_action", "protected_interest",
                is("culpability", "gross_negligence", "negligent", "none"),
                "conscious_disregard",
                no "recklessness_reviewed",
                any { all { is("interest", "life", "liberty"), "random_unauthorized" }, no "process_given" } },
  yes     = "The record holds the facts the dissents read as recklessness; the state of mind was taken to be {culpability}; and, as the row states, a court of appeals never reviewed the trial court's holding that the conduct was not reckless (reviewed: {recklessness_reviewed}).",
  no      = "No recklessness review is owed below: the record does not point to recklessness, the finding already reaches it, the review has happened, or the claim would fail on another element anyway.",
  unknown = "It is not known whether a recklessness review is owed below.",
}

-- The standard the court below applied -------------------------------------------------
-- Whether the court below asked the wrong question. By 1986: the Eighth
-- Amendment's deliberate indifference for the involuntarily committed
-- (Youngberg), or for force on a convicted prisoner (Whitley). From 1989 the
-- Court's later law adds an objective test of what officials should have
-- known, a rule that officials know only what the prisoner tells them
-- (Farmer), malice for a conditions or protection claim (Wilson), and a
-- significant-injury rule for force (Hudson v. McMillian); from 2015 a
-- subjective test for force on a detainee (Kingsley) (opinions.lua).
node "wrong_standard_below" {
  title = "The wrong standard below",
  ask   = "Did the court below apply a test the opinion rejects?",
  by    = { "youngberg_professional", "whitley_test" },
  rule  = any { is("standard_below", "another_rejected_test"),
                all { is("standard_below", "deliberate_indifference"), is("status", "committed") },
                all { is("standard_below", "deliberate_indifference"), "officials_attacked", "convicted" } },
  yes     = "The court below applied the wrong test ({standard_below}).",
  no      = "The court below applied the right test ({standard_below}).",
  unknown = "It is not known which test the court below applied.",
}

-- Findings the court below must make first. The Court remands where the
-- court below applied the wrong standard and so never found the facts the
-- right one turns on (Youngberg; later Wilson and Farmer, opinions.lua): an
-- appellate court does not find facts. Where the record shows them, the
-- Court decides (Whitley, Hudson v. McMillian).
node "remand_for_findings" {
  title = "Findings owed below",
  ask   = "Did the court below apply the wrong standard and so never find the facts the right one turns on?",
  by    = { "youngberg_remand" },
  rule  = all { "wrong_standard_below", no "facts_found_below", "state_action" },
  yes     = "The court below applied the wrong standard and never found the facts the right one turns on: the question goes back.",
  no      = "No findings go back for the standard below (standard: {standard_below}; facts found below: {facts_found_below}).",
  unknown = "It is not known whether the court below must make findings first (standard: {standard_below}; facts found below: {facts_found_below}).",
}

-- A review owed below. The Court's own rule sends nothing back for review;
-- the dissents would remand for review of the holding that the conduct was
-- not reckless, where that question is what keeps the claim open.
node "remand" {
  title = "A review owed below",
  ask   = "Does the opinion's rule leave a holding below that a court of appeals must review first?",
  by    = { "section_1983" },
  rule  = false,
  yes     = "The opinion's rule leaves a holding below to be reviewed first.",
  no      = "The opinion's rule sends nothing back for review.",
  unknown = "It is not known whether a holding below must be reviewed first.",
}

-- The disposition. Findings never made go back first: an appellate court
-- does not find facts, so the answers a row leaves blank there are no
-- question for the user. Otherwise a decided claim settles it: affirm a
-- judgment for the side the opinion's rule favours, reverse one for the
-- other. A claim the opinion's rule leaves open for a review below is sent
-- back for it. Anything else left open turns on facts the row leaves blank,
-- a question for the user: the disposition is unknown. (A rule function,
-- because "the claim is open" is part of the rule; Ratio tries the blank
-- answers it reads, so a claim open only for want of facts stays unknown.)
node "disposition" {
  title  = "Disposition",
  ask    = "What does the Court do with the judgment under review?",
  values = { "affirm", "reverse", "vacate_and_remand" },
  by     = { "davidson_judgment" },
  rule = function(f)
    if f.remand_for_findings then return "vacate_and_remand" end
    local claim = f.claim
    if claim ~= nil then
      local won = f.prevailed_below
      if won == nil then return nil end
      if (claim and won == "plaintiff") or (not claim and won == "defendant") then
        return "affirm"
      end
      return "reverse"
    end
    if f.remand then return "vacate_and_remand" end
    return nil
  end,
  says = {
    affirm            = "The judgment below went to the side the opinion's rule favours ({prevailed_below}): affirm.",
    reverse           = "The judgment below went to the side the opinion's rule disfavours ({prevailed_below}): reverse.",
    vacate_and_remand = "The opinion's rule leaves a question the court below must settle first: vacate the judgment and remand.",
  },
  unknown = "The opinion's rule does not decide the case on the facts given and sends no question back: the disposition turns on facts the row leaves blank, or on a question the opinion left open.",
}
