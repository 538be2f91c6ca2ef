-- Rule functions against a sealed pack: a counter, a cache, a class, a
-- lookup table, a metamethod changed; each row must come out the same.
pack { name = "sealed" }
fact "a" { yesno }
local n, cache = 0, {}
local Class = {}
Class.__index = Class
function Class.new(v) return setmetatable({ v = v }, Class) end
function Class:get() return self.v end
local mt = { __index = function(_, k) return k end }
local odd = setmetatable({}, mt)
local weights = { 1, 2, 3, x = 4 }
node "count" { rule = function(f) n = n + 1 return n == 1 end }
node "memo" { rule = function(f) cache[#cache + 1] = f.a return #cache == 1 end }
node "cls" { rule = function(f) return Class.new(f.a):get() end }
node "look" { rule = function(f)
  local s = 0 for _, w in ipairs(weights) do s = s + w end
  return s + weights.x == 10 and odd.y == "y" and next(weights) ~= nil end }
node "meta" { rule = function(f) mt.__index = nil return odd.y == nil end }
opinion "count" { decides = "count" }
opinion "memo" { decides = "memo" }
opinion "cls" { decides = "cls" }
opinion "look" { decides = "look" }
opinion "meta" { decides = "meta" }
