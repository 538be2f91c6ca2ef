-- negligence/pack.lua, step 2 of docs/tutorial.md: the first element, duty.

pack {
  name  = "negligence",
  title = "Negligence: is the defendant liable?",
  cases = { "cases.csv" },
}

authority "palsgraf" {
  cite  = "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339 (1928)",
  pin   = "344",
  quote = "The risk reasonably to be perceived defines the duty to be obeyed",
}

fact "foreseeable_plaintiff" { yesno,
  ask  = "Was the plaintiff within the range of foreseeable danger from the defendant's conduct?",
  help = "Palsgraf: the duty runs to those a reasonable person would see as put at risk.",
}

node "duty" {
  title = "Duty",
  ask   = "Did the defendant owe the plaintiff a duty of reasonable care?",
  by    = "palsgraf",
  favours = { yes = "plaintiff", no = "defendant" },
  rule  = "foreseeable_plaintiff",
  yes     = "The plaintiff was within the range of foreseeable danger, so the defendant owed a duty of care.",
  no      = "The plaintiff was outside the range of foreseeable danger: no duty was owed to the plaintiff.",
  unknown = "Whether the plaintiff was a foreseeable plaintiff, and so owed a duty, is not known.",
}

opinion "majority" {
  title   = "Opinion of the Court",
  role    = "majority",
  decides = "duty",
}
