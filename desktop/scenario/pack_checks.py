"""Cross-checks of a scenario pack that the field types alone cannot express."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.domain.enums import DEADLINE_TRIGGERS, STANDARD_DIMENSIONS, Category
from desktop.domain.times import parse_stamp
from desktop.scenario.diagnostics import PathPart, Reporter, did_you_mean
from desktop.scenario.pack_models import InjectModel, ScenarioModel

ALL = "all"


def check_pack(model: ScenarioModel, report: Reporter, root: Path | None) -> None:
    """Report every cross-reference and consistency problem of a pack.

    `root` is the folder attachments are relative to (`None`: do not check files).
    """
    actors = _unique_ids(report, "actors", [a.id for a in model.actors])
    mechanisms = _unique_ids(report, "mechanisms", [m.id for m in model.mechanisms])
    teams = _unique_ids(report, "teams", [t.id for t in model.teams])
    objectives = _unique_ids(report, "objectives", [o.id for o in model.objectives])
    injects = _unique_ids(report, "injects", [i.id for i in model.injects])
    phases = _unique_ids(report, "phases", [p.id for p in model.phases])
    dimensions = set(STANDARD_DIMENSIONS) | set(model.dimensions)
    named: tuple[tuple[str, list[str]], ...] = (
        ("actors", [a.id for a in model.actors]),
        ("teams", [t.id for t in model.teams]),
    )
    for section, ids in named:
        for index, item_id in enumerate(ids):
            if item_id == ALL:
                report.error(
                    (section, index, "id"), "'all' is reserved: in `to` it means every team"
                )
    for index, extra in enumerate(model.dimensions):
        if extra in STANDARD_DIMENSIONS:
            report.warning(("dimensions", index), f"'{extra}' is already a standard dimension")

    refs = _Refs(report, actors, dimensions)
    _check_phases(model, report)
    _check_actors(model, refs)
    for i, mechanism in enumerate(model.mechanisms):
        refs.actors(("mechanisms", i, "members"), mechanism.members)
    for i, team in enumerate(model.teams):
        refs.actors(("teams", i, "actors"), team.actors)
        clash = team.id in actors
        if clash:
            report.error(
                ("teams", i, "id"), f"'{team.id}' is also an actor id; `to` would be ambiguous"
            )
    first_phase = min((parse_stamp(p.starts) for p in model.phases), default=0)
    targets = teams | actors | {ALL}
    for i, inject in enumerate(model.injects):
        _check_inject(
            inject,
            ("injects", i),
            refs,
            model,
            targets,
            mechanisms,
            objectives,
            injects,
            phases,
            first_phase,
            root,
        )
    _check_trigger_cycles(model, report)
    _warn_idle_actors(model, report)


class _Refs:
    """Reference checks with 'did you mean' suggestions."""

    def __init__(self, report: Reporter, actors: set[str], dimensions: set[str]) -> None:
        self.report = report
        self.actor_ids = actors
        self.dimension_ids = dimensions

    def known(
        self, path: Sequence[PathPart], values: Iterable[str], known: set[str], what: str
    ) -> None:
        for index, value in enumerate(values):
            if value not in known:
                self.report.error(
                    (*path, index), f"unknown {what} '{value}'{did_you_mean(value, known)}"
                )

    def actors(self, path: Sequence[PathPart], values: Iterable[str]) -> None:
        self.known(path, values, self.actor_ids, "actor")

    def dimensions(self, path: Sequence[PathPart], values: Iterable[str]) -> None:
        self.known(path, values, self.dimension_ids, "dimension")


def _unique_ids(report: Reporter, section: str, ids: list[str]) -> set[str]:
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            report.error(
                (section, index, "id"),
                f"duplicate id '{item_id}' (also {section}[{seen[item_id]}])",
            )
        else:
            seen[item_id] = index
    return set(seen)


def _check_phases(model: ScenarioModel, report: Reporter) -> None:
    previous = None
    for index, phase in enumerate(model.phases):
        starts = parse_stamp(phase.starts)
        if previous is not None and starts <= previous:
            report.error(
                ("phases", index, "starts"), "phases must be listed in order of their start"
            )
        previous = starts


def _check_actors(model: ScenarioModel, refs: _Refs) -> None:
    report = refs.report
    for index, actor in enumerate(model.actors):
        refs.dimensions(("actors", index, "dimensions"), actor.dimensions)
        if actor.category is Category.INTERNAL and actor.sector is None:
            report.error(
                ("actors", index),
                f"internal actor '{actor.id}' needs a sector (government, society or armed)",
            )
        if actor.category is not Category.INTERNAL and actor.sector is not None:
            report.error(("actors", index, "sector"), "only internal actors have a sector")


def _check_inject(
    inject: InjectModel,
    path: tuple[PathPart, ...],
    refs: _Refs,
    model: ScenarioModel,
    targets: set[str],
    mechanisms: set[str],
    objectives: set[str],
    injects: set[str],
    phases: set[str],
    first_phase: int,
    root: Path | None,
) -> None:
    report = refs.report
    if inject.at is None and inject.trigger is None:
        report.error(path, f"inject '{inject.id}' needs `at` (a time or manual) or `trigger`")
    if inject.at is not None and inject.trigger is not None:
        report.error((*path, "trigger"), "an inject has either `at` or `trigger`, not both")
    if inject.at is not None and inject.at != "manual" and parse_stamp(inject.at) < first_phase:
        report.error((*path, "at"), f"'{inject.at}' is before the first phase starts")
    if inject.sender is not None and inject.sender not in refs.actor_ids:
        report.error(
            (*path, "from"),
            f"unknown actor '{inject.sender}'{did_you_mean(inject.sender, refs.actor_ids)}",
        )
    refs.known((*path, "to"), inject.to, targets, "team or actor")
    refs.dimensions((*path, "dimensions"), inject.dimensions)
    refs.known((*path, "objectives"), inject.objectives, objectives, "objective")
    if inject.phase is not None and inject.phase not in phases:
        report.error(
            (*path, "phase"), f"unknown phase '{inject.phase}'{did_you_mean(inject.phase, phases)}"
        )
    for index, attachment in enumerate(inject.attachments):
        if root is None:
            continue
        problem = _media_problem(root, attachment)
        if problem is not None:
            report.error((*path, "attachments", index), problem)
    expects = inject.expects
    if expects is not None:
        epath = (*path, "expects")
        refs.actors((*epath, "consult"), expects.consult)
        refs.actors((*epath, "consult_any"), expects.consult_any)
        refs.known((*epath, "venue"), expects.venue, mechanisms, "mechanism")
        for index, avoid in enumerate(expects.avoid):
            apath = (*epath, "avoid", index)
            refs.actors((*apath, "by"), avoid.by)
            refs.actors((*apath, "to"), avoid.to)
            if avoid.by_dimension is not None:
                refs.dimensions(apath, [avoid.by_dimension])
    trigger = inject.trigger
    if trigger is not None:
        tpath = (*path, "trigger")
        if trigger.inject not in injects:
            report.error(
                (*tpath, "inject"),
                f"unknown inject '{trigger.inject}'{did_you_mean(trigger.inject, injects)}",
            )
        elif trigger.when in DEADLINE_TRIGGERS:
            _check_deadline_parent(model, trigger.inject, (*tpath, "when"), report)


def _check_deadline_parent(
    model: ScenarioModel, parent_id: str, path: tuple[PathPart, ...], report: Reporter
) -> None:
    parent = next(i for i in model.injects if i.id == parent_id)
    if parent.expects is None or parent.expects.respond_within is None:
        report.error(
            path,
            f"this condition is judged at the deadline of '{parent_id}', "
            "which has no expects.respond_within",
        )
    names = set(parent.to)
    has_team = ALL in names or any(
        t.id in names or names.intersection(t.actors) for t in model.teams
    )
    if not has_team:
        report.error(path, f"'{parent_id}' is addressed to no team, so no response can be judged")


def _check_trigger_cycles(model: ScenarioModel, report: Reporter) -> None:
    parent_of = {i.id: i.trigger.inject for i in model.injects if i.trigger is not None}
    index_of = {i.id: n for n, i in enumerate(model.injects)}
    reported: set[str] = set()
    for start in parent_of:
        chain = [start]
        current = start
        while current in parent_of:
            current = parent_of[current]
            if current in chain:
                cycle = chain[chain.index(current) :]
                if not reported.intersection(cycle):
                    loop = " -> ".join([*cycle, current])
                    report.error(
                        ("injects", index_of[current], "trigger"), f"trigger cycle: {loop}"
                    )
                reported.update(cycle)
                break
            chain.append(current)


def _warn_idle_actors(model: ScenarioModel, report: Reporter) -> None:
    used: set[str] = set()
    for team in model.teams:
        used.update(team.actors)
    for inject in model.injects:
        used.update(inject.to)
        if inject.sender:
            used.add(inject.sender)
        if inject.expects is not None:
            used.update(inject.expects.consult)
            used.update(inject.expects.consult_any)
            for avoid in inject.expects.avoid:
                used.update(avoid.by)
                used.update(avoid.to)
    for index, actor in enumerate(model.actors):
        if actor.id not in used:
            report.warning(("actors", index), f"actor '{actor.id}' is in no team and no inject")


def _media_problem(root: Path, relative: str) -> str | None:
    """Why an attachment cannot be used, or `None` if it is a file inside the pack."""
    literal = root / relative
    if not is_inside(root, literal):
        return f"'{relative}' is outside the pack folder; put the file in media/"
    # The file as written (not a normalised path) must exist: that is what gets read.
    if not literal.is_file():
        return f"file not found: '{relative}'"
    return None


def is_inside(root: Path, candidate: Path) -> bool:
    """Whether `candidate`, symbolic links followed, lies within `root` (a loop does not)."""
    try:
        candidate.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True
