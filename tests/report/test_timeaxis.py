"""The folded scenario-time axis of the timeline."""

from __future__ import annotations

from desktop.report.timeaxis import fold_axis

DAY = 24 * 60


def test_quiet_stretches_fold_and_times_stay_in_order() -> None:
    axis = fold_axis([9 * 60, 11 * 60, 30 * DAY + 10 * 60, 30 * DAY + 12 * 60])
    assert axis.segments == ((8 * 60, 12 * 60), (30 * DAY + 9 * 60, 30 * DAY + 13 * 60))
    gaps = axis.gaps()
    assert len(gaps) == 1
    assert gaps[0].minutes == 30 * DAY - 3 * 60
    xs = [axis.x(t) for t in (8 * 60, 11 * 60, 15 * DAY, 30 * DAY + 9 * 60, 30 * DAY + 13 * 60)]
    assert xs == sorted(xs)
    assert axis.x(30 * DAY + 13 * 60) == axis.length
    # A folded month takes less room than the four hours of play either side of it.
    assert gaps[0].width < 4 * 60


def test_ticks_label_days_and_hours() -> None:
    axis = fold_axis([9 * 60, 10 * 60 + 30])
    labels = [text for _, text in axis.ticks()]
    assert labels[0] == "D+0\n08:00"
    assert "09:00" in labels


def test_many_bursts_are_merged_into_few_segments() -> None:
    axis = fold_axis([day * DAY + 9 * 60 for day in range(40)])
    assert len(axis.segments) <= 10


def test_no_times_at_all() -> None:
    axis = fold_axis([])
    assert axis.length > 0
    assert axis.ticks()
