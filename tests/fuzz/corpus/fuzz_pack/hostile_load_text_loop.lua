-- Code loaded with load() runs under the same budget.
pack { name = "load_text_loop" }
local f = load("while true do end")
f()
