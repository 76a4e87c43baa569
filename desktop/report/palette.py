"""The report's colours: one colour per actor category, the same in every chart and table.

A restrained palette that survives greyscale printing reasonably (distinct lightness) and
stays apart for the common colour-vision deficiencies (blue/orange axis first).
"""

from __future__ import annotations

from desktop.domain.enums import Category

CATEGORY_COLOURS: dict[Category, str] = {
    Category.UN_MISSION: "#1f4e8c",
    Category.UN_COUNTRY_TEAM: "#5b9bd5",
    Category.UN_HEADQUARTERS: "#8a7bb8",
    Category.HUMANITARIAN: "#d9822b",
    Category.EXTERNAL: "#4e9a6b",
    Category.INTERNAL: "#9c6b4e",
}

INK = "#1d2430"
MUTED = "#6b7480"
RULE = "#d5d9de"
PAPER = "#ffffff"
LANE = "#f3f5f7"
ACCENT = "#1f4e8c"

# Phases are shaded in turn with these light tints (behind the timeline's dots).
PHASE_TINTS = ("#eef2f7", "#f7f3ea", "#eef5ef", "#f5eef4")

# Expectation and verdict chips (text colour, background).
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "met": ("#1e5b36", "#dcefe2"),
    "partial": ("#7a4d00", "#fbeccc"),
    "unmet": ("#8a1c1c", "#f6dada"),
    "n/a": ("#4a525c", "#e9ecef"),
    "compliant": ("#1e5b36", "#dcefe2"),
    "concerns": ("#7a4d00", "#fbeccc"),
    "red-flag": ("#8a1c1c", "#f6dada"),
    "not-applicable": ("#4a525c", "#e9ecef"),
}


def category_colour(category: str) -> str:
    """The colour of an actor category (grey for a category the palette does not know)."""
    try:
        return CATEGORY_COLOURS[Category(category)]
    except ValueError:
        return MUTED
