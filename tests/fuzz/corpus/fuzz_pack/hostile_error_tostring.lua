-- An error object whose __tostring never returns: the message handler runs
-- without the step hook.
pack { name = "error_tostring" }
error(setmetatable({}, { __tostring = function() while true do end end }))
