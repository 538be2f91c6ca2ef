-- The officials' state of mind.
--
-- Deprivation turns on it, and so do the Eighth Amendment claims for care
-- and protection. The labels are the opinions' own: intentional conduct
-- (Daniels, 474 U.S. at 331), deliberate indifference (Estelle), and lack
-- of due care, which is negligence (Daniels at 328; Davidson at 347-348).
-- Recklessness and gross negligence are the categories Daniels left open
-- (474 U.S. at 334 n.3): a row may supply them as a trial court's finding,
-- but no branch below derives them, because no opinion gives either of them
-- facts of its own. Recklessness read from Davidson's record is Brennan's
-- and Blackmun's reading; it lives in their opinions (disposition.lua), not
-- in this ladder.
--
-- Each branch of the ladder is a node of its own, so that the explanation
-- cites the authority of the branch that fired and no other.

-- 1. A purpose to harm -------------------------------------------------------------
node "purpose_to_harm" {
  title = "A purpose to harm",
  ask   = "Did an official mean the plaintiff to be harmed (or mean to take his property)?",
  by    = { "daniels_deliberate", "davidson_distinctions" },
  rule  = "intent_to_harm",
  yes     = "An official meant the harm: a deliberate decision, the conduct the Due Process Clause has always reached.",
  no      = "No official meant the plaintiff harm.",
  unknown = "It is not known whether an official meant the plaintiff harm.",
}

-- 2. Officials who stood by ----------------------------------------------------------
node "stood_by_attack" {
  title = "Officials stood by during the attack",
  ask   = "Did officials stand by and let an attack by someone else go on while they watched?",
  by    = { "davidson_distinctions" },
  rule  = "stood_by",
  yes     = "Officials were present and let the attack go on: the case the Court set apart from negligence (Curtis v. Everette).",
  no      = "The officials did not stand by during an attack.",
  unknown = "It is not known whether officials stood by during an attack.",
}

-- 3. No time to deliberate -------------------------------------------------------------
node "split_second_decision" {
  title = "A decision in an instant",
  ask   = "Did the officials have to decide in an instant, with no time to deliberate?",
  by    = { "whitley_haste" },
  rule  = "split_second",
  yes     = "The officials had to act in haste, under pressure, with no time to deliberate.",
  no      = "The officials were not forced to decide in an instant.",
  unknown = "It is not known whether the officials had time to deliberate.",
}

-- 4. Force in good faith ------------------------------------------------------------------
node "good_faith_force" {
  title = "Force in a good-faith effort to restore order",
  ask   = "Did officials use force in a good-faith effort to keep or restore order?",
  by    = { "whitley_test" },
  rule  = all { "officials_attacked", "restoring_order" },
  yes     = "The officials used force in a good-faith effort to restore order, not to cause harm.",
  no      = "The force, if any, was not a good-faith effort to restore order (officials used force: {officials_attacked}; restoring order: {restoring_order}).",
  unknown = "It is not known whether the force was a good-faith effort to restore order.",
}

-- 5. Knowledge and disregard ----------------------------------------------------------------
-- Knew of the danger, could act, decided not to, and did not forget; no
-- genuine emergency explains it. No known violent aggressor is needed: the
-- danger may be an illness, a condition, or a threat from anyone. The law
-- from 1989 on lets knowledge be shown from an obvious risk (opinions.lua).
node "knowing_disregard" {
  title = "A known danger knowingly left alone",
  ask   = "Did the officials know of the danger, have time to act, and decide not to act on it, without forgetting it and with no genuine emergency elsewhere?",
  by    = { "estelle" },
  rule  = all { "actual_notice", "opportunity", "conscious_decision", no "forgot", no "emergency_elsewhere" },
  yes     = "The officials knew of the danger, had time to act, and chose not to, with no genuine emergency elsewhere: knowledge and disregard.",
  no      = "Knowledge and disregard are not shown (knew of the danger: {actual_notice}; time to act: {opportunity}; decided not to act: {conscious_decision}; forgot: {forgot}; a genuine emergency elsewhere: {emergency_elsewhere}).",
  unknown = "It is not known whether the officials knowingly left the danger alone.",
}

-- 6. Lack of due care ----------------------------------------------------------------------
node "lack_of_due_care" {
  title = "Lack of due care",
  ask   = "Did an official fail to take due care: forget, misjudge, or leave a hazard?",
  by    = { "davidson", "daniels" },
  rule  = any { "careless", "forgot" },
  yes     = "An official failed to take due care (careless: {careless}; forgot: {forgot}): what the Court calls lack of due care, as in forgetting a warning or misjudging its urgency.",
  no      = "No want of due care is shown.",
  unknown = "It is not known whether an official failed to take due care.",
}

-- The ladder -----------------------------------------------------------------------
-- A row may supply the trial court's finding in a column named culpability.
-- It binds unless the row says it was challenged on appeal
-- (finding_challenged = yes); then, as where no finding is supplied, the pack
-- derives the state of mind from the primary facts. The first branch that
-- holds gives the answer.
node "culpability" {
  title   = "State of mind",
  ask     = "How culpable was the officials' state of mind? (As a finding below, reckless means the officials knew of a substantial risk and consciously disregarded it, not that they ought to have known of it.)",
  values  = { "intentional", "deliberate_indifference", "reckless", "gross_negligence", "negligent", "none" },
  finding = { unless = "finding_challenged" },
  by      = { "daniels_n3" },
  rule = first {
    when "purpose_to_harm"                                   :gives "intentional",
    when "stood_by_attack"                                   :gives "deliberate_indifference",
    -- in an instant only a purpose to harm counts; a careless slip is negligence
    when(all { "split_second_decision", "careless" })        :gives "negligent",
    when "split_second_decision"                             :gives "none",
    when "good_faith_force"                                  :gives "none",
    when "knowing_disregard"                                 :gives "deliberate_indifference",
    when "lack_of_due_care"                                  :gives "negligent",
    otherwise "none",
  },
  says = {
    intentional             = "Intentional conduct: an official meant the harm.",
    deliberate_indifference = "Deliberate indifference: the officials knew of the danger and chose not to act on it, or watched an attack go on.",
    reckless                = "Recklessness, as found below: the officials knew of a substantial risk and consciously disregarded it.",
    gross_negligence        = "Gross negligence, as found below.",
    negligent               = "Negligence: a lack of due care, such as forgetting a warning, misjudging its urgency, or a careless slip in an instant.",
    none                    = "No fault is shown in the officials' conduct.",
  },
  unknown = "The officials' state of mind cannot be settled on the facts given.",
}

-- The record as the dissents read it ---------------------------------------------------
-- The facts Blackmun's Part III and the District Court's conclusions of law
-- rely on: notice of a threat from an inmate with a known history of
-- violence, an opportunity to prevent the harm, and decisions not to act,
-- with no genuine emergency to explain them (Smith v. Wade is the model).
-- Only the dissents' remand reads this node (disposition.lua).
node "conscious_disregard" {
  title = "The record the dissents read as reckless",
  ask   = "Did the officials know of a threat from a known violent aggressor, have time to act, and decide not to, with no real emergency elsewhere?",
  by    = { "blackmun_recklessness", "smith_v_wade_reckless" },
  rule  = all { "actual_notice", "known_violent", "opportunity", "conscious_decision", no "emergency_elsewhere" },
  yes     = "The officials knew of a threat from a known violent aggressor, had time to act, and decided not to, with no real emergency elsewhere: the record Brennan and Blackmun read as pointing to recklessness.",
  no      = "Not every fact the dissents read as recklessness is present (notice: {actual_notice}; aggressor known violent: {known_violent}; time to act: {opportunity}; decided not to act: {conscious_decision}; a genuine emergency elsewhere: {emergency_elsewhere}).",
  unknown = "It is not known whether the record holds every fact the dissents read as recklessness.",
}
