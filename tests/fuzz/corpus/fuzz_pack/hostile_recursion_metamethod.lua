-- __index that indexes itself: recursion through the VM's C calls.
pack { name = "recursion_metamethod" }
local t = setmetatable({}, { __index = function(self, k) return self[k .. "x"] end })
local v = t.a
