-- rules/due_process/pack.lua
--
-- Section 1983 and the Due Process Clause: when does an official's failure to
-- protect someone "deprive" him of liberty? The pack encodes Davidson v.
-- Cannon and its companion, Daniels v. Williams, decided the same day.
--
-- Read it top to bottom as an outline of the claim:
--   I.   State action
--   II.  A protected interest, infringed
--   III. Custody (used by Blackmun's dissent)
--   IV.  The officials' state of mind (a finding below, or derived)
--   V.   Deprivation: the question the case turns on
--   VI.  Without due process of law
--   VII. The claim
--   VIII. The opinions: majority, Brennan dissent, Blackmun dissent
--
-- A first form of the doctrine: each element is an outline a later revision
-- deepens (the Eighth Amendment claim, Parratt as the law of 1981, and more
-- of Blackmun's "extenuating circumstances" are not yet here).

pack {
  name  = "due_process",
  title = "Section 1983: when does an official's failure to protect 'deprive' a person of liberty?",
  case  = "Davidson v. Cannon, 474 U.S. 344 (1986)",
}

include "authorities.lua"

-- ==========================================================================
-- Facts: what a case row may state
-- ==========================================================================

-- I. State action ----------------------------------------------------------
fact "state_actor" { yesno,
  ask  = "Were the defendants acting under color of state law?",
  help = "Prison officers, deputies and other officials doing their jobs act under color of state law.",
}

-- II. The interest and the harm --------------------------------------------
fact "interest" { oneof { "life", "liberty", "property", "none" },
  ask  = "Which interest did the conduct affect?",
  help = "Bodily injury affects liberty: freedom from unjustified intrusions on personal security.",
}

fact "harm" { yesno,
  ask = "Did the plaintiff actually suffer an injury or a loss?",
}

-- III. Custody --------------------------------------------------------------
fact "status" { oneof { "prisoner", "pretrial_detainee", "committed", "free" },
  ask = "What was the plaintiff's custodial status when he was hurt?",
}

fact "could_protect_self" { yesno, optional = true,
  ask  = "Despite his custody, could the plaintiff guard against this danger himself, as anyone could?",
  help = "Daniels could watch his step on the stairs; Davidson, disarmed and forbidden to fight back, could only ask the guards for protection.",
}

-- IV. The officials' state of mind: primary facts ----------------------------
fact "intent_to_harm" { yesno,
  ask = "Did an official mean to cause the harm?",
}

fact "actual_notice" { yesno,
  ask  = "Did the officials actually know of the specific threat or danger?",
  help = "Knowledge, not what they ought to have known: a reported threat that reached them counts.",
}

fact "known_violent" { yesno,
  ask  = "Was the aggressor known to the officials to be violent?",
  help = "Answer no where there was no aggressor at all (a hazard, not an attacker).",
}

fact "opportunity" { yesno,
  ask  = "Did the officials have the time and the means to prevent the harm?",
  help = "Hours to act, not a split-second emergency.",
}

fact "conscious_decision" { yesno,
  ask  = "Did an official consciously decide not to act on the known danger?",
  help = "Putting a reported threat aside for other work, knowingly, is a decision not to act.",
}

fact "forgot" { yesno, optional = true,
  ask = "In the end, did the officials' failure come from forgetting?",
}

fact "careless" { yesno,
  ask  = "Did an official fail to take the care a reasonable person would take?",
  help = "Leaving a hazard where people walk, misjudging how urgent a threat was, losing a note.",
}

-- IV (cont.). The plea for help -----------------------------------------------
fact "asked_protection" { yesno,
  ask  = "Did the victim turn to the officials for protection from this danger?",
  help = "Reporting a threat so that officials would take precautions counts, even without a formal request for protective custody.",
}

fact "emergency_elsewhere" { yesno, optional = true,
  ask  = "Was the failure to act explained by a genuine competing emergency?",
  help = "Blackmun's 'extenuating circumstances': a real emergency, not routine paperwork or a situation already secured.",
}

-- VI. The process the State gave ----------------------------------------------
fact "random_unauthorized" { yesno,
  ask  = "Was the harm caused by a random, unauthorized act of an official, rather than by an established state procedure?",
  help = "A State cannot hold a hearing before a random lapse it cannot foresee; it can before acting under its own procedures.",
}

fact "prior_hearing" { yesno, optional = true,
  ask = "Where an established procedure caused the harm, did the plaintiff have a hearing before it?",
}

fact "remedy" { oneof { "adequate", "barred_by_immunity", "none" },
  ask  = "What remedy did state law give for the injury after the fact?",
  help = "barred_by_immunity: a tort suit exists in name, but a state immunity statute would have it dismissed before the merits.",
}

-- Procedural posture ------------------------------------------------------------
fact "recklessness_reviewed" { yesno, optional = true,
  ask = "Did the court of appeals review the trial court's holding that the conduct was not reckless?",
}

-- ==========================================================================
-- Nodes: the elements of the claim
-- ==========================================================================

-- I. State action ----------------------------------------------------------
node "state_action" {
  title = "State action",
  ask   = "Did the defendants act under color of state law?",
  by    = { "section_1983", "monroe" },
  rule  = "state_actor",
  yes     = "The defendants acted under color of state law.",
  no      = "The defendants did not act under color of state law, so section 1983 does not reach them.",
  unknown = "It is not known whether the defendants acted under color of state law.",
}

-- II. A protected interest, infringed ------------------------------------------
node "protected_interest" {
  title = "Protected interest",
  ask   = "Did the conduct infringe an interest in life, liberty or property?",
  by    = { "ingraham", "youngberg" },
  rule  = all { is("interest", "life", "liberty", "property"), "harm" },
  yes     = "The injury infringed the plaintiff's {interest}; liberty includes personal security, and for a prisoner, security from attack by other inmates.",
  no      = "No interest in life, liberty or property was infringed (interest: {interest}; harm: {harm}).",
  unknown = "It is not yet known whether a protected interest was infringed (interest: {interest}; harm: {harm}).",
}

-- III. Custody: did the State take away the means of self-protection? --------
-- Blackmun's line between Daniels and Davidson; the majority does not use it.
node "custody" {
  title = "Custody",
  ask   = "Had the State taken away the plaintiff's means of protecting himself from this danger?",
  by    = { "blackmun_dissent", "youngberg" },
  rule  = all { is("status", "prisoner", "pretrial_detainee", "committed"), no "could_protect_self" },
  yes     = "Held as a {status}, the plaintiff could not protect himself and had to rely on the State's agents.",
  no      = "The State had not taken away the plaintiff's means of guarding against this danger (status: {status}).",
  unknown = "It is not known whether custody left the plaintiff unable to protect himself.",
}

-- IV. State of mind -------------------------------------------------------------
-- From most to least culpable. A case row may supply the trial court's finding
-- in a column named culpability; otherwise the pack derives it from the
-- primary facts. The ladder is a first approximation for failure-to-protect
-- cases: notice, a known violent aggressor, time to act and a conscious
-- decision not to act are what move an official up it.
node "culpability" {
  title   = "State of mind",
  ask     = "How culpable was the officials' state of mind?",
  values  = { "intentional", "deliberate_indifference", "reckless", "gross_negligence", "negligent", "none" },
  finding = true,
  by      = { "estelle", "daniels_n3", "davidson" },
  rule = first {
    -- meant the harm
    when(yes "intent_to_harm")                                        :gives "intentional",
    -- knew of a serious danger, could act, and chose not to, throughout
    when(all { "actual_notice", "known_violent", "opportunity",
               "conscious_decision", no "forgot" })                    :gives "deliberate_indifference",
    -- consciously put off acting on an obvious danger, then let it slip
    when(all { "actual_notice", "known_violent", "opportunity",
               "conscious_decision" })                                 :gives "reckless",
    -- knew and could act, but no conscious choice not to
    when(all { "actual_notice", "opportunity" })                      :gives "gross_negligence",
    -- lack of due care: forgot, misjudged, left a hazard
    when(any { "forgot", "careless" })                                :gives "negligent",
    otherwise "none",
  },
  says = {
    intentional             = "An official meant to cause the harm.",
    deliberate_indifference = "The officials knew of a serious danger, had time to act and chose not to: deliberate indifference.",
    reckless                = "The officials consciously disregarded a substantial and obvious danger: recklessness.",
    gross_negligence        = "The officials knew of the danger and could have acted but did not: gross negligence.",
    negligent               = "The officials failed to take due care (they forgot or misjudged): negligence.",
    none                    = "No fault is shown in the officials' conduct.",
  },
  unknown = "The officials' state of mind cannot be settled on the facts given.",
}

-- The record and the appeal: a question the dissents would send back.
-- Notice of a threat from a known violent inmate, time to act and conscious
-- decisions not to act point to recklessness; if no court of appeals has
-- reviewed the trial court's contrary holding, that review is still owed.
node "recklessness_unreviewed" {
  title = "Recklessness left unreviewed",
  ask   = "Does the record point to recklessness that no appellate court has reviewed?",
  by    = { "brennan_dissent", "blackmun_dissent" },
  rule  = all { "actual_notice", "known_violent", "opportunity", "conscious_decision",
                no "recklessness_reviewed" },
  yes     = "The officials knew of a threat from a known violent inmate, had time to act and decided not to; the record points to recklessness, and the court of appeals never reviewed the trial court's holding that the conduct was not reckless.",
  no      = "Nothing calls for a remand on recklessness: either the record does not point to it, or its review on appeal has already happened.",
  unknown = "It is not known whether the record points to recklessness that went unreviewed on appeal.",
}

-- V. Deprivation ------------------------------------------------------------------
-- The majority's rule: intent or deliberate indifference deprives; negligence
-- never does; recklessness and gross negligence are left open (Daniels n.3).
node "deprivation" {
  title = "Deprivation",
  ask   = "Did the officials 'deprive' the plaintiff of a protected interest?",
  by    = { "daniels", "daniels_abuse_of_power", "daniels_n3", "davidson" },
  rule  = is("culpability", "intentional", "deliberate_indifference"),
  open  = is("culpability", "reckless", "gross_negligence"),
  yes     = "Conduct of this kind (state of mind: {culpability}) is the abuse of power the Due Process Clause guards against: the plaintiff was deprived of {interest}.",
  no      = "The state of mind was {culpability}, and the Due Process Clause is not triggered by an official's lack of due care: there was no deprivation.",
  unknown = "The state of mind is {culpability}; Daniels left open whether recklessness or gross negligence is enough, so whether there was a deprivation is an open question.",
}

-- VI. Without due process of law -----------------------------------------------------
-- For a random and unauthorized act the State could not foresee, an adequate
-- remedy afterwards is all the process due (Parratt, Hudson). An established
-- procedure calls for a hearing before it takes effect (Logan). Whether a
-- tort suit that a state immunity statute bars is an adequate remedy, the
-- majority never reached: it stays open here.
node "without_due_process" {
  title = "Without due process",
  ask   = "Did the deprivation occur without the process the Constitution requires?",
  by    = { "parratt", "hudson", "logan" },
  rule  = any { all { no "random_unauthorized", no "prior_hearing" }, is("remedy", "none") },
  open  = is("remedy", "barred_by_immunity"),
  yes     = "The State gave no process that fits: an established procedure took effect without a hearing, or no remedy at all followed (remedy: {remedy}).",
  no      = "The State gave the process due: for a random and unauthorized act, an adequate remedy afterwards, or a hearing before an established procedure took effect (remedy: {remedy}).",
  unknown = "Whether the State gave due process is open: state immunity bars the tort suit and the Court has not decided whether that leaves the remedy inadequate, or a fact is missing (remedy: {remedy}).",
}

-- VII. The claim -----------------------------------------------------------------------
node "claim" {
  title = "Due process claim",
  ask   = "Did the officials violate the Due Process Clause, giving a claim under section 1983?",
  by    = { "section_1983", "daniels" },
  rule  = all { "state_action", "protected_interest", "deprivation", "without_due_process" },
  yes     = "Every element is met: state action, a protected interest, a deprivation of it, and no due process.",
  no      = "An element fails, so there is no due process violation.",
  unknown = "The claim cannot be decided until the open elements are settled.",
}

-- ==========================================================================
-- VIII. Opinions
-- ==========================================================================

-- The Court: Daniels controls; negligence is never a deprivation.
opinion "majority" {
  title    = "Opinion of the Court",
  author   = "Rehnquist",
  role     = "majority",
  joined   = "Burger, C.J., and White, Powell, and O'Connor, JJ.",
  date     = "1986-01-21",
  decides  = "claim",
  disposition = { yes = "reverse", no = "affirm", unknown = "vacate_and_remand" },
}

-- Brennan: recklessness or deliberate indifference deprives; negligence does
-- not. Where the record points to recklessness that the court of appeals
-- never reviewed, the question goes back (vacate and remand). He joined
-- Daniels, so gross negligence stays open for him as for the Court.
opinion "brennan" {
  title  = "Brennan, J., dissenting",
  author = "Brennan",
  role   = "dissent",
  base   = "majority",
  override "deprivation" {
    by   = { "brennan_dissent", "daniels", "daniels_n3" },
    rule = is("culpability", "intentional", "deliberate_indifference", "reckless"),
    open = any { is("culpability", "gross_negligence"), "recklessness_unreviewed" },
    yes     = "For Brennan, conduct that is reckless or worse (state of mind: {culpability}) deprives the victim of liberty.",
    no      = "For Brennan, conduct that is merely {culpability} is no deprivation, and nothing in the record calls for a second look at recklessness.",
    unknown = "For Brennan the question is open: the record points to recklessness, which in his view is enough, and the court of appeals never reviewed the trial court's holding that there was none (state of mind: {culpability}); or the state of mind is gross negligence, which Daniels left open.",
  },
}

-- Blackmun, joined by Marshall: recklessness certainly deprives; so does
-- negligence where the State has stripped a person of self-protection and
-- then ignored his known plea for help, absent extenuating circumstances.
-- And a remedy that state immunity bars is no remedy at all (Martinez).
opinion "blackmun" {
  title  = "Blackmun, J., dissenting",
  author = "Blackmun",
  role   = "dissent",
  joined = "Marshall, J.",
  base   = "majority",
  override "deprivation" {
    by   = { "blackmun_dissent", "estelle", "youngberg" },
    rule = any {
      is("culpability", "intentional", "deliberate_indifference", "reckless"),
      unless(all { is("culpability", "gross_negligence", "negligent"),
                   "custody", "actual_notice", "asked_protection" },
             "emergency_elsewhere"),
    },
    -- his fallback: if the rule fails, the recklessness review is still owed
    open = "recklessness_unreviewed",
    yes     = "For Blackmun the conduct (state of mind: {culpability}) deprived the plaintiff of liberty: the State took away his means of self-protection and then ignored his known plea for help, or the conduct was reckless or worse.",
    no      = "Even for Blackmun there was no deprivation: the conduct was {culpability}, and the State had not both taken away the plaintiff's self-protection and ignored his known call for help.",
    unknown = "For Blackmun the question is open: the record points to recklessness the court of appeals never reviewed, or a fact his rule needs is missing.",
  },
  override "without_due_process" {
    by   = { "blackmun_dissent", "martinez", "parratt", "hudson", "logan" },
    rule = any { all { no "random_unauthorized", no "prior_hearing" },
                 is("remedy", "barred_by_immunity", "none") },
    yes     = "For Blackmun the deprivation was without due process: a tort suit that state immunity bars before the merits is no remedy (remedy: {remedy}), and state immunity cannot defeat a federal claim.",
    no      = "For Blackmun too the State gave the process due (remedy: {remedy}).",
    unknown = "For Blackmun it is not yet known whether the State gave due process (remedy: {remedy}).",
  },
}
