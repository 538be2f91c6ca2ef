-- An error object that throws when looked at.
pack { name = "error_index" }
error(setmetatable({}, {
  __index = function() error("gotcha") end,
  __tostring = function() error("gotcha again") end,
}))
