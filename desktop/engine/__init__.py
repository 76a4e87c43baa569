"""The exercise state machine, its clock and the inject schedule; pure, clock injected."""
