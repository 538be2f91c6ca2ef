-- Authorities for the negligence pack.

authority "palsgraf" {
  cite  = "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339 (1928)",
  pin   = "344",
  quote = "The risk reasonably to be perceived defines the duty to be obeyed",
}

authority "carroll_towing" {
  cite  = "United States v. Carroll Towing Co., 159 F.2d 169 (2d Cir. 1947)",
  pin   = "173",
  quote = "whether B < PL",
}

authority "martin_v_herzog" {
  cite  = "Martin v. Herzog, 228 N.Y. 164 (1920)",
  pin   = "168",
  quote = "negligence in itself",
}

authority "restatement_causation" {
  cite = "Restatement (Third) of Torts: Liability for Physical and Emotional Harm § 26 (2010)",
}

authority "wagon_mound" {
  cite = "Overseas Tankship (U.K.) Ltd. v. Morts Dock & Engineering Co. (The Wagon Mound), [1961] A.C. 388 (P.C.)",
}

authority "prosser_elements" {
  cite = "W. Page Keeton et al., Prosser and Keeton on the Law of Torts § 30 (5th ed. 1984)",
}

authority "butterfield" {
  cite = "Butterfield v. Forrester, (1809) 11 East 60, 103 Eng. Rep. 926 (K.B.)",
}

authority "li_majority" {
  cite = "Li v. Yellow Cab Co., 13 Cal. 3d 804 (1975)",
  pin  = "829",
}

authority "li_dissent" {
  cite = "Li v. Yellow Cab Co., 13 Cal. 3d 804 (1975) (Clark, J., dissenting)",
}
