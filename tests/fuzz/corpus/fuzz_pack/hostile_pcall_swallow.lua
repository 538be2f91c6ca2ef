-- Catching the budget error with pcall and xpcall must not let the loop go on.
pack { name = "pcall_swallow" }
while true do
  pcall(function() while true do end end)
  xpcall(function() while true do end end, function(m) return m end)
end
