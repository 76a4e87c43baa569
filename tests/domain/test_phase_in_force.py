"""Which phase is in force: DESIGN.md "Debrief figures", "Phase in force"."""

from __future__ import annotations

from desktop.domain.phases import phase_in_force
from desktop.domain.scenario import Phase

PHASES = (
    Phase("stabilization", "Stabilization", 100),
    Phase("transition", "Transition", 1000),
    Phase("consolidation", "Consolidation", 2000),
)


def test_none_before_the_first_phase() -> None:
    """Before the first scheduled start no phase is in force."""
    assert phase_in_force(0, PHASES) is None
    assert phase_in_force(99, PHASES) is None


def test_none_without_phases_or_changes() -> None:
    """A scenario without phases has none in force."""
    assert phase_in_force(5000, ()) is None


def test_scheduled_starts_apply_at_and_after_their_minute() -> None:
    """Each scheduled phase is in force from its start (inclusive) to the next start."""
    assert phase_in_force(100, PHASES) == "stabilization"
    assert phase_in_force(999, PHASES) == "stabilization"
    assert phase_in_force(1000, PHASES) == "transition"
    assert phase_in_force(1999, PHASES) == "transition"
    assert phase_in_force(2000, PHASES) == "consolidation"
    assert phase_in_force(10**6, PHASES) == "consolidation"


def test_phase_order_in_the_list_does_not_matter() -> None:
    """The latest start at or before the time wins, whatever the listing order."""
    shuffled = (PHASES[2], PHASES[0], PHASES[1])
    assert phase_in_force(1500, shuffled) == "transition"
    assert phase_in_force(2500, shuffled) == "consolidation"


def test_facilitator_change_moves_the_phase_early() -> None:
    """A change before the schedule is in force from its minute until a later start."""
    changes = [(500, "consolidation")]
    assert phase_in_force(499, PHASES, changes) == "stabilization"
    assert phase_in_force(500, PHASES, changes) == "consolidation"
    assert phase_in_force(999, PHASES, changes) == "consolidation"
    # The scheduled start of transition is later than the change, so it takes over.
    assert phase_in_force(1000, PHASES, changes) == "transition"


def test_change_before_the_first_phase_applies() -> None:
    """A facilitator change counts even before any scheduled start."""
    assert phase_in_force(50, PHASES, [(40, "transition")]) == "transition"
    assert phase_in_force(39, PHASES, [(40, "transition")]) is None


def test_change_at_the_same_minute_as_a_start_wins() -> None:
    """At the same minute, the facilitator's change beats the scheduled start."""
    changes = [(1000, "stabilization")]
    assert phase_in_force(1000, PHASES, changes) == "stabilization"
    assert phase_in_force(1999, PHASES, changes) == "stabilization"
    assert phase_in_force(2000, PHASES, changes) == "consolidation"


def test_later_change_wins_among_changes_at_the_same_minute() -> None:
    """Among changes at one minute, the one made last wins."""
    changes = [(600, "consolidation"), (600, "transition")]
    assert phase_in_force(600, PHASES, changes) == "transition"
    reversed_changes = [(600, "transition"), (600, "consolidation")]
    assert phase_in_force(600, PHASES, reversed_changes) == "consolidation"


def test_latest_change_by_time_wins_whatever_the_order_given() -> None:
    """Changes are compared by time first, then by the order they were made."""
    changes = [(800, "consolidation"), (700, "transition")]
    assert phase_in_force(750, PHASES, changes) == "transition"
    assert phase_in_force(850, PHASES, changes) == "consolidation"


def test_future_changes_are_ignored() -> None:
    """A change after the time asked about has no effect yet."""
    assert phase_in_force(300, PHASES, [(301, "consolidation")]) == "stabilization"
