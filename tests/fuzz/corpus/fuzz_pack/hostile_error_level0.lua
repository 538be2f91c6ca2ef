pack { name = "error_level0" }
error("no position here", 0)
