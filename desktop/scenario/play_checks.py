"""Checks of a play script against its scenario, before anything is simulated."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.domain.enums import STANDARD_DIMENSIONS
from desktop.domain.inject_refs import inject_reference_problems
from desktop.domain.scenario import ALL_TEAMS, Scenario, Team
from desktop.domain.times import parse_stamp
from desktop.scenario.convert import inject_from_model
from desktop.scenario.diagnostics import PathPart, Reporter, did_you_mean
from desktop.scenario.play_models import PlayModel, StepModel

_NEEDS_VALUE = {
    "debrief_note",
    "auto_release",
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
    "phase",
    "rate",
    "jump",
}
_TAKES_ID = {"decision", "observation", "rating", "improvement", "debrief_note"}
_TAKES_REASON = {"skip", "pause", "void"}


class _Context:
    def __init__(self, scenario: Scenario, teams: Sequence[Team], report: Reporter) -> None:
        self.report = report
        self.scenario = scenario
        self.teams = {t.id: t for t in teams}
        self.actors = set(scenario.actor_by_id)
        self.injects = set(scenario.inject_by_id)
        self.objectives = set(scenario.objective_by_id)
        self.mechanisms = set(scenario.mechanism_by_id)
        self.phases = set(scenario.phase_by_id)
        self.dimensions = set(STANDARD_DIMENSIONS) | set(scenario.dimensions)
        self.ids: dict[str, dict[str, int]] = {"decision": {}, "observation": {}, "rating": {}}
        self.decision_team: dict[str, str] = {}

    def ref(
        self, path: Sequence[PathPart], value: str | None, known: Iterable[str], what: str
    ) -> bool:
        if value is None:
            return True
        known_set = set(known)
        if value not in known_set:
            self.report.error(path, f"unknown {what} '{value}'{did_you_mean(value, known_set)}")
            return False
        return True


def check_play(
    model: PlayModel, scenario: Scenario, teams: Sequence[Team], report: Reporter
) -> None:
    """Report every reference in a play that its scenario cannot resolve."""
    ctx = _Context(scenario, teams, report)
    seen_teams: set[str] = set()
    for index, team in enumerate(teams if model.teams else ()):
        if team.id in seen_teams:
            report.error(("teams", index, "id"), f"duplicate team id '{team.id}'")
        seen_teams.add(team.id)
        if team.id in ctx.actors or team.id == ALL_TEAMS:
            report.error(
                ("teams", index, "id"),
                f"'{team.id}' is also an actor id or 'all'; `to` would be ambiguous",
            )
        for position, actor in enumerate(team.actors):
            ctx.ref(("teams", index, "actors", position), actor, ctx.actors, "actor")
    for index, person in enumerate(model.participants):
        ctx.ref(("participants", index, "team"), person.team, ctx.teams, "team")
    previous = None
    started = False
    for index, step in enumerate(model.steps):
        path: tuple[PathPart, ...] = ("steps", index)
        at = parse_stamp(step.at)
        if previous is not None and at < previous:
            report.error((*path, "at"), "steps must be in time order (this one is earlier)")
        previous = at
        action = step.action
        if action == "start":
            if started:
                report.error((*path, "start"), "the exercise is started twice")
            started = True
        value = getattr(step, action)
        if action in _NEEDS_VALUE and value is None:
            report.error((*path, action), f"`{action}` needs a value")
            continue
        if step.id is not None and action not in _TAKES_ID:
            report.error((*path, "id"), f"a `{action}` step takes no id", at_key=True)
        if step.reason is not None and action not in _TAKES_REASON:
            report.error((*path, "reason"), f"a `{action}` step takes no reason", at_key=True)
        _check_step(ctx, step, path)


def _check_step(ctx: _Context, step: StepModel, path: tuple[PathPart, ...]) -> None:
    action = step.action
    value = getattr(step, action)
    vpath = (*path, action)
    if action in ("release", "hold", "skip"):
        ctx.ref(vpath, value, ctx.injects, "inject")
    elif action == "phase":
        ctx.ref(vpath, value, ctx.phases, "phase")
    elif action == "add":
        if value.at is not None or value.trigger is not None:
            ctx.report.error(vpath, "an ad-hoc inject is released at once: no `at` or `trigger`")
        if value.id in ctx.injects:
            ctx.report.error((*vpath, "id"), f"an inject '{value.id}' already exists")
        ctx.injects.add(value.id)
        for path_in_inject, message in inject_reference_problems(
            inject_from_model(value, adhoc=True), ctx.scenario, ctx.teams
        ):
            ctx.report.error((*vpath, *path_in_inject), message)
    elif action == "decision":
        _check_decision(ctx, step, vpath)
    elif action == "amend":
        if ctx.ref((*vpath, "decision"), value.decision, ctx.ids["decision"], "decision id"):
            _check_decision_fields(ctx, value, vpath, ctx.decision_team[value.decision])
    elif action == "void":
        for kind in ("decision", "observation", "rating"):
            target = getattr(value, kind)
            ctx.ref((*vpath, kind), target, ctx.ids[kind], f"{kind} id")
    elif action in ("observation", "rating"):
        ctx.ref((*vpath, "team"), value.team, ctx.teams, "team")
        ctx.ref((*vpath, "objective"), value.objective, ctx.objectives, "objective")
        if action == "observation":
            ctx.ref((*vpath, "inject"), value.inject, ctx.injects, "inject")
        _register(ctx, action, value.id or step.id, vpath)
    elif action == "reply":
        ctx.ref((*vpath, "team"), value.team, ctx.teams, "team")
        ctx.ref((*vpath, "from"), value.sender, ctx.actors, "actor")
        ctx.ref((*vpath, "inject"), value.inject, ctx.injects, "inject")
    elif action == "improvement":
        ctx.ref((*vpath, "objective"), value.objective, ctx.objectives, "objective")


def _register(ctx: _Context, kind: str, record_id: str | None, path: tuple[PathPart, ...]) -> None:
    if record_id is None:
        return
    if record_id in ctx.ids[kind]:
        ctx.report.error(path, f"{kind} id '{record_id}' is used twice")
    ctx.ids[kind][record_id] = path[1] if isinstance(path[1], int) else 0


def _check_decision(ctx: _Context, step: StepModel, vpath: tuple[PathPart, ...]) -> None:
    value = step.decision
    assert value is not None
    if ctx.ref((*vpath, "team"), value.team, ctx.teams, "team"):
        team = ctx.teams[value.team]
        if value.acting_actor not in team.actors:
            ctx.report.error(
                (*vpath, "as"),
                f"'{value.acting_actor}' is not one of team '{team.id}''s actors "
                f"({', '.join(team.actors)})",
            )
    ctx.ref((*vpath, "inject"), value.inject, ctx.injects, "inject")
    _check_decision_fields(ctx, value, vpath, value.team)
    decision_id = value.id or step.id
    _register(ctx, "decision", decision_id, vpath)
    if decision_id is not None:
        ctx.decision_team[decision_id] = value.team


def _check_decision_fields(
    ctx: _Context, value: object, vpath: tuple[PathPart, ...], team: str
) -> None:
    venue = getattr(value, "venue", None)
    ctx.ref((*vpath, "venue"), venue, ctx.mechanisms, "mechanism")
    for position, consulted in enumerate(getattr(value, "consulted", None) or ()):
        ctx.ref((*vpath, "consulted", position, "actor"), consulted.actor, ctx.actors, "actor")
    for position, dimension in enumerate(getattr(value, "dimensions", None) or ()):
        ctx.ref((*vpath, "dimensions", position), dimension, ctx.dimensions, "dimension")
    supersedes = getattr(value, "supersedes", None)
    if supersedes is not None and ctx.ref(
        (*vpath, "supersedes"), supersedes, ctx.ids["decision"], "earlier decision id"
    ):
        earlier_team = ctx.decision_team.get(supersedes)
        if earlier_team is not None and earlier_team != team:
            ctx.report.error(
                (*vpath, "supersedes"),
                f"'{supersedes}' is a decision of team '{earlier_team}', not '{team}'",
            )
    assets = getattr(value, "military_assets", None)
    if assets is not None:
        ctx.ref((*vpath, "military_assets", "decided_by"), assets.decided_by, ctx.actors, "actor")
