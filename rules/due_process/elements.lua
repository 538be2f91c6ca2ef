-- The elements of the claims.

-- I. State action ----------------------------------------------------------------
node "state_action" {
  title = "State action",
  ask   = "Did the defendants act under color of state law?",
  by    = { "section_1983", "monroe" },
  rule  = "state_actor",
  yes     = "The defendants acted under color of state law.",
  no      = "The defendants did not act under color of state law, so section 1983 does not reach them.",
  unknown = "It is not known whether the defendants acted under color of state law.",
}

-- II. A protected interest, infringed ------------------------------------------------
node "protected_interest" {
  title = "Protected interest",
  ask   = "Did the conduct infringe an interest in life, liberty or property?",
  by    = { "ingraham", "youngberg" },
  rule  = all { is("interest", "life", "liberty", "property"), "harm" },
  yes     = "The conduct infringed the plaintiff's {interest}, an interest the Due Process Clause protects (liberty includes personal security, and for a prisoner, security from attack by other inmates).",
  no      = "No interest in life, liberty or property was infringed (interest: {interest}; harm: {harm}).",
  unknown = "It is not yet known whether a protected interest was infringed (interest: {interest}; harm: {harm}).",
}

-- III. Custody ---------------------------------------------------------------------------
-- Blackmun's line between Daniels and Davidson: had the State taken away the
-- plaintiff's means of guarding against this very danger?
node "custody" {
  title = "Custody",
  ask   = "Had the State taken away the plaintiff's means of protecting himself from this danger?",
  by    = { "blackmun_custody", "youngberg" },
  rule  = all { is("status", "convicted_prisoner", "pretrial_detainee", "committed"), no "could_protect_self" },
  yes     = "Held as a {status}, the plaintiff could not protect himself from this danger and had to rely on the State's agents.",
  no      = "The State had not taken away the plaintiff's means of guarding against this danger (status: {status}; could protect himself: {could_protect_self}).",
  unknown = "It is not known whether custody left the plaintiff unable to protect himself.",
}

-- IV. Deprivation ---------------------------------------------------------------------------
-- The Court's rule: intent or deliberate indifference deprives; negligence
-- never does (Daniels; Davidson); recklessness and gross negligence are
-- left open (Daniels n.3). The dissents and Parratt override it (opinions.lua).
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

-- Blackmun's rule for negligence: where the State has disarmed a person and
-- then ignores his plea for help against a danger to his person, negligence
-- deprives him of liberty, "at least absent extenuating circumstances".
-- Only his opinion reads this node.
node "custodial_negligence" {
  title = "Negligence toward a person the State disarmed",
  ask   = "Were the officials negligent toward a person in custody whose known plea for protection of his person they ignored, with no genuine emergency to excuse it?",
  by    = { "blackmun_custody", "blackmun_negligence" },
  rule  = unless(all { is("culpability", "gross_negligence", "negligent"), "custody",
                       is("interest", "life", "liberty"), "actual_notice", "asked_protection",
                       no "responded" },
                 "emergency_elsewhere"),
  yes     = "The State took away the plaintiff's means of self-protection, he turned to its officials for protection of his person, and they ignored his plea through negligence with nothing to excuse it.",
  no      = "Blackmun's rule for negligence does not apply: it needs negligence toward a person in custody about a danger to his person, a plea for protection ignored, and no genuine emergency (state of mind: {culpability}; custody: {custody}; asked: {asked_protection}; emergency: {emergency_elsewhere}).",
  unknown = "It is not known whether Blackmun's rule for negligence applies.",
}

-- V. Without due process of law --------------------------------------------------------------
-- Could the State have held a hearing first? Not before a random and
-- unauthorized act it could not foresee (Parratt, Hudson); yes before acting
-- under its own established procedure (Logan).
node "hearing_feasible" {
  title = "Process beforehand feasible",
  ask   = "Could the State have given a hearing before the deprivation?",
  by    = { "logan", "parratt_remedy", "hudson" },
  rule  = no "random_unauthorized",
  yes     = "The harm followed an established state procedure, so the State could have given a hearing before it.",
  no      = "The harm came from a random and unauthorized act the State could not foresee, so no hearing beforehand was possible; a remedy afterwards is what process can mean here.",
  unknown = "It is not known whether the harm followed an established procedure or a random act.",
}

-- Did the State give the process that fits?
node "process_given" {
  title = "Process given",
  ask   = "Did the State give the process that fits: a hearing before an established procedure took effect, or an adequate remedy after a random act?",
  by    = { "parratt_adequate", "hudson", "logan" },
  rule  = any { all { "hearing_feasible", "prior_hearing" },
                all { no "hearing_feasible", is("remedy", "adequate") } },
  yes     = "The State gave the process that fits: a hearing beforehand, or an adequate remedy afterwards for an act it could not foresee (remedy: {remedy}).",
  no      = "The State did not give the process that fits (hearing beforehand possible: {hearing_feasible}; remedy: {remedy}).",
  unknown = "It is not known whether the State gave the process that fits.",
}

-- The Court's view: no process at all is a violation; whether a tort suit
-- that a state immunity statute bars is an adequate remedy, the majority
-- never reached, so it stays open. Blackmun decides it (opinions.lua).
node "without_due_process" {
  title = "Without due process",
  ask   = "Did the deprivation occur without the process the Constitution requires?",
  by    = { "parratt_remedy", "hudson", "logan" },
  rule  = any { all { "hearing_feasible", no "prior_hearing" },
                all { no "hearing_feasible", is("remedy", "none") } },
  open  = all { no "hearing_feasible", is("remedy", "barred_by_immunity") },
  yes     = "The State gave no process that fits: an established procedure took effect without a hearing, or no remedy at all followed (remedy: {remedy}).",
  no      = "The State gave the process due: for a random and unauthorized act, an adequate remedy afterwards, or a hearing before an established procedure took effect (remedy: {remedy}).",
  unknown = "Whether the State gave due process is open: state immunity bars the tort suit and the Court has not decided whether that leaves the remedy inadequate (remedy: {remedy}).",
}

-- VI. The due process claim ---------------------------------------------------------------------
node "due_process_claim" {
  title = "Due process claim",
  ask   = "Did the officials deprive the plaintiff of life, liberty or property without due process of law?",
  by    = { "section_1983", "daniels" },
  rule  = all { "state_action", "protected_interest", "deprivation", "without_due_process" },
  yes     = "Every element is met: state action, a protected interest, a deprivation of it, and no due process.",
  no      = "An element fails, so there is no due process violation.",
  unknown = "The due process claim cannot be decided until the open elements are settled.",
}

-- VII. The Eighth Amendment claim -----------------------------------------------------------------
-- Only for those convicted: the State acquires the power to punish, with
-- which the Eighth Amendment is concerned, only by a conviction. Pretrial
-- detainees and the involuntarily committed are under due process.
node "convicted" {
  title = "Convicted and serving a sentence",
  ask   = "Was the plaintiff a convicted prisoner, so that the Eighth Amendment applies?",
  by    = { "ingraham_punishment", "bell_v_wolfish", "revere" },
  rule  = is("status", "convicted_prisoner"),
  yes     = "The plaintiff was a convicted prisoner, so the Eighth Amendment applies.",
  no      = "The plaintiff was not a convicted prisoner (status: {status}); the Eighth Amendment does not apply, and his protection lies in due process.",
  unknown = "It is not known whether the plaintiff had been convicted.",
}

-- Deliberate indifference to a substantial risk of serious harm; negligence,
-- medical malpractice included, is not enough. The pack reads deliberate
-- indifference, as both dissents do, to include conscious recklessness.
node "eighth_amendment_claim" {
  title = "Eighth Amendment claim",
  ask   = "Were the officials deliberately indifferent to a substantial risk of serious harm to a convicted prisoner?",
  by    = { "estelle", "estelle_malpractice", "smith_v_wade_reckless" },
  rule  = all { "convicted", "state_action", "serious_harm",
                is("culpability", "intentional", "deliberate_indifference", "reckless") },
  yes     = "A convicted prisoner suffered serious harm through conduct that was {culpability}: cruel and unusual punishment.",
  no      = "No Eighth Amendment violation: it needs a convicted prisoner, serious harm, and deliberate indifference or worse (convicted: {convicted}; serious harm: {serious_harm}; state of mind: {culpability}).",
  unknown = "The Eighth Amendment claim cannot be decided on the facts given.",
}

-- VIII. The section 1983 claim -------------------------------------------------------------------------
node "claim" {
  title = "Section 1983 claim",
  ask   = "Did the officials violate the plaintiff's constitutional rights, under the Due Process Clause or the Eighth Amendment?",
  by    = { "section_1983" },
  rule  = any { "due_process_claim", "eighth_amendment_claim" },
  yes     = "A constitutional right was violated, so section 1983 gives a claim.",
  no      = "Neither the Due Process Clause nor the Eighth Amendment was violated.",
  unknown = "Whether a constitutional right was violated is open.",
}
