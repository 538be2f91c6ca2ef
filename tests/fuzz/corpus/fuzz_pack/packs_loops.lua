pack { name = "loops" }
while true do end
