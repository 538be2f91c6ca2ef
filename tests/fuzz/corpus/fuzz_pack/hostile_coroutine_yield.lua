-- A coroutine library would let a rule yield across the engine's C frames.
pack { name = "coroutine_yield" }
local co = coroutine.wrap(function() coroutine.yield(1) end)
co()
