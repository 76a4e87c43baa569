"""Frozen read models the services hand to the command line and the interface."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TeamSummary:
    """A team, its actors and how many trainees play it."""

    id: str
    name: str
    actors: tuple[str, ...]
    participants: int
    decisions: int


@dataclass(frozen=True)
class InjectCounts:
    """How many injects stand where."""

    total: int
    released: int
    pending: int
    held: int
    skipped: int
    dormant: int
    adhoc: int


@dataclass(frozen=True)
class RecordCounts:
    """How many entries teams and evaluators made."""

    decisions: int
    voided_decisions: int
    amended_decisions: int
    late_entries: int
    observations: int
    ratings: int
    replies: int
    improvement_items: int


@dataclass(frozen=True)
class ExerciseSummary:
    """What `coherence info` shows about a document."""

    path: str
    scenario_id: str
    scenario_title: str
    scenario_sha256: str
    country: str
    mission: str
    created_with: str
    lifecycle: str
    pause_reason: str
    scenario_time: str
    phase: str | None
    auto_release: bool
    rate: float
    teams: tuple[TeamSummary, ...]
    injects: InjectCounts
    records: RecordCounts
    events: int
    first_wall_time: str | None
    last_wall_time: str | None
    play: str | None
    play_steps_done: int | None
    play_steps_total: int | None
