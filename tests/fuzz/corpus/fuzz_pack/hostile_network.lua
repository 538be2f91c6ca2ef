pack { name = "network" }
local socket = require "socket"
socket.connect("example.com", 80)
