"""Evaluation: DESIGN.md "Evaluation" (HSEEP P/S/M/U, AAR/IP)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from desktop.analysis.evaluation import (
    OverallSource,
    RatingCounts,
    RatingSummary,
    evaluation_figures,
)
from desktop.domain.enums import ObservationKind, Rating
from desktop.domain.records import ImprovementItem, Observation, RatingEntry
from desktop.domain.scenario import Objective
from tests.analysis.builders import actor, record, scenario, team

SCENARIO = scenario(
    [actor("a"), actor("b")],
    objectives=[Objective("access", "Access", "Access"), Objective("assets", "Assets", "Assets")],
)
TEAMS = (team("t1", "a"), team("t2", "b"))
P, S, M, U = Rating.P, Rating.S, Rating.M, Rating.U
_ids = itertools.count(1)


def _rating(
    team_id: str,
    objective: str,
    rating: Rating,
    *,
    at: int = 0,
    final: bool = False,
    voided: bool = False,
) -> RatingEntry:
    return RatingEntry(f"r{next(_ids)}", "Eval", team_id, objective, rating, at, final, "", voided)


def _summaries(*entries: RatingEntry) -> tuple[RatingSummary, ...]:
    the_record = replace(record(SCENARIO, TEAMS), ratings=entries)
    return evaluation_figures(the_record).ratings


def test_most_frequent_with_ties_to_the_worse_rating() -> None:
    """P 1, S 2, M 2: S and M tie at two, M is worse. A voided U does not count."""
    (summary,) = _summaries(
        _rating("t1", "access", P),
        _rating("t1", "access", S),
        _rating("t1", "access", M),
        _rating("t1", "access", S),
        _rating("t1", "access", M),
        _rating("t1", "access", U, voided=True),
    )
    assert summary == RatingSummary(
        "t1", "access", RatingCounts(P=1, S=2, M=2, U=0), M, OverallSource.MOST_FREQUENT
    )


def test_a_single_tie_between_extremes_goes_to_u() -> None:
    """P 1, U 1: U is the worst."""
    (summary,) = _summaries(_rating("t2", "assets", P), _rating("t2", "assets", U))
    assert summary.overall is U


def test_final_rating_overrides_the_most_frequent() -> None:
    """S three times, then the lead's final M: overall M; counts keep every entry (S 3, M 1)."""
    (summary,) = _summaries(
        _rating("t1", "access", S),
        _rating("t1", "access", S),
        _rating("t1", "access", S),
        _rating("t1", "access", M, at=50, final=True),
    )
    assert summary.overall is M
    assert summary.source is OverallSource.FINAL
    assert summary.counts == RatingCounts(P=0, S=3, M=1, U=0)


def test_the_latest_final_wins_and_voided_finals_leave() -> None:
    """Finals P at 100, U at 200, S at 150 and a voided M at 300: the latest live one, U.
    Two finals at the same minute: the later entry wins."""
    (summary,) = _summaries(
        _rating("t1", "access", P, at=100, final=True),
        _rating("t1", "access", U, at=200, final=True),
        _rating("t1", "access", S, at=150, final=True),
        _rating("t1", "access", M, at=300, final=True, voided=True),
    )
    assert summary.overall is U
    (summary,) = _summaries(
        _rating("t1", "access", S, at=100, final=True),
        _rating("t1", "access", P, at=100, final=True),
    )
    assert summary.overall is P


def test_only_pairs_with_live_ratings_in_team_then_objective_order() -> None:
    """t2 has only a voided rating: not listed. Order: t1/access, t1/assets, t2/access."""
    summaries = _summaries(
        _rating("t2", "access", S),
        _rating("t1", "assets", P),
        _rating("t2", "assets", M, voided=True),
        _rating("t1", "access", U),
    )
    assert [(s.team, s.objective) for s in summaries] == [
        ("t1", "access"),
        ("t1", "assets"),
        ("t2", "access"),
    ]


def test_observations_grouped_and_improvement_plan() -> None:
    """Strengths apart from areas for improvement, voided left out; the plan as entered."""
    strength, improvement = ObservationKind.STRENGTH, ObservationKind.IMPROVEMENT
    observations = (
        Observation("o1", "Eval", "t1", "access", strength, "Asked the HCT", 10),
        Observation("o2", "Eval", "t1", "access", improvement, "Late answer", 20),
        Observation("o3", "Eval", "t1", "access", strength, "Wrong team", 30, voided=True),
        Observation("o4", "Eval", "t2", "assets", improvement, "No exit plan", 40),
    )
    plan = (ImprovementItem("ip1", "Slow escalation", "Agree a 2h rule", start=date(2031, 5, 1)),)
    the_record = replace(record(SCENARIO, TEAMS), observations=observations, improvements=plan)
    figures = evaluation_figures(the_record)
    first, second = figures.observations
    assert (first.team, first.objective) == ("t1", "access")
    assert [o.id for o in first.strengths] == ["o1"]
    assert [o.id for o in first.improvements] == ["o2"]
    assert ((second.team, second.objective), second.strengths) == (("t2", "assets"), ())
    assert figures.improvement_plan == plan
    assert figures.ratings == ()
