"""Small hand-made scenarios and records for the analysis tests."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.analysis.record import ExerciseRecord, InjectRecord
from desktop.domain.enums import Category, ConsultMode, Integration, Posture, Sector
from desktop.domain.records import Consultation, Decision, DecisionContent, MilitaryAssets
from desktop.domain.scenario import (
    Actor,
    Inject,
    Mechanism,
    Objective,
    Phase,
    Scenario,
    Setting,
    Team,
)

UN_MISSION = Category.UN_MISSION
UNCT = Category.UN_COUNTRY_TEAM
UN_HQ = Category.UN_HEADQUARTERS
HUMANITARIAN = Category.HUMANITARIAN
EXTERNAL = Category.EXTERNAL
INTERNAL = Category.INTERNAL

# A consultation given as `"actor"` (mode consult) or `("actor", mode)`.
Consulted = str | tuple[str, ConsultMode]


def actor(
    actor_id: str,
    category: Category = UN_MISSION,
    organisation: str = "UN",
    dimensions: tuple[str, ...] = (),
    *,
    firewall: bool | None = None,
    authority: bool | None = None,
    sector: Sector | None = None,
) -> Actor:
    """An actor; firewall defaults to true for humanitarians, authority to firewall."""
    behind = category is HUMANITARIAN if firewall is None else firewall
    return Actor(
        id=actor_id,
        name=actor_id.upper(),
        short=actor_id,
        category=category,
        organisation=organisation,
        dimensions=dimensions,
        firewall=behind,
        humanitarian_authority=behind if authority is None else authority,
        sector=sector,
    )


def scenario(
    actors: Iterable[Actor],
    *,
    phases: Iterable[Phase] = (Phase("only", "Only phase", 0),),
    mechanisms: Iterable[Mechanism] = (),
    objectives: Iterable[Objective] = (),
) -> Scenario:
    """A scenario around the given actors."""
    return Scenario(
        id="test",
        title="Test scenario",
        language="en",
        summary="",
        setting=Setting("Testland", "UNMIT", Integration.ONE_FOOT_IN, None, ""),
        phases=tuple(phases),
        actors=tuple(actors),
        mechanisms=tuple(mechanisms),
        objectives=tuple(objectives),
    )


def team(team_id: str, *actors: str) -> Team:
    """A team playing the given actors."""
    return Team(team_id, team_id.title(), actors)


def decision(
    decision_id: str,
    team_id: str,
    acting: str,
    *consulted: Consulted,
    inject: str | None = None,
    at: int = 0,
    taken_at: int | None = None,
    posture: Posture | None = None,
    supersedes: str | None = None,
    venue: str | None = None,
    voided: bool = False,
    assets: MilitaryAssets | None = None,
) -> Decision:
    """A decision recorded at minute `at`."""
    consultations = tuple(
        Consultation(c, ConsultMode.CONSULT) if isinstance(c, str) else Consultation(*c)
        for c in consulted
    )
    content = DecisionContent(
        title=f"Decision {decision_id}",
        posture=posture,
        venue=venue,
        consulted=consultations,
        supersedes=supersedes,
        taken_at=taken_at,
        military_assets=assets,
    )
    return Decision(decision_id, team_id, acting, inject, content, recorded_at=at, voided=voided)


def record(
    the_scenario: Scenario,
    teams: Iterable[Team],
    decisions: Iterable[Decision] = (),
    *,
    injects: Iterable[tuple[Inject, int | None]] = (),
    phase_changes: Iterable[tuple[int, str]] = (),
) -> ExerciseRecord:
    """An exercise record; injects given as (inject, released_at) pairs."""
    return ExerciseRecord(
        scenario=the_scenario,
        teams=tuple(teams),
        injects=tuple(InjectRecord(i, at) for i, at in injects),
        decisions=tuple(decisions),
        phase_changes=tuple(phase_changes),
    )
