"""Commands the facilitator, teams and evaluators give the exercise.

Every user action is one command; the engine turns it into log events. The same commands
drive the app, play scripts and, later, team stations on the network.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.enums import ObservationKind, Rating
from desktop.domain.records import DecisionContent, ImprovementItem
from desktop.domain.scenario import Inject


@dataclass(frozen=True)
class Start:
    """Start the clock at scenario time `at` (minutes)."""

    at: int


@dataclass(frozen=True)
class Pause:
    """Pause the clock."""

    reason: str = ""


@dataclass(frozen=True)
class Resume:
    """Resume a paused clock."""


@dataclass(frozen=True)
class SetRate:
    """Change how fast scenario time runs (scenario seconds per wall second)."""

    rate: float


@dataclass(frozen=True)
class Jump:
    """Move the scenario clock forward to `to` (minutes)."""

    to: int


@dataclass(frozen=True)
class ChangePhase:
    """Put a phase in force now, ahead of (or behind) the schedule."""

    phase: str


@dataclass(frozen=True)
class SetAutoRelease:
    """Turn automatic release of scheduled and triggered injects on or off."""

    enabled: bool


@dataclass(frozen=True)
class Release:
    """Release an inject now, by hand."""

    inject: str


@dataclass(frozen=True)
class Hold:
    """Keep an inject from being released automatically."""

    inject: str


@dataclass(frozen=True)
class Skip:
    """Drop an inject from play, with the reason."""

    inject: str
    reason: str = ""


@dataclass(frozen=True)
class AddInject:
    """Add an ad-hoc inject and release it at once."""

    inject: Inject


@dataclass(frozen=True)
class RecordDecision:
    """A team's decision, acting as one of its actors."""

    team: str
    acting_actor: str
    inject: str | None
    content: DecisionContent
    decision_id: str | None = None


@dataclass(frozen=True)
class AmendDecision:
    """Change fields of a decision; team, acting actor and inject cannot change.

    `content` replaces all changeable fields; `changes` (in the JSON form of
    `desktop.domain.codec.content_to_json`) replaces only the fields it names.
    """

    decision: str
    content: DecisionContent | None = None
    changes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class VoidDecision:
    """Withdraw a decision entered in error; it stays in the log and leaves the figures."""

    decision: str
    reason: str = ""


@dataclass(frozen=True)
class ReplyAsControl:
    """Control answers a team in the role of a simulated actor."""

    team: str
    sender: str
    text: str
    inject: str | None = None


@dataclass(frozen=True)
class RecordObservation:
    """An evaluator's observation of a team against an objective."""

    observer: str
    team: str
    objective: str
    kind: ObservationKind
    text: str
    inject: str | None = None
    observation_id: str | None = None


@dataclass(frozen=True)
class VoidObservation:
    """Withdraw an observation entered in error."""

    observation: str
    reason: str = ""


@dataclass(frozen=True)
class RecordRating:
    """A P/S/M/U rating; `final` marks the lead evaluator's consensus rating."""

    observer: str
    team: str
    objective: str
    rating: Rating
    final: bool = False
    note: str = ""
    rating_id: str | None = None


@dataclass(frozen=True)
class VoidRating:
    """Withdraw a rating entered in error."""

    rating: str
    reason: str = ""


@dataclass(frozen=True)
class SaveImprovementItem:
    """Create or replace a row of the improvement plan."""

    item: ImprovementItem


@dataclass(frozen=True)
class SaveDebriefNote:
    """Create or replace a note for the debrief, under a section heading."""

    note_id: str
    text: str
    section: str = ""


@dataclass(frozen=True)
class End:
    """End the exercise; entries may still be added afterwards, marked late."""


Command = (
    Start
    | Pause
    | Resume
    | SetRate
    | Jump
    | ChangePhase
    | SetAutoRelease
    | Release
    | Hold
    | Skip
    | AddInject
    | RecordDecision
    | AmendDecision
    | VoidDecision
    | ReplyAsControl
    | RecordObservation
    | VoidObservation
    | RecordRating
    | VoidRating
    | SaveImprovementItem
    | SaveDebriefNote
    | End
)
