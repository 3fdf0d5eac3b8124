"""The input line: what a typed line means (an entry or a command), dates and names in it."""
