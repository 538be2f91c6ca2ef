-- negligence/pack.lua, step 3 of docs/tutorial.md: the four elements.

pack {
  name  = "negligence",
  title = "Negligence: is the defendant liable?",
  cases = { "cases.csv" },
}

include "authorities.lua"

fact "foreseeable_plaintiff" { yesno,
  ask  = "Was the plaintiff within the range of foreseeable danger from the defendant's conduct?",
  help = "Palsgraf: the duty runs to those a reasonable person would see as put at risk.",
}

fact "statute_violated" { yesno,
  ask  = "Did the defendant, without excuse, break a safety statute meant to protect people like the plaintiff?",
  help = "Negligence per se. Answer no when no safety statute applies.",
}

fact "burden_less_than_risk" { yesno,
  ask  = "Would the precaution the defendant failed to take have cost less than the harm it would likely have prevented?",
  help = "Learned Hand's test: B < PL, the burden against the probability times the gravity of the injury.",
}

fact "but_for" { yesno,
  ask  = "Was the defendant's conduct a cause in fact of the harm?",
  help = "The but-for test: without the conduct, the harm would not have happened.",
}

fact "harm_foreseeable" { yesno,
  ask  = "Was harm of this kind a foreseeable result of the defendant's conduct?",
  help = "The Wagon Mound: liability reaches the kind of harm that made the conduct negligent.",
}

fact "damages" { number,
  ask  = "What actual loss did the plaintiff suffer, in dollars?",
  help = "0 when there was no actual loss: nominal damages are not enough for negligence.",
}

node "duty" {
  title = "Duty",
  ask   = "Did the defendant owe the plaintiff a duty of reasonable care?",
  by    = "palsgraf",
  rule  = "foreseeable_plaintiff",
  yes     = "The plaintiff was within the range of foreseeable danger, so the defendant owed a duty of care.",
  no      = "The plaintiff was outside the range of foreseeable danger: no duty was owed to the plaintiff.",
  unknown = "Whether the plaintiff was a foreseeable plaintiff, and so owed a duty, is not known.",
}

node "breach" {
  title = "Breach",
  ask   = "Did the defendant fail to take reasonable care?",
  by    = { "carroll_towing", "martin_v_herzog" },
  rule  = any { "statute_violated", "burden_less_than_risk" },
  yes     = "The defendant fell below the standard of care: a precaution cheaper than the risk it averts was not taken, or a safety statute was broken without excuse.",
  no      = "The defendant took reasonable care: no precaution worth its cost was omitted and no safety statute was broken.",
  unknown = "Whether the defendant took reasonable care cannot be settled on the facts given.",
}

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

node "harm" {
  title = "Damages",
  ask   = "Did the plaintiff suffer actual loss?",
  by    = "prosser_elements",
  rule  = gt("damages", 0),
  yes     = "The plaintiff suffered actual loss of ${damages}.",
  no      = "The plaintiff suffered no actual loss, and negligence without loss is not actionable.",
  unknown = "The plaintiff's loss is not known.",
}

node "prima_facie" {
  title = "Prima facie case",
  ask   = "Has the plaintiff shown duty, breach, causation and damages?",
  by    = "prosser_elements",
  favours = { yes = "plaintiff", no = "defendant" },
  rule  = all { "duty", "breach", "causation", "harm" },
  yes     = "Every element is shown: duty, breach, causation and damages.",
  no      = "An element of negligence fails.",
  unknown = "The elements cannot all be settled on the facts given.",
}

opinion "majority" {
  title   = "Opinion of the Court",
  role    = "majority",
  decides = "prima_facie",
}
