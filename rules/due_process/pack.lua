-- rules/due_process/pack.lua
--
-- Section 1983, the Due Process Clause and the Eighth Amendment: when does
-- an official's failure to protect a person "deprive" him of liberty? The
-- pack encodes Davidson v. Cannon, its companion Daniels v. Williams, decided
-- the same day, and the law around them: Parratt v. Taylor (the rule of 1981),
-- Hudson v. Palmer, Logan, Estelle v. Gamble and Smith v. Wade.
--
-- Read it top to bottom as an outline of the claim. Each file is one part:
--
--   facts.lua          what a case row may state: the primary facts, the
--                      process the State gave, and the posture of the appeal
--   state_of_mind.lua  the officials' state of mind, from most to least
--                      culpable, derived from the primary facts, or the trial
--                      court's finding where it binds
--   elements.lua       I.   state action
--                      II.  a protected interest, infringed
--                      III. custody
--                      IV.  deprivation (the question the case turns on)
--                      V.   without due process of law
--                      VI.  the due process claim
--                      VII. the Eighth Amendment claim (convicted prisoners)
--                      VIII. the section 1983 claim: either one
--   disposition.lua    IX.  what the Court does with the judgment below:
--                           affirm, reverse, or vacate and remand
--   opinions.lua       the majority (Rehnquist), Brennan's dissent,
--                      Blackmun's dissent (joined by Marshall), and the rule
--                      of Parratt v. Taylor as the law of 1981 to 1986
--
-- The case library the pack is tested against (ratio test rules/due_process):
--   cases/davidson.csv      Davidson and Daniels, as found
--   cases/decided.csv       the decided cases, with the Court's dispositions
--   cases/hypotheticals.csv classroom variations on Davidson's facts
-- docs/doctrine/due-process.md explains the pack element by element.

pack {
  name  = "due_process",
  title = "Section 1983: when does an official's failure to protect 'deprive' a person of liberty?",
  case  = "Davidson v. Cannon, 474 U.S. 344 (1986)",
  cases = {
    "../../cases/davidson.csv",
    "../../cases/decided.csv",
    "../../cases/hypotheticals.csv",
    "../../cases/blind.csv",
    "../../cases/twins.csv",
    "../../cases/decided_more.csv",
  },
}

include "authorities.lua"
include "facts.lua"
include "state_of_mind.lua"
include "elements.lua"
include "disposition.lua"
include "opinions.lua"
