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
-- Each kind of interest is its own node, so that the explanation cites the
-- authority for the interest at stake and no other.
node "personal_security" {
  title = "Liberty: personal security",
  ask   = "Was the plaintiff's liberty, his personal security, actually infringed?",
  by    = { "ingraham", "youngberg" },
  rule  = all { is("interest", "liberty"), "harm" },
  yes     = "The conduct infringed the plaintiff's liberty, which includes freedom from unjustified intrusions on personal security and, for those the State holds, security from attack.",
  no      = "No infringement of liberty is shown (interest: {interest}; harm: {harm}).",
  unknown = "It is not known whether the plaintiff's liberty was infringed (interest: {interest}; harm: {harm}).",
}

node "life_or_property" {
  title = "Life or property",
  ask   = "Was the plaintiff's life or property actually taken or harmed?",
  by    = { "due_process_clause" },
  rule  = all { is("interest", "life", "property"), "harm" },
  yes     = "The conduct took or harmed the plaintiff's {interest}, which the Due Process Clause names.",
  no      = "No loss of life or property is shown (interest: {interest}; harm: {harm}).",
  unknown = "It is not known whether life or property was lost (interest: {interest}; harm: {harm}).",
}

-- Force so slight that the Constitution is not concerned with it.
node "de_minimis_imposition" {
  title = "A de minimis imposition",
  ask   = "Was the only harm a trivial use of force, too slight for the Constitution to notice?",
  by    = { "ingraham_de_minimis" },
  rule  = all { "officials_attacked", no "serious_harm", "de_minimis_force" },
  yes     = "The force was de minimis, an imposition the Constitution is not concerned with.",
  no      = "The harm was not a merely de minimis use of force.",
  unknown = "It is not known whether the force was de minimis.",
}

node "protected_interest" {
  title = "Protected interest",
  ask   = "Did the conduct infringe an interest in life, liberty or property, more than trivially?",
  by    = { "due_process_clause" },
  rule  = all { any { "personal_security", "life_or_property" }, no "de_minimis_imposition" },
  yes     = "A protected interest ({interest}) was infringed.",
  no      = "No protected interest was infringed, or only trivially (interest: {interest}; harm: {harm}).",
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

-- III a. A duty to protect ---------------------------------------------------------------
-- Where the harm came from someone else (another person, a hazard, an
-- illness), the State must first have owed the plaintiff protection. It
-- does for those it holds against their will. For a free person the 1986
-- opinions never had to decide; DeShaney (1989) holds there is no such duty
-- (opinions.lua), and the courts of appeals' state-created danger rule is
-- carried as their own opinion.
node "duty_to_protect" {
  title = "A duty to protect",
  ask   = "Did the State owe the plaintiff protection from this harm?",
  by    = { "youngberg" },
  rule  = any { is("status", "convicted_prisoner", "pretrial_detainee", "committed"), no "harm_by_third_party" },
  open  = "harm_by_third_party",
  yes     = "The State owed the plaintiff protection: he was in its custody, or its officials' own conduct did the harm (status: {status}; harm done by others: {harm_by_third_party}).",
  no      = "The State owed this free person no protection from harm others did.",
  unknown = "Whether the State owed a free person protection from harm done by others is not decided by this opinion (status: {status}).",
}

-- IV. Deprivation ---------------------------------------------------------------------------
-- Three ways to deprive: a culpable state of mind toward the harm (intent or
-- deliberate indifference; negligence never, Daniels and Davidson;
-- recklessness and gross negligence left open, Daniels n.3), a deliberate
-- decision to take liberty or property, and force on a detainee that
-- amounts to punishment. The dissents and later law override it
-- (opinions.lua).

-- A deliberate decision to take, by an established procedure or by
-- officials with the power to give process first: a deprivation whether or
-- not anyone meant harm.
node "deliberate_deprivation" {
  title = "A deliberate taking",
  ask   = "Did officials deliberately take the plaintiff's liberty or property through an established procedure or a foreseeable decision, rather than a random lapse?",
  by    = { "daniels_deliberate", "logan_procedure" },
  rule  = all { no "random_unauthorized", "meant_to_deprive" },
  yes     = "The State deliberately took the plaintiff's {interest}, by its own procedure or a foreseeable decision of officials: a deprivation, whether or not anyone meant harm.",
  no      = "No deliberate taking by an established procedure or foreseeable decision (random and unauthorized: {random_unauthorized}; meant to deprive: {meant_to_deprive}).",
  unknown = "It is not known whether the State deliberately took the plaintiff's {interest}.",
}

-- Force on those held but not convicted: the State may not punish them.
-- Before 2015 the Court had said that punishment may be inferred from a
-- measure not reasonably related to a legitimate goal, but not that
-- objective excess alone suffices: open. Kingsley (2015) decides it
-- (opinions.lua).
node "punitive_force" {
  title = "Force on a detainee that punishes",
  ask   = "Did officials use force on a detainee or committed person for a purpose to harm?",
  by    = { "bell_punishment" },
  rule  = all { is("status", "pretrial_detainee", "committed"), "officials_attacked", "intent_to_harm" },
  open  = all { is("status", "pretrial_detainee", "committed"), "officials_attacked", "force_unreasonable" },
  yes     = "Officials used force on a {status} to harm him: punishment of one the State may not punish.",
  no      = "No force amounting to punishment of a detainee or committed person (status: {status}; officials used force: {officials_attacked}; meant harm: {intent_to_harm}).",
  unknown = "Whether the force punished the {status} is not settled: a purpose to harm is not shown, and before 2015 the Court had not said whether force more than the situation called for is enough; or a fact that decides it is not known.",
}

-- The state of mind that deprives. The Court: intent or deliberate
-- indifference; never negligence (Daniels; Davidson); recklessness and gross
-- negligence left open (Daniels n.3). The dissents and the rule of 1981
-- override this node (opinions.lua).
node "culpable_conduct" {
  title = "A state of mind that deprives",
  ask   = "Was the officials' state of mind more culpable than a lack of due care, enough to deprive?",
  by    = { "daniels", "daniels_n3", "davidson" },
  rule  = is("culpability", "intentional", "deliberate_indifference"),
  open  = is("culpability", "reckless", "gross_negligence"),
  yes     = "Conduct that was {culpability} is the abuse of power the Due Process Clause guards against.",
  no      = "The state of mind was {culpability}, and the Due Process Clause is not triggered by an official's lack of due care.",
  unknown = "The state of mind is {culpability}: Daniels left open whether recklessness or gross negligence is enough, or the state of mind is not known.",
}

-- The involuntarily committed: the State must respect the professional
-- judgment that decides their care; a decision so far from it that it was no
-- professional judgment at all deprives them of liberty.
node "professional_judgment_departure" {
  title = "A departure from professional judgment",
  ask   = "Was a decision about an involuntarily committed person such a substantial departure from professional judgment that it was no professional judgment at all?",
  by    = { "youngberg_professional" },
  rule  = all { is("status", "committed"), "professional_departure" },
  yes     = "The decision about a committed person was so far from accepted professional judgment that it was no professional judgment at all.",
  no      = "No substantial departure from professional judgment about a committed person is shown (status: {status}; departure: {professional_departure}).",
  unknown = "It is not known whether the decision about the committed person departed substantially from professional judgment.",
}

node "deprivation" {
  title = "Deprivation",
  ask   = "Did the officials 'deprive' the plaintiff of a protected interest?",
  by    = { "daniels_abuse_of_power" },
  rule  = any { "culpable_conduct", "deliberate_deprivation", "punitive_force", "professional_judgment_departure" },
  yes     = "The plaintiff was deprived of {interest}: the element below that holds says how.",
  no      = "There was no deprivation: no state of mind that deprives, no deliberate taking, no force that punishes, no departure from professional judgment about a committed person.",
  unknown = "Whether there was a deprivation is not settled: see the open element below.",
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
-- Two paths. A substantive violation (harm to life or liberty meant, or
-- knowingly allowed, by a random act of officials) is complete when it is
-- committed, and what remedies the State offers does not matter. A
-- procedural claim is complete only when the State fails to give the
-- process due: a hearing first where one was feasible and due, or an
-- adequate remedy afterwards (Parratt, Hudson; Logan; Mathews; Ingraham).
node "substantive_complete" {
  title = "A violation complete when committed",
  ask   = "Was the deprivation a harm to life or liberty that officials meant, or knowingly allowed, in an act of their own rather than under the State's procedure?",
  by    = { "stevens_daniels", "davidson_distinctions" },
  rule  = all { is("interest", "life", "liberty"), "random_unauthorized",
                any { is("culpability", "intentional", "deliberate_indifference", "reckless"), "punitive_force",
                      "professional_judgment_departure" } },
  yes     = "Harm to {interest} that officials meant or knowingly allowed is a wrong complete when it is done: what remedies the State offers afterwards does not matter.",
  no      = "The claim is one of process, not a wrong complete when done (interest: {interest}; random and unauthorized: {random_unauthorized}; state of mind: {culpability}).",
  unknown = "It is not known whether the claim is of a wrong complete when done, or of process.",
}

-- Could the State have held a hearing first? Not before a random and
-- unauthorized act it could not foresee (Parratt, Hudson); yes before acting
-- under its own established procedure, or where the deprivation was
-- foreseeable and the officials had the power to give process (Logan;
-- Zinermon).
node "hearing_feasible" {
  title = "Process beforehand feasible",
  ask   = "Could the State have given a hearing before the deprivation?",
  by    = { "logan", "parratt_remedy", "hudson" },
  rule  = no "random_unauthorized",
  yes     = "The harm followed an established state procedure or a foreseeable decision, so the State could have given a hearing before it.",
  no      = "The harm came from a random and unauthorized act the State could not foresee, so no hearing beforehand was possible; a remedy afterwards is what process can mean here.",
  unknown = "It is not known whether the harm followed an established procedure or a random act.",
}

-- Where a hearing first was feasible, was it due and withheld? The balance
-- of Mathews v. Eldridge decides whether it was due; Ingraham held the
-- common-law remedies enough for school paddling. Asked only where no
-- hearing was held.
node "hearing_first_denied" {
  title = "A hearing first due and not given",
  ask   = "Was a hearing before the deprivation feasible and, on the balance of interests, due, and none held?",
  by    = { "logan_procedure", "mathews", "ingraham_remedies" },
  rule  = all { "hearing_feasible", no "prior_hearing", "hearing_first_due" },
  yes     = "A hearing first was feasible and, on the balance of interests, due, and none was held.",
  no      = "No hearing first was withheld that was due (feasible: {hearing_feasible}; held: {prior_hearing}; due on the balance: {hearing_first_due}).",
  unknown = "It is not known whether a hearing first was due and withheld.",
}

-- Where no hearing first was due (a random act, or a practice the balance
-- leaves to remedies afterwards), the remedy afterwards is the process.
node "remedy_is_the_process" {
  title = "A remedy afterwards is the process due",
  ask   = "Is a remedy after the deprivation the process due: a random act no hearing could precede, or a practice for which the balance of interests asks no hearing first?",
  by    = { "parratt_remedy", "hudson", "ingraham_remedies" },
  rule  = any { no "hearing_feasible", all { no "prior_hearing", no "hearing_first_due" } },
  yes     = "A remedy afterwards is the process due here (hearing beforehand feasible: {hearing_feasible}; due on the balance: {hearing_first_due}).",
  no      = "A remedy afterwards is not the whole of the process due here.",
  unknown = "It is not known whether a remedy afterwards is the process due.",
}

-- Where an established practice took liberty or property and no hearing
-- first was due, the process due may come with the practice itself: an
-- informal review within a reasonable time (Hewitt), or the judgment of a
-- qualified professional, presumptively valid (Youngberg). That process is
-- given whatever tort remedy the State keeps or withholds.
node "process_at_the_time_given" {
  title = "Process given at the time",
  ask   = "Where an established practice caused the loss and no hearing first was due, did officials give at the time the informal review or professional judgment the practice provides?",
  by    = { "mathews", "hewitt_informal_review", "youngberg_presumption" },
  rule  = all { "hearing_feasible", no "prior_hearing", no "hearing_first_due", "process_at_the_time" },
  yes     = "No hearing first was due, and officials gave at the time the process the practice itself provides: a prompt informal review, or a qualified professional's judgment.",
  no      = "No process was given at the time in place of a hearing or a remedy (feasible: {hearing_feasible}; hearing held: {prior_hearing}; due first: {hearing_first_due}; process at the time: {process_at_the_time}).",
  unknown = "It is not known whether officials gave at the time the process the practice provides.",
}

-- Did the State give the process that fits?
node "process_given" {
  title = "Process given",
  ask   = "Did the State give the process that fits: a hearing first where one was due, the process the practice provides at the time, or an adequate remedy afterwards?",
  by    = { "parratt_adequate", "hudson", "logan" },
  rule  = any { all { "hearing_feasible", "prior_hearing" },
                all { is("remedy", "adequate"), "remedy_is_the_process" },
                "process_at_the_time_given" },
  yes     = "The State gave the process that fits: a hearing beforehand, the process the practice provides at the time, or an adequate remedy afterwards where no hearing first was due (remedy: {remedy}).",
  no      = "The State did not give the process that fits (hearing held: {prior_hearing}; remedy: {remedy}).",
  unknown = "It is not known whether the State gave the process that fits.",
}

-- The Court's view: a wrong complete when done needs no more; a hearing due
-- first and not given, or no remedy at all, is a violation; whether a tort
-- suit that a state immunity statute bars is an adequate remedy, the
-- majority never reached, so it stays open. Blackmun decides it
-- (opinions.lua).
node "without_due_process" {
  title = "Without due process",
  ask   = "Did the deprivation occur without the process the Constitution requires?",
  by    = { "due_process_clause" },
  rule  = any { "substantive_complete",
                "hearing_first_denied",
                all { is("remedy", "none"), "remedy_is_the_process", no "process_at_the_time_given" } },
  open  = all { is("remedy", "barred_by_immunity"), "remedy_is_the_process", no "process_at_the_time_given" },
  yes     = "The deprivation was without due process: a wrong complete when done, a hearing due first and not given, or no remedy at all and no process at the time (remedy: {remedy}).",
  no      = "The State gave the process due: a hearing where one was due first, the process the practice provides at the time, or an adequate remedy afterwards (remedy: {remedy}).",
  unknown = "Whether the State gave due process is open or not known (remedy: {remedy}). Where state immunity bars the tort suit, the Court has not decided whether the remedy is adequate.",
}

-- VI. The due process claim ---------------------------------------------------------------------
node "due_process_claim" {
  title = "Due process claim",
  ask   = "Did the officials deprive the plaintiff of life, liberty or property without due process of law?",
  by    = { "section_1983", "due_process_clause" },
  rule  = all { "state_action", "protected_interest", "deprivation", "duty_to_protect", "without_due_process",
                "due_process_the_measure" },
  yes     = "Every element is met: state action, a protected interest, a deprivation, a duty to protect where one is needed, no due process, and a claim that due process measures.",
  no      = "An element fails, so there is no due process violation.",
  unknown = "The due process claim cannot be decided until the open elements are settled.",
}

-- Whether due process, and not a more specific provision, measures the
-- claim. The Court's rules of 1986 decide a convicted prisoner's claim about
-- his person under the Due Process Clause too: Davidson, a convicted
-- prisoner, lost his on the merits of deprivation, not because the Eighth
-- Amendment alone governed. The Court's later law asks (opinions.lua): a
-- convicted prisoner's claim about his person is the Eighth Amendment's,
-- measured by its standard (Graham; Lewis).
node "due_process_the_measure" {
  title = "Due process the measure of the claim",
  ask   = "Is this a claim that due process measures, rather than one the Eighth Amendment covers?",
  by    = { "davidson_judgment" },
  rule  = true,
  yes     = "The Due Process Clause measures this claim (status: {status}; interest: {interest}); under the Court's rules of 1986 it measures even a convicted prisoner's claim about his person, as in Davidson itself.",
}

-- VII. The Eighth Amendment claims -----------------------------------------------------------------
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

-- Force: malicious and sadistic, for the very purpose of causing harm, and
-- more than de minimis; no serious injury is needed.
node "malicious_force" {
  title = "Malicious force",
  ask   = "Did officials use force maliciously and sadistically, for the very purpose of causing harm, and more than trivially?",
  by    = { "whitley_test" },
  rule  = all { "officials_attacked", is("culpability", "intentional"), any { "serious_harm", no "de_minimis_force" } },
  yes     = "Officials used force to cause harm, not to restore order, and more than trivially: cruel and unusual punishment, whatever the extent of the injury.",
  no      = "No malicious use of force (officials used force: {officials_attacked}; state of mind: {culpability}; de minimis: {de_minimis_force}).",
  unknown = "It is not known whether officials used force maliciously.",
}

-- Care, protection and conditions: deliberate indifference to a substantial
-- risk of serious harm; negligence, medical malpractice included, is not
-- enough. What must be serious is the harm risked: a prisoner hurt less
-- than he might have been (a knife attack that left a shallow cut) still
-- faced the risk (serious_risk); force by officials is judged under
-- malicious_force instead. Whether a finding of recklessness is deliberate
-- indifference the Court had not decided in 1986, as Daniels left it open
-- for due process: open here too, so that a convicted prisoner and a
-- detainee found reckless fare alike. Farmer (1994) decides it for the
-- later law, and Blackmun, in dissent, counts it (opinions.lua).
local function serious_harm_or_risk()
  return any { "serious_harm",
               all { is("interest", "life", "liberty"), "harm", no "officials_attacked", "serious_risk" } }
end

node "indifference_to_serious_harm" {
  title = "Deliberate indifference to serious harm",
  ask   = "Was a convicted prisoner hurt by officials' deliberate indifference or worse to a serious harm, or to a substantial risk of one?",
  by    = { "estelle", "estelle_malpractice", "whitley_wantonness", "daniels_n3" },
  rule  = all { serious_harm_or_risk(), is("culpability", "intentional", "deliberate_indifference") },
  open  = all { serious_harm_or_risk(), is("culpability", "reckless") },
  yes     = "The prisoner was hurt, and faced a serious harm or a substantial risk of one, through conduct that was {culpability}.",
  no      = "No serious harm, or substantial risk of it, through deliberate indifference or worse (serious harm: {serious_harm}; state of mind: {culpability}).",
  unknown = "Whether a finding of recklessness is the deliberate indifference the Eighth Amendment asks for, the Court had not decided (it equated the two only in Farmer, 1994); or it is not known whether serious harm, or a substantial risk of it, came from deliberate indifference.",
}

node "eighth_amendment_claim" {
  title = "Eighth Amendment claim",
  ask   = "Did officials inflict cruel and unusual punishment on a convicted prisoner?",
  by    = { "eighth_amendment" },
  rule  = all { "convicted", "state_action", any { "malicious_force", "indifference_to_serious_harm" } },
  yes     = "Cruel and unusual punishment of a convicted prisoner.",
  no      = "No Eighth Amendment violation (convicted: {convicted}).",
  unknown = "The Eighth Amendment claim cannot be decided on the facts given.",
}

-- VIII. The scope of the pack ------------------------------------------------------------------------
-- Force in the arrest of a free person is a Fourth Amendment question, and
-- a suit for an injunction, whether or not the plaintiff has already been
-- hurt, turns on questions this pack does not encode: an order looks to the
-- officials' conduct now and to come, and a past injury alone does not give
-- standing to ask for one. Such rows are outside the pack: no opinion
-- decides them, and the output says why.
outside "arrest" {
  title = "Force in an arrest or stop",
  when  = all { is("status", "free"), "officials_attacked", "seizure_of_free_person" },
  says  = "Force used on a free person in an arrest, a stop or another seizure is judged under the Fourth Amendment's test of reasonableness, which this pack does not encode.",
  by    = { "fourth_amendment", "graham" },
}

outside "injunction" {
  title = "A suit for an injunction",
  when  = is("relief_sought", "injunction"),
  says  = "A suit for an order (an injunction) looks forward, whether or not the plaintiff has already been hurt: it asks whether the officials are disregarding a risk now and will go on doing so, and whether this plaintiff faces a real and immediate threat of harm to come, which a past injury alone does not show. This pack decides claims for damages for what was done, and encodes neither question.",
  by    = { "section_1983", "farmer_injunction", "lyons_standing" },
}

-- IX. The section 1983 claim -------------------------------------------------------------------------
node "claim" {
  title = "Section 1983 claim",
  ask   = "Did the officials violate the plaintiff's constitutional rights, under the Due Process Clause or the Eighth Amendment?",
  by    = { "section_1983" },
  -- who wins: a violation is the plaintiff's, none the officials'
  favours = { yes = "plaintiff", no = "defendant" },
  rule  = any { "eighth_amendment_claim", "due_process_claim" },
  yes     = "A constitutional right was violated, so section 1983 gives a claim.",
  no      = "Neither the Due Process Clause nor the Eighth Amendment was violated.",
  unknown = "Whether a constitutional right was violated is open.",
}
