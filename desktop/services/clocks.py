"""Wall clocks: the real one, and a simulated one for play scripts and tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

WallClock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class SimulatedClock:
    """A wall clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2000, 1, 1, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        """Move to `moment` (never backwards)."""
        self.now = max(self.now, moment)

    def tick(self, seconds: float = 1.0) -> None:
        """Move forward by `seconds`."""
        self.now += timedelta(seconds=seconds)
