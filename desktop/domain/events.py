"""The exercise log: event kinds and the event record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    """Kinds of exercise-log events. New kinds may be added; a kind's meaning never changes."""

    EXERCISE_CREATED = "exercise_created"
    TEAM_DEFINED = "team_defined"
    PARTICIPANT_ADDED = "participant_added"
    EXERCISE_STARTED = "exercise_started"
    CLOCK_PAUSED = "clock_paused"
    CLOCK_RESUMED = "clock_resumed"
    CLOCK_RATE_CHANGED = "clock_rate_changed"
    CLOCK_JUMPED = "clock_jumped"
    CLOCK_CHECKPOINT = "clock_checkpoint"
    PHASE_CHANGED = "phase_changed"
    AUTO_RELEASE_CHANGED = "auto_release_changed"
    INJECT_RELEASED = "inject_released"
    INJECT_HELD = "inject_held"
    INJECT_SKIPPED = "inject_skipped"
    INJECT_ADDED = "inject_added"
    DEADLINE_REACHED = "deadline_reached"
    DECISION_RECORDED = "decision_recorded"
    DECISION_AMENDED = "decision_amended"
    DECISION_VOIDED = "decision_voided"
    CONTROL_REPLIED = "control_replied"
    OBSERVATION_RECORDED = "observation_recorded"
    OBSERVATION_VOIDED = "observation_voided"
    RATING_RECORDED = "rating_recorded"
    RATING_VOIDED = "rating_voided"
    IMPROVEMENT_ITEM_SAVED = "improvement_item_saved"
    DEBRIEF_NOTE_SAVED = "debrief_note_saved"
    EXERCISE_ENDED = "exercise_ended"


CLOCK_KINDS = frozenset(
    {
        EventKind.EXERCISE_STARTED,
        EventKind.CLOCK_PAUSED,
        EventKind.CLOCK_RESUMED,
        EventKind.CLOCK_RATE_CHANGED,
        EventKind.CLOCK_JUMPED,
        EventKind.EXERCISE_ENDED,
    }
)

FACILITATOR = "facilitator"
CLOCK = "clock"


def team_actor(team_id: str) -> str:
    """The `by` value of an entry made for a team."""
    return f"team:{team_id}"


def observer_actor(name: str) -> str:
    """The `by` value of an entry made by an evaluator."""
    return f"observer:{name}"


@dataclass(frozen=True)
class Event:
    """One entry of the append-only exercise log.

    `seq` is 0 until the store assigns it; `scenario_time` is in scenario minutes;
    `payload` is plain JSON data whose shape is versioned by `v`.
    """

    id: str
    kind: EventKind
    wall_time: datetime
    scenario_time: int
    by: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    v: int = 1
    seq: int = 0
