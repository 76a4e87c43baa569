"""Per inject and target team: first response and expectation; per team: the totals.

See DESIGN.md, "Per inject and target team" and "Per team".
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

from desktop.analysis.record import ExerciseRecord
from desktop.domain.expectations import ExpectationStatus, Reason, judge_expectation
from desktop.domain.records import Decision
from desktop.domain.scenario import target_teams


@dataclass(frozen=True)
class TargetResponse:
    """How one target team answered one released inject."""

    team: str
    first_response_minutes: int | None
    expectation: ExpectationStatus
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class InjectResponses:
    """One inject, its release time and its target teams' responses.

    A never-released inject has `released_at` None and no targets.
    """

    inject: str
    released_at: int | None
    targets: tuple[TargetResponse, ...]


@dataclass(frozen=True)
class ExpectationCounts:
    """How many of a team's judged injects met, partly met or did not meet expectations."""

    met: int = 0
    partial: int = 0
    unmet: int = 0


@dataclass(frozen=True)
class TeamResponses:
    """A team's totals: decisions, median first response, unanswered injects, expectations."""

    team: str
    decisions: int
    median_response_minutes: float | None
    answered: int
    unanswered: tuple[str, ...]
    expectations: ExpectationCounts


@dataclass(frozen=True)
class ResponseFigures:
    """The per-inject and per-team response figures."""

    injects: tuple[InjectResponses, ...]
    teams: tuple[TeamResponses, ...]


def response_figures(record: ExerciseRecord) -> ResponseFigures:
    """Compute first responses and expectations per inject and target team, and team totals.

    Only non-voided decisions count. A decision of a team that is not a target of the
    inject it names is ignored here (it still counts in the network and coherence).
    """
    naming: dict[tuple[str, str], list[Decision]] = defaultdict(list)
    decision_count: dict[str, int] = defaultdict(int)
    for decision in record.live_decisions:
        decision_count[decision.team] += 1
        if decision.inject is not None:
            naming[(decision.inject, decision.team)].append(decision)

    minutes: dict[str, list[int]] = defaultdict(list)
    unanswered: dict[str, list[str]] = defaultdict(list)
    statuses: dict[str, dict[ExpectationStatus, int]] = defaultdict(lambda: defaultdict(int))
    injects: list[InjectResponses] = []
    for entry in record.injects:
        inject, released = entry.inject, entry.released_at
        if released is None:
            injects.append(InjectResponses(inject.id, None, ()))
            continue
        targets: list[TargetResponse] = []
        for team in target_teams(inject, record.teams):
            answers = naming.get((inject.id, team), [])
            first = min((d.effective_at for d in answers), default=None)
            response = None if first is None else first - released
            if response is None:
                unanswered[team].append(inject.id)
            else:
                minutes[team].append(response)
            judgement = judge_expectation(inject, released, answers, record.actors)
            statuses[team][judgement.status] += 1
            targets.append(TargetResponse(team, response, judgement.status, judgement.reasons))
        injects.append(InjectResponses(inject.id, released, tuple(targets)))

    teams = tuple(
        TeamResponses(
            team=team,
            decisions=decision_count[team],
            median_response_minutes=statistics.median(minutes[team]) if minutes[team] else None,
            answered=len(minutes[team]),
            unanswered=tuple(unanswered[team]),
            expectations=ExpectationCounts(
                met=statuses[team][ExpectationStatus.MET],
                partial=statuses[team][ExpectationStatus.PARTIAL],
                unmet=statuses[team][ExpectationStatus.UNMET],
            ),
        )
        for team in _team_ids(record)
    )
    return ResponseFigures(tuple(injects), teams)


def _team_ids(record: ExerciseRecord) -> list[str]:
    """The exercise's teams in order, then any other team that recorded a decision."""
    ids = [t.id for t in record.teams]
    known = set(ids)
    ids.extend(sorted({d.team for d in record.live_decisions} - known))
    return ids
