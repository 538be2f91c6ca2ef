pack { name = "runs_command" }
os.execute("echo pwned")
