"""The executive summary: the debrief's headline figures written out as plain sentences.

Descriptions, never grades: the sentences say what happened and how often, and leave the
judgement to the facilitator and the evaluators.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from desktop.analysis.coherence import CoherenceFigures, Ratio
from desktop.analysis.evaluation import EvaluationFigures
from desktop.analysis.humanitarian import HumanitarianSpace, Verdict
from desktop.analysis.network import NetworkFigures
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.responses import ResponseFigures
from desktop.domain.expectations import ExpectationStatus
from desktop.report import labels
from desktop.report.naming import Names, count, join_words, percent

# What each element's share counts, completing "N of M decisions ...".
ELEMENT_MEASURE: dict[str, str] = {
    "agency": "did not reverse an earlier decision of the same team",
    "whole_of_un": "by UN actors engaged another part of the UN system",
    "harmonization": "by international actors engaged an international actor of another "
    "organisation",
    "alignment": "by international actors engaged a national or local actor",
}


@dataclass(frozen=True)
class KeyFigure:
    """A headline number on the summary page, with what it counts."""

    value: str
    label: str
    detail: str = ""


@dataclass(frozen=True)
class ExecutiveSummary:
    """Headline numbers and the sentences that describe them."""

    key_figures: tuple[KeyFigure, ...]
    sentences: tuple[str, ...]


def executive_summary(
    record: ExerciseRecord,
    responses: ResponseFigures,
    network: NetworkFigures,
    coherence: CoherenceFigures,
    space: HumanitarianSpace,
    evaluation: EvaluationFigures,
) -> ExecutiveSummary:
    """Build the summary's key figures and sentences from the computed figures."""
    names = Names(record)
    released = [i for i in responses.injects if i.released_at is not None]
    adhoc = sum(1 for r in record.injects if r.inject.adhoc and r.released_at is not None)
    pairs = [t for i in released for t in i.targets]
    answered = sum(1 for t in pairs if t.first_response_minutes is not None)
    statuses = Counter(t.expectation for t in pairs)
    judged = sum(
        statuses[s]
        for s in (ExpectationStatus.MET, ExpectationStatus.PARTIAL, ExpectationStatus.UNMET)
    )
    live = len(record.live_decisions)
    voided = len(record.decisions) - live
    requests = space.military_asset_requests
    verdicts = Counter(str(a.verdict) for a in requests)

    sentences = [
        _inject_sentence(len(record.injects), len(released), adhoc, len(pairs), answered),
        _expectation_sentence(statuses, judged),
        f"The teams recorded {count(live, 'decision')}"
        + (f" ({count(voided, 'voided entry', 'voided entries')} left out)." if voided else "."),
        _breach_sentence(space, names),
        _asset_sentence(verdicts, len(requests)),
        _network_sentence(record, network),
        *_coherence_sentences(coherence),
        _rating_sentence(evaluation),
    ]
    key_figures = (
        KeyFigure(f"{len(released)}", "injects released", f"of {len(record.injects)}"),
        KeyFigure(
            f"{live:,}",
            "decisions",
            f"by {len({d.team for d in record.live_decisions})} of {len(record.teams)} teams",
        ),
        KeyFigure(
            f"{statuses[ExpectationStatus.MET]}",
            "expectations met",
            f"of {judged} judged" if judged else "none judged",
        ),
        KeyFigure(f"{len(space.firewall_breaches)}", "firewall breaches"),
        KeyFigure(
            f"{len(requests)}",
            "military-asset requests",
            f"{verdicts[Verdict.RED_FLAG]} with red flags" if requests else "",
        ),
    )
    return ExecutiveSummary(key_figures, tuple(s for s in sentences if s))


def _inject_sentence(total: int, released: int, adhoc: int, pairs: int, answered: int) -> str:
    extra = f", {adhoc} of them ad hoc" if adhoc else ""
    text = f"{released} of {count(total, 'inject')} were released{extra}."
    if pairs:
        text += (
            f" Of the {count(pairs, 'request')} for a response (an inject addressed to a "
            f"team), {answered} received at least one decision naming the inject and "
            f"{pairs - answered} received none."
        )
    return text


def _expectation_sentence(statuses: Counter[ExpectationStatus], judged: int) -> str:
    if not judged:
        return "No released inject carried an expected reaction, so none was judged."
    na = statuses[ExpectationStatus.NOT_APPLICABLE]
    text = (
        f"Against the reactions the scenario expected, {statuses[ExpectationStatus.MET]} "
        f"of {judged} responses met the expectation, "
        f"{statuses[ExpectationStatus.PARTIAL]} met it in part and "
        f"{statuses[ExpectationStatus.UNMET]} did not meet it"
    )
    return text + (f"; {na} had no expectation to judge against." if na else ".")


def _breach_sentence(space: HumanitarianSpace, names: Names) -> str:
    breaches = space.firewall_breaches
    if not breaches:
        return "No consultation crossed the humanitarian firewall."
    shown = [f"{names.actor(b.sender)} → {names.actor(b.to)} ({b.decision})" for b in breaches[:5]]
    more = f" and {len(breaches) - 5} more" if len(breaches) > 5 else ""
    return (
        f"{count(len(breaches), 'consultation')} crossed the humanitarian firewall: "
        f"{', '.join(shown)}{more}."
    )


def _asset_sentence(verdicts: Counter[str], total: int) -> str:
    if not total:
        return "No decision requested military or civil-defence assets."
    parts = [
        f"{verdicts[v]} {labels.label(labels.VERDICT_COUNTED, v)}"
        for v in ("compliant", "concerns", "red-flag", "not-applicable")
        if verdicts[v]
    ]
    return (
        f"{count(total, 'decision')} requested military or civil-defence assets; against "
        f"the humanitarian\N{EN DASH}military checklist: {join_words(parts)}."
    )


def _network_sentence(record: ExerciseRecord, network: NetworkFigures) -> str:
    summary = network.summary
    actors = len(record.scenario.actors)
    return (
        f"The coordination network links the scenario's {actors} actors with "
        f"{count(summary.edges, 'distinct tie')} carrying "
        f"{count(summary.consultations, 'consultation')}; "
        f"{count(len(network.isolates), 'actor')} took part in no decision."
    )


def _coherence_sentences(coherence: CoherenceFigures) -> list[str]:
    ratios: dict[str, Ratio] = {
        "agency": coherence.agency.overall,
        "whole_of_un": coherence.whole_of_un,
        "harmonization": coherence.harmonization,
        "alignment": coherence.alignment,
    }
    measured = [(key, r) for key, r in ratios.items() if r.value is not None]
    if not measured:
        return ["No decision could be measured against the four elements of coherence."]
    ordered = sorted(measured, key=lambda item: (-(item[1].value or 0.0), item[0]))
    high_key, high = ordered[0]
    text = [
        f"Of the four elements of coherence, the one most present in the decisions was "
        f"{labels.ELEMENT[high_key].lower()}: {high.numerator} of {high.denominator} "
        f"decisions {ELEMENT_MEASURE[high_key]} ({percent(high.value)})."
    ]
    if len(ordered) > 1:
        low_key, low = ordered[-1]
        text.append(
            f"The least present was {labels.ELEMENT[low_key].lower()}: {low.numerator} of "
            f"{low.denominator} decisions {ELEMENT_MEASURE[low_key]} ({percent(low.value)})."
        )
    return text


def _rating_sentence(evaluation: EvaluationFigures) -> str:
    ratings = evaluation.ratings
    if not ratings:
        return "No evaluator rating was recorded."
    overall = Counter(str(r.overall) for r in ratings)
    parts = [f"{overall[r]} {r}" for r in "PSMU" if overall[r]]
    pairs = count(len(ratings), "team\N{EN DASH}objective pair")
    return (
        f"Evaluators rated {pairs}; the overall ratings "
        f"are {join_words(parts)} (P: performed without challenges, S: with some, M: with "
        "major challenges, U: unable to be performed)."
    )
