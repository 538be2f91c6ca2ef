-- The rule language of Ratio packs.
--
-- This chunk runs once per pack, before the pack's own files, with the
-- privileged helpers the sandbox passes in. It builds the environment the
-- pack's files see (an allowlist, never a copy of _G) and the registry that
-- pack.c reads back into C. Every declaration records the file and line of
-- the pack code that made it, so every later message can point there.
--
-- Nothing here evaluates a rule: combinators only build plain tables that
-- describe the rule; the C evaluator walks them.

local getinfo, include_file, safe, suggest, getlocal = ...

local registry = {
  pack = nil,
  facts = {}, nodes = {}, authorities = {}, opinions = {}, outside = {},
}

-- Where in the pack's source the current DSL call was made: the nearest
-- frame of a pack file (chunk names start with "@"). Walking the stack,
-- rather than counting levels, stays right across Lua's tail calls.
local function where()
  for level = 3, 64 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.source:sub(1, 1) == "@" and info.currentline > 0 then
      return info.source:sub(2), info.currentline
    end
  end
  return "?", 0
end

-- A DSL error is reported at the pack line that made the mistake.
local function fail(msg)
  local file, line = where()
  error(file .. ":" .. line .. ": " .. msg, 0)
end

local function check_name(kind, name)
  if type(name) ~= "string" or not name:match("^[%a_][%w_]*$") then
    local example = type(name) == "string" and name:gsub("[^%w_]+", "_"):gsub("^(%d)", "_%1") or "due_care"
    if example == "" or example == "_" then example = "due_care" end
    fail(kind .. " name must be a word of letters, digits and _ (got "
      .. (type(name) == "string" and ("'" .. name .. "'") or type(name))
      .. "); write it in quotes without spaces, e.g. \"" .. example .. "\"")
  end
end

local EXPR = {}   -- marker key: a table built by a combinator

local function mark(t)
  local file, line = where()
  t[EXPR] = true
  t.file, t.line = file, line
  return t
end

-- A reference in a rule may be a plain name (a yes/no fact or node) or a
-- combinator table.
local function operand(x, what)
  if type(x) == "string" then
    return mark({ op = "ref", ref = x })
  elseif type(x) == "table" and x[EXPR] then
    return x
  elseif type(x) == "boolean" then
    return mark({ op = "const", value = x })
  end
  fail(what .. " expects a fact or node name in quotes, or a rule such as all { ... } or is(...); got "
    .. (x == nil and "nil (a name that holds nothing?)" or ("a " .. type(x))))
end

local function operands(list, what)
  if type(list) ~= "table" or list[EXPR] then
    fail(what .. " expects a list in braces, e.g. " .. what .. " { \"a\", \"b\" }")
  end
  local out = {}
  for i = 1, #list do out[i] = operand(list[i], what .. ": item " .. i) end
  if #out == 0 then fail(what .. " needs at least one condition, e.g. " .. what .. " { \"duty\", \"breach\" }") end
  return out
end

-- Fact types ------------------------------------------------------------------
local TYPE = {}
local yesno  = { [TYPE] = "yesno" }
local number = { [TYPE] = "number" }
local date   = { [TYPE] = "date" }
local text   = { [TYPE] = "text" }
local function oneof(values)
  if type(values) ~= "table" or #values == 0 then
    fail("oneof expects a list of value names in braces, e.g. oneof { \"none\", \"some\", \"great\" }")
  end
  for _, v in ipairs(values) do check_name("value", v) end
  return { [TYPE] = "enum", values = values }
end

-- Combinators -----------------------------------------------------------------
local function all(list) return mark({ op = "all", args = operands(list, "all") }) end
local function any(list) return mark({ op = "any", args = operands(list, "any") }) end
-- `not` is a Lua keyword, so negation is spelt `no "x"` or `no(rule)`, and
-- `none { ... }` for "none of".
local function yes(x)    return operand(x, "yes") end
local function no(x)     return mark({ op = "not", args = { operand(x, "no") } }) end
local function none(list) return mark({ op = "not", args = { mark({ op = "any", args = operands(list, "none") }) } }) end
local function unless(rule, exception)
  return mark({ op = "unless", args = { operand(rule, "unless"), operand(exception, "unless") } })
end
local function is(name, ...)
  local values = { ... }
  if type(name) ~= "string" then fail("is expects a fact or node name in quotes first, e.g. is(\"care\", \"none\")") end
  if #values == 0 then fail("is(\"" .. name .. "\", ...) needs at least one value; write is(\"" .. name .. "\", \"value\")") end
  return mark({ op = "is", ref = name, values = values })
end

local function compare(opname)
  return function(name, value)
    if type(name) ~= "string" then
      fail(opname .. " expects a fact name in quotes first, then the value, e.g. " .. opname .. "(\"days\", 10)")
    end
    if type(value) ~= "number" and type(value) ~= "string" then
      fail(opname .. "(\"" .. name .. "\", ...) expects a number or a date \"YYYY-MM-DD\" to compare with, got "
        .. (value == nil and "nothing" or ("a " .. type(value))) .. "; e.g. " .. opname .. "(\"" .. name .. "\", 10)")
    end
    return mark({ op = "cmp", cmp = opname, ref = name, value = value })
  end
end

-- first { when(cond):gives "v", ..., otherwise "v" }
local BRANCH = {}
local branch_mt = {}
local function gives(self, value)
  if getmetatable(self) ~= branch_mt then
    fail("gives must follow a colon: write when(condition):gives \"value\", not when(condition).gives")
  end
  self.gives = value
  return self
end
branch_mt.__index = function(_, k)
  if k == "gives" then return gives end
  if type(k) ~= "string" then return nil end -- the markers the prelude tests
  fail("when(...) has no '" .. tostring(k) .. "'; write when(condition):gives \"value\"")
end
local function when(cond)
  local file, line = where()
  return setmetatable({ [BRANCH] = true, cond = operand(cond, "when"), file = file, line = line }, branch_mt)
end
local function otherwise(value)
  local file, line = where()
  return setmetatable({ [BRANCH] = true, otherwise = value, file = file, line = line }, branch_mt)
end
local function first(list)
  if type(list) ~= "table" or list[EXPR] or list[BRANCH] then
    fail("first expects a list of branches in braces: first { when(condition):gives \"value\", ..., otherwise \"value\" }")
  end
  if #list == 0 then fail("first { } has no branches; end it at least with otherwise \"value\"") end
  local branches = {}
  for i, b in ipairs(list) do
    if type(b) ~= "table" or not b[BRANCH] then
      fail("first: item " .. i .. " is not a branch; write when(condition):gives \"value\", or otherwise \"value\" last")
    end
    local gives = rawget(b, "gives")
    if gives == nil then gives = rawget(b, "otherwise") end
    if gives == nil then
      fail("first: branch " .. i .. " has no value; add :gives \"value\"")
    end
    branches[i] = { cond = rawget(b, "cond"), gives = gives, file = b.file, line = b.line }
  end
  return mark({ op = "first", branches = branches })
end

-- Declarations ----------------------------------------------------------------
-- Each takes a name and returns a function that takes the body, so packs
-- read `fact "x" { ... }`.
local function declare(kind, list, make)
  return function(name)
    check_name(kind, name)
    local file, line = where()
    return function(body)
      if type(body) ~= "table" or body[EXPR] or body[BRANCH] then
        fail(kind .. " \"" .. name .. "\" expects a body in braces: " .. kind .. " \"" .. name .. "\" { ... }")
      end
      local entry = make(name, body, file, line)
      entry.name, entry.file, entry.line = name, file, line
      list[#list + 1] = entry
      return entry
    end
  end
end

-- Words authors reach for instead of a field's name.
local FIELD_SYNONYMS = {
  authority = "by", authorities = "by", cite = "by", cites = "by", source = "by",
  question = "ask", prompt = "ask", description = "help", explain = "help",
  sentence = "says", sentences = "says", because = "says", text = "says",
  citation = "cite", case = "cite", page = "pin", pincite = "pin",
  values = "type", options = "type", choices = "type",
  parent = "base", overrides = "base", judge = "author", justice = "author",
  node = "decides", outcome = "decides", decide = "decides", result = "disposition",
  from = "date", to = "until_date", ["until"] = "until_date", since = "date",
  rule = "when", condition = "when", ["if"] = "when", reason = "says", why = "says",
  favors = "favours", favour = "favours", winner = "favours", wins = "favours",
  precedents = "decided", library = "decided",
}

local function copy_fields(body, allowed, kind, name)
  local out = {}
  -- visit keys in order so the first mistake reported does not depend on
  -- the hash order of the table
  local keys_in_body = {}
  for k in pairs(body) do
    if type(k) == "string" then keys_in_body[#keys_in_body + 1] = k end
  end
  table.sort(keys_in_body)
  for _, k in ipairs(keys_in_body) do
    local v = body[k]
    do
      if not allowed[k] then
        local keys = {}
        for a in pairs(allowed) do keys[#keys + 1] = a end
        table.sort(keys)
        local best = allowed[FIELD_SYNONYMS[k] or ""] and FIELD_SYNONYMS[k] or suggest(k, keys)
        fail(kind .. " \"" .. name .. "\": unknown field '" .. k .. "'"
          .. (best and ("; did you mean '" .. best .. "'?") or "")
          .. " (fields: " .. table.concat(keys, ", ") .. ")")
      end
      out[k] = v
    end
  end
  return out
end

local FACT_FIELDS = { ask = true, help = true, optional = true, type = true, default = true, says = true }
local fact = declare("fact", registry.facts, function(name, body)
  local out = copy_fields(body, FACT_FIELDS, "fact", name)
  local t = body[1]
  if type(t) ~= "table" or not t[TYPE] then
    fail("fact \"" .. name .. "\" needs a type first: yesno, oneof { ... }, number, date or text; e.g. fact \"" .. name .. "\" { yesno, ask = \"...?\" }")
  end
  out.type, out.values = t[TYPE], t.values
  return out
end)

local RULE_FIELDS = { rule = true, open = true, by = true, yes = true, no = true,
  unknown = true, says = true, ask = true, values = true, finding = true, title = true }

-- A node also says which party each of its answers favours (favours =
-- { yes = "plaintiff", ... }); an override cannot change that.
local NODE_FIELDS = { favours = true }
for k in pairs(RULE_FIELDS) do NODE_FIELDS[k] = true end

local function rule_body(kind, name, body, allowed)
  local out = copy_fields(body, allowed or RULE_FIELDS, kind, name)
  if out.rule ~= nil and type(out.rule) ~= "function" then
    out.rule = operand(out.rule, kind .. " \"" .. name .. "\": rule")
  end
  if out.open ~= nil then out.open = operand(out.open, kind .. " \"" .. name .. "\": open") end
  if type(out.by) == "string" then out.by = { out.by } end
  if type(out.finding) == "table" then
    -- finding = { unless = rule }: the finding below binds unless rule holds
    if out.finding.unless == nil then fail(kind .. " \"" .. name .. "\": finding = { ... } needs unless = rule; write finding = true, or finding = { unless = rule }") end
    out.finding_unless = operand(out.finding.unless, kind .. " \"" .. name .. "\": finding unless")
    out.finding = true
  elseif out.finding ~= nil and type(out.finding) ~= "boolean" then
    fail(kind .. " \"" .. name .. "\": finding must be true or { unless = rule }, not a " .. type(out.finding) .. "; write finding = true or finding = { unless = rule }")
  end
  return out
end

local node = declare("node", registry.nodes, function(name, body)
  return rule_body("node", name, body, NODE_FIELDS)
end)

local AUTH_FIELDS = { cite = true, pin = true, quote = true, short = true, url = true }
local authority = declare("authority", registry.authorities, function(name, body)
  local out = copy_fields(body, AUTH_FIELDS, "authority", name)
  if type(body[1]) == "string" and out.cite == nil then out.cite = body[1] end
  return out
end)

local OVERRIDE = {}
local function override(name)
  check_name("override", name)
  local file, line = where()
  return function(body)
    local out = rule_body("override", name, body)
    out[OVERRIDE] = true
    out.node, out.file, out.line = name, file, line
    return out
  end
end

local OPINION_FIELDS = { author = true, role = true, date = true, until_date = true,
  displaced_by = true, base = true, decides = true, disposition = true, title = true, joined = true }
local opinion = declare("opinion", registry.opinions, function(name, body)
  local out = copy_fields(body, OPINION_FIELDS, "opinion", name)
  out.overrides = {}
  for i, o in ipairs(body) do
    if type(o) ~= "table" or not o[OVERRIDE] then
      fail("opinion \"" .. name .. "\": item " .. i .. " is not an override; write override \"node\" { rule = ... }")
    end
    out.overrides[#out.overrides + 1] = o
  end
  return out
end)

-- outside "name" { when = rule, says = "why", by = ... }: the pack's scope.
-- A row whose facts meet `when` is reported as outside this pack.
local OUTSIDE_FIELDS = { when = true, says = true, by = true, title = true }
local outside = declare("outside", registry.outside, function(name, body)
  local out = copy_fields(body, OUTSIDE_FIELDS, "outside", name)
  local what = "outside \"" .. name .. "\""
  if out.when == nil then
    fail(what .. " needs when = rule: the facts that take a row outside the pack, e.g. when = \"arrest\"")
  end
  if type(out.when) == "function" then
    fail(what .. ": when must be a rule over facts (all, any, is, ...), not a function")
  end
  out.when = operand(out.when, what .. ": when")
  if type(out.says) ~= "string" then
    fail(what .. " needs says = \"...\": the sentence that tells the reader why the row is outside the pack")
  end
  if type(out.by) == "string" then out.by = { out.by } end
  return out
end)

local PACK_FIELDS = { name = true, title = true, case = true, date = true, version = true, cases = true, decided = true }
local function pack(body)
  if type(body) ~= "table" then fail("pack expects a body in braces; write pack { name = \"...\", title = \"...\" }") end
  if registry.pack then fail("pack { ... } is declared twice; keep one") end
  local out = copy_fields(body, PACK_FIELDS, "pack", "pack")
  -- file lists hold names only: anything else would be dropped unseen
  for _, field in ipairs({ "cases", "decided" }) do
    local list = out[field]
    for i, v in ipairs(type(list) == "table" and list or {}) do
      if type(v) ~= "string" then
        fail("pack: entry " .. i .. " of " .. field .. " is a " .. type(v) .. ", not a file name; write it in quotes, e.g. \"cases/a.csv\"")
      end
    end
  end
  out.file, out.line = where()
  registry.pack = out
end

-- The environment pack files see ----------------------------------------------
local env = {}
for k, v in pairs(safe) do env[k] = v end
local dsl = {
  pack = pack, fact = fact, node = node, authority = authority,
  opinion = opinion, override = override, outside = outside,
  yesno = yesno, oneof = oneof, number = number, date = date, text = text,
  all = all, any = any, none = none, no = no, yes = yes, is = is,
  unless = unless, first = first, when = when, otherwise = otherwise,
  gt = compare("gt"), ge = compare("ge"), lt = compare("lt"), le = compare("le"),
  eq = compare("eq"), ne = compare("ne"),
}
for k, v in pairs(dsl) do env[k] = v end
env.include = function(path)
  if type(path) ~= "string" then
    fail("include expects a file name in quotes, relative to the pack folder, e.g. include \"facts.lua\"; got a " .. type(path))
  end
  local chunk = include_file(path, 2)
  return chunk()
end

-- Unknown names are mistakes, not nils: a misspelt word fails at load.
-- The hint tries, in order: a Lua word packs do not have, a name the pack
-- declared (written without quotes), a field written outside its braces,
-- and a near spelling among the rule language and the pack's locals.
local NOT_IN_PACKS = {
  print = "a pack cannot print; put text in a node's sentences (yes = \"...\"), or stop the load with error(\"...\") while you debug",
  require = "a pack loads its other files with include \"file.lua\"",
  dofile = "a pack loads its other files with include \"file.lua\"",
  loadfile = "a pack loads its other files with include \"file.lua\"",
  os = "a pack cannot reach the system (no os); a rule reads only the case's facts",
  io = "a pack cannot read or write files (no io); facts come from the case file",
  debug = "a pack has no debug library",
  package = "a pack loads its other files with include \"file.lua\"",
  ["not"] = "negation is spelt no \"x\" or none { ... }",
  unknown = "a blank cell is unknown by itself; in first { ... } write :gives \"unknown\" in quotes",
}
local FIELD_WORDS = { rule = true, by = true, says = true, ask = true, values = true,
  finding = true, title = true, open = true, cite = true, pin = true, quote = true,
  decides = true, base = true, disposition = true, author = true, role = true, help = true,
  optional = true, name = true, cases = true, favours = true, decided = true }

local function declared(k)
  for _, list in ipairs({ registry.facts, registry.nodes, registry.authorities, registry.opinions }) do
    for _, e in ipairs(list) do
      if e.name == k then return list end
    end
  end
end

local function unknown_name_hint(k)
  if NOT_IN_PACKS[k] then return NOT_IN_PACKS[k] end
  local list = declared(k)
  if list == registry.authorities then
    return "authorities are named in quotes: by = \"" .. k .. "\""
  elseif list == registry.opinions then
    return "opinions are named in quotes: base = \"" .. k .. "\""
  elseif list then
    return "names of facts and nodes are written in quotes: \"" .. k .. "\""
  end
  if FIELD_WORDS[k] then
    return "'" .. k .. "' is a field: write " .. k .. " = ... (one '=') inside the braces of a declaration"
  end
  -- a declaration word first: 'nod' is more likely node than no
  local best = suggest(k, { "authority", "fact", "include", "node", "opinion", "override", "pack" })
  if best then return "did you mean '" .. best .. "'?" end
  local words = {}
  for w in pairs(dsl) do words[#words + 1] = w end
  for w in pairs(safe) do words[#words + 1] = w end
  -- the locals in scope where the name was read: level 1 is this
  -- function, 2 the __index below, 3 the pack code that read the name
  for i = 1, 200 do
    local name = getlocal(3, i)
    if not name then break end
    if name:sub(1, 1) ~= "(" then words[#words + 1] = name end
  end
  table.sort(words)
  best = suggest(k, words)
  if best then return "did you mean '" .. best .. "'?" end
  return "names of facts, nodes and values go in quotes (\"" .. k .. "\"); a local must be declared above this line"
end

setmetatable(env, {
  __index = function(_, k)
    local hint = type(k) == "string" and unknown_name_hint(k)
    error("unknown name '" .. tostring(k) .. "'" .. (hint and ("; " .. hint) or ""), 2)
  end,
  __newindex = function(_, k)
    error("assignment to global '" .. tostring(k)
      .. "'; declare a local instead (local " .. tostring(k) .. " = ...)", 2)
  end,
  __metatable = false,
})

return env, registry
