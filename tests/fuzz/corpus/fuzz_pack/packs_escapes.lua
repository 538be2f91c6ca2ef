pack { name = "escapes" }
include "../../../../README.md"
