pack { name = "error_table" }
error({ code = 42 })
