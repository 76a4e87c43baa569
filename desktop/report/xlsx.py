"""The debrief as a spreadsheet: every entry of an exercise and its figures, for analysts.

`write_xlsx` writes one exercise (decisions, consultations, injects and responses,
ratings, observations, the figures, the improvement plan); `write_comparison_xlsx`
writes a `coherence-comparison/1` dict with the runs as columns.

Every sheet has a bold, frozen header row and an auto filter. Numbers stay numbers
(minutes, counts, ratios); scenario times are written twice, as `D+N HH:MM` text and as
minutes. Text that looks like a formula (`=...`) or an error code stays text, and
characters a worksheet cannot hold are dropped.

The sheets are written by `desktop.report.xlsx_writer`, which streams big sheets.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from desktop.analysis.coherence import Ratio, coherence_figures
from desktop.analysis.compare import comparison_tables
from desktop.analysis.evaluation import evaluation_figures
from desktop.analysis.humanitarian import HumanitarianSpace, Verdict, humanitarian_space
from desktop.analysis.network import NetworkSummary, network_figures
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.responses import ResponseFigures, response_figures
from desktop.domain.phases import phase_in_force
from desktop.domain.scenario import target_teams
from desktop.domain.times import format_stamp
from desktop.report.xlsx_writer import Row, Sheet, Value, save_sheets


def write_xlsx(record: ExerciseRecord, path: Path) -> None:
    """Write the workbook of one exercise to `path` (replaced whole, or left untouched)."""
    save_sheets(record_sheets(record), path)


def write_comparison_xlsx(comparison: Mapping[str, Any], path: Path) -> None:
    """Write a `coherence-comparison/1` dict to `path`, one sheet per figure group."""
    save_sheets(comparison_sheets(comparison), path)


def _headers(text: str) -> tuple[str, ...]:
    return tuple(h.strip() for h in text.split("|"))


DECISION_HEADERS = _headers(
    "Decision | Team | Acting actor | Inject | Title | Posture | Dimensions | Venue"
    " | Supersedes | Phase | Taken at | Taken at (min) | Recorded at | Recorded at (min)"
    " | Consultations | Voided | Amendments | Late | Military assets | Void reason | Rationale"
)
CONSULTATION_HEADERS = _headers("Decision | From | To | Mode | Team | Phase | Voided")
INJECT_HEADERS = _headers(
    "Inject | Title | Origin | Released at | Released at (min) | Targets | Target team"
    " | First response (min) | Expectation | Reasons"
)
TEAM_HEADERS = _headers(
    "Team | Decisions | Median response (min) | Answered | Unanswered | Unanswered injects"
    " | Met | Partial | Unmet"
)
RATING_HEADERS = _headers(
    "Team | Objective | Observer | Rating | Final | Voided | Recorded at | Recorded at (min)"
    " | Late | Note | Rating id"
)
SUMMARY_HEADERS = _headers("Team | Objective | P | S | M | U | Overall | Overall from")
OBSERVATION_HEADERS = _headers(
    "Observation | Team | Objective | Observer | Kind | Inject | Recorded at"
    " | Recorded at (min) | Voided | Late | Text"
)
FIGURE_HEADERS = _headers("Group | Figure | Scope | Value | Numerator | Denominator")
BREACH_HEADERS = _headers("Decision | From | To | Reasons")
ASSET_HEADERS = _headers(
    "Decision | Asset | Purpose | Task | Decided by | Verdict | Red flags | Concerns"
)
PLAN_HEADERS = _headers(
    "Item | Issue | Corrective action | Capability | Objective | Responsible | Start | Completion"
)


# --- one exercise -------------------------------------------------------------------------


def record_sheets(record: ExerciseRecord) -> list[Sheet]:
    """The sheets of one exercise's workbook, in order; the two big ones are lazy."""
    responses = response_figures(record)
    space = humanitarian_space(record)
    consultations = sum(len(d.content.consulted) for d in record.decisions)
    return [
        Sheet("Decisions", DECISION_HEADERS, _decision_rows(record), len(record.decisions)),
        Sheet("Consultations", CONSULTATION_HEADERS, _consultation_rows(record), consultations),
        Sheet("Injects", INJECT_HEADERS, list(_inject_rows(record, responses))),
        Sheet("Teams", TEAM_HEADERS, list(_team_rows(responses))),
        Sheet("Ratings", RATING_HEADERS, list(_rating_rows(record))),
        Sheet("Rating summary", SUMMARY_HEADERS, list(_rating_summary_rows(record))),
        Sheet("Observations", OBSERVATION_HEADERS, list(_observation_rows(record))),
        Sheet("Figures", FIGURE_HEADERS, list(_figure_rows(record, space))),
        Sheet("Firewall breaches", BREACH_HEADERS, list(_breach_rows(space))),
        Sheet("Asset requests", ASSET_HEADERS, list(_asset_rows(space))),
        Sheet("Improvement plan", PLAN_HEADERS, list(_plan_rows(record)), styled=True),
    ]


def _stamp(minutes: int | None) -> str | None:
    return None if minutes is None else format_stamp(minutes)


def _joined(items: Iterable[object]) -> str:
    return ", ".join(str(i) for i in items)


def _phases(record: ExerciseRecord) -> Callable[[int], str | None]:
    """The phase in force at a minute, cached: decisions share few distinct times."""
    phases, changes = record.scenario.phases, record.phase_changes
    return functools.cache(lambda at: phase_in_force(at, phases, changes))


def _decision_rows(record: ExerciseRecord) -> Iterator[Row]:
    phase = _phases(record)
    for d in record.decisions:
        c = d.content
        posture = None if c.posture is None else str(c.posture)
        yield (
            *(d.id, d.team, d.acting_actor, d.inject, c.title, posture, ", ".join(c.dimensions)),
            *(c.venue, c.supersedes, phase(d.effective_at), _stamp(c.taken_at), c.taken_at),
            *(format_stamp(d.recorded_at), d.recorded_at, len(c.consulted), d.voided),
            *(d.amendments, d.late, c.military_assets is not None, d.void_reason, c.rationale),
        )


def _consultation_rows(record: ExerciseRecord) -> Iterator[Row]:
    phase = _phases(record)
    for d in record.decisions:
        at = phase(d.effective_at)
        for c in d.content.consulted:
            yield (d.id, d.acting_actor, c.actor, str(c.mode), d.team, at, d.voided)


def _inject_rows(record: ExerciseRecord, responses: ResponseFigures) -> Iterator[Row]:
    """One row per inject and target team; an inject without targets has one row."""
    by_id = {entry.inject: entry for entry in responses.injects}
    for entry in record.injects:
        inject, released = entry.inject, entry.released_at
        targets = _joined(target_teams(inject, record.teams))
        head = (inject.id, inject.title, str(inject.origin), _stamp(released), released, targets)
        answers = by_id[inject.id].targets
        if not answers:
            yield (*head, None, None, None, None)
        for t in answers:
            yield (*head, t.team, t.first_response_minutes, str(t.expectation), _joined(t.reasons))


def _team_rows(responses: ResponseFigures) -> Iterator[Row]:
    for t in responses.teams:
        e = t.expectations
        yield (
            *(t.team, t.decisions, t.median_response_minutes, t.answered, len(t.unanswered)),
            *(_joined(t.unanswered), e.met, e.partial, e.unmet),
        )


def _rating_rows(record: ExerciseRecord) -> Iterator[Row]:
    for r in record.ratings:
        yield (
            *(r.team, r.objective, r.observer, str(r.rating), r.final, r.voided),
            *(format_stamp(r.recorded_at), r.recorded_at, r.late, r.note, r.id),
        )


def _rating_summary_rows(record: ExerciseRecord) -> Iterator[Row]:
    for r in evaluation_figures(record).ratings:
        c = r.counts
        yield (r.team, r.objective, c.P, c.S, c.M, c.U, str(r.overall), str(r.source))


def _observation_rows(record: ExerciseRecord) -> Iterator[Row]:
    for o in record.observations:
        yield (
            *(o.id, o.team, o.objective, o.observer, str(o.kind), o.inject),
            *(format_stamp(o.recorded_at), o.recorded_at, o.voided, o.late, o.text),
        )


def _ratio_row(figure: str, scope: str, ratio: Ratio) -> Row:
    return ("coherence", figure, scope, ratio.value, ratio.numerator, ratio.denominator)


def _network_rows(scope: str, s: NetworkSummary, actors: int) -> Iterator[Row]:
    """Density over n(n-1) possible edges; the E-I index as (external - internal) / edges."""
    ei_numerator = s.external_edges - s.internal_edges
    for figure, value, numerator, denominator in (
        ("decisions", s.decisions, None, None),
        ("density", s.density, s.edges, actors * (actors - 1)),
        ("reciprocity", s.reciprocity, None, s.edges),
        ("edges", s.edges, None, None),
        ("consultations", s.consultations, None, None),
        ("ei_index_category", s.ei_index_category, ei_numerator, s.edges),
        ("external_edges", s.external_edges, None, None),
        ("internal_edges", s.internal_edges, None, None),
    ):
        yield ("network", figure, scope, value, numerator, denominator)


def _figure_rows(record: ExerciseRecord, space: HumanitarianSpace) -> Iterator[Row]:
    coherence = coherence_figures(record)
    yield _ratio_row("agency", "all", coherence.agency.overall)
    for t in coherence.agency.teams:
        yield _ratio_row("agency", t.team, t.ratio)
    for name in ("whole_of_un", "harmonization", "alignment", "alignment_society"):
        yield _ratio_row(name, "all", getattr(coherence, name))
    network = network_figures(record)
    actors = len(record.scenario.actors)
    yield from _network_rows("all", network.summary, actors)
    yield ("network", "unphased_decisions", "all", network.unphased_decisions, None, None)
    yield ("network", "isolates", "all", len(network.isolates), None, None)
    for c in network.betweenness:
        yield ("network", "betweenness", c.actor, c.value, None, None)
    for p in network.phases:
        yield from _network_rows(p.phase, p.summary, actors)
    group, requests = "humanitarian_space", space.military_asset_requests
    yield (group, "firewall_breaches", "all", len(space.firewall_breaches), None, None)
    yield (group, "military_asset_requests", "all", len(requests), None, None)
    for verdict in Verdict:
        count = sum(1 for a in requests if a.verdict is verdict)
        yield (group, "asset_verdict", str(verdict), count, None, None)


def _breach_rows(space: HumanitarianSpace) -> Iterator[Row]:
    for b in space.firewall_breaches:
        yield (b.decision, b.sender, b.to, _joined(b.reasons))


def _asset_rows(space: HumanitarianSpace) -> Iterator[Row]:
    for a in space.military_asset_requests:
        m = a.assets
        yield (
            *(a.decision, m.asset, str(m.purpose), str(m.task), m.decided_by, str(a.verdict)),
            *(_joined(a.red_flags), _joined(a.concerns)),
        )


def _plan_rows(record: ExerciseRecord) -> Iterator[Row]:
    for i in record.improvements:
        yield (
            *(i.id, i.issue, i.corrective_action, i.capability, i.objective, i.responsible),
            *(i.start, i.completion),
        )


# --- a comparison -------------------------------------------------------------------------


def comparison_sheets(comparison: Mapping[str, Any]) -> list[Sheet]:
    """The sheets of a comparison workbook: key columns, then one column per run."""
    runs = tuple(str(r) for r in comparison["runs"])
    return [
        Sheet(t.title, (*t.keys, *runs), [tuple(_cell(v) for v in row) for row in t.rows])
        for t in comparison_tables(comparison)
    ]


def _cell(value: Any) -> Value:
    """A comparison value as a cell: lists and betweenness entries become text."""
    if isinstance(value, list):
        return ", ".join(str(_cell(v)) for v in value)
    if isinstance(value, Mapping) and {"actor", "value"} <= value.keys():
        return f"{value['actor']} {value['value']:.3f}"
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
