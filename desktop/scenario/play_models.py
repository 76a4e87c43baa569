"""Pydantic models of the `coherence-play/1` format."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, StrictBool, StrictFloat, StrictInt, model_validator

from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    AssetUniqueness,
    ConsultMode,
    ObservationKind,
    Posture,
    Rating,
)
from desktop.scenario.fields import Slug, SlugList, Stamp, StrictModel
from desktop.scenario.pack_models import InjectModel, TeamModel

PLAY_FORMAT = "coherence-play/1"


class Empty(StrictModel):
    """A step that takes no arguments: `start: {}`."""


class ConsultedModel(StrictModel):
    """An actor engaged for a decision."""

    actor: Slug
    mode: ConsultMode


class AssetsModel(StrictModel):
    """A request to use military or civil-defence assets."""

    asset: str
    purpose: AssetPurpose
    task: AssetTask
    decided_by: Slug
    civilian_alternatives: list[str] = []
    critical_need: StrictBool = False
    unique: AssetUniqueness = AssetUniqueness.NONE
    humanitarian_control: StrictBool = False
    unarmed: StrictBool = False
    time_limited: StrictBool = False
    exit_plan: str = ""


class DecisionModel(StrictModel):
    """A team's decision."""

    id: Slug | None = None
    team: Slug
    acting_actor: Slug = Field(alias="as")
    inject: Slug | None = None
    title: str
    rationale: str = ""
    posture: Posture | None = None
    dimensions: SlugList = []
    venue: Slug | None = None
    consulted: list[ConsultedModel] = []
    supersedes: Slug | None = None
    taken_at: Stamp | None = None
    military_assets: AssetsModel | None = None


class AmendModel(StrictModel):
    """Changes to a recorded decision: only the fields given change."""

    decision: Slug
    title: str | None = None
    rationale: str | None = None
    posture: Posture | None = None
    dimensions: SlugList | None = None
    venue: Slug | None = None
    consulted: list[ConsultedModel] | None = None
    supersedes: Slug | None = None
    taken_at: Stamp | None = None
    military_assets: AssetsModel | None = None


class ObservationModel(StrictModel):
    """An evaluator's observation."""

    id: Slug | None = None
    observer: str
    team: Slug
    objective: Slug
    kind: ObservationKind
    text: str
    inject: Slug | None = None


class RatingModel(StrictModel):
    """A P/S/M/U rating."""

    id: Slug | None = None
    observer: str
    team: Slug
    objective: Slug
    rating: Rating
    final: StrictBool = False
    note: str = ""


class VoidModel(StrictModel):
    """Void one decision, observation or rating."""

    decision: Slug | None = None
    observation: Slug | None = None
    rating: Slug | None = None
    reason: str = ""

    @model_validator(mode="after")
    def _exactly_one(self) -> VoidModel:
        named = [k for k in ("decision", "observation", "rating") if getattr(self, k)]
        if len(named) != 1:
            raise ValueError("name exactly one of decision, observation or rating")
        return self


class PauseModel(StrictModel):
    """Pause the clock."""

    reason: str = ""


class ReplyModel(StrictModel):
    """Control answers a team as a role-player."""

    team: Slug
    sender: Slug = Field(alias="from")
    text: str
    inject: Slug | None = None


class ImprovementModel(StrictModel):
    """A row of the improvement plan."""

    id: Slug | None = None
    issue: str
    corrective_action: str
    capability: str = ""
    objective: Slug | None = None
    responsible: str = ""
    start: date | None = None
    completion: date | None = None


class DebriefNoteModel(StrictModel):
    """A note for the debrief (hotwash)."""

    id: Slug | None = None
    section: str = ""
    text: str


class ParticipantModel(StrictModel):
    """A trainee and their team."""

    name: str
    team: Slug
    role: str = ""


STEP_ACTIONS = (
    "start",
    "release",
    "hold",
    "skip",
    "add",
    "decision",
    "amend",
    "void",
    "observation",
    "rating",
    "reply",
    "improvement",
    "debrief_note",
    "auto_release",
    "phase",
    "pause",
    "resume",
    "rate",
    "jump",
    "end",
)


class StepModel(StrictModel):
    """One step of a play: a time and exactly one action."""

    at: Stamp
    id: Slug | None = Field(default=None, description="Names a decision, observation or rating")
    reason: str | None = Field(default=None, description="With `skip`: why")
    start: Empty | None = None
    release: Slug | None = None
    hold: Slug | None = None
    skip: Slug | None = None
    add: InjectModel | None = None
    decision: DecisionModel | None = None
    amend: AmendModel | None = None
    void: VoidModel | None = None
    observation: ObservationModel | None = None
    rating: RatingModel | None = None
    reply: ReplyModel | None = None
    improvement: ImprovementModel | None = None
    debrief_note: DebriefNoteModel | None = None
    auto_release: StrictBool | None = Field(
        default=None, description="Turn automatic release on or off"
    )
    phase: Slug | None = None
    pause: PauseModel | None = None
    resume: Empty | None = None
    rate: StrictFloat | StrictInt | None = Field(default=None, gt=0)
    jump: Stamp | None = None
    end: Empty | None = None

    @model_validator(mode="after")
    def _one_action(self) -> StepModel:
        actions = [a for a in STEP_ACTIONS if a in self.model_fields_set]
        if len(actions) != 1:
            listed = ", ".join(actions) if actions else "none"
            raise ValueError(
                f"a step needs exactly one action ({', '.join(STEP_ACTIONS)}); found {listed}"
            )
        return self

    @model_validator(mode="after")
    def _one_id(self) -> StepModel:
        inner = getattr(getattr(self, self.action), "id", None) if self.id else None
        if inner is not None and inner != self.id:
            raise ValueError(f"two ids for one entry: '{self.id}' on the step, '{inner}' inside")
        return self

    @property
    def action(self) -> str:
        """The step's action key."""
        return next(a for a in STEP_ACTIONS if a in self.model_fields_set)


class PlayModel(StrictModel):
    """A play script."""

    format: Literal["coherence-play/1"]
    scenario: str
    auto_release: StrictBool = True
    teams: list[TeamModel] | None = None
    participants: list[ParticipantModel] = []
    steps: list[StepModel] = Field(min_length=1)
