"""Words for the codes the debrief shows (categories, expectations, ratings, times).

Kept apart from the widgets so that every window of the debrief says the same thing and a
translation finds them in one place (context `debrief`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.times import format_stamp


def _tr(text: str) -> str:
    return QCoreApplication.translate("debrief", text)


def category_label(category: str) -> str:
    """The name of an actor category for people."""
    names = {
        "un-mission": _tr("UN mission"),
        "un-country-team": _tr("UN Country Team"),
        "un-headquarters": _tr("UN headquarters"),
        "humanitarian": _tr("Humanitarian community"),
        "external": _tr("Other international actors"),
        "internal": _tr("National and local actors"),
    }
    return names.get(category, category)


def expectation_label(status: str) -> str:
    """`met`, `partial`, `unmet`, `n/a` in words."""
    names = {
        "met": _tr("Met"),
        "partial": _tr("Partly met"),
        "unmet": _tr("Not met"),
        "n/a": _tr("No expectation"),
    }
    return names.get(status, status)


def rating_label(rating: str) -> str:
    """What a P/S/M/U rating stands for."""
    names = {
        "P": _tr("Performed without challenges"),
        "S": _tr("Performed with some challenges"),
        "M": _tr("Performed with major challenges"),
        "U": _tr("Unable to be performed"),
    }
    return names.get(rating, rating)


def stamp(minutes: int | None) -> str:
    """`D+N HH:MM`, or an em dash for no time."""
    return "\N{EM DASH}" if minutes is None else format_stamp(minutes)


def duration(minutes: int | float | None) -> str:
    """A response time: `45 min`, `2 h 10 min`, `1 d 3 h`; an em dash for none."""
    if minutes is None:
        return "\N{EM DASH}"
    whole = round(minutes)
    if whole < 0:
        return "\N{MINUS SIGN}" + duration(-whole)
    days, rest = divmod(whole, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _tr("{d} d {h} h").format(d=days, h=hours) if hours else _tr("{d} d").format(d=days)
    if hours:
        return (
            _tr("{h} h {m:02d} min").format(h=hours, m=mins)
            if mins
            else _tr("{h} h").format(h=hours)
        )
    return _tr("{m} min").format(m=mins)


def share(numerator: int, denominator: int) -> str:
    """`N of M (x%)`, or a sentence saying there was nothing to measure."""
    if not denominator:
        return _tr("nothing to measure (0 decisions)")
    percent = 100 * numerator / denominator
    shown = f"{percent:.1f}" if 0 < percent < 1 else f"{percent:.0f}"
    return _tr("{n} of {m} ({p}%)").format(n=numerator, m=denominator, p=shown)
