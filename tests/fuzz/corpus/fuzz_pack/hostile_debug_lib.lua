pack { name = "debug_lib" }
debug.sethook()
