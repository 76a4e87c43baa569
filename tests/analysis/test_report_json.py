"""The `coherence-report/1` document: DESIGN.md "JSON shape"."""

from __future__ import annotations

import json
from dataclasses import replace

from desktop.analysis.report_json import Json, debrief_json
from desktop.domain.enums import AssetPurpose, AssetTask, ConsultMode, Posture, Rating
from desktop.domain.records import MilitaryAssets, RatingEntry
from desktop.domain.scenario import Expects, Inject, Objective, Phase
from tests.analysis.builders import HUMANITARIAN, UNCT, actor, decision, record, scenario, team

DAY = 24 * 60
SCENARIO = scenario(
    [
        actor("fc", dimensions=("security",)),
        actor("rchc"),
        actor("undp", UNCT),
        actor("ocha", HUMANITARIAN),
    ],
    phases=[Phase("stabilization", "Stabilization", 0), Phase("transition", "Transition", DAY)],
    objectives=[Objective("access", "Access", "Access")],
)
TEAMS = (team("mission", "fc", "rchc"), team("unct", "undp"))
CONVOY = Inject("convoy", "Convoy", ("mission",), expects=Expects(consult=("ocha",)))
LATER = Inject("later", "Never released", ("all",))


def _report() -> Json:
    decisions = [
        decision("d1", "mission", "fc", ("ocha", ConsultMode.TASK), inject="convoy", at=600),
        decision(
            "d2",
            "mission",
            "rchc",
            "undp",
            "ocha",
            inject="convoy",
            at=DAY + 60,
            posture=Posture.COORDINATE,
            assets=MilitaryAssets("Trucks", AssetPurpose.HUMANITARIAN, AssetTask.DIRECT, "fc"),
        ),
        decision("d3", "unct", "undp", "rchc", at=DAY + 120),
    ]
    rating = RatingEntry("r1", "Eval", "mission", "access", Rating.S, 700)
    the_record = replace(
        record(SCENARIO, TEAMS, decisions, injects=[(CONVOY, 540), (LATER, None)]),
        ratings=(rating,),
        participants=5,
    )
    return debrief_json(the_record)


def test_shape_and_values() -> None:
    """Every key of the contract, times as stamps, minutes as numbers."""
    report = _report()
    assert report["format"] == "coherence-report/1"
    assert {"injects", "teams", "network", "coherence", "humanitarian_space", "evaluation"} <= set(
        report
    )
    assert report["injects"] == [
        {
            "id": "convoy",
            "released_at": "D+0 09:00",
            "released_minute": 540,
            "targets": [
                # 600 - 540 = 60; d1 and d2 both count (no time limit): ocha consulted.
                {
                    "team": "mission",
                    "first_response_minutes": 60,
                    "expectation": "met",
                    "reasons": [],
                }
            ],
        },
        {"id": "later", "released_at": None, "released_minute": None, "targets": []},
    ]
    mission, unct = report["teams"]
    assert mission == {
        "id": "mission",
        "decisions": 2,
        "median_response_minutes": 60,
        "answered": 1,
        "unanswered": [],
        "expectations": {"met": 1, "partial": 0, "unmet": 0},
    }
    assert unct["unanswered"] == []
    network = report["network"]
    # Edges fc->ocha, rchc->undp, rchc->ocha, undp->rchc: 4 / (4 * 3).
    assert network["edges"] == 4
    assert network["density"] == 4 / 12
    assert network["reciprocity"] == 0.5  # rchc<->undp: 2 of 4 edges
    assert network["isolates"] == []
    assert {"actor", "value"} == set(network["betweenness"][0])
    assert set(network["phases"]) == {"stabilization", "transition"}
    assert network["phases"]["stabilization"]["decisions"] == 1
    assert network["phases"]["transition"]["edges"] == 3
    coherence = report["coherence"]
    assert set(coherence["agency"]) >= {"value", "numerator", "denominator", "teams"}
    assert coherence["agency"]["teams"] == {"mission": 1.0, "unct": 1.0}
    # UN-category acting actors: fc, rchc, undp (3 decisions); across UN categories, not
    # task: d2 (rchc->undp) and d3 (undp->rchc) = 2/3.
    assert coherence["whole_of_un"]["numerator"] == 2
    assert coherence["whole_of_un"]["denominator"] == 3
    assert set(coherence) == {
        "agency",
        "whole_of_un",
        "harmonization",
        "alignment",
        "alignment_society",
    }
    assert coherence["alignment"] == {"value": 0.0, "numerator": 0, "denominator": 3}
    space = report["humanitarian_space"]
    assert [(b["decision"], b["from"], b["to"]) for b in space["firewall_breaches"]] == [
        ("d1", "fc", "ocha")
    ]
    (request,) = space["military_asset_requests"]
    assert request["verdict"] == "red-flag"
    assert {"decision", "verdict", "red_flags", "concerns"} <= set(request)
    evaluation = report["evaluation"]
    assert evaluation["ratings"] == [
        {
            "team": "mission",
            "objective": "access",
            "counts": {"P": 0, "S": 1, "M": 0, "U": 0},
            "overall": "S",
            "overall_from": "most-frequent",
        }
    ]


def test_is_plain_json() -> None:
    """The document dumps as strict JSON and reads back equal (no enums, tuples or NaN)."""
    report = _report()
    text = json.dumps(report, allow_nan=False)
    assert json.loads(text) == report
