"""Why the engine refused a command."""

from __future__ import annotations

from enum import StrEnum


class Refusal(StrEnum):
    """Codes for refused commands, so that interfaces can word them in their own language."""

    NOT_STARTED = "not-started"
    ALREADY_STARTED = "already-started"
    NOT_RUNNING = "not-running"
    NOT_PAUSED = "not-paused"
    ENDED = "ended"
    UNKNOWN_INJECT = "unknown-inject"
    ALREADY_RELEASED = "already-released"
    ALREADY_HELD = "already-held"
    NOT_RELEASED = "not-released"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_TEAM = "unknown-team"
    UNKNOWN_ACTOR = "unknown-actor"
    ACTOR_NOT_IN_TEAM = "actor-not-in-team"
    UNKNOWN_MECHANISM = "unknown-mechanism"
    UNKNOWN_OBJECTIVE = "unknown-objective"
    UNKNOWN_PHASE = "unknown-phase"
    UNKNOWN_DIMENSION = "unknown-dimension"
    UNKNOWN_DECISION = "unknown-decision"
    UNKNOWN_OBSERVATION = "unknown-observation"
    UNKNOWN_RATING = "unknown-rating"
    WRONG_TEAM = "wrong-team"
    ALREADY_VOIDED = "already-voided"
    BAD_TIME = "bad-time"
    BAD_RATE = "bad-rate"
    EMPTY_TEXT = "empty-text"
    BAD_FIELD = "bad-field"
    SKIPPED = "skipped"


class CommandRefused(Exception):
    """A command the exercise cannot carry out in its current state; nothing was recorded."""

    def __init__(self, code: Refusal, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
