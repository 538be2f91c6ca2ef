pack { name = "reads_file" }
local f = io.open("/etc/passwd")
