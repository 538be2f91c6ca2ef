pack { name = "include_absolute" }
include "/etc/passwd"
