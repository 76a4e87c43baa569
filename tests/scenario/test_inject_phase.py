"""An inject's phase defaults to the phase in force at its time (DESIGN.md)."""

from __future__ import annotations

from typing import Any


def test_scheduled_injects_take_the_phase_of_their_time(mini_scenario: Any) -> None:
    """conv-01 (D+0 09:00) is in stabilization, elec-01 (D+3 09:00) in transition; an
    explicit `phase:` wins; a manual inject without one belongs to none yet."""
    injects = mini_scenario.inject_by_id
    assert injects["conv-01"].phase == "stabilization"
    assert injects["elec-01"].phase == "transition"
    assert injects["flood-01"].phase == "consolidation"  # written in the pack, `at: manual`
    triggered = [i for i in mini_scenario.injects if i.trigger is not None]
    assert triggered
    assert all(i.phase is None for i in triggered)
