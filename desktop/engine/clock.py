"""The scenario clock: scenario minutes as a function of wall time, a rate, and pauses."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

# Floating-point slack so that a wall time computed to land exactly on a minute does not
# read as the minute before.
_EPSILON = 1e-6


@dataclass(frozen=True)
class ScenarioClock:
    """An immutable clock reading.

    While running, scenario time advances from `anchor_minutes` at `anchor_wall` by
    `rate` scenario seconds per wall second (60: one wall minute is one scenario hour).
    While stopped it stands at `anchor_minutes`. Every change snaps to a whole minute so
    that replaying the logged events gives exactly the same clock.
    """

    anchor_minutes: int = 0
    anchor_wall: datetime | None = None
    rate: float = 1.0
    running: bool = False

    def minutes_at(self, wall: datetime) -> int:
        """The scenario time in whole minutes at wall time `wall`."""
        if not self.running or self.anchor_wall is None:
            return self.anchor_minutes
        elapsed = max(0.0, (wall - self.anchor_wall).total_seconds())
        return self.anchor_minutes + math.floor(elapsed * self.rate / 60.0 + _EPSILON)

    def wall_for(self, minutes: int) -> datetime | None:
        """The wall time at which a running clock reaches `minutes`, if it runs."""
        if not self.running or self.anchor_wall is None:
            return None
        seconds = (minutes - self.anchor_minutes) * 60.0 / self.rate
        return self.anchor_wall + timedelta(seconds=max(0.0, seconds))

    def started(self, wall: datetime, minutes: int) -> ScenarioClock:
        """The clock set running at `minutes`."""
        return replace(self, anchor_minutes=minutes, anchor_wall=wall, running=True)

    def stopped(self, wall: datetime, minutes: int) -> ScenarioClock:
        """The clock stopped (paused or ended) at `minutes`."""
        return replace(self, anchor_minutes=minutes, anchor_wall=wall, running=False)

    def with_rate(self, wall: datetime, minutes: int, rate: float) -> ScenarioClock:
        """The clock going on from `minutes` at a new rate."""
        return replace(self, anchor_minutes=minutes, anchor_wall=wall, rate=rate)

    def jumped(self, wall: datetime, minutes: int) -> ScenarioClock:
        """The clock moved to `minutes`, running or not as before."""
        return replace(self, anchor_minutes=minutes, anchor_wall=wall)
