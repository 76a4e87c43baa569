"""The HTML comparison: runs side by side, counts beside ratios, escaping, self-containment."""

from __future__ import annotations

import re
from typing import Any

import pytest

from desktop.analysis.compare import compare_json
from desktop.analysis.report_json import debrief_json
from desktop.report.compare_html import render_comparison_html
from tests.report.records import HOSTILE, small_record

RUNS = ["cohort-march.coherence", f"june {HOSTILE}.coherence"]


def _ratio(numerators: list[int], denominators: list[int]) -> dict[str, list[Any]]:
    values = [n / d if d else None for n, d in zip(numerators, denominators, strict=True)]
    return {"value": values, "numerator": numerators, "denominator": denominators}


def _network(decisions: list[int], edges: list[int], consultations: list[int]) -> dict[str, Any]:
    return {
        "decisions": decisions,
        "density": [e / 56 for e in edges],  # 8 actors: 56 possible ties
        "reciprocity": [0.5, None if edges[1] == 0 else 0.25],
        "edges": edges,
        "consultations": consultations,
        "ei_index_category": [0.5, 0.0],
        "external_edges": [3, 2],
        "internal_edges": [1, 2],
    }


def comparison() -> dict[str, Any]:
    """Two runs with known counts; one team and one inject only in the first run."""
    return {
        "format": "coherence-comparison/1",
        "scenario": {"id": "testland", "title": f"Testland {HOSTILE}"},
        "runs": RUNS,
        "figures": {
            "overview": {"participants": [7, 9], "teams": [3, 2], "decisions": [74, 61]},
            "coherence": {
                "agency": {
                    **_ratio([72, 60], [74, 61]),
                    "team_counts": {HOSTILE: _ratio([15, 14], [16, 14])},
                    "teams": {HOSTILE: [15 / 16, 1.0]},
                },
                "whole_of_un": _ratio([38, 31], [64, 50]),
                "harmonization": _ratio([42, 30], [74, 61]),
                "alignment": _ratio([57, 44], [74, 61]),
                "alignment_society": _ratio([0, 0], [0, 0]),
            },
            "network": {
                **_network([74, 61], [4, 4], [11, 9]),
                "unphased_decisions": [0, 0],
                "betweenness": [
                    [{"actor": "ocha", "value": 0.25}, {"actor": "rchc", "value": 0.1}],
                    [{"actor": "rchc", "value": 0.3}],
                ],
                "isolates": [["dpo"], ["dpo", "au"]],
                "phases": {"stabilization": _network([30, 25], [4, 4], [6, 5])},
            },
            "humanitarian_space": {
                "firewall_breaches": [3, 1],
                "military_asset_requests": [5, 2],
                "asset_verdicts": {
                    "red-flag": [1, 0],
                    "concerns": [1, 1],
                    "compliant": [2, 1],
                    "not-applicable": [1, 0],
                },
            },
            "teams": {
                "mission": {
                    "present": [True, False],
                    "decisions": [16, None],
                    "median_response_minutes": [150.0, None],
                    "answered": [16, None],
                    "unanswered": [1, None],
                    "unanswered_injects": [["convoy"], None],
                    "expectations": {"met": [9, None], "partial": [7, None], "unmet": [5, None]},
                },
            },
            "injects": {
                "convoy": {
                    "present": [True, True],
                    "released_at": ["D+0 09:00", "D+0 09:30"],
                    "targets": {
                        "mission": {
                            "first_response_minutes": [70, None],
                            "expectation": ["partial", "unmet"],
                            "reasons": [["not-in-venue:hct"], ["no-decision-in-time"]],
                        }
                    },
                },
            },
            "evaluation": {
                "ratings": {
                    "mission": {
                        "access": {
                            "overall": ["S", "M"],
                            "overall_from": ["final", "most-frequent"],
                            "counts": {"P": [0, 0], "S": [2, 0], "M": [1, 3], "U": [0, 0]},
                        }
                    }
                }
            },
        },
    }


@pytest.fixture(scope="module")
def html() -> str:
    return render_comparison_html(comparison())


def _text(html: str) -> str:
    """The visible text, tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_run_and_section_is_there(html: str) -> None:
    text = _text(html)
    assert "cohort-march.coherence" in text
    assert "june &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.coherence" in html
    for title in (
        "Summary",
        "Coherence indicators",
        "Coordination network",
        "Humanitarian space",
        "Evaluation ratings",
        "Injects and responses",
    ):
        assert f"<h1>{title}</h1>" in html


def test_ratios_come_with_their_counts(html: str) -> None:
    text = _text(html)
    assert "72 of 74 (97%)" in text  # agency
    assert "38 of 64 (59%) 31 of 50 (62%)" in text  # whole of UN, run by run
    assert "42 of 74 (57%)" in text
    assert "0 of 0 (—)" in text  # nothing to measure
    assert "15 of 16 (94%) 14 of 14 (100%)" in text  # agency of the team
    assert "4 of 56 possible ties (0.071)" in text  # density undone into its counts
    assert "2 of 4 ties (0.500)" in text  # reciprocity
    assert "3 ties across categories, 1 within" in text
    assert "9 of 21" in text  # expectations met of the team's judged responses
    assert "1 of 5" in text  # requests with a red flag
    assert "Stabilization" not in text  # without a record, ids print as they are
    assert "stabilization" in text


def test_runs_lacking_a_team_and_ratings(html: str) -> None:
    text = _text(html)
    assert "not in this run" in text
    assert "2 h 30 min" in text  # median first response
    assert "first decision after 1 h 10 min" in text
    assert "2 S · 1 M" in text
    assert "3 M" in text
    assert 'class="differs"' in html  # rows where the runs differ are marked


def test_hostile_text_is_escaped(html: str) -> None:
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_self_contained(html: str) -> None:
    """Nothing is fetched: no URL, no script, no external style sheet or font."""
    assert "http" not in html
    assert "<link" not in html.lower()
    assert "@import" not in html
    for match in re.finditer(r'(?:src|href)="([^"]*)"', html):
        assert match.group(1).startswith("#"), match.group(1)
    assert "--accent: #1f4e8c" in html  # the single-run report's style sheet, inlined


def test_says_figures_are_not_grades(html: str) -> None:
    text = _text(html)
    assert "How to read differences between runs." in text
    assert "none of them is a grade" in text
    assert "they are not grades" in text
    assert "one decision can move a share by several points" in text


def test_names_from_a_record() -> None:
    """With a run's record, ids print as names and reasons as the report's sentences."""
    record = small_record()
    report = debrief_json(record)
    html = render_comparison_html(compare_json([("a", report), ("b", report)]), record)
    text = _text(html)
    assert "Testland drill" in text
    assert "Stabilization" in text
    assert "Keep humanitarian access principled" in text
    assert "convoy · Convoy needs an escort" in text
    assert "In decision d1" not in text  # the comparison keeps no decision, so:
    assert "Decision d1 engaged ocha in a way the scenario asks teams to avoid." in text
    assert "6 of 56 possible ties (0.107)" in text
    assert 'class="differs"' not in html  # identical runs: nothing marked
