"""The references of an ad-hoc inject, checked against its scenario (engine and play checks)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.domain.enums import STANDARD_DIMENSIONS
from desktop.domain.scenario import ALL_TEAMS, Inject, Scenario

FieldPath = tuple[str | int, ...]


def inject_reference_problems(
    inject: Inject, scenario: Scenario, team_ids: Iterable[str]
) -> list[tuple[FieldPath, str]]:
    """Every reference of `inject` that `scenario` (and the exercise's teams) cannot resolve.

    Each problem is the field path within the inject and a message for a person.
    """
    problems: list[tuple[FieldPath, str]] = []
    actors = scenario.actor_by_id
    targets = set(team_ids) | set(actors) | {ALL_TEAMS}

    def check(path: FieldPath, values: Iterable[str], known: Iterable[str], what: str) -> None:
        known_set = set(known)
        for index, value in enumerate(values):
            if value not in known_set:
                problems.append(((*path, index), f"unknown {what} '{value}'"))

    if not inject.to:
        problems.append((("to",), "an inject needs at least one target"))
    check(("to",), inject.to, targets, "team or actor")
    if inject.sender is not None and inject.sender not in actors:
        problems.append((("from",), f"unknown actor '{inject.sender}'"))
    check(("objectives",), inject.objectives, scenario.objective_by_id, "objective")
    check(
        ("dimensions",),
        inject.dimensions,
        {*STANDARD_DIMENSIONS, *scenario.dimensions},
        "dimension",
    )
    if inject.phase is not None and inject.phase not in scenario.phase_by_id:
        problems.append((("phase",), f"unknown phase '{inject.phase}'"))
    check(("attachments",), inject.attachments, scenario.media, "media file of the pack")
    expects = inject.expects
    if expects is not None:
        check(("expects", "consult"), expects.consult, actors, "actor")
        check(("expects", "consult_any"), expects.consult_any, actors, "actor")
        check(("expects", "venue"), expects.venue, scenario.mechanism_by_id, "mechanism")
        for index, pattern in enumerate(expects.avoid):
            check(("expects", "avoid", index, "by"), pattern.by, actors, "actor")
            check(("expects", "avoid", index, "to"), pattern.to, actors, "actor")
    return problems
