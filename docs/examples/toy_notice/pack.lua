-- docs/examples/toy_notice/pack.lua
--
-- A toy pack for the language reference (docs/language.md). The rule and
-- its "authorities" are invented: it shows the rule language, not the law.

pack {
  name  = "toy_notice",
  title = "Was notice of the hearing defective? (an invented rule)",
}

authority "rule_1"     { cite = "Toy Rule 1 [invented]", pin = "para. 2", quote = "at least ten days" }
authority "rule_1_old" { cite = "Toy Rule 1 [invented] (1990 text)", pin = "para. 2" }
authority "rule_2"     { cite = "Toy Rule 2 [invented]" }

fact "served" { yesno, ask = "Was the notice served at all?",
  says = { yes = "The notice was served.", no = "The notice was never served." } }
fact "method" { oneof { "personal", "mail", "posting" },
  ask  = "How was it served?",
  says = {
    personal = "The notice was handed over in person.",
    mail     = "The notice was sent by mail.",
    posting  = "The notice was posted up.",
  } }
fact "days"   { number, ask = "How many days before the hearing was it served?",
  says = "The notice was served {days} days before the hearing." }
fact "recipient" { text, optional = true,
  ask  = "To whom was a mailed notice addressed?",
  help = "As written on the envelope." }
fact "waived" { yesno, optional = true,
  ask  = "Did the party waive notice in writing?",
  help = "Leave blank when the record is silent." }

node "timely" {
  title = "Timely service",
  by    = "rule_1",
  rule  = all { "served", ge("days", 10) },
  yes     = "Notice was served {days} days ahead, which is enough.",
  no      = "Notice was not served in time (served: {served}; days: {days}).",
  unknown = "Whether notice was timely is not known (days: {days}).",
}

-- The escape hatch: a test the combinators cannot express.
node "full_name" {
  title = "Addressed by full name",
  rule  = function(f)
    if f.recipient == nil then return nil end        -- unknown
    return f.recipient:find("%S+%s+%S+") ~= nil       -- two words or more
  end,
  yes = "The envelope names the recipient in full ({recipient}).",
  no  = "The envelope does not name the recipient in full ({recipient}).",
}

node "manner" {
  title   = "Manner of service",
  values  = { "proper", "doubtful", "improper" },
  finding = true,
  by      = "rule_2",
  rule = first {
    when(is("method", "personal"))              :gives "proper",
    when(all { is("method", "mail"), "full_name" }) :gives "doubtful",
    otherwise "improper",
  },
  says = {
    proper   = "Service by {method} is proper.",
    doubtful = "Service by {method} is of doubtful validity.",
    improper = "Service by {method} is improper.",
  },
  unknown = "The manner of service cannot be settled on the facts given.",
}

node "defective" {
  title = "Defective notice",
  rule  = unless(any { no "timely", is("manner", "improper") }, "waived"),
  open  = is("manner", "doubtful"),
  yes     = "Notice was defective and was not waived.",
  no      = "Notice was adequate, or the defect was waived.",
  unknown = "Whether notice was defective is not settled.",
}

opinion "current" {
  title  = "The current rule",
  role   = "majority",
  date   = "2000-01-01",
  decides = "defective",
  disposition = { yes = "reverse", no = "affirm", unknown = "remand" },
}

opinion "old_rule" {
  title      = "The rule before 2000",
  role       = "majority",
  date       = "1990-01-01",
  until_date = "2000-01-01",
  base       = "current",
  override "timely" { by = "rule_1_old", rule = all { "served", ge("days", 5) } },
}
