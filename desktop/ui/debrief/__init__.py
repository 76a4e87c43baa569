"""The debrief window: scorecard, timeline replay, network, expectations, evaluation,
improvement plan and exports; and the dialog that compares runs of one scenario."""
