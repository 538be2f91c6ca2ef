pack { name = "error_nil" }
error()
