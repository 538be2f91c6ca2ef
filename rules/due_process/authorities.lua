-- Authorities for the due_process pack.
--
-- One entry per proposition the pack relies on: the same case appears more
-- than once when different pages carry different points. Pin cites are to
-- the U.S. Reports; quotations are kept to a few words and are exact.

-- Section 1983 and state action --------------------------------------------

authority "section_1983" {
  cite = "42 U.S.C. § 1983",
}

authority "monroe" {
  cite  = "Monroe v. Pape, 365 U.S. 167 (1961)",
  pin   = "184",
  quote = "made possible only because the wrongdoer is clothed with the authority of state law",
}

-- The protected interest: liberty as personal security -----------------------

authority "ingraham" {
  cite = "Ingraham v. Wright, 430 U.S. 651 (1977)",
  pin  = "673",
}

authority "youngberg" {
  cite  = "Youngberg v. Romeo, 457 U.S. 307 (1982)",
  pin   = "315-316",
  quote = "historic liberty interest",
}

-- Deprivation: the state of mind --------------------------------------------

authority "daniels" {
  cite  = "Daniels v. Williams, 474 U.S. 327 (1986)",
  pin   = "328",
  quote = "simply not implicated by a negligent act of an official",
}

authority "daniels_abuse_of_power" {
  cite = "Daniels v. Williams, 474 U.S. 327 (1986)",
  pin  = "330-333",
}

authority "daniels_n3" {
  cite  = "Daniels v. Williams, 474 U.S. 327 (1986)",
  pin   = "334 n.3",
  quote = "something less than intentional conduct, such as recklessness or \"gross negligence\"",
}

authority "davidson" {
  cite  = "Davidson v. Cannon, 474 U.S. 344 (1986)",
  pin   = "347-348",
  quote = "just not triggered by lack of due care by prison officials",
}

authority "daniels_overrules_parratt" {
  cite = "Daniels v. Williams, 474 U.S. 327 (1986)",
  pin  = "330-331",
}

authority "davidson_distinctions" {
  cite = "Davidson v. Cannon, 474 U.S. 344 (1986) (distinguishing Johnson v. Glick, 481 F.2d 1028 (2d Cir. 1973), and Curtis v. Everette, 489 F.2d 516 (3d Cir. 1973))",
  pin  = "348",
}

authority "davidson_judgment" {
  cite = "Davidson v. Cannon, 474 U.S. 344 (1986)",
  pin  = "348",
}

-- The Eighth Amendment: convicted prisoners only ------------------------------

authority "estelle" {
  cite  = "Estelle v. Gamble, 429 U.S. 97 (1976)",
  pin   = "104-106",
  quote = "deliberate indifference",
}

authority "estelle_malpractice" {
  cite  = "Estelle v. Gamble, 429 U.S. 97 (1976)",
  pin   = "106",
  quote = "does not become a constitutional violation merely because the victim is a prisoner",
}

authority "whitley_wantonness" {
  cite  = "Whitley v. Albers, 475 U.S. 312 (1986)",
  pin   = "319",
  quote = "obduracy and wantonness, not inadvertence or error in good faith",
}

authority "smith_v_wade_reckless" {
  cite  = "Smith v. Wade, 461 U.S. 30 (1983)",
  pin   = "56",
  quote = "reckless or callous indifference",
}

authority "ingraham_punishment" {
  cite = "Ingraham v. Wright, 430 U.S. 651 (1977)",
  pin  = "671 n.40",
}

authority "bell_v_wolfish" {
  cite = "Bell v. Wolfish, 441 U.S. 520 (1979)",
  pin  = "535 n.16",
}

authority "revere" {
  cite = "City of Revere v. Massachusetts General Hospital, 463 U.S. 239 (1983)",
  pin  = "244",
}

-- Without due process: what process a deprivation calls for -----------------

authority "parratt_deprivation" {
  cite = "Parratt v. Taylor, 451 U.S. 527 (1981)",
  pin  = "536-537",
}

authority "parratt_remedy" {
  cite = "Parratt v. Taylor, 451 U.S. 527 (1981)",
  pin  = "541",
}

authority "parratt_adequate" {
  cite = "Parratt v. Taylor, 451 U.S. 527 (1981)",
  pin  = "543-544",
}

authority "hudson" {
  cite  = "Hudson v. Palmer, 468 U.S. 517 (1984)",
  pin   = "533",
  quote = "if a meaningful postdeprivation remedy for the loss is available",
}

authority "logan" {
  cite = "Logan v. Zimmerman Brush Co., 455 U.S. 422 (1982)",
  pin  = "435-436",
}

authority "martinez" {
  cite  = "Martinez v. California, 444 U.S. 277 (1980)",
  pin   = "284 n.8",
  quote = "would transmute a basic guarantee into an illusory promise",
}

-- The dissents in Davidson ---------------------------------------------------

authority "brennan_dissent" {
  cite  = "Davidson v. Cannon, 474 U.S. 344 (1986) (Brennan, J., dissenting)",
  pin   = "349",
  quote = "recklessness or deliberate indifference, does deprive the victim of liberty",
}

-- Blackmun's dissent is cited by its Parts; the pin is the whole dissent
-- except for its opening and its closing disposition.
authority "blackmun_custody" {
  cite  = "Davidson v. Cannon, 474 U.S. 344 (1986) (Blackmun, J., dissenting)",
  pin   = "349-350",
  quote = "it stripped him of all means of self-protection",
}

authority "blackmun_negligence" {
  cite  = "Davidson v. Cannon, 474 U.S. 344 (1986) (Blackmun, J., dissenting, Part II)",
  pin   = "349-360",
  quote = "at least absent extenuating circumstances",
}

authority "blackmun_recklessness" {
  cite  = "Davidson v. Cannon, 474 U.S. 344 (1986) (Blackmun, J., dissenting, Part III)",
  pin   = "349-360",
  quote = "recklessness must be sufficient",
}

authority "blackmun_remedy" {
  cite  = "Davidson v. Cannon, 474 U.S. 344 (1986) (Blackmun, J., dissenting, Part IV)",
  pin   = "349-360",
}

authority "blackmun_remand" {
  cite = "Davidson v. Cannon, 474 U.S. 344 (1986) (Blackmun, J., dissenting)",
  pin  = "360",
}

-- The ladder, branch by branch ------------------------------------------------

authority "daniels_deliberate" {
  cite = "Daniels v. Williams, 474 U.S. 327 (1986)",
  pin  = "331",
  quote = "deliberate decisions of government officials",
}

authority "whitley_haste" {
  cite  = "Whitley v. Albers, 475 U.S. 312 (1986)",
  pin   = "320",
  quote = "in haste, under pressure",
}

authority "whitley_test" {
  cite  = "Whitley v. Albers, 475 U.S. 312 (1986)",
  pin   = "320-321",
  quote = "maliciously and sadistically for the very purpose of causing harm",
}

authority "lewis_split_second" {
  cite  = "County of Sacramento v. Lewis, 523 U.S. 833 (1998)",
  pin   = "853-854",
  quote = "even precipitate recklessness fails to inch close enough to harmful purpose",
}

authority "lewis_custody" {
  cite  = "County of Sacramento v. Lewis, 523 U.S. 833 (1998)",
  pin   = "851-853",
  quote = "sensibly employed only when actual deliberation is practical",
}

authority "lewis_middle_range" {
  cite  = "County of Sacramento v. Lewis, 523 U.S. 833 (1998)",
  pin   = "849",
  quote = "a matter for closer calls",
}

authority "farmer_recklessness" {
  cite  = "Farmer v. Brennan, 511 U.S. 825 (1994)",
  pin   = "836-840",
  quote = "subjective recklessness as used in the criminal law",
}

authority "farmer_knowledge" {
  cite  = "Farmer v. Brennan, 511 U.S. 825 (1994)",
  pin   = "837, 842-843",
  quote = "he must also draw the inference",
}

-- Force -----------------------------------------------------------------------

authority "hudson_mcmillian" {
  cite = "Hudson v. McMillian, 503 U.S. 1 (1992)",
  pin  = "9-10",
}

authority "ingraham_de_minimis" {
  cite = "Ingraham v. Wright, 430 U.S. 651 (1977)",
  pin  = "674",
}

authority "bell_punishment" {
  cite = "Bell v. Wolfish, 441 U.S. 520 (1979)",
  pin  = "538-539",
}

authority "kingsley" {
  cite = "Kingsley v. Hendrickson, 576 U.S. 389 (2015)",
  pin  = "396-397",
}

-- Duty ------------------------------------------------------------------------

authority "deshaney_custody" {
  cite = "DeShaney v. Winnebago County Dept. of Social Services, 489 U.S. 189 (1989)",
  pin  = "195-197, 199-201",
}

authority "wood_state_created_danger" {
  cite = "Wood v. Ostrander, 879 F.2d 583 (9th Cir. 1989)",
  pin  = "588-590",
}

-- Procedural and substantive paths -------------------------------------------

authority "stevens_daniels" {
  cite = "Daniels v. Williams, 474 U.S. 327 (1986) (Stevens, J., concurring in the judgments)",
  pin  = "337-338",
}

authority "zinermon_substantive" {
  cite = "Zinermon v. Burch, 494 U.S. 113 (1990)",
  pin  = "125",
}

authority "zinermon_predictable" {
  cite = "Zinermon v. Burch, 494 U.S. 113 (1990)",
  pin  = "136-138",
}

authority "logan_procedure" {
  cite = "Logan v. Zimmerman Brush Co., 455 U.S. 422 (1982)",
  pin  = "436",
}

authority "sandin" {
  cite  = "Sandin v. Conner, 515 U.S. 472 (1995)",
  pin   = "484, 486",
  quote = "atypical and significant hardship on the inmate in relation to the ordinary incidents of prison life",
}

authority "hewitt_informal_review" {
  cite  = "Hewitt v. Helms, 459 U.S. 460 (1983)",
  pin   = "476",
  quote = "some notice of the charges against him and an opportunity to present his views",
}

authority "youngberg_presumption" {
  cite  = "Youngberg v. Romeo, 457 U.S. 307 (1982)",
  pin   = "323",
  quote = "presumptively valid",
}

authority "mathews" {
  cite = "Mathews v. Eldridge, 424 U.S. 319 (1976)",
  pin  = "335",
}

authority "ingraham_remedies" {
  cite = "Ingraham v. Wright, 430 U.S. 651 (1977)",
  pin  = "680-682",
}

-- Scope -----------------------------------------------------------------------

authority "graham" {
  cite = "Graham v. Connor, 490 U.S. 386 (1989)",
  pin  = "395",
}

authority "farmer_risk" {
  cite  = "Farmer v. Brennan, 511 U.S. 825 (1994)",
  pin   = "834",
  quote = "a substantial risk of serious harm",
}

authority "graham_specific_provision" {
  cite  = "Graham v. Connor, 490 U.S. 386 (1989)",
  pin   = "395 & n.10",
  quote = "that Amendment, not the more generalized notion of \"substantive due process,\" must be the guide",
}

authority "lewis_specific_provision" {
  cite  = "County of Sacramento v. Lewis, 523 U.S. 833 (1998) (quoting United States v. Lanier, 520 U.S. 259, 272 n.7 (1997))",
  pin   = "843",
  quote = "covered by a specific constitutional provision, such as the Fourth or Eighth Amendment",
}

authority "whitley_primary" {
  cite  = "Whitley v. Albers, 475 U.S. 312 (1986)",
  pin   = "327",
  quote = "the primary source of substantive protection to convicted prisoners",
}

authority "farmer_injunction" {
  cite  = "Farmer v. Brennan, 511 U.S. 825 (1994) (quoting Helling v. McKinney, 509 U.S. 25, 36 (1993))",
  pin   = "845-846",
  quote = "in light of the prison authorities' current attitudes and conduct",
}

authority "lyons_standing" {
  cite  = "City of Los Angeles v. Lyons, 461 U.S. 95 (1983) (quoting O'Shea v. Littleton, 414 U.S. 488, 495-496 (1974))",
  pin   = "102, 105",
  quote = "Past exposure to illegal conduct does not in itself show a present case or controversy regarding injunctive relief",
}

-- Posture: the wrong standard below ---------------------------------------------

authority "wilson_standard" {
  cite = "Wilson v. Seiter, 501 U.S. 294 (1991)",
  pin  = "302-303, 306",
}

authority "farmer_remand" {
  cite = "Farmer v. Brennan, 511 U.S. 825 (1994)",
  pin  = "837-838, 848-849",
}

authority "hudson_mcmillian_injury" {
  cite = "Hudson v. McMillian, 503 U.S. 1 (1992)",
  pin  = "9",
}

authority "due_process_clause" {
  cite = "U.S. Const. amend. XIV, § 1",
}

authority "youngberg_professional" {
  cite = "Youngberg v. Romeo, 457 U.S. 307 (1982)",
  pin  = "321-323",
  quote = "a substantial departure from accepted professional judgment",
}

authority "youngberg_remand" {
  cite = "Youngberg v. Romeo, 457 U.S. 307 (1982)",
  pin  = "325",
}

authority "eighth_amendment" {
  cite = "U.S. Const. amend. VIII",
}

authority "fourth_amendment" {
  cite = "U.S. Const. amend. IV",
}
