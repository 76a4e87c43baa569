"""Pydantic models of the `coherence-scenario/1` format (the shape; cross-checks live in
`pack_checks`)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, StrictBool

from desktop.domain.enums import Category, Channel, ConsultMode, Integration, Sector, TriggerWhen
from desktop.scenario.fields import (
    Duration,
    Slug,
    SlugList,
    Stamp,
    StampOrManual,
    StrictModel,
    TextList,
)

SCENARIO_FORMAT = "coherence-scenario/1"


class SettingModel(StrictModel):
    """The fictional country and its mission."""

    country: str
    mission: str
    integration: Integration = Field(description="OCHA two-feet model")
    start: date | None = Field(default=None, description="The calendar date of D+0")
    background: str = ""


class PhaseModel(StrictModel):
    """A scheduled phase."""

    id: Slug
    title: str
    starts: Stamp


class ActorModel(StrictModel):
    """An actor of the system."""

    id: Slug
    name: str
    short: str = ""
    category: Category
    organisation: str = Field(
        default="", description="Used for harmonization: UN, AU, EU, NGO:<name>, Government..."
    )
    dimensions: SlugList = []
    firewall: StrictBool | None = Field(
        default=None, description="Behind the humanitarian firewall (default: humanitarian)"
    )
    humanitarian_authority: StrictBool | None = Field(
        default=None, description="May decide on military assets for humanitarian work"
    )
    sector: Sector | None = Field(default=None, description="Internal actors only (required)")
    mandate: str = Field(default="", description="A note a role-player can work from")


class MechanismModel(StrictModel):
    """A coordination mechanism, the venue of decisions."""

    id: Slug
    name: str
    members: SlugList = []
    description: str = ""


class TeamModel(StrictModel):
    """A suggested team of trainees."""

    id: Slug
    name: str
    actors: SlugList = Field(min_length=1)
    briefing: str = ""


class ObjectiveModel(StrictModel):
    """An exercise objective (HSEEP: capability and critical tasks)."""

    id: Slug
    title: str
    capability: str = ""
    tasks: list[str] = []
    description: str = ""


class AvoidModel(StrictModel):
    """A consultation pattern that breaks principles."""

    by_dimension: Slug | None = None
    by: SlugList = []
    to: SlugList = []
    mode: ConsultMode | None = None


class ExpectsModel(StrictModel):
    """The expected reaction to an inject."""

    respond_within: Duration | None = None
    consult: SlugList = []
    consult_any: SlugList = []
    venue: SlugList = []
    avoid: list[AvoidModel] = []
    notes: str = ""


class TriggerModel(StrictModel):
    """Releases an inject after a condition on another inject."""

    inject: Slug
    when: TriggerWhen
    delay: Duration = "0m"


class InjectModel(StrictModel):
    """An inject of the MSEL."""

    id: Slug
    title: str
    at: StampOrManual | None = None
    trigger: TriggerModel | None = None
    phase: Slug | None = None
    sender: Slug | None = Field(default=None, alias="from")
    to: SlugList = Field(min_length=1)
    channel: Channel = Channel.DOCUMENT
    public: StrictBool = False
    dimensions: SlugList = []
    objectives: SlugList = []
    body: str = ""
    attachments: TextList = []
    expects: ExpectsModel | None = None


class ScenarioModel(StrictModel):
    """A whole scenario pack."""

    format: Literal["coherence-scenario/1"]
    id: Slug
    title: str
    language: str = "en"
    summary: str = ""
    setting: SettingModel
    dimensions: SlugList = []
    phases: list[PhaseModel] = Field(min_length=1)
    actors: list[ActorModel] = Field(min_length=1)
    mechanisms: list[MechanismModel] = []
    teams: list[TeamModel] = []
    objectives: list[ObjectiveModel] = []
    injects: list[InjectModel] = []
