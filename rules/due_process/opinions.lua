-- Opinions: who decided what, under which rule.
--
-- Every opinion decides the section 1983 claim and disposes of the judgment
-- through the disposition node. The dissents and the 1981 rule start from
-- the Court's rules (base = "majority") and override what they change.

-- The Court: Daniels controls; negligence is never a deprivation. --------------------
opinion "majority" {
  title       = "Opinion of the Court",
  author      = "Rehnquist",
  role        = "majority",
  joined      = "Burger, C.J., and White, Powell, and O'Connor, JJ.",
  date        = "1986-01-21",
  until_date  = "1989-02-22",
  displaced_by = "DeShaney",
  decides     = "claim",
  disposition = "disposition",
}

-- Brennan: recklessness or deliberate indifference deprives; negligence does
-- not. Where the record points to recklessness that the court of appeals
-- never reviewed, the question goes back. He joined Daniels, so gross
-- negligence stays open for him as for the Court.
opinion "brennan" {
  title  = "Brennan, J., dissenting",
  author = "Brennan",
  role   = "dissent",
  date   = "1986-01-21",
  base   = "majority",
  override "culpable_conduct" {
    by   = { "brennan_dissent", "daniels", "daniels_n3" },
    rule = is("culpability", "intentional", "deliberate_indifference", "reckless"),
    open = any { is("culpability", "gross_negligence"), "recklessness_review_owed" },
    yes     = "For Brennan, conduct that is reckless or worse (state of mind: {culpability}) deprives the victim of liberty.",
    no      = "For Brennan, conduct that is merely {culpability} is no deprivation, and nothing in the record calls for a second look at recklessness.",
    unknown = "For Brennan the question is open (state of mind: {culpability}): gross negligence, which Daniels left open, or a record pointing to recklessness that must first be reviewed below (see the recklessness review), or a fact that decides it is not known.",
  },
  -- Whether the wrong was without due process waits on the same review:
  -- recklessness would make it a wrong complete when done.
  override "without_due_process" {
    by   = { "brennan_dissent" },
    open = any { all { is("remedy", "barred_by_immunity"), "remedy_is_the_process", no "process_at_the_time_given" },
                 "recklessness_review_owed" },
    unknown = "For Brennan whether the State gave due process is open (remedy: {remedy}): a finding of recklessness, which must first be reviewed below, would make the wrong complete when done; or state immunity bars the tort suit, which the Court has not decided.",
  },
  override "remand" {
    by   = { "brennan_dissent" },
    rule = "recklessness_review_owed",
    yes  = "Brennan would vacate and remand so that the court of appeals may review the holding that the conduct was not reckless.",
    no   = "Brennan's rule sends nothing back: no recklessness review is owed.",
  },
}

-- Blackmun, joined by Marshall: recklessness certainly deprives; so does
-- negligence where the State has stripped a person of self-protection and
-- then ignored his plea for help, absent extenuating circumstances. A remedy
-- that state immunity bars is no remedy (Martinez). Failing all that, he too
-- would remand for the recklessness review.
opinion "blackmun" {
  title  = "Blackmun, J., dissenting",
  author = "Blackmun",
  role   = "dissent",
  joined = "Marshall, J.",
  date   = "1986-01-21",
  base   = "majority",
  override "culpable_conduct" {
    by   = { "blackmun_negligence", "blackmun_recklessness", "estelle", "youngberg" },
    rule = any { is("culpability", "intentional", "deliberate_indifference", "reckless"),
                 "custodial_negligence" },
    open = "recklessness_review_owed",
    yes     = "For Blackmun this state of mind ({culpability}) deprives: on his rule conduct that is reckless or worse always does, and negligence does where the State has stripped a person of the means to protect himself and then ignored his plea for help; the element below says which held here.",
    no      = "Even for Blackmun the state of mind does not deprive: the conduct was {culpability}, and the State had not both taken away the plaintiff's self-protection and ignored his plea for help.",
    unknown = "For Blackmun the question is open: his rule for negligence does not reach the case, and the record points to recklessness that must first be reviewed below, or a fact that decides it is not known.",
  },
  -- "Recklessness or deliberate indifference is all that a prisoner need
  -- prove" under the Eighth Amendment (Part III, reading Estelle).
  override "indifference_to_serious_harm" {
    by   = { "blackmun_recklessness", "estelle", "estelle_malpractice" },
    rule = all { any { "serious_harm",
                       all { is("interest", "life", "liberty"), "harm", no "officials_attacked", "serious_risk" } },
                 is("culpability", "intentional", "deliberate_indifference", "reckless") },
    yes     = "For Blackmun the prisoner was hurt, and faced a serious harm or a substantial risk of one, through conduct that was {culpability}: recklessness or deliberate indifference is all the Eighth Amendment asks.",
    unknown = "It is not known whether serious harm, or a substantial risk of it, came from deliberate indifference or recklessness.",
  },
  override "without_due_process" {
    by   = { "blackmun_remedy", "martinez" },
    rule = any { "substantive_complete", no "process_given" },
    open = "recklessness_review_owed",
    yes     = "For Blackmun the deprivation was without due process: a wrong complete when done, or no process that fits, and a tort suit that state immunity bars before the merits is no remedy (remedy: {remedy}); state immunity cannot defeat a federal claim.",
    no      = "For Blackmun too the State gave the process due (remedy: {remedy}).",
    unknown = "For Blackmun whether the State gave due process is open or not known (remedy: {remedy}): a finding of recklessness, which must first be reviewed below, would make the wrong complete when done.",
  },
  override "remand" {
    by   = { "blackmun_remand" },
    rule = "recklessness_review_owed",
    yes  = "Blackmun's rule for negligence does not carry the claim, so, as he would if he accepted Daniels, he would remand for review of the holding that the conduct was not reckless.",
    no   = "Blackmun's rule sends nothing back: no recklessness review is owed.",
  },
}

-- The rule of Parratt v. Taylor, law from 1981 until Daniels overruled it in
-- part: negligent loss is a deprivation, but for a random and unauthorized
-- act an adequate remedy afterwards is all the process due.
opinion "parratt_1981" {
  title      = "Parratt v. Taylor, 451 U.S. 527 (1981)",
  author     = "Rehnquist",
  role       = "majority",
  date       = "1981-05-18",
  until_date = "1986-01-21",
  displaced_by = "Daniels",
  base       = "majority",
  override "culpable_conduct" {
    by   = { "parratt_deprivation", "daniels_overrules_parratt" },
    rule = is("culpability", "intentional", "deliberate_indifference", "reckless", "gross_negligence", "negligent"),
    yes  = "Under Parratt, an official's fault, negligence included, that causes the loss (state of mind: {culpability}) is a deprivation.",
    no   = "Under Parratt too there is no deprivation where no official was at fault.",
  },
}

-- Later law ------------------------------------------------------------------------
-- The Court's law after Davidson, carried as dated opinions so that --as-of
-- shows how a row fares in 1981, in 1986 and today. The Davidson majority's
-- own rule still stands; these opinions start from it and override only what
-- the later cases changed. The first layer runs from DeShaney (1989) to
-- Kingsley (2015) and gathers the cases decided in between, each cited with
-- its own year: Zinermon (1990), Wilson v. Seiter (1991), Hudson v.
-- McMillian (1992), Farmer v. Brennan (1994), Sandin v. Conner (1995),
-- County of Sacramento v. Lewis (1998). The pack does not split that span
-- further.
opinion "law_1989" {
  title      = "The Court's law after DeShaney v. Winnebago County, 489 U.S. 189 (1989)",
  author     = "the Court",
  role       = "majority",
  date       = "1989-02-22",
  until_date = "2015-06-22",
  displaced_by = "Kingsley",
  base       = "majority",
  -- DeShaney: no duty to protect a free person from private violence;
  -- whether a danger the State created changes that, the Court has never
  -- decided (489 U.S. at 201).
  override "duty_to_protect" {
    by   = { "deshaney_custody" },
    open = "state_created_danger",
    no      = "Since DeShaney the Due Process Clause gives a free person no right to the State's protection from harm others do; a duty arises from custody, and the State did not create this danger.",
    unknown = "The State did not hold the plaintiff, but its officials made the danger; DeShaney left room for that case and the Court has never decided it.",
  },
  -- Farmer: knowledge from any source, and from the obviousness of the risk.
  override "knowing_disregard" {
    by   = { "farmer_knowledge", "estelle" },
    rule = all { any { "actual_notice", "risk_obvious" }, "opportunity", "conscious_decision",
                 no "forgot", no "emergency_elsewhere" },
    no   = "Knowledge and disregard are not shown (knew of the danger: {actual_notice}; risk obvious: {risk_obvious}; time to act: {opportunity}; decided not to act: {conscious_decision}; forgot: {forgot}; a genuine emergency elsewhere: {emergency_elsewhere}).",
  },
  -- Farmer: deliberate indifference is recklessness in the criminal law's
  -- sense, so a finding of recklessness (so defined) meets it.
  override "indifference_to_serious_harm" {
    by   = { "farmer_knowledge", "farmer_recklessness", "farmer_risk", "estelle", "estelle_malpractice" },
    rule = all { any { "serious_harm",
                       all { is("interest", "life", "liberty"), "harm", no "officials_attacked", "serious_risk" } },
                 is("culpability", "intentional", "deliberate_indifference", "reckless") },
    unknown = "It is not known whether serious harm, or a substantial risk of it, came from deliberate indifference.",
  },
  -- Graham and Lewis: a claim a specific provision covers is measured by
  -- that provision's standard, not by substantive due process. A convicted
  -- prisoner's claim about his person is the Eighth Amendment's; his claims
  -- to property, and to liberty a deliberate decision took, stay with due
  -- process. (The last element of the due process claim, so that the
  -- claim itself keeps the Court's rule and the explanation stops here.)
  override "due_process_the_measure" {
    by   = { "graham_specific_provision", "lewis_specific_provision", "whitley_primary" },
    rule = any { no "convicted", is("interest", "property"), "deliberate_deprivation" },
    yes     = "Due process is the measure of this claim: no more specific provision covers it (status: {status}; interest: {interest}).",
    no      = "Since Graham and Lewis, a convicted prisoner's claim about his person is covered by the Eighth Amendment and measured by its standard, not by substantive due process.",
    unknown = "It is not known whether the Eighth Amendment, rather than due process, measures this claim.",
  },
  -- Farmer and Lewis: recklessness in the criminal law's sense (the
  -- officials knew of a substantial risk and consciously disregarded it) is
  -- deliberate indifference, and deliberate indifference deprives where
  -- there was time to deliberate, as in custody; in a decision made in an
  -- instant only a purpose to harm does. Gross negligence stays open (Lewis
  -- calls the middle range "a matter for closer calls"), except for a
  -- convicted prisoner's person, where the Eighth Amendment's subjective
  -- test, which rejects an objective one, is the measure.
  override "culpable_conduct" {
    by   = { "farmer_recklessness", "lewis_custody", "lewis_split_second", "daniels_n3", "lewis_middle_range" },
    rule = any { is("culpability", "intentional"),
                 all { is("culpability", "deliberate_indifference", "reckless"), no "split_second" } },
    open = all { is("culpability", "gross_negligence"), no "split_second",
                 any { no "convicted", is("interest", "property") } },
    yes     = "Under the Court's later law conduct that was {culpability} deprives: a purpose to harm always does, and deliberate indifference, which is recklessness in the criminal law's sense, does where the officials had time to deliberate.",
    no      = "Under the Court's later law this state of mind ({culpability}) does not deprive: negligence never does; deliberate indifference and recklessness do only where there was time to deliberate, and in an instant only a purpose to harm does (Lewis); gross negligence toward a convicted prisoner's person falls short of the Eighth Amendment's knowing disregard.",
    unknown = "Under the Court's later law this is not settled: whether the officials had time to deliberate, or their state of mind, is not known; or the state of mind is gross negligence, which remains open (Daniels left it open, and Lewis calls the middle range between negligence and intent a matter for closer calls).",
  },
  -- Lewis: in a split second only a purpose to harm shocks the conscience.
  override "split_second_decision" {
    by = { "lewis_split_second", "whitley_haste" },
  },
  -- Hudson v. McMillian: malicious force without significant injury.
  override "malicious_force" {
    by = { "whitley_test", "hudson_mcmillian" },
  },
  -- Zinermon: a substantive violation is complete when committed.
  override "substantive_complete" {
    by = { "zinermon_substantive" },
  },
  -- Sandin (1995): a convicted prisoner's liberty is taken, in the
  -- Clause's sense, by a restraint within his sentence only where it is an
  -- atypical and significant hardship or exceeds the sentence in an
  -- unexpected manner; the prison's regulations no longer create the
  -- interest by their words alone.
  override "deliberate_deprivation" {
    by   = { "zinermon_predictable", "logan_procedure", "sandin" },
    rule = all { no "random_unauthorized", "meant_to_deprive",
                 any { no "convicted", is("interest", "life", "property"), "atypical_hardship" } },
    no      = "No deliberate taking of a protected interest: the loss was a random act or no decision to take (random and unauthorized: {random_unauthorized}; meant to deprive: {meant_to_deprive}), or, for a convicted prisoner's liberty, the restraint was within his sentence and no atypical and significant hardship in relation to the ordinary incidents of prison life (atypical hardship: {atypical_hardship}).",
    unknown = "It is not known whether the State deliberately took a protected interest ({interest}): for a convicted prisoner's liberty, since Sandin, that turns on whether the restraint was an atypical and significant hardship, or exceeded the sentence (atypical hardship: {atypical_hardship}).",
  },
  -- Wilson and Farmer: the Court vacates and remands when the court below
  -- applied the wrong standard and the facts under the right one were
  -- never found.
  override "remand_for_findings" {
    by   = { "farmer_remand", "wilson_standard", "youngberg_remand" },
    yes  = "The court below applied the wrong standard, and the facts the right one turns on were never found: the question goes back.",
    no   = "The court below applied the right standard, so nothing goes back for it.",
  },
  override "wrong_standard_below" {
    by   = { "farmer_remand", "wilson_standard", "hudson_mcmillian_injury", "youngberg_professional", "whitley_test" },
    rule = any { is("standard_below", "should_have_known", "significant_injury", "prisoner_complaint_required",
                    "another_rejected_test"),
                 all { is("standard_below", "malicious_and_sadistic"), no "officials_attacked" },
                 all { is("standard_below", "deliberate_indifference"), is("status", "committed") },
                 all { is("standard_below", "deliberate_indifference"), "officials_attacked", "convicted" } },
  },
}

-- Kingsley v. Hendrickson: force on a pretrial detainee need only be
-- objectively unreasonable.
opinion "law_2015" {
  title  = "The Court's law after Kingsley v. Hendrickson, 576 U.S. 389 (2015)",
  author = "the Court",
  role   = "majority",
  date   = "2015-06-22",
  base   = "law_1989",
  override "punitive_force" {
    by   = { "kingsley", "bell_punishment" },
    rule = all { is("status", "pretrial_detainee", "committed"), "officials_attacked",
                 any { "intent_to_harm", "force_unreasonable" } },
    yes  = "Officials purposely used force on a {status} that was objectively unreasonable, or meant to harm him: a violation of due process.",
    no   = "No force on a detainee or committed person that was objectively unreasonable or meant to harm (status: {status}; officials used force: {officials_attacked}; unreasonable: {force_unreasonable}).",
    unknown = "It is not known whether the force on the detainee was objectively unreasonable.",
  },
  override "wrong_standard_below" {
    by   = { "kingsley", "farmer_remand", "wilson_standard", "hudson_mcmillian_injury", "whitley_test" },
    rule = any { is("standard_below", "should_have_known", "significant_injury", "prisoner_complaint_required",
                    "another_rejected_test"),
                 all { is("standard_below", "malicious_and_sadistic"), no "officials_attacked" },
                 all { is("standard_below", "deliberate_indifference"), is("status", "committed") },
                 all { is("standard_below", "deliberate_indifference"), "officials_attacked", "convicted" },
                 all { is("standard_below", "reckless_disregard", "malicious_and_sadistic"), "officials_attacked",
                       is("status", "pretrial_detainee", "committed") } },
  },
}

-- The courts of appeals' state-created danger rule, read from DeShaney's
-- remark that the State had played no part in creating the danger. A circuit
-- rule, not the Court's: carried as its own opinion from Wood v. Ostrander,
-- in two dated parts so that on every other question it follows the Court's
-- law of its day (before and after Kingsley).
local function state_created_danger_duty()
  return override "duty_to_protect" {
    by   = { "wood_state_created_danger", "deshaney_custody" },
    rule = any { is("status", "convicted_prisoner", "pretrial_detainee", "committed"), no "harm_by_third_party",
                 "state_created_danger" },
    yes  = "Under the circuits' rule the State owed the plaintiff protection: it held him, its officials' own conduct did the harm, or its officials created the danger.",
    no   = "Even under the circuits' rule the State owed this free person no protection: it did not hold him and did not create the danger.",
  }
end

opinion "circuits_scd" {
  title      = "The courts of appeals' state-created danger rule (Wood v. Ostrander, 9th Cir. 1989)",
  author     = "Thompson",
  role       = "circuit rule",
  date       = "1989-06-27",
  until_date = "2015-06-22",
  displaced_by = "Kingsley",
  base       = "law_1989",
  state_created_danger_duty(),
}

opinion "circuits_scd_2015" {
  title  = "The courts of appeals' state-created danger rule, with the Court's law after Kingsley (2015)",
  author = "Thompson",
  role   = "circuit rule",
  date   = "2015-06-22",
  base   = "law_2015",
  state_created_danger_duty(),
}
