"""Printed handouts for control staff: inject cards, team briefings, the evaluator guide.

Each function returns one self-contained HTML document (Jinja2 templates in
`resources/report/handouts/`, autoescaped, CSS inline) that prints on A4 in a browser and
that Qt's rich-text engine lays out for PDF and paper. Each card, team or rating sheet
starts on a new page. Only the inject cards and the evaluator guide carry the expected
reactions, marked "Control only"; the team briefings never do, so they can go to trainees.

The functions take domain objects (the scenario, the injects as played, the run's teams)
so that they work from a scenario pack as well as from an open exercise.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from desktop import __version__
from desktop.domain.scenario import Inject, Objective, Scenario, Team, target_teams
from desktop.domain.times import format_stamp
from desktop.report import labels
from desktop.report.expected_reaction import (
    ScenarioNames,
    expected_reaction,
    inject_phase,
    timing_words,
)
from desktop.report.html import environment, resources
from desktop.report.naming import long_date

STYLESHEET = "handouts/handouts.css"
RATINGS = ("P", "S", "M", "U")


@dataclass(frozen=True)
class Header:
    """What heads every page of a handout."""

    kind: str  # "Inject cards", "Team briefing", ...
    control_only: bool  # not for players: says so on every page
    scenario_title: str
    mission: str
    version: str
    generated: str


@dataclass(frozen=True)
class InjectCard:
    """One inject as control staff read it out or hand it over."""

    id: str
    title: str
    kind: str  # Scheduled, By hand, Triggered, Ad hoc
    timing: str
    sender: str
    targets: str
    channel: str
    phase: str
    public: bool
    body: str
    attachments: tuple[str, ...]
    reaction: tuple[str, ...]
    notes: str
    objectives: tuple[str, ...]


@dataclass(frozen=True)
class ActorBrief:
    """An actor a team plays, with its mandate and forums."""

    name: str
    short: str
    category: str
    organisation: str
    mandate: str
    forums: tuple[str, ...]


@dataclass(frozen=True)
class TeamBriefing:
    """What one team is told before play."""

    id: str
    name: str
    briefing: str
    actors: tuple[ActorBrief, ...]
    other_teams: tuple[str, ...]


@dataclass(frozen=True)
class ObjectiveBrief:
    """An exercise objective with its capability and critical tasks."""

    id: str
    title: str
    capability: str
    description: str
    tasks: tuple[str, ...]
    injects: tuple[str, ...]  # "id: title" of the injects serving it


@dataclass(frozen=True)
class Situation:
    """The scenario's setting, shared by every team."""

    country: str
    mission: str
    integration: str
    start: str
    summary: str
    background: str
    phases: tuple[tuple[str, str], ...]  # (title, starts)


@dataclass(frozen=True)
class RatingSheet:
    """A blank P/S/M/U grid for one team."""

    team: str
    actors: str
    objectives: tuple[ObjectiveBrief, ...]


def inject_cards_html(
    scenario: Scenario,
    injects: Sequence[Inject],
    teams: Sequence[Team],
    *,
    selected: Collection[str] | None = None,
) -> str:
    """One card per inject, each on its own page, with the expected reaction for control.

    `injects` are the injects as played (ad-hoc ones included), in MSEL order; `teams`
    the run's teams (for names). With `selected` team ids, only the injects addressed to
    at least one of those teams are printed.
    """
    names = ScenarioNames(scenario, tuple(teams), tuple(injects))
    chosen = _injects_for(injects, teams, selected)
    cards = [inject_card(inject, scenario, names) for inject in chosen]
    return _render(
        "handouts/inject_cards.html.j2",
        _header("Inject cards", scenario, control_only=True),
        cards=cards,
    )


def team_briefings_html(
    scenario: Scenario, teams: Sequence[Team], *, selected: Collection[str] | None = None
) -> str:
    """A briefing per team, each starting on a new page; no control-only content.

    Each has the situation, the team's actors with their mandates and forums, the
    team's own briefing and the exercise objectives. With `selected` team ids, only
    those teams are printed.
    """
    names = ScenarioNames(scenario, tuple(teams))
    briefings = [
        _team_briefing(team, scenario, teams, names)
        for team in teams
        if selected is None or team.id in selected
    ]
    return _render(
        "handouts/team_briefings.html.j2",
        _header("Team briefing", scenario, control_only=False),
        briefings=briefings,
        situation=_situation(scenario),
        objectives=[_objective(o, ()) for o in scenario.objectives],
    )


def evaluator_guide_html(
    scenario: Scenario,
    injects: Sequence[Inject],
    teams: Sequence[Team],
    *,
    selected: Collection[str] | None = None,
) -> str:
    """The evaluator guide: objectives, every inject with its expected reaction, and a
    blank P/S/M/U rating sheet per team (each on a new page).

    With `selected` team ids, only their injects and rating sheets are printed.
    """
    names = ScenarioNames(scenario, tuple(teams), tuple(injects))
    chosen = _injects_for(injects, teams, selected)
    objectives = [
        _objective(o, tuple(f"{i.id}: {i.title}" for i in chosen if o.id in i.objectives))
        for o in scenario.objectives
    ]
    sheets = [
        RatingSheet(
            team=team.name,
            actors=names.actors(team.actors),
            objectives=tuple(objectives),
        )
        for team in teams
        if selected is None or team.id in selected
    ]
    return _render(
        "handouts/evaluator_guide.html.j2",
        _header("Evaluator guide", scenario, control_only=True),
        objectives=objectives,
        cards=[inject_card(inject, scenario, names) for inject in chosen],
        sheets=sheets,
        ratings=[(code, labels.RATING[code]) for code in RATINGS],
    )


def inject_card(inject: Inject, scenario: Scenario, names: ScenarioNames) -> InjectCard:
    """The words of one inject card."""
    kind, timing = timing_words(inject, names)
    expects = inject.expects
    return InjectCard(
        id=inject.id,
        title=inject.title,
        kind=kind,
        timing=timing,
        sender=names.actor_full(inject.sender) if inject.sender else "Control",
        targets=names.targets(inject.to),
        channel=labels.label(labels.CHANNEL, inject.channel).capitalize(),
        phase=names.phase(inject_phase(inject, scenario)),
        public=inject.public,
        body=inject.body,
        attachments=inject.attachments,
        reaction=expected_reaction(expects, names),
        notes=expects.notes if expects is not None else "",
        objectives=tuple(names.objective(o) for o in inject.objectives),
    )


def stylesheet() -> str:
    """The handouts' CSS (a subset Qt's rich-text engine and browsers both understand)."""
    return (resources() / STYLESHEET).read_text(encoding="utf-8")


def _injects_for(
    injects: Sequence[Inject], teams: Sequence[Team], selected: Collection[str] | None
) -> list[Inject]:
    if selected is None:
        return list(injects)
    wanted = set(selected)
    return [i for i in injects if wanted.intersection(target_teams(i, list(teams)))]


def _team_briefing(
    team: Team, scenario: Scenario, teams: Sequence[Team], names: ScenarioNames
) -> TeamBriefing:
    actors = []
    for actor_id in team.actors:
        actor = scenario.actor_by_id.get(actor_id)
        forums = tuple(m.name for m in scenario.mechanisms if actor_id in m.members)
        if actor is None:
            actors.append(ActorBrief(actor_id, "", "", "", "", forums))
            continue
        actors.append(
            ActorBrief(
                name=actor.name,
                short=actor.short if actor.short != actor.name else "",
                category=labels.label(labels.CATEGORY, actor.category),
                organisation=actor.organisation,
                mandate=actor.mandate,
                forums=forums,
            )
        )
    others = tuple(f"{t.name} ({names.actors(t.actors)})" for t in teams if t.id != team.id)
    return TeamBriefing(team.id, team.name, team.briefing, tuple(actors), others)


def _objective(objective: Objective, injects: tuple[str, ...]) -> ObjectiveBrief:
    return ObjectiveBrief(
        id=objective.id,
        title=objective.title,
        capability=objective.capability,
        description=objective.description,
        tasks=objective.tasks,
        injects=injects,
    )


def _situation(scenario: Scenario) -> Situation:
    setting = scenario.setting
    return Situation(
        country=setting.country,
        mission=setting.mission,
        integration=labels.label(labels.INTEGRATION, setting.integration),
        start=long_date(setting.start) if setting.start else "",
        summary=scenario.summary,
        background=setting.background,
        phases=tuple((p.title, _day_stamp(p.starts)) for p in scenario.phases),
    )


def _day_stamp(minutes: int) -> str:
    """`D+3` for midnight, else `D+3 06:00`."""
    stamp = format_stamp(minutes)
    return stamp.removesuffix(" 00:00")


def _header(kind: str, scenario: Scenario, *, control_only: bool) -> Header:
    return Header(
        kind=kind,
        control_only=control_only,
        scenario_title=scenario.title,
        mission=scenario.setting.mission,
        version=__version__,
        generated=long_date(date.today()),
    )


def _render(template: str, header: Header, **context: object) -> str:
    # The style sheet is our own file: inline it unescaped (CSS inside <style> is not HTML).
    css = Markup(stylesheet())
    return environment().get_template(template).render(h=header, css=css, **context)
