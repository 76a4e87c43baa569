"""The closed vocabularies of the scenario and play formats."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """Where an actor stands in the system of actors."""

    UN_MISSION = "un-mission"
    UN_COUNTRY_TEAM = "un-country-team"
    UN_HEADQUARTERS = "un-headquarters"
    HUMANITARIAN = "humanitarian"
    EXTERNAL = "external"
    INTERNAL = "internal"


UN_CATEGORIES = frozenset({Category.UN_MISSION, Category.UN_COUNTRY_TEAM, Category.UN_HEADQUARTERS})

STANDARD_DIMENSIONS = (
    "political",
    "security",
    "development",
    "human-rights",
    "rule-of-law",
    "humanitarian",
    "social",
)


class Sector(StrEnum):
    """The part of national life an internal actor belongs to."""

    GOVERNMENT = "government"
    SOCIETY = "society"
    ARMED = "armed"


class Integration(StrEnum):
    """OCHA's two-feet model of how the humanitarian side sits towards the mission."""

    ONE_FOOT_IN = "one-foot-in"
    BOTH_FEET_IN = "both-feet-in"
    BOTH_FEET_OUT = "both-feet-out"


class Channel(StrEnum):
    """How an inject reaches its targets."""

    MEETING = "meeting"
    EMAIL = "email"
    PHONE = "phone"
    RADIO = "radio"
    MEDIA = "media"
    DOCUMENT = "document"
    VISIT = "visit"


class TriggerWhen(StrEnum):
    """The condition on a parent inject that releases a triggered inject."""

    RELEASED = "released"
    EXPECTATION_MET = "expectation-met"
    EXPECTATION_UNMET = "expectation-unmet"
    NO_RESPONSE = "no-response"
    DECISION = "decision"


DEADLINE_TRIGGERS = frozenset(
    {TriggerWhen.EXPECTATION_MET, TriggerWhen.EXPECTATION_UNMET, TriggerWhen.NO_RESPONSE}
)


class Posture(StrEnum):
    """Where a decision sits on the coexistence-cooperation spectrum."""

    COOPERATE = "cooperate"
    COORDINATE = "coordinate"
    COEXIST = "coexist"
    DECLINE = "decline"


class ConsultMode(StrEnum):
    """How a team engaged another actor."""

    INFORM = "inform"
    CONSULT = "consult"
    JOINT = "joint"
    REQUEST = "request"
    TASK = "task"


class AssetPurpose(StrEnum):
    """What military or civil-defence assets would be used for."""

    HUMANITARIAN = "humanitarian"
    PEACEBUILDING = "peacebuilding"


class AssetTask(StrEnum):
    """The kind of asset use, from least to most contact with people."""

    INFRASTRUCTURE = "infrastructure"
    INDIRECT = "indirect"
    DIRECT = "direct"
    ESCORT = "escort"


class AssetUniqueness(StrEnum):
    """In what the asset is unique, if at all."""

    CAPABILITY = "capability"
    TIMELINESS = "timeliness"
    NONE = "none"


class Rating(StrEnum):
    """HSEEP performance ratings, best first."""

    P = "P"
    S = "S"
    M = "M"
    U = "U"


class ObservationKind(StrEnum):
    """An evaluator's observation is a strength or an area for improvement."""

    STRENGTH = "strength"
    IMPROVEMENT = "improvement"


class Lifecycle(StrEnum):
    """The stages of an exercise: created, running and paused in turn, ended."""

    CREATED = "created"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class InjectStatus(StrEnum):
    """Where an inject is in the master events list."""

    PENDING = "pending"
    HELD = "held"
    RELEASED = "released"
    SKIPPED = "skipped"


class InjectOrigin(StrEnum):
    """How an inject comes to be released."""

    SCHEDULED = "scheduled"
    MANUAL = "manual"
    TRIGGERED = "triggered"
    ADHOC = "adhoc"
