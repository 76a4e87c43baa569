"""Evaluation: P/S/M/U ratings, observations and the improvement plan (HSEEP AAR/IP).

See DESIGN.md, "Evaluation".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import ObservationKind, Rating
from desktop.domain.records import ImprovementItem, Observation, RatingEntry

# Worst first: a tie between equally frequent ratings goes to the worse one.
WORST_FIRST = (Rating.U, Rating.M, Rating.S, Rating.P)


class OverallSource(StrEnum):
    """Where a pair's overall rating comes from."""

    FINAL = "final"
    MOST_FREQUENT = "most-frequent"


@dataclass(frozen=True)
class RatingCounts:
    """How many times each rating was entered."""

    P: int = 0
    S: int = 0
    M: int = 0
    U: int = 0

    def of(self, rating: Rating) -> int:
        """The count of one rating."""
        return int(getattr(self, rating.value))


@dataclass(frozen=True)
class RatingSummary:
    """The ratings of one team against one objective, and the overall rating."""

    team: str
    objective: str
    counts: RatingCounts
    overall: Rating
    source: OverallSource


@dataclass(frozen=True)
class ObservationGroup:
    """A team's observations against one objective, split as HSEEP does."""

    team: str
    objective: str
    strengths: tuple[Observation, ...]
    improvements: tuple[Observation, ...]


@dataclass(frozen=True)
class EvaluationFigures:
    """Ratings, observations and the improvement plan."""

    ratings: tuple[RatingSummary, ...]
    observations: tuple[ObservationGroup, ...]
    improvement_plan: tuple[ImprovementItem, ...]


def overall_rating(entries: list[RatingEntry]) -> tuple[Rating, OverallSource]:
    """The final rating if any (the latest by scenario time, then entry order), else the most
    frequent rating, ties to the worse one. `entries` are live, in entry order, not empty.
    """
    finals = [(e.recorded_at, index, e) for index, e in enumerate(entries) if e.final]
    if finals:
        return max(finals, key=lambda item: item[:2])[2].rating, OverallSource.FINAL
    counts = Counter(e.rating for e in entries)
    best = max(WORST_FIRST, key=lambda r: (counts[r], -WORST_FIRST.index(r)))
    return best, OverallSource.MOST_FREQUENT


def rating_summaries(record: ExerciseRecord) -> tuple[RatingSummary, ...]:
    """One summary per (team, objective) pair with live ratings, in team then objective
    order (teams and objectives the scenario does not list come after, by id)."""
    pairs: dict[tuple[str, str], list[RatingEntry]] = defaultdict(list)
    for entry in record.ratings:
        if not entry.voided:
            pairs[(entry.team, entry.objective)].append(entry)
    summaries = []
    for team, objective in sorted(pairs, key=_pair_order(record)):
        entries = pairs[(team, objective)]
        counts = Counter(e.rating for e in entries)
        overall, source = overall_rating(entries)
        summaries.append(
            RatingSummary(
                team=team,
                objective=objective,
                counts=RatingCounts(
                    P=counts[Rating.P], S=counts[Rating.S], M=counts[Rating.M], U=counts[Rating.U]
                ),
                overall=overall,
                source=source,
            )
        )
    return tuple(summaries)


def observation_groups(record: ExerciseRecord) -> tuple[ObservationGroup, ...]:
    """Live observations grouped by (team, objective), strengths apart from areas for
    improvement, each in entry order."""
    pairs: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for observation in record.observations:
        if not observation.voided:
            pairs[(observation.team, observation.objective)].append(observation)
    return tuple(
        ObservationGroup(
            team=team,
            objective=objective,
            strengths=tuple(
                o for o in pairs[(team, objective)] if o.kind == ObservationKind.STRENGTH
            ),
            improvements=tuple(
                o for o in pairs[(team, objective)] if o.kind == ObservationKind.IMPROVEMENT
            ),
        )
        for team, objective in sorted(pairs, key=_pair_order(record))
    )


def evaluation_figures(record: ExerciseRecord) -> EvaluationFigures:
    """Compute ratings, observation groups and the improvement plan."""
    return EvaluationFigures(
        ratings=rating_summaries(record),
        observations=observation_groups(record),
        improvement_plan=record.improvements,
    )


def _pair_order(record: ExerciseRecord) -> Callable[[tuple[str, str]], tuple[int, str, int, str]]:
    """A sort key for (team, objective) pairs: exercise order, unknown ids last by id."""
    teams = {t.id: i for i, t in enumerate(record.teams)}
    objectives = {o.id: i for i, o in enumerate(record.scenario.objectives)}

    def key(pair: tuple[str, str]) -> tuple[int, str, int, str]:
        team, objective = pair
        return (
            teams.get(team, len(teams)),
            team,
            objectives.get(objective, len(objectives)),
            objective,
        )

    return key
