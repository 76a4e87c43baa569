"""The debrief as a plain JSON-ready dict: `coherence-report/1`.

The keys and meanings of DESIGN.md's "JSON shape" are fixed; extra keys are additions.
Scenario times print as `D+N HH:MM`; durations stay numbers of minutes.
"""

from __future__ import annotations

from typing import Any

from desktop import __version__
from desktop.analysis.coherence import CoherenceFigures, Ratio, coherence_figures
from desktop.analysis.evaluation import EvaluationFigures, evaluation_figures
from desktop.analysis.humanitarian import HumanitarianSpace, humanitarian_space
from desktop.analysis.network import NetworkFigures, NetworkSummary, network_figures
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.responses import ResponseFigures, response_figures
from desktop.domain.records import ImprovementItem, Observation
from desktop.domain.times import format_stamp

REPORT_FORMAT = "coherence-report/1"

Json = dict[str, Any]


def debrief_json(record: ExerciseRecord) -> Json:
    """Compute every debrief figure of `record` and return the `coherence-report/1` dict."""
    responses = response_figures(record)
    return {
        "format": REPORT_FORMAT,
        "generated_by": f"coherence {__version__}",
        "scenario": {
            "id": record.scenario.id,
            "title": record.scenario.title,
            "teams": [t.id for t in record.teams],
            "participants": record.participants,
        },
        "injects": injects_json(responses),
        "teams": teams_json(responses),
        "network": network_json(network_figures(record)),
        "coherence": coherence_json(coherence_figures(record)),
        "humanitarian_space": humanitarian_json(humanitarian_space(record)),
        "evaluation": evaluation_json(evaluation_figures(record)),
    }


def _stamp(minutes: int | None) -> str | None:
    return None if minutes is None else format_stamp(minutes)


def injects_json(figures: ResponseFigures) -> list[Json]:
    """`injects`: per inject, its release and each target team's response."""
    return [
        {
            "id": entry.inject,
            "released_at": _stamp(entry.released_at),
            "released_minute": entry.released_at,
            "targets": [
                {
                    "team": t.team,
                    "first_response_minutes": t.first_response_minutes,
                    "expectation": str(t.expectation),
                    "reasons": [str(r) for r in t.reasons],
                }
                for t in entry.targets
            ],
        }
        for entry in figures.injects
    ]


def teams_json(figures: ResponseFigures) -> list[Json]:
    """`teams`: decisions, median first response, unanswered injects, expectations."""
    return [
        {
            "id": t.team,
            "decisions": t.decisions,
            "median_response_minutes": t.median_response_minutes,
            "answered": t.answered,
            "unanswered": list(t.unanswered),
            "expectations": {
                "met": t.expectations.met,
                "partial": t.expectations.partial,
                "unmet": t.expectations.unmet,
            },
        }
        for t in figures.teams
    ]


def _summary_json(summary: NetworkSummary) -> Json:
    return {
        "decisions": summary.decisions,
        "density": summary.density,
        "reciprocity": summary.reciprocity,
        "edges": summary.edges,
        "consultations": summary.consultations,
        "ei_index_category": summary.ei_index_category,
        "external_edges": summary.external_edges,
        "internal_edges": summary.internal_edges,
    }


def network_json(figures: NetworkFigures) -> Json:
    """`network`: whole-exercise figures, top betweenness, isolates, and per phase."""
    result = _summary_json(figures.summary)
    result.update(
        {
            "betweenness": [{"actor": c.actor, "value": c.value} for c in figures.betweenness],
            "isolates": list(figures.isolates),
            "phases": {p.phase: _summary_json(p.summary) for p in figures.phases},
            "unphased_decisions": figures.unphased_decisions,
        }
    )
    return result


def ratio_json(ratio: Ratio) -> Json:
    """`{value, numerator, denominator}`."""
    return {"value": ratio.value, "numerator": ratio.numerator, "denominator": ratio.denominator}


def coherence_json(figures: CoherenceFigures) -> Json:
    """`coherence`: the four indicators; agency with its per-team values and counts."""
    agency = ratio_json(figures.agency.overall)
    agency["teams"] = {t.team: t.ratio.value for t in figures.agency.teams}
    agency["team_counts"] = {t.team: ratio_json(t.ratio) for t in figures.agency.teams}
    return {
        "agency": agency,
        "whole_of_un": ratio_json(figures.whole_of_un),
        "harmonization": ratio_json(figures.harmonization),
        "alignment": ratio_json(figures.alignment),
        "alignment_society": ratio_json(figures.alignment_society),
    }


def humanitarian_json(figures: HumanitarianSpace) -> Json:
    """`humanitarian_space`: firewall breaches and the military-asset checklist."""
    return {
        "firewall_breaches": [
            {
                "decision": b.decision,
                "from": b.sender,
                "to": b.to,
                "reasons": [str(r) for r in b.reasons],
            }
            for b in figures.firewall_breaches
        ],
        "military_asset_requests": [
            {
                "decision": a.decision,
                "verdict": str(a.verdict),
                "red_flags": [str(f) for f in a.red_flags],
                "concerns": [str(c) for c in a.concerns],
                "asset": a.assets.asset,
                "purpose": str(a.assets.purpose),
                "task": str(a.assets.task),
                "decided_by": a.assets.decided_by,
            }
            for a in figures.military_asset_requests
        ],
    }


def _observation_json(observation: Observation) -> Json:
    return {
        "id": observation.id,
        "observer": observation.observer,
        "text": observation.text,
        "recorded_at": format_stamp(observation.recorded_at),
        "inject": observation.inject,
        "late": observation.late,
    }


def _improvement_json(item: ImprovementItem) -> Json:
    return {
        "id": item.id,
        "issue": item.issue,
        "corrective_action": item.corrective_action,
        "capability": item.capability,
        "objective": item.objective,
        "responsible": item.responsible,
        "start": None if item.start is None else item.start.isoformat(),
        "completion": None if item.completion is None else item.completion.isoformat(),
    }


def evaluation_json(figures: EvaluationFigures) -> Json:
    """`evaluation`: ratings per (team, objective), observations, the improvement plan."""
    return {
        "ratings": [
            {
                "team": r.team,
                "objective": r.objective,
                "counts": {"P": r.counts.P, "S": r.counts.S, "M": r.counts.M, "U": r.counts.U},
                "overall": str(r.overall),
                "overall_from": str(r.source),
            }
            for r in figures.ratings
        ],
        "observations": [
            {
                "team": g.team,
                "objective": g.objective,
                "strengths": [_observation_json(o) for o in g.strengths],
                "improvements": [_observation_json(o) for o in g.improvements],
            }
            for g in figures.observations
        ],
        "improvement_plan": [_improvement_json(i) for i in figures.improvement_plan],
    }
