"""Scenario time stamps (`D+N HH:MM`) and durations (`4h`), as DESIGN.md writes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.times import (
    MINUTES_PER_DAY,
    TimeFormatError,
    format_duration,
    format_stamp,
    parse_duration,
    parse_stamp,
)

# parse_stamp reads at most four digits of day; that bounds the round trip below.
MAX_STAMP_MINUTES = 10_000 * MINUTES_PER_DAY - 1


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("D+0 00:00", 0),
        ("D+0 09:00", 540),
        ("D+1 09:00", 1980),
        ("D+12 09:00", 12 * 1440 + 540),
        ("D+0 23:59", 1439),
        ("D+1 9:05", 1440 + 545),
        ("J+2 06:30", 2 * 1440 + 390),
        ("D+3", 3 * 1440),
        ("J+0", 0),
        ("  D + 4  10:15 ", 4 * 1440 + 615),
    ],
)
def test_parse_stamp_reads_day_and_time(text: str, minutes: int) -> None:
    """`D+N HH:MM` and `J+N HH:MM` give minutes since D+0; a bare `D+N` is midnight."""
    assert parse_stamp(text) == minutes


@pytest.mark.parametrize(
    "text",
    [
        "",
        "D+",
        "D-1 09:00",
        "D+1 24:00",
        "D+1 09:60",
        "D+1 09",
        "D+1 0900",
        "D+1 09:00 tomorrow",
        "X+1 09:00",
        "09:00",
        "D+1.5",
    ],
)
def test_parse_stamp_refuses_bad_text_with_a_message(text: str) -> None:
    """Unreadable stamps raise TimeFormatError (a ValueError) quoting the text."""
    with pytest.raises(TimeFormatError) as caught:
        parse_stamp(text)
    assert isinstance(caught.value, ValueError)
    assert f"'{text}'" in str(caught.value)


def test_parse_stamp_names_the_valid_time_range() -> None:
    """An impossible time of day says what range is valid."""
    with pytest.raises(TimeFormatError, match="00:00 to 23:59"):
        parse_stamp("D+2 25:00")


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "D+0 00:00"),
        (540, "D+0 09:00"),
        (1980, "D+1 09:00"),
        (4320, "D+3 00:00"),
        (1439, "D+0 23:59"),
    ],
)
def test_format_stamp_writes_day_and_time(minutes: int, text: str) -> None:
    """Minutes are written as `D+N HH:MM` with two-digit hours and minutes."""
    assert format_stamp(minutes) == text


@given(st.integers(min_value=0, max_value=MAX_STAMP_MINUTES))
def test_stamp_round_trip(minutes: int) -> None:
    """Reading a written stamp gives back the same minute."""
    assert parse_stamp(format_stamp(minutes)) == minutes


@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=0, max_value=23),
    st.integers(min_value=0, max_value=59),
    st.sampled_from(["D", "J"]),
)
def test_stamp_parts_add_up(day: int, hour: int, minute: int, letter: str) -> None:
    """Any valid day, hour and minute parse to day*1440 + hour*60 + minute."""
    text = f"{letter}+{day} {hour:02d}:{minute:02d}"
    assert parse_stamp(text) == day * 1440 + hour * 60 + minute


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("30m", 30),
        ("4h", 240),
        ("2d", 2880),
        ("1d12h", 2160),
        ("1h30m", 90),
        ("1d2h3m", 1440 + 123),
        ("90m", 90),
        ("0m", 0),
        (" 1d 12h ", 2160),
    ],
)
def test_parse_duration(text: str, minutes: int) -> None:
    """Durations combine days, hours and minutes in that order."""
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text", ["", "4", "h", "4x", "-1h", "1.5h", "4h2d", "30m4h", "4 hours", "PT4H"]
)
def test_parse_duration_refuses_bad_text_with_a_message(text: str) -> None:
    """Unreadable durations raise TimeFormatError quoting the text and an example."""
    with pytest.raises(TimeFormatError) as caught:
        parse_duration(text)
    message = str(caught.value)
    assert f"'{text}'" in message
    assert "4h" in message


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0m"),
        (45, "45m"),
        (60, "1h"),
        (90, "1h30m"),
        (1440, "1d"),
        (2160, "1d12h"),
        (1441, "1d1m"),
    ],
)
def test_format_duration_is_shortest(minutes: int, text: str) -> None:
    """Durations are written without zero parts (`0m` for nothing)."""
    assert format_duration(minutes) == text


@given(st.integers(min_value=0, max_value=10**7))
def test_duration_round_trip(minutes: int) -> None:
    """Reading a written duration gives back the same number of minutes."""
    assert parse_duration(format_duration(minutes)) == minutes
