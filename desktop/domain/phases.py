"""Which phase is in force at a given scenario time."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.scenario import Phase


def phase_in_force(
    time: int, phases: Sequence[Phase], changes: Sequence[tuple[int, str]] = ()
) -> str | None:
    """The latest scheduled phase start or facilitator phase change at or before `time`.

    A facilitator's change at the same minute as a scheduled start wins; among changes at
    the same minute the later one wins. `None` before the first phase starts.
    """
    best: tuple[int, int, int] | None = None
    best_id: str | None = None
    for order, phase in enumerate(phases):
        key = (phase.starts, 0, order)
        if phase.starts <= time and (best is None or key > best):
            best, best_id = key, phase.id
    for order, (at, phase_id) in enumerate(changes):
        key = (at, 1, order)
        if at <= time and (best is None or key > best):
            best, best_id = key, phase_id
    return best_id
