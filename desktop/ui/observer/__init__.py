"""The observer's panel: observations and P/S/M/U ratings against the exercise objectives."""
