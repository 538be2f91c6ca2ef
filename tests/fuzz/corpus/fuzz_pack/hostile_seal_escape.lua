-- Ways a rule could reach the writable contents of a sealed table: the
-- state pairs returns, the table an __index function receives, next. Each
-- must fail the same way on every row, at any -j.
pack { name = "seal_escape" }
fact "a" { yesno }
local state = { seen = 0 }
local store = setmetatable({ seen = 0 }, { __index = function(t, k)
  if k == "raw" then return t end
  t.seen = t.seen + 1
  return t.seen
end })
local list = { 0 }
node "flip" { title = "Flip", rule = function(f)
    local _, raw = pairs(state); raw.seen = raw.seen + 1; return raw.seen == 1 end,
  yes = "first", no = "later" }
node "index_fn" { rule = function(f) return store.missing == 1 end }
node "index_raw" { rule = function(f) local raw = store.raw; raw.seen = raw.seen + 1; return raw.seen == 1 end }
node "next_state" { rule = function(f)
  local iter, s = pairs(list)
  local k, v = iter(s, nil)
  return rawequal(s, list) and k == 1 and v == 0 end }
node "calm" { rule = function(f) return f.a end }
opinion "flip" { decides = "flip" }
opinion "index_fn" { decides = "index_fn" }
opinion "index_raw" { decides = "index_raw" }
opinion "next_state" { decides = "next_state" }
opinion "calm" { decides = "calm" }
