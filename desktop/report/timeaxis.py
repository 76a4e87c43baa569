"""A scenario-time axis that folds away the idle stretches of an exercise.

Exercises jump: a morning on D+0, an afternoon on D+30, the end on D+92. Drawn on a linear
axis, each burst of play would be a sliver. The axis keeps the spans with activity at
their true scale and folds every longer quiet stretch into a narrow marked gap.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from desktop.domain.times import MINUTES_PER_DAY

PAD = 30  # minutes of margin around activity
FOLD_AFTER = 8 * 60  # quiet stretches longer than this are folded
MAX_SEGMENTS = 10
TICK_STEPS = (15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 7 * 1440, 14 * 1440, 28 * 1440)
MAX_TICKS = 11


@dataclass(frozen=True)
class Gap:
    """A folded quiet stretch: where it sits on the axis and how long it really was."""

    x: float
    width: float
    minutes: int


@dataclass(frozen=True)
class TimeAxis:
    """Active segments `(start, end)` in scenario minutes, laid end to end with gaps between.

    `x(minute)` maps a scenario time to the axis; times inside a folded gap map to the
    middle of the gap, times outside the segments to the nearest end.
    """

    segments: tuple[tuple[int, int], ...]
    gap: float

    @cached_property
    def starts(self) -> list[float]:
        """The axis position of each segment's start."""
        positions, x = [], 0.0
        for start, end in self.segments:
            positions.append(x)
            x += (end - start) + self.gap
        return positions

    @cached_property
    def _openings(self) -> list[int]:
        return [start for start, _ in self.segments]

    @cached_property
    def length(self) -> float:
        """The total length of the axis."""
        active = sum(end - start for start, end in self.segments)
        return active + self.gap * (len(self.segments) - 1)

    def x(self, minute: float) -> float:
        """The axis position of a scenario time."""
        index = bisect.bisect_right(self._openings, minute) - 1
        if index < 0:
            return 0.0
        start, end = self.segments[index]
        base = self.starts[index]
        if minute <= end:
            return base + (minute - start)
        if index == len(self.segments) - 1:
            return self.length
        return base + (end - start) + self.gap / 2

    def gaps(self) -> list[Gap]:
        """The folded stretches between segments."""
        result = []
        for (start, end), (following, _), base in zip(
            self.segments, self.segments[1:], self.starts, strict=False
        ):
            result.append(Gap(base + (end - start), self.gap, following - end))
        return result

    def ticks(self) -> list[tuple[float, str]]:
        """Tick positions and labels: `D+N HH:MM` where a day starts or a segment opens."""
        active = sum(end - start for start, end in self.segments)
        step = next((s for s in TICK_STEPS if active / s <= MAX_TICKS), TICK_STEPS[-1])
        spacing = self.length / (MAX_TICKS + 3)
        result: list[tuple[float, str]] = []
        last_x, last_day = -spacing, None
        for (start, end), base in zip(self.segments, self.starts, strict=True):
            first = -(-start // step) * step
            for minute in range(first, end + 1, step):
                x = base + (minute - start)
                if x - last_x < spacing:
                    continue
                day = minute // MINUTES_PER_DAY
                result.append((x, _tick_label(minute, step, day != last_day)))
                last_x, last_day = x, day
        return result


def _tick_label(minute: int, step: int, new_day: bool) -> str:
    day, rest = divmod(minute, MINUTES_PER_DAY)
    clock = f"{rest // 60:02d}:{rest % 60:02d}"
    sign = "+" if day >= 0 else ""
    if step >= MINUTES_PER_DAY:
        return f"D{sign}{day}"
    return f"D{sign}{day}\n{clock}" if new_day else clock


def fold_axis(times: Iterable[int], fold_after: int = FOLD_AFTER) -> TimeAxis:
    """An axis over `times` (scenario minutes) with quiet stretches over `fold_after` folded.

    Segments open and close on whole hours around the activity. If that leaves more than
    `MAX_SEGMENTS` segments, longer stretches are kept until it does not.
    """
    points = sorted(set(times))
    if not points:
        points = [0]
    while True:
        segments = _segments(points, fold_after)
        if len(segments) <= MAX_SEGMENTS:
            break
        fold_after *= 2
    active = sum(end - start for start, end in segments)
    gap = max(active * 0.025, 20.0) if len(segments) > 1 else 0.0
    return TimeAxis(tuple(segments), gap)


def _segments(points: list[int], fold_after: int) -> list[tuple[int, int]]:
    segments: list[tuple[int, int]] = []
    for point in points:
        start = (point - PAD) // 60 * 60
        if point >= 0:
            start = max(start, 0)
        end = -(-(point + PAD) // 60) * 60
        if segments and start - segments[-1][1] <= fold_after:
            segments[-1] = (segments[-1][0], max(segments[-1][1], end))
        else:
            segments.append((start, end))
    return segments
