---@meta ratio
-- Definitions of the Ratio rule language for lua-language-server (LuaLS).
--
-- This file is never run: it only tells the editor what the names a pack
-- may use are, so it can complete them, show their documentation on hover
-- and flag misspellings. The rule language itself is src/prelude.lua;
-- docs/language.md documents every function with an example, and
-- docs/editor.md says how to set an editor up with this file.

-- ---------------------------------------------------------------------------
-- Rules
-- ---------------------------------------------------------------------------

---A rule: a condition built from facts and nodes by the combinators below.
---Combinators only describe the rule; Ratio's evaluator decides it, with
---three-valued logic (a blank fact is unknown, and unknown propagates).
---@class ratio.Rule
local Rule = {}

---A condition: the name of a yes/no fact or node (`"actual_notice"`), a
---rule built by a combinator, or a literal `true`/`false`.
---@alias ratio.Cond string|ratio.Rule|boolean

---A rule function, the escape hatch for what the combinators cannot say.
---It gets the facts table `f` (read facts and nodes by name, `f.days`);
---it returns true, false, or nil for unknown (or a value name for a node
---with values). It runs in the sandbox with a step budget.
---@alias ratio.RuleFunction fun(f: table<string, any>): boolean|string|nil

-- ---------------------------------------------------------------------------
-- Fact types
-- ---------------------------------------------------------------------------

---@class ratio.FactType
local FactType = {}

---Yes or no. Case files may write yes/no, y/n, true/false, 1/0.
---@type ratio.FactType
yesno = {}

---A number (decimal, optional sign and fraction). Compare it with
---`gt`, `ge`, `lt`, `le`, `eq`, `ne`.
---@type ratio.FactType
number = {}

---A date, written `YYYY-MM-DD` in case files and in comparisons.
---@type ratio.FactType
date = {}

---Free text, for sentences only (`{name}` in a template); rules cannot
---test it, except in a rule function.
---@type ratio.FactType
text = {}

---One of a fixed list of values (at most 64), named by words of letters,
---digits and `_`.
---
---```lua
---fact "remedy" { oneof { "adequate", "barred_by_immunity", "none" } }
---```
---@param values string[]
---@return ratio.FactType
function oneof(values) end

-- ---------------------------------------------------------------------------
-- Declarations
-- ---------------------------------------------------------------------------

---@class ratio.PackBody
---@field name string the pack's name, a word
---@field title? string the question the pack answers, in one line
---@field case? string the leading case, as cited
---@field date? string YYYY-MM-DD: the day the case was decided; `ratio eval` decides rows under the opinions in force that day
---@field version? string
---@field cases? string[] case files that `ratio test PACK` and `ratio check PACK` read, relative to the pack folder

---Declare the pack. The main file (pack.lua) begins with it, once.
---
---```lua
---pack { name = "negligence", title = "Is the defendant liable?", cases = { "cases.csv" } }
---```
---@param body ratio.PackBody
function pack(body) end

---Run another file of the pack, relative to the pack folder (never outside
---it), as if its declarations were written here.
---
---```lua
---include "authorities.lua"
---```
---@param path string
function include(path) end

---@class ratio.FactBody
---@field [1] ratio.FactType the type first: yesno, oneof { ... }, number, date or text
---@field ask? string the question a person is asked
---@field help? string help text shown with the question
---@field optional? boolean may be left blank without a warning

---Declare a fact: something a case row may state.
---
---```lua
---fact "foreseeable_plaintiff" { yesno,
---  ask = "Was the plaintiff within the range of foreseeable danger?" }
---```
---@param name string a word of letters, digits and _
---@return fun(body: ratio.FactBody)
function fact(name) end

---@class ratio.RuleBody
---@field rule? ratio.Cond|ratio.RuleFunction how the node is decided; a node with values needs first { ... }
---@field open? ratio.Cond when it holds, a "no" becomes unknown: a question the court left open (yes/no nodes)
---@field by? string|string[] the authorities the node relies on
---@field yes? string the sentence when the node holds; {name} shows a fact or node
---@field no? string the sentence when it does not
---@field unknown? string the sentence when it is unknown
---@field says? table<string, string> for a node with values: one sentence per value
---@field ask? string the question the node answers
---@field title? string a short heading for explanations
---@field values? string[] the node's values when it is not yes/no (2 to 64 words)
---@field finding? boolean|{unless: ratio.Cond} a case row may supply the node's value as a finding below

---Declare a node: an issue or element of the test, decided by its rule.
---
---```lua
---node "duty" {
---  title = "Duty",
---  by    = "palsgraf",
---  rule  = "foreseeable_plaintiff",
---  yes   = "The defendant owed the plaintiff a duty of care.",
---  no    = "No duty was owed to the plaintiff.",
---}
---```
---@param name string a word of letters, digits and _
---@return fun(body: ratio.RuleBody)
function node(name) end

---@class ratio.AuthorityBody
---@field [1]? string the citation, when cite is not given
---@field cite? string the full citation
---@field pin? string the pin cite (page or paragraph)
---@field quote? string a short exact quotation
---@field short? string a short form
---@field url? string

---Declare an authority that nodes cite with `by = "name"`.
---
---```lua
---authority "palsgraf" { cite = "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339 (1928)", pin = "344" }
---```
---@param name string a word of letters, digits and _
---@return fun(body: ratio.AuthorityBody)
function authority(name) end

---@class ratio.Override

---@class ratio.OpinionBody
---@field [integer] ratio.Override the nodes this opinion decides differently
---@field title? string
---@field author? string
---@field role? string majority, plurality, concurrence, dissent, ...
---@field joined? string who joined it
---@field date? string YYYY-MM-DD
---@field until_date? string YYYY-MM-DD: in force until this date (exclusive), for older law
---@field displaced_by? string the decision that ended it, as a casebook names it ("Daniels"), for the label "the law from 1981 until Daniels, 1986"
---@field base? string the opinion this one starts from
---@field decides? string the node whose value is the outcome
---@field disposition? table<string, string>|string a disposition per value of the decided node (and unknown), or the name of a node whose value is the disposition

---Declare an opinion: a named rule set (majority, dissent, older law).
---
---```lua
---opinion "majority" {
---  author = "Sullivan", role = "majority", date = "1975-03-31",
---  decides = "liability", disposition = "recovery",
---  override "barred" { by = "li_majority", rule = ge("plaintiff_fault", 100) },
---}
---```
---@param name string a word of letters, digits and _
---@return fun(body: ratio.OpinionBody)
function opinion(name) end

---Inside an opinion: decide a node differently. What the override leaves
---out (sentences, authorities, the rule) it takes from the base.
---@param node string the node to override
---@return fun(body: ratio.RuleBody): ratio.Override
function override(node) end

-- ---------------------------------------------------------------------------
-- Combinators
-- ---------------------------------------------------------------------------

---Every condition holds (Kleene AND: no beats unknown).
---
---```lua
---rule = all { "duty", "breach", "causation", "harm" }
---```
---@param conds ratio.Cond[]
---@return ratio.Rule
function all(conds) end

---At least one condition holds (Kleene OR: yes beats unknown).
---
---```lua
---rule = any { "statute_violated", "burden_less_than_risk" }
---```
---@param conds ratio.Cond[]
---@return ratio.Rule
function any(conds) end

---None of the conditions holds.
---@param conds ratio.Cond[]
---@return ratio.Rule
function none(conds) end

---The condition holds (the same as naming it; reads well in `when`).
---@param cond ratio.Cond
---@return ratio.Rule
function yes(cond) end

---The condition does not hold (`not` is a Lua keyword).
---
---```lua
---rule = all { "prima_facie", no "barred" }
---```
---@param cond ratio.Cond
---@return ratio.Rule
function no(cond) end

---`rule` holds unless `exception` does: the exception matters only when
---the rule holds.
---@param rule ratio.Cond
---@param exception ratio.Cond
---@return ratio.Rule
function unless(rule, exception) end

---A one-of or yes/no fact or node has one of the given values.
---
---```lua
---is("status", "prisoner", "pretrial_detainee")
---```
---@param name string
---@param ... string
---@return ratio.Rule
function is(name, ...) end

---A number or date fact is greater than a number or a date "YYYY-MM-DD".
---@param name string
---@param value number|string
---@return ratio.Rule
function gt(name, value) end

---Greater than or equal.
---@param name string
---@param value number|string
---@return ratio.Rule
function ge(name, value) end

---Less than.
---@param name string
---@param value number|string
---@return ratio.Rule
function lt(name, value) end

---Less than or equal.
---@param name string
---@param value number|string
---@return ratio.Rule
function le(name, value) end

---Equal.
---@param name string
---@param value number|string
---@return ratio.Rule
function eq(name, value) end

---Not equal.
---@param name string
---@param value number|string
---@return ratio.Rule
function ne(name, value) end

---@class ratio.Branch
local Branch = {}

---The value this branch gives when its condition holds.
---@param value string a value of the node, or "unknown"
---@return ratio.Branch
function Branch:gives(value) end

---A branch of `first`: `when(condition):gives "value"`.
---@param cond ratio.Cond
---@return ratio.Branch
function when(cond) end

---The last branch of `first`: the value when no condition holds.
---@param value string a value of the node, or "unknown"
---@return ratio.Branch
function otherwise(value) end

---The value of the first branch whose condition holds; an unknown
---condition makes the result unknown. Ends with `otherwise`.
---
---```lua
---rule = first {
---  when(no "liability")           :gives "nothing",
---  when(gt("plaintiff_fault", 0)) :gives "reduced",
---  otherwise "full",
---}
---```
---@param branches ratio.Branch[]
---@return ratio.Rule
function first(branches) end
