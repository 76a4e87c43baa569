"""A scenario pack as the engine and the analysis see it: validated, frozen, resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from desktop.domain.enums import (
    Category,
    Channel,
    ConsultMode,
    InjectOrigin,
    Integration,
    Sector,
    TriggerWhen,
)


@dataclass(frozen=True)
class Setting:
    """The fictional country and its mission."""

    country: str
    mission: str
    integration: Integration
    start: date | None
    background: str


@dataclass(frozen=True)
class Phase:
    """A scheduled phase of the exercise (stabilization, transition, ...)."""

    id: str
    title: str
    starts: int


@dataclass(frozen=True)
class Actor:
    """One actor of the system: a UN entity, a humanitarian or external body, a national actor."""

    id: str
    name: str
    short: str
    category: Category
    organisation: str
    dimensions: tuple[str, ...]
    firewall: bool
    humanitarian_authority: bool
    sector: Sector | None = None
    mandate: str = ""


@dataclass(frozen=True)
class Mechanism:
    """A coordination forum in which decisions may be taken."""

    id: str
    name: str
    members: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Team:
    """A group of trainees playing one or more actors."""

    id: str
    name: str
    actors: tuple[str, ...]
    briefing: str = ""


@dataclass(frozen=True)
class Objective:
    """An exercise objective in HSEEP terms: a core capability and its critical tasks."""

    id: str
    title: str
    capability: str
    tasks: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class AvoidPattern:
    """A pattern of consultation that breaks principles; every given condition must hold."""

    by_dimension: str | None = None
    by: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    mode: ConsultMode | None = None


@dataclass(frozen=True)
class Expects:
    """What a good response to an inject looks like."""

    respond_within: int | None = None
    consult: tuple[str, ...] = ()
    consult_any: tuple[str, ...] = ()
    venue: tuple[str, ...] = ()
    avoid: tuple[AvoidPattern, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Trigger:
    """Releases an inject `delay` minutes after a condition on its parent holds."""

    inject: str
    when: TriggerWhen
    delay: int = 0


@dataclass(frozen=True)
class Inject:
    """A scenario event released to teams: scheduled, manual, triggered or ad hoc."""

    id: str
    title: str
    to: tuple[str, ...]
    body: str = ""
    at: int | None = None
    manual: bool = False
    trigger: Trigger | None = None
    sender: str | None = None
    channel: Channel = Channel.DOCUMENT
    public: bool = False
    phase: str | None = None
    dimensions: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    expects: Expects | None = None
    adhoc: bool = False

    @property
    def origin(self) -> InjectOrigin:
        """How the inject comes to be released."""
        if self.adhoc:
            return InjectOrigin.ADHOC
        if self.trigger is not None:
            return InjectOrigin.TRIGGERED
        if self.manual or self.at is None:
            return InjectOrigin.MANUAL
        return InjectOrigin.SCHEDULED


ALL_TEAMS = "all"


@dataclass(frozen=True)
class Scenario:
    """A whole scenario pack, validated; ids are unique within each kind."""

    id: str
    title: str
    language: str
    summary: str
    setting: Setting
    phases: tuple[Phase, ...]
    actors: tuple[Actor, ...]
    mechanisms: tuple[Mechanism, ...] = ()
    teams: tuple[Team, ...] = ()
    objectives: tuple[Objective, ...] = ()
    injects: tuple[Inject, ...] = ()
    dimensions: tuple[str, ...] = ()
    media: tuple[str, ...] = field(default=())

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        """Actors by id."""
        return {a.id: a for a in self.actors}

    @cached_property
    def mechanism_by_id(self) -> dict[str, Mechanism]:
        """Mechanisms by id."""
        return {m.id: m for m in self.mechanisms}

    @cached_property
    def inject_by_id(self) -> dict[str, Inject]:
        """Injects by id."""
        return {i.id: i for i in self.injects}

    @cached_property
    def objective_by_id(self) -> dict[str, Objective]:
        """Objectives by id."""
        return {o.id: o for o in self.objectives}

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        """Phases by id."""
        return {p.id: p for p in self.phases}


def target_teams(inject: Inject, teams: tuple[Team, ...] | list[Team]) -> tuple[str, ...]:
    """The ids of the teams an inject is addressed to, in team order.

    A team is a target when `to` names it, names one of its actors, or is `all`.
    """
    names = set(inject.to)
    if ALL_TEAMS in names:
        return tuple(t.id for t in teams)
    return tuple(t.id for t in teams if t.id in names or names.intersection(t.actors))
