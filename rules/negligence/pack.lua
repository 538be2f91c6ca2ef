-- rules/negligence/pack.lua
--
-- The common-law negligence claim: duty, breach, causation and damages, and
-- what the plaintiff's own fault does to it. Li v. Yellow Cab (1975) split
-- on that last question: the majority replaced contributory negligence with
-- pure comparative negligence; Justice Clark, dissenting, would have kept
-- the old rule and left any change to the legislature.
--
-- This pack is the end product of docs/tutorial.md, which builds it step by
-- step. Read it top to bottom as an outline of the claim:
--   I.   Duty            II.  Breach
--   III. Causation       IV.  Damages
--   V.   The prima facie case
--   VI.  The plaintiff's own fault, and liability
--   VII. What the plaintiff recovers
--   VIII. The opinions: the majority and Clark's dissent

pack {
  name  = "negligence",
  title = "Negligence: is the defendant liable, and what does a plaintiff at fault recover?",
  case  = "Li v. Yellow Cab Co., 13 Cal. 3d 804 (1975)",
  cases = { "cases.csv" },
}

include "authorities.lua"

-- ==========================================================================
-- Facts: what a case row may state
-- ==========================================================================

fact "foreseeable_plaintiff" { yesno,
  ask  = "Was the plaintiff within the range of foreseeable danger from the defendant's conduct?",
  help = "Palsgraf: the duty runs to those a reasonable person would see as put at risk.",
  says = {
    yes = "The plaintiff was within the range of foreseeable danger from the defendant's conduct.",
    no  = "The plaintiff was outside the range of foreseeable danger from the defendant's conduct.",
  },
}

fact "statute_violated" { yesno,
  ask  = "Did the defendant, without excuse, break a safety statute meant to protect people like the plaintiff?",
  help = "Negligence per se. Answer no when no safety statute applies.",
  says = {
    yes = "The defendant, without excuse, broke a safety statute meant to protect people like the plaintiff.",
    no  = "The defendant broke no safety statute meant to protect people like the plaintiff.",
  },
}

fact "burden_less_than_risk" { yesno,
  ask  = "Would the precaution the defendant failed to take have cost less than the harm it would likely have prevented?",
  help = "Learned Hand's test: B < PL, the burden against the probability times the gravity of the injury.",
  says = {
    yes = "The precaution the defendant failed to take would have cost less than the harm it would likely have prevented.",
    no  = "The precaution the defendant failed to take would not have cost less than the harm it would likely have prevented.",
  },
}

fact "but_for" { yesno,
  ask  = "Was the defendant's conduct a cause in fact of the harm?",
  help = "The but-for test: without the conduct, the harm would not have happened.",
  says = {
    yes = "The defendant's conduct was a cause in fact of the harm.",
    no  = "The defendant's conduct was not a cause in fact of the harm.",
  },
}

fact "harm_foreseeable" { yesno,
  ask  = "Was harm of this kind a foreseeable result of the defendant's conduct?",
  help = "The Wagon Mound: liability reaches the kind of harm that made the conduct negligent.",
  says = {
    yes = "Harm of this kind was a foreseeable result of the defendant's conduct.",
    no  = "Harm of this kind was not a foreseeable result of the defendant's conduct.",
  },
}

fact "damages" { number,
  ask  = "What actual loss did the plaintiff suffer, in dollars?",
  help = "0 when there was no actual loss: nominal damages are not enough for negligence.",
  says = "The plaintiff's actual loss was {damages} dollars.",
}

fact "plaintiff_fault" { number,
  ask  = "What share of the fault for the harm, in percent, lies with the plaintiff?",
  help = "0 when the plaintiff took all due care for his or her own safety.",
  says = "The plaintiff bears {plaintiff_fault} percent of the fault for the harm.",
}

-- ==========================================================================
-- Nodes: the elements of the claim
-- ==========================================================================

-- I. Duty ------------------------------------------------------------------
node "duty" {
  title = "Duty",
  ask   = "Did the defendant owe the plaintiff a duty of reasonable care?",
  by    = "palsgraf",
  rule  = "foreseeable_plaintiff",
  yes     = "The plaintiff was within the range of foreseeable danger, so the defendant owed a duty of care.",
  no      = "The plaintiff was outside the range of foreseeable danger: no duty was owed to the plaintiff.",
  unknown = "Whether the plaintiff was a foreseeable plaintiff, and so owed a duty, is not known.",
}

-- II. Breach -----------------------------------------------------------------
node "breach" {
  title = "Breach",
  ask   = "Did the defendant fail to take reasonable care?",
  by    = { "carroll_towing", "martin_v_herzog" },
  rule  = any { "statute_violated", "burden_less_than_risk" },
  yes     = "The defendant fell below the standard of care: a precaution cheaper than the risk it averts was not taken, or a safety statute was broken without excuse.",
  no      = "The defendant took reasonable care: no precaution worth its cost was omitted and no safety statute was broken.",
  unknown = "Whether the defendant took reasonable care cannot be settled on the facts given.",
}

-- III. Causation ------------------------------------------------------------------
node "actual_cause" {
  title = "Cause in fact",
  ask   = "Was the defendant's conduct a but-for cause of the harm?",
  by    = "restatement_causation",
  rule  = "but_for",
  yes     = "Without the defendant's conduct the harm would not have happened.",
  no      = "The harm would have happened anyway: the conduct was not a cause in fact.",
  unknown = "Whether the conduct was a cause in fact is not known.",
}

node "proximate_cause" {
  title = "Proximate cause",
  ask   = "Was the harm of a kind the defendant's negligence made foreseeable?",
  by    = "wagon_mound",
  rule  = "harm_foreseeable",
  yes     = "The harm was of the foreseeable kind, within the scope of the risk.",
  no      = "The harm was not of a foreseeable kind, so the conduct was not its proximate cause.",
  unknown = "Whether the harm was of a foreseeable kind is not known.",
}

node "causation" {
  title = "Causation",
  ask   = "Did the breach cause the harm, in fact and in law?",
  by    = { "restatement_causation", "wagon_mound" },
  rule  = all { "actual_cause", "proximate_cause" },
  yes     = "The breach caused the harm, both in fact and proximately.",
  no      = "Causation fails.",
  unknown = "Causation cannot be settled on the facts given.",
}

-- IV. Damages -------------------------------------------------------------------------
node "harm" {
  title = "Damages",
  ask   = "Did the plaintiff suffer actual loss?",
  by    = "prosser_elements",
  rule  = gt("damages", 0),
  yes     = "The plaintiff suffered actual loss of ${damages}.",
  no      = "The plaintiff suffered no actual loss, and negligence without loss is not actionable.",
  unknown = "The plaintiff's loss is not known.",
}

-- V. The prima facie case ----------------------------------------------------------------
node "prima_facie" {
  title = "Prima facie case",
  ask   = "Has the plaintiff shown duty, breach, causation and damages?",
  by    = "prosser_elements",
  rule  = all { "duty", "breach", "causation", "harm" },
  yes     = "Every element is shown: duty, breach, causation and damages.",
  no      = "An element of negligence fails.",
  unknown = "The elements cannot all be settled on the facts given.",
}

-- VI. The plaintiff's own fault -----------------------------------------------------------
-- The common law: any fault of the plaintiff's own bars recovery altogether.
-- The majority in Li overrides this node (see the opinions below).
node "barred" {
  title = "Plaintiff's fault as a bar",
  ask   = "Does the plaintiff's own fault bar recovery?",
  by    = { "butterfield", "li_dissent" },
  rule  = gt("plaintiff_fault", 0),
  yes     = "The plaintiff was at fault ({plaintiff_fault}%), and contributory negligence bars recovery altogether.",
  no      = "The plaintiff was not at fault, so contributory negligence is no bar.",
  unknown = "How much of the fault lies with the plaintiff is not known.",
}

node "liability" {
  title = "Liability",
  ask   = "Is the defendant liable in negligence?",
  by    = "prosser_elements",
  favours = { yes = "plaintiff", no = "defendant" },
  rule  = all { "prima_facie", no "barred" },
  yes     = "The defendant is liable in negligence.",
  no      = "The defendant is not liable in negligence.",
  unknown = "Liability cannot be decided until the open questions are settled.",
}

-- VII. What the plaintiff recovers: the disposition of each opinion -------------------------
node "recovery" {
  title  = "Recovery",
  ask    = "What does the plaintiff recover?",
  values = { "full", "reduced", "nothing" },
  by     = { "li_majority", "butterfield" },
  rule = first {
    when(no "liability")            :gives "nothing",
    when(gt("plaintiff_fault", 0))  :gives "reduced",
    otherwise "full",
  },
  says = {
    full    = "The plaintiff recovers the whole loss of ${damages}.",
    reduced = "The plaintiff recovers the loss of ${damages}, reduced by the {plaintiff_fault}% of the fault that is the plaintiff's own.",
    nothing = "The plaintiff recovers nothing.",
  },
  unknown = "What the plaintiff recovers cannot be settled yet.",
}

-- ==========================================================================
-- VIII. Opinions
-- ==========================================================================

-- The Court (Sullivan, J.): contributory negligence gives way to "pure"
-- comparative negligence. The plaintiff's fault reduces the award in
-- proportion; it bars recovery only when the fault is all the plaintiff's.
opinion "majority" {
  title   = "Opinion of the Court",
  author  = "Sullivan",
  role    = "majority",
  date    = "1975-03-31",
  decides = "liability",
  disposition = "recovery",
  override "barred" {
    by   = "li_majority",
    rule = ge("plaintiff_fault", 100),
    yes     = "All of the fault is the plaintiff's own, so there is nothing to apportion to the defendant.",
    no      = "Under comparative negligence the plaintiff's share of the fault ({plaintiff_fault}%) does not bar recovery; it reduces the award.",
    unknown = "How much of the fault lies with the plaintiff is not known.",
  },
}

-- Clark, J., dissenting: the all-or-nothing rule is the law the legislature
-- wrote into Civil Code section 1714; only the legislature may change it.
opinion "clark" {
  title   = "Clark, J., dissenting",
  author  = "Clark",
  role    = "dissent",
  date    = "1975-03-31",
  decides = "liability",
  disposition = "recovery",
}
