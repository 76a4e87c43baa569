"""Words for the codes of the domain: what the report prints instead of enum values.

Kept in one place so that a translation touches this module, `sentences.py` and the
templates, and nothing else.
"""

from __future__ import annotations

from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    AssetUniqueness,
    Category,
    Channel,
    ConsultMode,
    InjectOrigin,
    Integration,
    Posture,
    Rating,
)

CATEGORY: dict[str, str] = {
    Category.UN_MISSION: "UN mission",
    Category.UN_COUNTRY_TEAM: "UN Country Team",
    Category.UN_HEADQUARTERS: "UN headquarters",
    Category.HUMANITARIAN: "Humanitarian community",
    Category.EXTERNAL: "Other international actors",
    Category.INTERNAL: "National and local actors",
}

INTEGRATION: dict[str, str] = {
    Integration.ONE_FOOT_IN: "one foot in (the Humanitarian Coordinator in the mission, OCHA "
    "outside it)",
    Integration.BOTH_FEET_IN: "both feet in (humanitarian coordination inside the mission)",
    Integration.BOTH_FEET_OUT: "both feet out (humanitarian coordination outside the mission)",
}

POSTURE: dict[str, str] = {
    Posture.COOPERATE: "cooperate",
    Posture.COORDINATE: "coordinate",
    Posture.COEXIST: "coexist",
    Posture.DECLINE: "decline",
}

MODE: dict[str, str] = {
    ConsultMode.INFORM: "informed",
    ConsultMode.CONSULT: "consulted",
    ConsultMode.JOINT: "acted jointly with",
    ConsultMode.REQUEST: "made a request to",
    ConsultMode.TASK: "tasked",
}

MODE_SHORT: dict[str, str] = {
    ConsultMode.INFORM: "inform",
    ConsultMode.CONSULT: "consult",
    ConsultMode.JOINT: "joint",
    ConsultMode.REQUEST: "request",
    ConsultMode.TASK: "task",
}

CHANNEL: dict[str, str] = {
    Channel.MEETING: "meeting",
    Channel.EMAIL: "e-mail",
    Channel.PHONE: "phone",
    Channel.RADIO: "radio",
    Channel.MEDIA: "media",
    Channel.DOCUMENT: "document",
    Channel.VISIT: "visit",
}

ORIGIN: dict[str, str] = {
    InjectOrigin.SCHEDULED: "scheduled",
    InjectOrigin.MANUAL: "released by hand",
    InjectOrigin.TRIGGERED: "triggered",
    InjectOrigin.ADHOC: "ad hoc",
}

EXPECTATION: dict[str, str] = {
    "met": "met",
    "partial": "partly met",
    "unmet": "not met",
    "n/a": "no expectation",
}

VERDICT: dict[str, str] = {
    "compliant": "consistent with the guidelines",
    "concerns": "concerns",
    "red-flag": "red flag",
    "not-applicable": "not applicable",
}

# The verdicts counted in a sentence: "2 consistent with the guidelines, 1 with concerns".
VERDICT_COUNTED: dict[str, str] = {
    "compliant": "consistent with the guidelines",
    "concerns": "with concerns",
    "red-flag": "with red flags",
    "not-applicable": "not applicable (peacebuilding)",
}

PURPOSE: dict[str, str] = {
    AssetPurpose.HUMANITARIAN: "humanitarian",
    AssetPurpose.PEACEBUILDING: "peacebuilding",
}

TASK: dict[str, str] = {
    AssetTask.INFRASTRUCTURE: "infrastructure support",
    AssetTask.INDIRECT: "indirect assistance (transport, logistics)",
    AssetTask.DIRECT: "direct assistance (hand-to-hand delivery)",
    AssetTask.ESCORT: "escort",
}

UNIQUE: dict[str, str] = {
    AssetUniqueness.CAPABILITY: "unique in capability",
    AssetUniqueness.TIMELINESS: "unique in timeliness",
    AssetUniqueness.NONE: "neither unique in capability nor in timeliness",
}

RATING: dict[str, str] = {
    Rating.P: "Performed without challenges",
    Rating.S: "Performed with some challenges",
    Rating.M: "Performed with major challenges",
    Rating.U: "Unable to be performed",
}

ELEMENT: dict[str, str] = {
    "agency": "Agency coherence",
    "whole_of_un": "Whole-of-UN coherence",
    "harmonization": "External coherence (harmonization)",
    "alignment": "Internal/external coherence (alignment)",
    "alignment_society": "Alignment with society",
}


def label(table: dict[str, str], code: object) -> str:
    """The words for `code` in `table`, or the code itself if the table lacks it."""
    text = str(code)
    return table.get(text, text)
