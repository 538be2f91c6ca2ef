-- rules/due_process/pack.lua
--
-- Section 1983, the Due Process Clause and the Eighth Amendment: when does
-- an official's failure to protect a person, his force, or his decision
-- "deprive" that person of liberty, life or property? The pack encodes
-- Davidson v. Cannon, its companion Daniels v. Williams, decided the same
-- day, and the law around them: Parratt v. Taylor (the rule of 1981), Hudson
-- v. Palmer, Logan, Estelle v. Gamble, Smith v. Wade, Whitley v. Albers, and
-- the Court's later law as dated opinions (DeShaney, Zinermon, Wilson v.
-- Seiter, Hudson v. McMillian, Farmer v. Brennan, Sandin v. Conner, Lewis,
-- Kingsley).
--
-- Read it top to bottom as an outline of the claim. Each file is one part:
--
--   facts.lua          what a case row may state: the primary facts, the
--                      process the State gave, and the posture of the appeal
--   state_of_mind.lua  the officials' state of mind, one node per branch of
--                      the ladder, from the primary facts or the trial
--                      court's finding where it binds; and the record the
--                      dissents read as reckless
--   elements.lua       I.    state action
--                      II.   a protected interest, infringed
--                      III.  custody, and the duty to protect
--                      IV.   deprivation (the question the case turns on)
--                      V.    without due process of law: a wrong complete
--                            when done, or a claim of process
--                      VI.   the due process claim
--                      VII.  the Eighth Amendment claims (convicted prisoners)
--                      VIII. the scope of the pack
--                      IX.   the section 1983 claim: either one
--   disposition.lua    what the Court does with the judgment below:
--                      affirm, reverse, or vacate and remand
--   opinions.lua       the majority (Rehnquist), Brennan's dissent,
--                      Blackmun's dissent (joined by Marshall), the rule
--                      of Parratt v. Taylor as the law of 1981 to 1986, the
--                      Court's law from 1989 and from 2015, and the courts
--                      of appeals' state-created danger rule
--
-- The case library the pack is tested against (ratio test rules/due_process):
--   cases/davidson.csv      Davidson and Daniels, as found
--   cases/decided.csv       the decided cases of 1976-1986, with the Court's dispositions
--   cases/hypotheticals.csv classroom variations on Davidson's facts
--   cases/blind.csv         hypotheticals from Davidson's neighbourhood, written blind
--   cases/twins.csv         each decided case from its facts alone, no finding supplied
--   cases/decided_more.csv  more decided cases from the neighbourhood, from their facts
--   cases/blind_even_if.csv blind rows decided whichever way a blank fact is answered
--   cases/moot.csv          a moot court problem between Davidson and Daniels
--   cases/blind2.csv        a second blind set from the neighbourhood, written
--                           before the pack was run on it
--   cases/variations2.csv   one-fact variations the review of that set used to
--                           show a pass for a wrong reason, decided after the fix
-- The decided cases (decided.csv, decided_more.csv) are the precedents
-- `ratio distinguish` and `ratio brief` compare a problem with.
-- docs/doctrine/due-process.md explains the pack element by element.

pack {
  name  = "due_process",
  title = "Section 1983: when does an official's failure to protect 'deprive' a person of liberty?",
  case  = "Davidson v. Cannon, 474 U.S. 344 (1986)",
  -- decided with Daniels; `ratio eval` decides rows under the opinions in
  -- force that day unless asked for another date or every opinion
  date  = "1986-01-21",
  cases = {
    "cases/davidson.csv",
    "cases/decided.csv",
    "cases/hypotheticals.csv",
    "cases/blind.csv",
    "cases/twins.csv",
    "cases/decided_more.csv",
    "cases/blind_even_if.csv",
    "cases/moot.csv",
    "cases/blind2.csv",
    "cases/variations2.csv",
  },
  -- the decided cases, with the facts and findings the courts recount:
  -- the precedents ratio distinguish and ratio brief argue from. The
  -- other files hold hypotheticals, twins of these cases without their
  -- findings, and davidson.csv's two rows, which repeat decided.csv's
  -- first two for the manuals' examples.
  decided = {
    "cases/decided.csv",
    "cases/decided_more.csv",
  },
}

include "authorities.lua"
include "facts.lua"
include "state_of_mind.lua"
include "elements.lua"
include "disposition.lua"
include "opinions.lua"
