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

local getinfo, include_file, safe = ...

local registry = {
  pack = nil,
  facts = {}, nodes = {}, authorities = {}, opinions = {},
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
    fail(kind .. " name must be a word of letters, digits and _ (got "
      .. (type(name) == "string" and ("'" .. name .. "'") or type(name)) .. ")")
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
  fail(what .. " expects a fact or node name or a rule, got " .. type(x))
end

local function operands(list, what)
  if type(list) ~= "table" or list[EXPR] then
    fail(what .. " expects a list in braces, e.g. " .. what .. " { \"a\", \"b\" }")
  end
  local out = {}
  for i = 1, #list do out[i] = operand(list[i], what) end
  if #out == 0 then fail(what .. " needs at least one condition") end
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
    fail("oneof expects a list of value names, e.g. oneof { \"a\", \"b\" }")
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
  if type(name) ~= "string" then fail("is expects a fact or node name first") end
  if #values == 0 then fail("is(\"" .. name .. "\", ...) needs at least one value") end
  return mark({ op = "is", ref = name, values = values })
end

local function compare(opname)
  return function(name, value)
    if type(name) ~= "string" then fail(opname .. " expects a fact name first") end
    if type(value) ~= "number" and type(value) ~= "string" then
      fail(opname .. " expects a number or a date \"YYYY-MM-DD\" to compare with")
    end
    return mark({ op = "cmp", cmp = opname, ref = name, value = value })
  end
end

-- first { when(cond):gives "v", ..., otherwise "v" }
local BRANCH = {}
local branch_mt = { __index = {} }
function branch_mt.__index.gives(self, value)
  if getmetatable(self) ~= branch_mt then fail("use when(condition):gives \"value\"") end
  self.gives = value
  return self
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
  if type(list) ~= "table" or list[EXPR] then fail("first expects a list of when(...):gives(...) branches") end
  local branches = {}
  for i, b in ipairs(list) do
    if type(b) ~= "table" or not b[BRANCH] then
      fail("first: item " .. i .. " is not a branch; write when(condition):gives \"value\"")
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
      if type(body) ~= "table" then
        fail(kind .. " \"" .. name .. "\" expects a body in braces { ... }")
      end
      local entry = make(name, body, file, line)
      entry.name, entry.file, entry.line = name, file, line
      list[#list + 1] = entry
      return entry
    end
  end
end

local function copy_fields(body, allowed, kind, name)
  local out = {}
  for k, v in pairs(body) do
    if type(k) == "string" then
      if not allowed[k] then
        local keys = {}
        for a in pairs(allowed) do keys[#keys + 1] = a end
        table.sort(keys)
        fail(kind .. " \"" .. name .. "\": unknown field '" .. k .. "' (fields: "
          .. table.concat(keys, ", ") .. ")")
      end
      out[k] = v
    end
  end
  return out
end

local FACT_FIELDS = { ask = true, help = true, optional = true, type = true }
local fact = declare("fact", registry.facts, function(name, body)
  local out = copy_fields(body, FACT_FIELDS, "fact", name)
  local t = body[1]
  if type(t) ~= "table" or not t[TYPE] then
    fail("fact \"" .. name .. "\" needs a type first: yesno, oneof { ... }, number, date or text")
  end
  out.type, out.values = t[TYPE], t.values
  return out
end)

local RULE_FIELDS = { rule = true, open = true, by = true, yes = true, no = true,
  unknown = true, says = true, ask = true, values = true, finding = true, title = true }

local function rule_body(kind, name, body)
  local out = copy_fields(body, RULE_FIELDS, kind, name)
  if out.rule ~= nil and type(out.rule) ~= "function" then
    out.rule = operand(out.rule, kind .. " \"" .. name .. "\" rule")
  end
  if out.open ~= nil then out.open = operand(out.open, kind .. " \"" .. name .. "\" open") end
  if type(out.by) == "string" then out.by = { out.by } end
  if type(out.finding) == "table" then
    -- finding = { unless = rule }: the finding below binds unless rule holds
    if out.finding.unless == nil then fail(kind .. " \"" .. name .. "\": write finding = true or finding = { unless = rule }") end
    out.finding_unless = operand(out.finding.unless, kind .. " \"" .. name .. "\" finding unless")
    out.finding = true
  elseif out.finding ~= nil and type(out.finding) ~= "boolean" then
    fail(kind .. " \"" .. name .. "\": write finding = true or finding = { unless = rule }")
  end
  return out
end

local node = declare("node", registry.nodes, function(name, body)
  return rule_body("node", name, body)
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
  base = true, decides = true, disposition = true, title = true, joined = true }
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

local PACK_FIELDS = { name = true, title = true, case = true, version = true, cases = true }
local function pack(body)
  if type(body) ~= "table" then fail("pack expects a body in braces { name = ..., title = ... }") end
  if registry.pack then fail("pack { ... } is declared twice; keep one") end
  local out = copy_fields(body, PACK_FIELDS, "pack", "pack")
  out.file, out.line = where()
  registry.pack = out
end

-- The environment pack files see ----------------------------------------------
local env = {}
for k, v in pairs(safe) do env[k] = v end
local dsl = {
  pack = pack, fact = fact, node = node, authority = authority,
  opinion = opinion, override = override,
  yesno = yesno, oneof = oneof, number = number, date = date, text = text,
  all = all, any = any, none = none, no = no, yes = yes, is = is,
  unless = unless, first = first, when = when, otherwise = otherwise,
  gt = compare("gt"), ge = compare("ge"), lt = compare("lt"), le = compare("le"),
  eq = compare("eq"), ne = compare("ne"),
}
for k, v in pairs(dsl) do env[k] = v end
env.include = function(path)
  if type(path) ~= "string" then fail("include expects a file name inside the pack folder") end
  local chunk = include_file(path, 2)
  return chunk()
end

-- Unknown names are mistakes, not nils: a misspelt word fails at load.
setmetatable(env, {
  __index = function(_, k)
    error("unknown name '" .. tostring(k) .. "'", 2)
  end,
  __newindex = function(_, k)
    error("assignment to global '" .. tostring(k)
      .. "'; declare a local instead (local " .. tostring(k) .. " = ...)", 2)
  end,
  __metatable = false,
})

return env, registry
