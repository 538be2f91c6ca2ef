-- A small ladder for docs/language.md's "even if" section: the officials
-- forgot the warning or misjudged the danger; either way, lack of due care.
pack { name = "even_if", title = "Even if: a state of mind the blank facts cannot change [teaching example]",
       cases = { "cases.csv" } }

authority "daniels" { cite = "Daniels v. Williams, 474 U.S. 327 (1986)", pin = "328",
  quote = "simply not implicated by a negligent act of an official" }
authority "davidson" { cite = "Davidson v. Cannon, 474 U.S. 344 (1986)", pin = "347-348",
  quote = "just not triggered by lack of due care by prison officials" }

fact "meant_harm" { yesno, ask = "Did an official mean the prisoner to be harmed?" }
fact "warned" { yesno, ask = "Were the officials warned of the threat?" }
fact "forgot" { yesno, ask = "Did the officials forget the warning?" }
fact "misjudged" { yesno, ask = "Did the officials misjudge how serious the threat was?" }

node "state_of_mind" {
  title  = "State of mind",
  values = { "intentional", "negligent", "none" },
  by     = "davidson",
  rule = first {
    when "meant_harm"                          :gives "intentional",
    when(all { "warned", "forgot" })           :gives "negligent",
    when(all { "warned", "misjudged" })        :gives "negligent",
    otherwise "none",
  },
  says = {
    intentional = "An official meant the harm.",
    negligent   = "The officials forgot or misjudged a warning: a lack of due care.",
    none        = "No fault is shown.",
  },
  unknown = "The state of mind cannot be settled on these facts.",
}

node "deprivation" {
  title = "Deprivation",
  by    = "daniels",
  favours = { yes = "plaintiff", no = "defendant" },
  rule  = is("state_of_mind", "intentional"),
  yes   = "Intended harm deprives the prisoner of liberty.",
  no    = "A lack of due care deprives no one of liberty.",
  unknown = "Whether there was a deprivation is open.",
}

opinion "majority" { title = "Davidson, as the majority reads it", author = "Rehnquist",
  role = "majority", date = "1986-01-21", decides = "deprivation",
  disposition = { yes = "reverse", no = "affirm", unknown = "remand" } }
