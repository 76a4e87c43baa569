"""Scenario time arithmetic: `D+N HH:MM` stamps and `4h`-style durations.

Scenario time is an integer count of minutes since D+0 00:00.
"""

from __future__ import annotations

import re

MINUTES_PER_DAY = 24 * 60

_STAMP = re.compile(r"^\s*[DJ]\s*\+\s*(\d{1,4})(?:\s+(\d{1,2}):(\d{2}))?\s*$")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*$")


class TimeFormatError(ValueError):
    """A scenario time or duration that cannot be read; the message says what is expected."""


def parse_stamp(text: str) -> int:
    """Read `D+12 09:00` (or `J+12 09:00`, or `D+12` for midnight) as minutes since D+0."""
    match = _STAMP.match(text)
    if match is None:
        raise TimeFormatError(f"'{text}' is not a scenario time like 'D+12 09:00'")
    day, hours, minutes = match.groups()
    hour = int(hours) if hours is not None else 0
    minute = int(minutes) if minutes is not None else 0
    if hour > 23 or minute > 59:
        raise TimeFormatError(f"'{text}' has no such time of day (00:00 to 23:59)")
    return int(day) * MINUTES_PER_DAY + hour * 60 + minute


def format_stamp(minutes: int) -> str:
    """Write minutes since D+0 as `D+N HH:MM`."""
    day, rest = divmod(minutes, MINUTES_PER_DAY)
    if day < 0:
        return f"D{day} {rest // 60:02d}:{rest % 60:02d}"
    return f"D+{day} {rest // 60:02d}:{rest % 60:02d}"


def parse_duration(text: str) -> int:
    """Read `30m`, `4h`, `2d` or combinations like `1d12h` as minutes."""
    match = _DURATION.match(text)
    if match is None or not any(match.groups()):
        raise TimeFormatError(f"'{text}' is not a duration like '30m', '4h' or '2d'")
    days, hours, minutes = (int(g) if g is not None else 0 for g in match.groups())
    return days * MINUTES_PER_DAY + hours * 60 + minutes


def format_duration(minutes: int) -> str:
    """Write minutes as the shortest duration text (`1d12h`, `45m`, `0m`)."""
    if minutes == 0:
        return "0m"
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{mins}m" if mins else ""]
    return "".join(parts)
