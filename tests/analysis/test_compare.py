"""Runs of one scenario side by side: `coherence-comparison/1` from hand-made reports."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.analysis.compare import compare_json


def _ratio(numerator: int, denominator: int) -> dict[str, Any]:
    value = numerator / denominator if denominator else None
    return {"value": value, "numerator": numerator, "denominator": denominator}


def _summary(decisions: int, edges: int, density: float) -> dict[str, Any]:
    return {
        "decisions": decisions,
        "density": density,
        "reciprocity": None if edges == 0 else 0.5,
        "edges": edges,
        "consultations": edges,
        "ei_index_category": 0.0,
        "external_edges": 0,
        "internal_edges": edges,
    }


def _team(team_id: str, decisions: int, unanswered: list[str]) -> dict[str, Any]:
    return {
        "id": team_id,
        "decisions": decisions,
        "median_response_minutes": 45 if decisions else None,
        "answered": 1 if decisions else 0,
        "unanswered": unanswered,
        "expectations": {"met": 1, "partial": 0, "unmet": len(unanswered)},
    }


def _report(
    *,
    scenario: str = "lakeland",
    teams: list[dict[str, Any]],
    injects: list[dict[str, Any]],
    agency: tuple[int, int],
    phases: dict[str, dict[str, Any]],
    breaches: int = 0,
    verdicts: tuple[str, ...] = (),
    ratings: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A `coherence-report/1` dict with just what the comparison reads."""
    team_counts = {t["id"]: _ratio(t["decisions"], t["decisions"]) for t in teams}
    return {
        "format": "coherence-report/1",
        "generated_by": "coherence test",
        "scenario": {
            "id": scenario,
            "title": "Lakeland",
            "teams": [t["id"] for t in teams],
            "participants": 2 * len(teams),
        },
        "injects": injects,
        "teams": teams,
        "network": {
            **_summary(sum(t["decisions"] for t in teams), 3, 0.25),
            "betweenness": [{"actor": "rchc", "value": 0.5}],
            "isolates": ["nec"],
            "unphased_decisions": 0,
            "phases": phases,
        },
        "coherence": {
            "agency": {**_ratio(*agency), "teams": {}, "team_counts": team_counts},
            "whole_of_un": _ratio(1, 2),
            "harmonization": _ratio(0, 0),
            "alignment": _ratio(2, 4),
            "alignment_society": _ratio(1, 4),
        },
        "humanitarian_space": {
            "firewall_breaches": [
                {"decision": f"d{n}", "from": "fc", "to": "ocha", "reasons": []}
                for n in range(breaches)
            ],
            "military_asset_requests": [
                {"decision": f"d{n}", "verdict": v, "red_flags": [], "concerns": []}
                for n, v in enumerate(verdicts)
            ],
        },
        "evaluation": {"ratings": ratings or [], "observations": [], "improvement_plan": []},
    }


def _rating(team: str, objective: str, overall: str, s_count: int) -> dict[str, Any]:
    counts = {"P": 0, "S": s_count, "M": 0, "U": 0}
    return {
        "team": team,
        "objective": objective,
        "counts": counts,
        "overall": overall,
        "overall_from": "most-frequent",
    }


def _target(team: str, minutes: int | None, expectation: str, *reasons: str) -> dict[str, Any]:
    return {
        "team": team,
        "first_response_minutes": minutes,
        "expectation": expectation,
        "reasons": list(reasons),
    }


# Cohort A: teams mission and unct; convoy answered by both; no ad-hoc inject.
COHORT_A = _report(
    teams=[_team("mission", 4, []), _team("unct", 2, ["convoy"])],
    injects=[
        {
            "id": "convoy",
            "released_at": "D+0 09:00",
            "released_minute": 540,
            "targets": [
                _target("mission", 30, "met"),
                _target("unct", None, "unmet", "no-decision-in-time"),
            ],
        },
        {"id": "later", "released_at": None, "released_minute": None, "targets": []},
    ],
    agency=(5, 6),
    phases={"stabilization": _summary(4, 2, 0.125), "transition": _summary(2, 1, 0.0625)},
    breaches=2,
    verdicts=("red-flag", "compliant", "compliant"),
    ratings=[_rating("mission", "access", "S", 2), _rating("unct", "access", "M", 0)],
)
# Cohort B: no unct team, a third team, an ad-hoc inject, a phase the facilitator named.
COHORT_B = _report(
    teams=[_team("mission", 3, []), _team("hum", 1, [])],
    injects=[
        {
            "id": "convoy",
            "released_at": "D+0 10:00",
            "released_minute": 600,
            "targets": [_target("mission", 90, "partial", "not-consulted:ocha")],
        },
        {"id": "later", "released_at": None, "released_minute": None, "targets": []},
        {
            "id": "adhoc-1",
            "released_at": "D+1 08:00",
            "released_minute": 1920,
            "targets": [_target("hum", 15, "n/a")],
        },
    ],
    agency=(4, 4),
    phases={"stabilization": _summary(4, 3, 0.1875), "surge": _summary(0, 0, 0.0)},
    verdicts=("not-applicable",),
    ratings=[_rating("mission", "access", "P", 0), _rating("hum", "access", "S", 1)],
)


def _compare() -> dict[str, Any]:
    return compare_json([("cohort-a.coherence", COHORT_A), ("cohort-b.coherence", COHORT_B)])


def test_header() -> None:
    """Format, scenario and the run labels in the order given."""
    result = _compare()
    assert result["format"] == "coherence-comparison/1"
    assert result["scenario"] == {"id": "lakeland", "title": "Lakeland"}
    assert result["runs"] == ["cohort-a.coherence", "cohort-b.coherence"]
    assert result["figures"]["overview"] == {
        "participants": [4, 4],
        "teams": [2, 2],
        "decisions": [6, 4],
    }


def test_refuses_runs_of_different_scenarios() -> None:
    """Two scenario ids: a ValueError naming each run and its scenario."""
    other = _report(teams=[], injects=[], agency=(0, 0), phases={}, scenario="riverland")
    with pytest.raises(ValueError, match="same scenario") as error:
        compare_json([("a", COHORT_A), ("b", other)])
    assert "a: lakeland" in str(error.value)
    assert "b: riverland" in str(error.value)


def test_refuses_nothing_repeated_labels_and_other_documents() -> None:
    """No runs, a label given twice, or a dict that is not a report."""
    with pytest.raises(ValueError, match="nothing to compare"):
        compare_json([])
    with pytest.raises(ValueError, match="more than once"):
        compare_json([("run", COHORT_A), ("run", COHORT_B)])
    with pytest.raises(ValueError, match="not a coherence-report/1"):
        compare_json([("a", COHORT_A), ("b", {"format": "something-else"})])


def test_coherence_side_by_side() -> None:
    """Each indicator's value, numerator and denominator per run; agency per team too."""
    coherence = _compare()["figures"]["coherence"]
    assert coherence["agency"]["numerator"] == [5, 4]
    assert coherence["agency"]["denominator"] == [6, 4]
    assert coherence["agency"]["value"] == [5 / 6, 1.0]
    assert coherence["harmonization"] == {
        "value": [None, None],
        "numerator": [0, 0],
        "denominator": [0, 0],
    }
    # Teams in order of first appearance; unct is missing in B, hum in A.
    assert list(coherence["agency"]["team_counts"]) == ["mission", "unct", "hum"]
    assert coherence["agency"]["team_counts"]["unct"]["numerator"] == [2, None]
    assert coherence["agency"]["teams"]["hum"] == [None, 1.0]


def test_teams_aligned_by_id_with_nulls() -> None:
    """A team missing in a run gives null in that run's place, and present: false."""
    teams = _compare()["figures"]["teams"]
    assert list(teams) == ["mission", "unct", "hum"]
    assert teams["mission"]["decisions"] == [4, 3]
    assert teams["unct"] == {
        "present": [True, False],
        "decisions": [2, None],
        "median_response_minutes": [45, None],
        "answered": [1, None],
        "unanswered": [1, None],
        "unanswered_injects": [["convoy"], None],
        "expectations": {"met": [1, None], "partial": [0, None], "unmet": [1, None]},
    }
    assert teams["hum"]["present"] == [False, True]


def test_injects_and_expectations_per_run() -> None:
    """Targets by team; an ad-hoc inject of one run is absent (not unreleased) in the other."""
    injects = _compare()["figures"]["injects"]
    assert list(injects) == ["convoy", "later", "adhoc-1"]
    convoy = injects["convoy"]
    assert convoy["released_at"] == ["D+0 09:00", "D+0 10:00"]
    assert convoy["targets"]["mission"] == {
        "first_response_minutes": [30, 90],
        "expectation": ["met", "partial"],
        "reasons": [[], ["not-consulted:ocha"]],
    }
    assert convoy["targets"]["unct"]["expectation"] == ["unmet", None]
    assert injects["later"] == {
        "present": [True, True],
        "released_at": [None, None],
        "targets": {},
    }
    assert injects["adhoc-1"]["present"] == [False, True]
    assert injects["adhoc-1"]["targets"]["hum"]["expectation"] == [None, "n/a"]


def test_network_per_run_and_per_phase() -> None:
    """Whole-exercise figures and each phase; a phase one run lacks is null there."""
    network = _compare()["figures"]["network"]
    assert network["decisions"] == [6, 4]
    assert network["edges"] == [3, 3]
    assert network["isolates"] == [["nec"], ["nec"]]
    assert list(network["phases"]) == ["stabilization", "transition", "surge"]
    assert network["phases"]["stabilization"]["density"] == [0.125, 0.1875]
    assert network["phases"]["transition"]["edges"] == [1, None]
    assert network["phases"]["surge"]["reciprocity"] == [None, None]
    assert network["phases"]["surge"]["decisions"] == [None, 0]


def test_humanitarian_counts() -> None:
    """Breaches and requests counted; every verdict listed, zeros included."""
    space = _compare()["figures"]["humanitarian_space"]
    assert space["firewall_breaches"] == [2, 0]
    assert space["military_asset_requests"] == [3, 1]
    assert space["asset_verdicts"] == {
        "red-flag": [1, 0],
        "concerns": [0, 0],
        "compliant": [2, 0],
        "not-applicable": [0, 1],
    }


def test_ratings_per_team_and_objective() -> None:
    """Overall ratings side by side; a pair rated in one run only is null in the other."""
    ratings = _compare()["figures"]["evaluation"]["ratings"]
    assert ratings["mission"]["access"]["overall"] == ["S", "P"]
    assert ratings["mission"]["access"]["counts"]["S"] == [2, 0]
    assert ratings["unct"]["access"]["overall"] == ["M", None]
    assert ratings["hum"]["access"] == {
        "overall": [None, "S"],
        "overall_from": [None, "most-frequent"],
        "counts": {"P": [None, 0], "S": [None, 1], "M": [None, 0], "U": [None, 0]},
    }


def test_single_run_and_plain_json() -> None:
    """One run is a valid comparison; the result dumps as strict JSON."""
    result = compare_json([("only", COHORT_A)])
    assert result["figures"]["teams"]["unct"]["decisions"] == [2]
    assert json.loads(json.dumps(_compare(), allow_nan=False)) == _compare()


def test_inputs_are_neither_changed_nor_shared() -> None:
    """Changing the comparison leaves the reports as they were."""
    before = json.dumps(COHORT_A, sort_keys=True)
    result = _compare()
    result["figures"]["network"]["isolates"][0].append("srsg")
    result["figures"]["injects"]["convoy"]["targets"]["unct"]["reasons"][0].clear()
    assert json.dumps(COHORT_A, sort_keys=True) == before
