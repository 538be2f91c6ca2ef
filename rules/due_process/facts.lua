-- Facts: what a case row may state.
--
-- Grouped by the element that reads them. A fact marked optional only
-- matters in some patterns (a prior hearing only where an established
-- procedure caused the harm); a blank cell is always "unknown". Each
-- fact's says states its answers as sentences, for prose such as the fact
-- pattern of a hypothetical; they restate the question, and add nothing
-- to it.

-- I. State action -------------------------------------------------------------
fact "state_actor" { yesno,
  ask  = "Were the defendants acting under color of state law?",
  help = "Prison officers, deputies and other officials doing their jobs act under color of state law; a private volunteer does not.",
  says = {
    yes = "The defendants were acting under color of state law.",
    no  = "The defendants were not acting under color of state law.",
  },
}

-- II. The interest and the harm -------------------------------------------------
fact "interest" { oneof { "life", "liberty", "property", "none" },
  ask  = "Which interest did the conduct affect?",
  help = "Bodily injury affects liberty: freedom from unjustified intrusions on personal security. A lost privilege the law does not secure is none.",
  says = {
    life     = "The conduct affected the plaintiff's life.",
    liberty  = "The conduct affected the plaintiff's liberty.",
    property = "The conduct affected the plaintiff's property.",
    none     = "The conduct affected no interest in life, liberty or property.",
  },
}

fact "harm" { yesno,
  ask = "Did the plaintiff actually suffer an injury or a loss?",
  says = {
    yes = "The plaintiff actually suffered an injury or a loss.",
    no  = "The plaintiff suffered no actual injury or loss.",
  },
}

fact "serious_harm" { yesno, optional = true,
  ask  = "Was the harm risked, and suffered, serious: a serious injury or a serious medical need?",
  help = "Asked for the Eighth Amendment claim. A broken nose and stab wounds are serious; a lost hobby kit is not. Where the risk was serious but the injury in fact suffered was not (a knife attack that left a shallow cut), answer no here and say so in serious_risk.",
  says = {
    yes = "The harm risked, and suffered, was serious: a serious injury or a serious medical need.",
    no  = "The harm risked, and suffered, was not serious.",
  },
}

-- The Eighth Amendment asks whether the prisoner faced a substantial risk
-- of serious harm, not whether he was in the end seriously hurt.
fact "serious_risk" { yesno, optional = true,
  ask  = "Whatever injury the plaintiff in fact suffered, did the officials' conduct expose him to a substantial risk of serious harm?",
  help = "Asked for the Eighth Amendment claim where the injury suffered was not itself serious. A known threat to stab a prisoner is a substantial risk of serious harm even if the attack leaves only a shallow cut.",
  says = {
    yes = "Whatever injury he in fact suffered, the officials' conduct exposed the plaintiff to a substantial risk of serious harm.",
    no  = "The officials' conduct did not expose the plaintiff to a substantial risk of serious harm.",
  },
}

-- III. Custody ---------------------------------------------------------------------
fact "status" { oneof { "convicted_prisoner", "pretrial_detainee", "committed", "free" },
  ask  = "What was the plaintiff's custodial status when he was hurt?",
  help = "convicted_prisoner: serving a sentence after conviction. pretrial_detainee: held awaiting trial. committed: involuntarily committed to a state institution. A child the State has placed in a foster home has no value of its own: DeShaney reserved whether such a placement is custody enough to give rise to a duty to protect (489 U.S. at 201 n.9). Answer free; the pack then reaches the case only through state_created_danger, not by that analogy.",
  says = {
    convicted_prisoner = "When he was hurt, the plaintiff was a convicted prisoner, serving a sentence.",
    pretrial_detainee  = "When he was hurt, the plaintiff was a pretrial detainee, held awaiting trial.",
    committed          = "When he was hurt, the plaintiff was involuntarily committed to a state institution.",
    free               = "When he was hurt, the plaintiff was not in custody.",
  },
}

fact "could_protect_self" { yesno, optional = true,
  ask  = "Despite his custody, could the plaintiff guard against this danger himself, as anyone could?",
  help = "Daniels could watch his step on the stairs; Davidson, disarmed and forbidden to fight back, could only ask the guards for protection.",
  says = {
    yes = "Despite his custody, the plaintiff could guard against this danger himself, as anyone could.",
    no  = "The plaintiff could not guard against this danger himself.",
  },
}

-- IV. The officials' state of mind: primary facts -----------------------------------
-- Who did the harm
fact "officials_attacked" { yesno,
  ask  = "Did officials themselves use force on the plaintiff?",
  help = "Force by the officials themselves, not an attack by another inmate. Whether it was a violation turns on why they used it: say so in intent_to_harm (meant to harm) and restoring_order (a good-faith effort to restore order).",
  says = {
    yes = "Officials themselves used force on the plaintiff.",
    no  = "Officials did not themselves use force on the plaintiff.",
  },
}

fact "intent_to_harm" { yesno,
  ask  = "Did an official mean the plaintiff to be harmed (or mean to take his property)?",
  says = {
    yes = "An official meant the plaintiff to be harmed (or meant to take his property).",
    no  = "No official meant the plaintiff to be harmed, or meant to take his property.",
  },
}

fact "stood_by" { yesno,
  ask  = "Did officials stand by and let an attack by someone else go on while they watched?",
  help = "As in Curtis v. Everette: present, able to step in, and choosing not to.",
  says = {
    yes = "Officials stood by and let an attack by someone else go on while they watched.",
    no  = "Officials did not stand by and watch an attack by someone else go on.",
  },
}

-- How much time there was
fact "split_second" { yesno,
  ask  = "Did the officials have to decide in an instant, in an emergency, with no time to deliberate?",
  help = "A melee or a sudden lunge, not a note received hours before.",
  says = {
    yes = "The officials had to decide in an instant, in an emergency, with no time to deliberate.",
    no  = "The officials did not have to decide in an instant: there was time to deliberate.",
  },
}

-- What they knew
fact "actual_notice" { yesno,
  ask  = "Did the officials actually know of the specific threat or danger?",
  help = "Knowledge, not what they ought to have known: a reported threat that reached them counts.",
  says = {
    yes = "The officials actually knew of the specific threat or danger.",
    no  = "The officials did not actually know of the specific threat or danger.",
  },
}

fact "known_violent" { yesno,
  ask  = "Was the aggressor known to the officials to be violent?",
  help = "A history of assaults and fighting. Answer no where there was no aggressor at all (a hazard, an illness).",
  says = {
    yes = "The officials knew the aggressor to be violent.",
    no  = "No aggressor known to the officials to be violent was involved.",
  },
}

fact "opportunity" { yesno,
  ask  = "Did the officials have the time and the means to prevent the harm?",
  help = "Hours to act (separating the inmates, an interview, protective custody, telling the next shift).",
  says = {
    yes = "The officials had the time and the means to prevent the harm.",
    no  = "The officials did not have the time and the means to prevent the harm.",
  },
}

-- What they did with it
fact "conscious_decision" { yesno,
  ask  = "Did an official consciously decide not to act on the known danger?",
  help = "Putting a reported threat aside for other work, knowingly, is a decision not to act; James made at least two. An official who judged in good faith that there was no serious danger did not decide to leave a known danger alone: answer no.",
  says = {
    yes = "An official consciously decided not to act on the known danger.",
    no  = "No official consciously decided not to act on the known danger.",
  },
}

fact "forgot" { yesno, optional = true,
  ask = "In the end, did the officials' failure come from forgetting?",
  says = {
    yes = "In the end, the officials' failure came from forgetting.",
    no  = "The officials' failure did not come from forgetting.",
  },
}

fact "careless" { yesno,
  ask  = "Did an official fail to take the care a reasonable person would take?",
  help = "Leaving a hazard where people walk, misjudging how urgent a threat was, losing a package, a medical misjudgment.",
  says = {
    yes = "An official failed to take the care a reasonable person would take.",
    no  = "No official failed to take the care a reasonable person would take.",
  },
}

fact "emergency_elsewhere" { yesno, optional = true,
  ask  = "Was the failure to act explained by a genuine competing emergency?",
  help = "Blackmun's 'extenuating circumstances': a real emergency, not routine paperwork or a cell already double locked.",
  says = {
    yes = "A genuine competing emergency explained the failure to act.",
    no  = "No genuine competing emergency explained the failure to act.",
  },
}

-- The plea for help
fact "asked_protection" { yesno,
  ask  = "Did the victim himself turn to the officials for protection from this danger?",
  help = "Reporting a threat so that officials would take precautions counts, even without a formal request for protective custody.",
  says = {
    yes = "The victim himself turned to the officials for protection from this danger.",
    no  = "The victim did not himself turn to the officials for protection from this danger.",
  },
}

fact "responded" { yesno, optional = true,
  ask  = "Did the officials take any protective step in response (an interview, separating the inmates, protective custody, medical care)?",
  help = "Passing a note up the chain without acting on it is not a protective step.",
  says = {
    yes = "The officials took a protective step in response.",
    no  = "The officials took no protective step in response.",
  },
}

-- V. The process the State gave -----------------------------------------------------
fact "random_unauthorized" { yesno,
  ask  = "Was the harm caused by a random, unauthorized act of an official, rather than by an established state procedure?",
  help = "A State cannot hold a hearing before a random lapse it cannot foresee; it can before acting under its own procedures.",
  says = {
    yes = "The harm was caused by a random, unauthorized act of an official, not by an established state procedure.",
    no  = "The harm was not caused by a random, unauthorized act of an official.",
  },
}

fact "prior_hearing" { yesno, optional = true,
  ask = "Where an established procedure caused the harm, did the plaintiff have a hearing before it?",
  says = {
    yes = "The plaintiff had a hearing before the established procedure caused the harm.",
    no  = "The plaintiff had no hearing before the established procedure caused the harm.",
  },
}

fact "remedy" { oneof { "adequate", "barred_by_immunity", "none" },
  ask  = "What remedy did state law give for the injury after the fact?",
  help = "barred_by_immunity: a tort suit exists in name, but a state immunity statute would have it dismissed before the merits.",
  says = {
    adequate           = "State law gave an adequate remedy for the injury after the fact.",
    barred_by_immunity = "A state tort suit existed in name, but a state immunity statute would have it dismissed before the merits.",
    none               = "State law gave no remedy for the injury after the fact.",
  },
}

-- IX. The posture of the appeal -----------------------------------------------------
fact "prevailed_below" { oneof { "plaintiff", "defendant" },
  ask  = "Who won in the court whose judgment is under review?",
  help = "In Davidson the Third Circuit had ruled for the officials: defendant.",
  says = {
    plaintiff = "The plaintiff won in the court whose judgment is under review.",
    defendant = "The defendants won in the court whose judgment is under review.",
  },
}

fact "finding_challenged" { yesno, optional = true,
  ask  = "Was the trial court's finding of the officials' state of mind challenged on this appeal?",
  help = "Davidson did not challenge the finding that the officials were not deliberately indifferent, so it bound the Court.",
  says = {
    yes = "The trial court's finding of the officials' state of mind was challenged on this appeal.",
    no  = "The trial court's finding of the officials' state of mind was not challenged on this appeal.",
  },
}

fact "recklessness_reviewed" { yesno, optional = true,
  ask = "Did a court of appeals review the trial court's holding that the conduct was not reckless?",
  says = {
    yes = "A court of appeals reviewed the trial court's holding that the conduct was not reckless.",
    no  = "No court of appeals reviewed the trial court's holding that the conduct was not reckless.",
  },
}

-- Facts added for the neighbourhood of Davidson ------------------------------------
-- Each is optional in the sense that it matters only in some patterns; the
-- rules read it only where it can make a difference, so a row about a
-- prisoner's failure-to-protect claim need not fill most of them.

-- Force (Whitley v. Albers; Hudson v. McMillian; Bell v. Wolfish; Kingsley)
fact "restoring_order" { yesno, optional = true,
  ask  = "When officials used force, were they acting in a good-faith effort to keep or restore order (a riot, a fight, a prisoner resisting)?",
  help = "Asked only where officials themselves used force. Force used in good faith to restore discipline is not cruel and unusual punishment; force used maliciously and sadistically to cause harm is.",
  says = {
    yes = "In using force, the officials were acting in a good-faith effort to keep or restore order.",
    no  = "In using force, the officials were not acting in a good-faith effort to keep or restore order.",
  },
}

fact "de_minimis_force" { yesno, optional = true,
  ask  = "Was the force no more than a trivial push or shove, of a kind the Constitution does not concern itself with?",
  help = "Asked only where officials used force and the plaintiff was not seriously hurt. A beating that leaves bruises and loosened teeth is not de minimis.",
  says = {
    yes = "The force was no more than a trivial push or shove.",
    no  = "The force was more than a trivial push or shove.",
  },
}

fact "force_unreasonable" { yesno, optional = true,
  ask  = "Judged as a reasonable officer on the scene would have seen it, was the force more than the situation called for?",
  help = "The objective question, apart from what the officers meant: the need for force, the amount used, the injury, any effort to temper it, the threat reasonably perceived, and whether the person was resisting.",
  says = {
    yes = "Judged as a reasonable officer on the scene would have seen it, the force was more than the situation called for.",
    no  = "Judged as a reasonable officer on the scene would have seen it, the force was no more than the situation called for.",
  },
}

-- Knowledge (Farmer v. Brennan)
fact "risk_obvious" { yesno, optional = true,
  ask  = "Was the risk to the plaintiff so obvious that the officials must have known of it, whether or not anyone reported it?",
  help = "Knowledge of a risk can be shown from its very obviousness, and from any source: a report, the victim's vulnerability, the aggressor's record, a long-standing and well-known danger.",
  says = {
    yes = "The risk to the plaintiff was so obvious that the officials must have known of it.",
    no  = "The risk to the plaintiff was not so obvious that the officials must have known of it.",
  },
}

-- The involuntarily committed (Youngberg v. Romeo)
fact "professional_departure" { yesno, optional = true,
  ask  = "For an involuntarily committed person: was the decision (to restrain him, to leave him unprotected, to deny him training) such a substantial departure from accepted professional judgment that it was not a professional judgment at all?",
  help = "Asked only for the committed. A decision a qualified professional made in the exercise of professional judgment is presumed valid; ordinary carelessness is not enough.",
  says = {
    yes = "The decision was such a substantial departure from accepted professional judgment that it was not a professional judgment at all.",
    no  = "The decision was not such a substantial departure from accepted professional judgment that it was no professional judgment at all.",
  },
}

-- Which kind of deprivation: a deliberate taking, or harm
fact "meant_to_deprive" { yesno, optional = true,
  ask  = "Did officials deliberately decide to take the plaintiff's liberty or property (to confine him, to take or end what he had), whether or not they meant him any harm?",
  help = "A decision to confine a patient, or a state procedure that extinguishes a claim, deprives by design even when no one means harm. A failure to protect someone is not a decision to take his liberty. Asked where an established procedure or a deliberate decision, not a random lapse, caused the loss.",
  says = {
    yes = "Officials deliberately decided to take the plaintiff's liberty or property.",
    no  = "Officials did not deliberately decide to take the plaintiff's liberty or property.",
  },
}

-- Sandin v. Conner (1995): for a convicted prisoner, a restraint imposed
-- within the sentence takes liberty the Clause protects only where it is an
-- atypical and significant hardship, or exceeds the sentence in an
-- unexpected manner. Read by the Court's later law alone (opinions.lua).
fact "atypical_hardship" { yesno, optional = true,
  ask  = "For a convicted prisoner whose liberty a deliberate decision took: was the restraint an atypical and significant hardship in relation to the ordinary incidents of prison life, or one that exceeds the sentence in an unexpected manner?",
  help = "Asked only for a convicted prisoner's liberty taken by a deliberate decision (confinement, a transfer, discipline), and read only by the Court's law since Sandin v. Conner (1995). A transfer to a mental hospital exceeds the sentence; thirty days of disciplinary segregation much like administrative segregation is neither atypical nor significant, whatever the prison's regulations promise.",
  says = {
    yes = "The restraint was an atypical and significant hardship in relation to the ordinary incidents of prison life, or exceeded the sentence in an unexpected manner.",
    no  = "The restraint was no atypical and significant hardship in relation to the ordinary incidents of prison life, and did not exceed the sentence in an unexpected manner.",
  },
}

-- Process that comes with the practice itself: not a hearing first, not a
-- remedy afterwards, but the informal review or the professional judgment
-- the law asks for at the time (Hewitt v. Helms; Youngberg v. Romeo).
fact "process_at_the_time" { yesno, optional = true,
  ask  = "Where an established practice caused the loss and no hearing first was due, did officials give at the time the process the practice itself provides: a prompt informal review, or a decision by a qualified professional exercising professional judgment?",
  help = "Asked only where a deliberate decision under an established practice, not a random act, took liberty or property, no hearing was held first, and none was due on the balance. Administrative segregation needs only some notice and an informal, nonadversary review within a reasonable time; a restraint a physician orders in the exercise of professional judgment is presumptively valid. Whatever tort remedy the State keeps, such process is the process due.",
  says = {
    yes = "At the time, officials gave the process the practice itself provides: a prompt informal review, or a decision by a qualified professional exercising professional judgment.",
    no  = "At the time, officials gave none of the process the practice itself provides (a prompt informal review, or a qualified professional's judgment).",
  },
}

fact "hearing_first_due" { yesno, optional = true,
  ask  = "Where an established practice caused the loss, does the balance of the interest, the risk of error and the State's interest call for a hearing before it, rather than remedies after it?",
  help = "A hearing before the State confines someone or ends his claim is due; the Court held the traditional common-law remedies enough for corporal punishment in schools.",
  says = {
    yes = "The balance of the interest, the risk of error and the State's interest called for a hearing before the loss, rather than remedies after it.",
    no  = "The balance of the interest, the risk of error and the State's interest did not call for a hearing before the loss.",
  },
}

-- A duty to protect (DeShaney v. Winnebago County)
fact "harm_by_third_party" { yesno, optional = true,
  ask  = "Was the harm done by someone other than the officials (another inmate, a parent, a stranger), or by a hazard or an illness, so that the claim is that officials failed to protect or care for the plaintiff?",
  help = "No where the officials' own act (force, a decision, a procedure) did the harm. Matters only for a person who was not in the State's custody.",
  says = {
    yes = "The harm was done by someone other than the officials, or by a hazard or an illness: the claim is that officials failed to protect or care for the plaintiff.",
    no  = "The officials' own act did the harm.",
  },
}

fact "state_created_danger" { yesno, optional = true,
  ask  = "Did officials themselves create the danger, or make the plaintiff more vulnerable to it than he would otherwise have been?",
  help = "Leaving a passenger stranded at night in a high-crime area after arresting the driver; not merely knowing of a danger and failing to act on it.",
  says = {
    yes = "Officials themselves created the danger, or made the plaintiff more vulnerable to it than he would otherwise have been.",
    no  = "Officials did not create the danger, or make the plaintiff more vulnerable to it.",
  },
}

-- Scope of the pack
fact "seizure_of_free_person" { yesno, optional = true,
  ask  = "Was the plaintiff, not otherwise in custody, hurt in the course of an arrest, a stop or another seizure?",
  help = "Force in an arrest or a stop is judged under the Fourth Amendment, which this pack does not cover. A police chase that ends in a crash is not a seizure unless the chase was meant to stop the person by that very means.",
  says = {
    yes = "The plaintiff, not otherwise in custody, was hurt in the course of an arrest, a stop or another seizure.",
    no  = "The plaintiff was not hurt in the course of an arrest, a stop or another seizure of a person not otherwise in custody.",
  },
}

-- A blank reads as damages: the pack's claims are for damages, and a row
-- is taken to ask for them unless it says it seeks an order alone.
fact "relief_sought" { oneof { "damages", "injunction" }, optional = true,
  default = "damages",
  ask  = "Does the plaintiff seek damages for an injury, or only an order (an injunction) against a danger or a condition?",
  help = "The pack decides damages claims under section 1983. A suit for an injunction alone, whether or not the plaintiff has already been hurt, turns on other questions this pack does not encode (the officials' conduct now and to come, a real and immediate threat to this plaintiff), so such a row is outside the pack.",
  says = {
    damages    = "The plaintiff seeks damages for an injury.",
    injunction = "The plaintiff seeks only an order (an injunction) against a danger or a condition.",
  },
}

-- The posture: the standard the court below applied
-- A blank reads as not_in_question: the court below is presumed to have
-- applied the right test unless the row says which test it applied.
fact "standard_below" { oneof { "deliberate_indifference", "malicious_and_sadistic", "reckless_disregard", "should_have_known", "significant_injury", "prisoner_complaint_required", "another_rejected_test", "not_in_question" }, optional = true,
  default = "not_in_question",
  ask  = "Which test did the court below apply to the officials' state of mind or to the injury?",
  help = "deliberate_indifference: knowledge and disregard of a substantial risk. malicious_and_sadistic: force used for the very purpose of causing harm. reckless_disregard: a subjective test of the officers' view of their own force. should_have_known: an objective test of what a reasonable official would have known. significant_injury: a rule that force is actionable only with a significant injury. prisoner_complaint_required: a rule that officials know of a risk only if the prisoner reported it. another_rejected_test: a test the Court rejected that is none of these (for the involuntarily committed, a court of appeals' compelling-necessity test, as in Youngberg). not_in_question (the default for a blank cell): the row puts no test below in question.",
  says = {
    deliberate_indifference     = "The court below applied a test of deliberate indifference: knowledge and disregard of a substantial risk.",
    malicious_and_sadistic      = "The court below asked whether force was used maliciously and sadistically, for the very purpose of causing harm.",
    reckless_disregard          = "The court below applied a subjective test of the officers' view of their own force (reckless disregard).",
    should_have_known           = "The court below applied an objective test of what a reasonable official would have known.",
    significant_injury          = "The court below held force actionable only with a significant injury.",
    prisoner_complaint_required = "The court below held that officials know of a risk only if the prisoner reported it.",
    another_rejected_test       = "The court below applied a test the Court rejected that is none of these.",
    not_in_question             = "No test the court below applied is in question.",
  },
}

-- Whether the record holds what the right test asks. An appellate court does
-- not find facts: where the court below asked the wrong question and so
-- never found what the right one turns on, the Court sends it back (Farmer,
-- Wilson, Youngberg); where the record already shows it, the Court decides
-- (Whitley, Hudson v. McMillian). A blank here is a question for the user,
-- not a finding never made.
fact "facts_found_below" { yesno, optional = true,
  ask  = "Did the courts below find the facts that the right test turns on?",
  help = "Answer no where the court below applied a test the opinion rejects and so never found what the right test asks (what the officials knew, whether force was meant to harm or was unreasonable). Answer yes where the record already shows it.",
  says = {
    yes = "The courts below found the facts that the right test turns on.",
    no  = "The courts below did not find the facts that the right test turns on.",
  },
}
