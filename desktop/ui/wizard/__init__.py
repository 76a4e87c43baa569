"""The new-exercise wizard: a scenario pack, teams, participants, the clock, a file."""
