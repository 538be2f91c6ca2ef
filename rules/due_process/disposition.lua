-- IX. The disposition: what the Court does with the judgment under review.
--
-- It follows from the outcome and from who won below: a judgment for the
-- side the opinion's rule favours is affirmed, the other reversed. Where the
-- rule leaves a question the court below must settle first, the judgment is
-- vacated and the case remanded. Brennan's dissent is the model: the record
-- points to recklessness, which for him deprives, and no court of appeals
-- has reviewed the trial court's holding that the conduct was not reckless.

-- The question that goes back -------------------------------------------------------
-- The claim must not fail on another element anyway: state action and the
-- interest are there, and the State did not give the process that fits.
node "recklessness_review_owed" {
  title = "Recklessness review owed below",
  ask   = "Does the record point to recklessness that the trial court found absent and no court of appeals has reviewed, in a claim that nothing else defeats?",
  by    = { "brennan_dissent", "blackmun_remand" },
  rule  = all { "state_action", "protected_interest",
                is("culpability", "gross_negligence", "negligent", "none"),
                "conscious_disregard",
                no "recklessness_reviewed",
                no "process_given" },
  yes     = "The officials knew of a threat from a known violent aggressor, had time to act and decided not to; the record points to recklessness, though the trial court held otherwise ({culpability}), and no court of appeals has reviewed that holding.",
  no      = "Nothing about recklessness needs review below: the record does not point to it, the finding already reaches it, the review has happened, or the claim fails on another element anyway.",
  unknown = "It is not known whether a recklessness review is owed below.",
}

-- Whether the opinion's rule sends the case back. The Court's own rule never
-- does: it decides the law on the facts as found. The dissents override it.
node "remand" {
  title = "A question for the court below",
  ask   = "Does the opinion's rule leave a question the court below must settle first?",
  by    = { "davidson" },
  rule  = false,
  yes     = "The opinion's rule leaves a question the court below must settle first.",
  no      = "The opinion's rule sends nothing back for findings or review.",
  unknown = "It is not known whether a question must go back to the court below.",
}

node "disposition" {
  title  = "Disposition",
  ask    = "What does the Court do with the judgment under review?",
  values = { "affirm", "reverse", "vacate_and_remand" },
  by     = { "davidson_judgment", "blackmun_remand" },
  rule = first {
    -- a question for the court below comes first
    when "remand"                                                  :gives "vacate_and_remand",
    -- the judgment below was for the side the rule favours
    when(all { "claim", is("prevailed_below", "plaintiff") })       :gives "affirm",
    when(all { no "claim", is("prevailed_below", "defendant") })    :gives "affirm",
    -- it was not
    otherwise "reverse",
  },
  says = {
    affirm            = "The judgment below went to the side the opinion's rule favours ({prevailed_below}): affirm.",
    reverse           = "The judgment below went to the side the opinion's rule disfavours ({prevailed_below}): reverse.",
    vacate_and_remand = "A question must be settled below first: vacate the judgment and remand.",
  },
  unknown = "The opinion's rule does not decide the case, and sends no question back: the disposition is open.",
}
