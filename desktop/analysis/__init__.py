"""Pure functions from an exercise record to the debrief figures of DESIGN.md.

Each figure lives in its own module and takes an `ExerciseRecord`; `report_json`
gathers them into the `coherence-report/1` document.
"""
