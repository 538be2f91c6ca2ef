pack { name = "environment" }
local home = os.getenv("HOME")
