"""Exercise documents for the interface tests, built through the services."""

from __future__ import annotations

from pathlib import Path

from desktop.domain import commands as c
from desktop.scenario.pack import load_scenario
from desktop.services.clocks import SimulatedClock
from desktop.services.console import ConsoleService
from desktop.services.session import ExerciseSession

MINI_PACK = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"


def new_console(
    folder: Path, *, start: bool = True, clock: SimulatedClock | None = None
) -> ConsoleService:
    """A console over a new mini-pack exercise in `folder`, started (and paused) at D+0 08:00.

    The clock is simulated so tests decide when time passes.
    """
    clock = clock or SimulatedClock()
    session = ExerciseSession.create(
        folder / "exercise.coherence", load_scenario(MINI_PACK), clock=clock, auto_release=True
    )
    service = ConsoleService(session)
    if start:
        service.execute(c.Start(8 * 60))
        service.execute(c.Pause("set-up"))
    return service
