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

-- Whether the opinion's rule sends the case back. The Court remands where
-- the court below applied the wrong standard and the facts under the right
-- one were never found (Youngberg; later Wilson and Farmer, opinions.lua);
-- the dissents remand for the recklessness review.
node "remand" {
  title = "A question for the court below",
  ask   = "Does the opinion's rule leave a question the court below must settle first?",
  by    = { "youngberg_remand" },
  rule  = "wrong_standard_below",
  yes     = "The opinion's rule leaves a question the court below must settle first.",
  no      = "The opinion's rule sends nothing back for findings or review.",
  unknown = "It is not known whether a question must go back to the court below.",
}

-- The disposition. A decided claim settles it: affirm a judgment for the
-- side the opinion's rule favours, reverse one for the other. An undecided
-- claim is sent back only where the opinion's rule leaves a question for the
-- court below (a finding never made, a review never held); otherwise it is
-- undecided because the row leaves facts blank, a question for the user,
-- and the disposition is unknown.
node "disposition" {
  title  = "Disposition",
  ask    = "What does the Court do with the judgment under review?",
  values = { "affirm", "reverse", "vacate_and_remand" },
  by     = { "davidson_judgment" },
  rule = function(f)
    local claim = f.claim
    if claim ~= nil then
      local won = f.prevailed_below
      if won == nil then return nil end
      if (claim and won == "plaintiff") or (not claim and won == "defendant") then
        return "affirm"
      end
      return "reverse"
    end
    -- a row outside the pack is not sent anywhere
    if f.in_scope == false then return nil end
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
