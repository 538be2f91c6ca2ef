-- The officials' state of mind.
--
-- Deprivation turns on it, and so does the Eighth Amendment claim. From most
-- to least culpable: intentional, deliberate indifference, reckless, gross
-- negligence, negligent, none. The ladder below is the pack's reading of the
-- facts the opinions rely on; it is an approximation an instructor can argue
-- with, branch by branch.

-- A known danger, consciously left alone ---------------------------------------
-- The facts Blackmun's Part III and the District Court's conclusions of law
-- rely on: notice of a threat from an inmate with a known history of
-- violence, an opportunity to prevent the harm, and a decision not to act,
-- with no genuine emergency to explain it (Smith v. Wade is the model).
node "conscious_disregard" {
  title = "A known danger consciously left alone",
  ask   = "Did the officials know of a threat from a known violent aggressor, have time to act, and decide not to, with no real emergency elsewhere?",
  by    = { "blackmun_recklessness", "smith_v_wade_reckless", "estelle" },
  rule  = all { "actual_notice", "known_violent", "opportunity", "conscious_decision", no "emergency_elsewhere" },
  yes     = "The officials knew of a threat from a known violent aggressor, had time to act, and decided not to, with no real emergency elsewhere.",
  no      = "The officials did not consciously leave a known, serious danger alone (notice: {actual_notice}; aggressor known violent: {known_violent}; time to act: {opportunity}; decided not to act: {conscious_decision}).",
  unknown = "It is not known whether the officials consciously left a known danger alone.",
}

-- The ladder -----------------------------------------------------------------------
-- A row may supply the trial court's finding in a column named culpability.
-- It binds unless the row says it was challenged on appeal
-- (finding_challenged = yes); then, as where no finding is supplied, the pack
-- derives the state of mind from the primary facts. The first branch that
-- holds gives the answer.
node "culpability" {
  title   = "State of mind",
  ask     = "How culpable was the officials' state of mind?",
  values  = { "intentional", "deliberate_indifference", "reckless", "gross_negligence", "negligent", "none" },
  finding = { unless = "finding_challenged" },
  by      = { "estelle", "davidson_distinctions", "daniels_n3", "davidson", "whitley" },
  rule = first {
    -- 1. Officials beat him, or meant him harm (Johnson v. Glick)
    when(any { "officials_attacked", "intent_to_harm" })        :gives "intentional",
    -- 2. Officials watched an attack and let it go on (Curtis v. Everette)
    when "stood_by"                                              :gives "deliberate_indifference",
    -- 3-4. A decision made in an instant is never deliberate: at most a
    --      careless misjudgment (Whitley v. Albers)
    when(all { "split_second", "careless" })                     :gives "negligent",
    when "split_second"                                          :gives "none",
    -- 5. Knew of the danger, decided not to act, and kept on deciding so
    when(all { "conscious_disregard", no "forgot" })             :gives "deliberate_indifference",
    -- 6. Decided not to act on an obvious danger, then let it slip (Davidson's record)
    when "conscious_disregard"                                   :gives "reckless",
    -- 7. Ignored the victim's own plea about a known violent aggressor,
    --    with time to act, though without a conscious decision
    when(all { "actual_notice", "known_violent", "opportunity", "asked_protection",
               no "responded", no "emergency_elsewhere" })        :gives "gross_negligence",
    -- 8. Lack of due care: forgot, misjudged, left a hazard
    when(any { "careless", "forgot" })                           :gives "negligent",
    -- 9. No fault shown
    otherwise "none",
  },
  says = {
    intentional             = "An official meant the harm, or the officials themselves attacked: intentional conduct.",
    deliberate_indifference = "The officials knew of a serious danger, could act, and chose not to, throughout (or watched an attack go on): deliberate indifference.",
    reckless                = "The officials consciously put off acting on a substantial and obvious danger, then let it slip: recklessness.",
    gross_negligence        = "The officials ignored the victim's own plea about a known violent aggressor when they had time to act: gross negligence.",
    negligent               = "The officials failed to take due care (they forgot, misjudged, or decided in an instant): negligence.",
    none                    = "No fault is shown in the officials' conduct.",
  },
  unknown = "The officials' state of mind cannot be settled on the facts given.",
}
