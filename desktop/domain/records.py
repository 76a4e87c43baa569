"""What teams and evaluators record during play: decisions, observations, ratings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    AssetUniqueness,
    ConsultMode,
    ObservationKind,
    Posture,
    Rating,
)


@dataclass(frozen=True)
class Consultation:
    """An actor a team engaged for a decision, and how."""

    actor: str
    mode: ConsultMode


@dataclass(frozen=True)
class MilitaryAssets:
    """A request to use military or civil-defence assets, with the checklist's answers."""

    asset: str
    purpose: AssetPurpose
    task: AssetTask
    decided_by: str
    civilian_alternatives: tuple[str, ...] = ()
    critical_need: bool = False
    unique: AssetUniqueness = AssetUniqueness.NONE
    humanitarian_control: bool = False
    unarmed: bool = False
    time_limited: bool = False
    exit_plan: str = ""


@dataclass(frozen=True)
class DecisionContent:
    """The fields of a decision that an amendment may change."""

    title: str
    rationale: str = ""
    posture: Posture | None = None
    dimensions: tuple[str, ...] = ()
    venue: str | None = None
    consulted: tuple[Consultation, ...] = ()
    supersedes: str | None = None
    taken_at: int | None = None
    military_assets: MilitaryAssets | None = None


@dataclass(frozen=True)
class Decision:
    """A decision as last amended; `recorded_at` is the scenario time it was entered."""

    id: str
    team: str
    acting_actor: str
    inject: str | None
    content: DecisionContent
    recorded_at: int
    recorded_seq: int = 0
    voided: bool = False
    void_reason: str = ""
    amendments: int = 0
    late: bool = False

    @property
    def effective_at(self) -> int:
        """When the team decided: `taken_at` if given, else the recording time."""
        taken = self.content.taken_at
        return taken if taken is not None else self.recorded_at


@dataclass(frozen=True)
class Observation:
    """An evaluator's note against an objective for a team."""

    id: str
    observer: str
    team: str
    objective: str
    kind: ObservationKind
    text: str
    recorded_at: int
    inject: str | None = None
    voided: bool = False
    late: bool = False


@dataclass(frozen=True)
class RatingEntry:
    """A P/S/M/U rating of a team against an objective; `final` marks the lead's consensus."""

    id: str
    observer: str
    team: str
    objective: str
    rating: Rating
    recorded_at: int
    final: bool = False
    note: str = ""
    voided: bool = False
    late: bool = False


@dataclass(frozen=True)
class ImprovementItem:
    """A row of the improvement plan (HSEEP AAR/IP)."""

    id: str
    issue: str
    corrective_action: str
    capability: str = ""
    objective: str | None = None
    responsible: str = ""
    start: date | None = None
    completion: date | None = None


@dataclass(frozen=True)
class Participant:
    """A trainee and the team they play in."""

    name: str
    team: str
    role: str = ""


@dataclass(frozen=True)
class DebriefNote:
    """A facilitator's note for the debrief."""

    id: str
    text: str
    section: str = ""
