"""Frozen read models for the facilitator console and the team views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.enums import Channel


class InjectDisplayStatus(StrEnum):
    """Where an inject stands, as the facilitator sees it."""

    PENDING = "pending"
    DUE = "due"
    TRIGGERED = "triggered"
    RELEASED = "released"
    HELD = "held"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ClockStatus:
    """The exercise clock and lifecycle at one moment."""

    lifecycle: str
    pause_reason: str
    minutes: int
    stamp: str
    calendar_date: date | None
    phase_id: str | None
    phase_title: str
    rate: float
    auto_release: bool
    started_wall: datetime | None
    elapsed_seconds: int
    recovered: bool


@dataclass(frozen=True)
class InjectView:
    """One inject of the MSEL with its state, ready to show."""

    id: str
    title: str
    status: InjectDisplayStatus
    time: int | None
    released_at: int | None
    sender: str | None
    sender_name: str
    targets: tuple[str, ...]
    target_names: tuple[str, ...]
    teams: tuple[str, ...]
    channel: Channel
    phase: str | None
    public: bool
    manual: bool
    adhoc: bool
    triggered_by: str | None
    body: str
    attachments: tuple[str, ...]
    expectation: str
    evaluator_notes: str
    skip_reason: str
    objectives: tuple[str, ...]


@dataclass(frozen=True)
class DecisionListItem:
    """One row of the decision log."""

    id: str
    team: str
    acting_actor: str
    inject: str | None
    title: str
    posture: str | None
    venue: str | None
    time: int
    recorded_at: int
    taken_at: int | None
    late: bool
    voided: bool
    amendments: int
    consulted: tuple[tuple[str, str], ...]
    has_assets: bool
    supersedes: str | None
