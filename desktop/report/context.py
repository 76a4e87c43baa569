"""Everything the report templates print, computed once from an exercise record.

`build_context` runs every analysis once, renders the charts, and hands the templates
plain frozen values with the words already chosen (`labels`, `sentences`), so the
templates only lay things out. Long lists are capped (see `LOG_ROWS_MAX`) to keep a
100,000-decision exercise printable; the JSON and spreadsheet exports hold everything.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from desktop import __version__
from desktop.analysis.coherence import coherence_figures
from desktop.analysis.evaluation import evaluation_figures
from desktop.analysis.humanitarian import humanitarian_space
from desktop.analysis.network import Edge, edge_weights, network_figures
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.responses import response_figures
from desktop.domain.phases import phase_in_force
from desktop.domain.records import Decision
from desktop.infra.collector import collector_paused
from desktop.report import charts, labels
from desktop.report.evaluation_section import EvaluationView, evaluation_view
from desktop.report.humanitarian_section import HumanitarianView, humanitarian_view
from desktop.report.naming import Names, long_date
from desktop.report.palette import CATEGORY_COLOURS
from desktop.report.sections import (
    CoherenceView,
    InjectRow,
    NetworkView,
    TeamRow,
    coherence_view,
    inject_rows,
    network_view,
    team_rows,
)
from desktop.report.summary import ExecutiveSummary, executive_summary

Variant = Literal["html", "pdf"]

# Decisions listed in the appendix: a browser copes with 2,000 rows (about 100 printed
# pages); the PDF stops at 500 (about 25 pages). The JSON and xlsx exports hold them all.
LOG_ROWS_MAX = 2000
PDF_LOG_ROWS_MAX = 500


@dataclass(frozen=True)
class TeamCard:
    """A team on the cover: its name and the actors it plays."""

    name: str
    actors: str


@dataclass(frozen=True)
class Cover:
    """The cover page."""

    title: str
    scenario_title: str
    country: str
    mission: str
    integration: str
    dates: str
    span: str
    teams: tuple[TeamCard, ...]
    participants: int
    generated: str


@dataclass(frozen=True)
class PhaseRow:
    """A scenario phase and when it starts."""

    title: str
    starts: str
    date: str


@dataclass(frozen=True)
class ObjectiveRow:
    """An exercise objective in HSEEP terms."""

    id: str
    title: str
    capability: str
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class Overview:
    """The exercise overview: scenario summary, phases, objectives, forums."""

    summary: str
    background: str
    phases: tuple[PhaseRow, ...]
    objectives: tuple[ObjectiveRow, ...]


@dataclass(frozen=True)
class LogRow:
    """One decision in the appendix log."""

    id: str
    time: str
    recorded: str
    team: str
    acting: str
    inject: str
    title: str
    posture: str
    consulted: str
    venue: str
    marks: tuple[str, ...]
    voided: bool


@dataclass(frozen=True)
class DecisionLog:
    """The decision log, capped at `LOG_ROWS_MAX` rows."""

    rows: tuple[LogRow, ...]
    total: int
    capped: bool


@dataclass(frozen=True)
class ActorRow:
    """An actor of the scenario, for the appendix."""

    short: str
    name: str
    category: str
    colour: str
    organisation: str
    notes: str


@dataclass(frozen=True)
class ReportContext:
    """Everything the report template needs."""

    variant: Variant
    version: str
    cover: Cover
    summary: ExecutiveSummary
    overview: Overview
    evaluation: EvaluationView
    injects: tuple[InjectRow, ...]
    teams: tuple[TeamRow, ...]
    timeline: charts.Chart
    network: NetworkView
    coherence: CoherenceView
    humanitarian: HumanitarianView
    log: DecisionLog
    actors: tuple[ActorRow, ...]

    def charts(self) -> list[charts.Chart]:
        """Every chart of the report (the PDF adds them to its document as resources)."""
        return [self.timeline, self.network.chart, *(p.chart for p in self.network.phases)]


def build_context(
    record: ExerciseRecord, *, title: str | None = None, variant: Variant = "html"
) -> ReportContext:
    """Compute every figure, sentence and chart of the report for `record`."""
    with collector_paused():
        return _build_context(record, title, variant)


def _build_context(record: ExerciseRecord, title: str | None, variant: Variant) -> ReportContext:
    names = Names(record)
    fmt: charts.ChartFormat = "svg" if variant == "html" else "png"
    responses = response_figures(record)
    network = network_figures(record)
    coherence = coherence_figures(record)
    space = humanitarian_space(record)
    evaluation = evaluation_figures(record)
    decisions = {d.id: d for d in record.decisions}
    flagged = frozenset(b.decision for b in space.firewall_breaches)
    weights, by_phase = phase_weights(record)
    return ReportContext(
        variant=variant,
        version=__version__,
        cover=cover(record, names, title),
        summary=executive_summary(record, responses, network, coherence, space, evaluation),
        overview=overview(record, names),
        evaluation=evaluation_view(record, evaluation, names),
        injects=inject_rows(record, responses, names, decisions),
        teams=team_rows(responses, names),
        timeline=charts.timeline_chart(record, fmt, flagged),
        network=network_view(record, network, weights, by_phase, names, fmt),
        coherence=coherence_view(coherence, names),
        humanitarian=humanitarian_view(record, space, names, decisions),
        log=decision_log(record, names, PDF_LOG_ROWS_MAX if variant == "pdf" else None),
        actors=actor_rows(record),
    )


def phase_weights(
    record: ExerciseRecord,
) -> tuple[Counter[Edge], dict[str, Counter[Edge]]]:
    """Edge weights of the whole exercise and of each phase (as `network_figures` counts)."""
    scenario = record.scenario
    grouped: dict[str | None, list[Decision]] = {p.id: [] for p in scenario.phases}
    phase_at: dict[int, str | None] = {}
    for decision in record.live_decisions:
        at = decision.effective_at
        if at not in phase_at:
            phase_at[at] = phase_in_force(at, scenario.phases, record.phase_changes)
        grouped.setdefault(phase_at[at], []).append(decision)
    by_phase = {p: edge_weights(record, ds) for p, ds in grouped.items() if p is not None}
    total: Counter[Edge] = Counter()
    for part in by_phase.values():
        total.update(part)
    if None in grouped:
        total.update(edge_weights(record, grouped[None]))
    return total, by_phase


def cover(record: ExerciseRecord, names: Names, title: str | None) -> Cover:
    """The cover: scenario, setting, scenario dates, teams and participants."""
    scenario = record.scenario
    times = [r.released_at for r in record.injects if r.released_at is not None]
    times += [d.effective_at for d in record.live_decisions]
    span, dates = "", ""
    if times:
        first, last = min(times), max(times)
        span = f"{names.stamp(first)} to {names.stamp(last)}"
        if names.start is not None:
            start_day, end_day = names.calendar(first), names.calendar(last)
            dates = start_day if start_day == end_day else f"{start_day} to {end_day}"
    elif names.start is not None:
        dates = f"D+0 is {long_date(names.start)}"
    teams = tuple(
        TeamCard(t.name, ", ".join(names.actor(a) for a in t.actors)) for t in record.teams
    )
    return Cover(
        title=title or scenario.title,
        scenario_title=scenario.title,
        country=scenario.setting.country,
        mission=scenario.setting.mission,
        integration=labels.label(labels.INTEGRATION, scenario.setting.integration),
        dates=dates,
        span=span,
        teams=teams,
        participants=record.participants,
        generated=long_date(date.today()),
    )


def overview(record: ExerciseRecord, names: Names) -> Overview:
    """The exercise overview section."""
    scenario = record.scenario
    return Overview(
        summary=scenario.summary,
        background=scenario.setting.background,
        phases=tuple(
            PhaseRow(p.title, names.stamp(p.starts), names.calendar(p.starts))
            for p in scenario.phases
        ),
        objectives=tuple(
            ObjectiveRow(o.id, o.title, o.capability, o.tasks) for o in scenario.objectives
        ),
    )


def decision_log(record: ExerciseRecord, names: Names, limit: int | None = None) -> DecisionLog:
    """The first `limit` (default `LOG_ROWS_MAX`) decisions in the order they were taken,
    voided ones marked."""
    limit = LOG_ROWS_MAX if limit is None else limit
    first = heapq.nsmallest(
        limit, record.decisions, key=lambda d: (d.effective_at, d.recorded_seq, d.id)
    )
    total = len(record.decisions)
    return DecisionLog(tuple(_log_row(d, names) for d in first), total, total > limit)


def _log_row(decision: Decision, names: Names) -> LogRow:
    content = decision.content
    marks: list[str] = []
    if decision.voided:
        reason = f": {decision.void_reason}" if decision.void_reason else ""
        marks.append(f"voided{reason}")
    if decision.amendments:
        times = "\N{MULTIPLICATION SIGN}"
        marks.append(
            "amended" if decision.amendments == 1 else f"amended {times}{decision.amendments}"
        )
    if decision.late:
        marks.append("late entry")
    if content.supersedes:
        marks.append(f"replaces {content.supersedes}")
    if content.military_assets is not None:
        marks.append("military assets")
    recorded = (
        f"recorded {names.stamp(decision.recorded_at)}"
        if content.taken_at is not None and content.taken_at != decision.recorded_at
        else ""
    )
    return LogRow(
        id=decision.id,
        time=names.stamp(decision.effective_at),
        recorded=recorded,
        team=names.team(decision.team),
        acting=names.actor(decision.acting_actor),
        inject=decision.inject or "",
        title=content.title,
        posture=labels.label(labels.POSTURE, content.posture) if content.posture else "",
        consulted=", ".join(
            f"{names.actor(c.actor)} ({labels.label(labels.MODE_SHORT, c.mode)})"
            for c in content.consulted
        ),
        venue=names.mechanism(content.venue),
        marks=tuple(marks),
        voided=decision.voided,
    )


def actor_rows(record: ExerciseRecord) -> tuple[ActorRow, ...]:
    """Every actor of the scenario, grouped by category in palette order."""
    order = {c: i for i, c in enumerate(CATEGORY_COLOURS)}
    actors = sorted(
        record.scenario.actors, key=lambda a: (order.get(a.category, len(order)), a.short)
    )
    rows = []
    for actor in actors:
        notes = []
        if actor.firewall:
            notes.append("behind the humanitarian firewall")
        if actor.humanitarian_authority:
            notes.append("humanitarian authority")
        if actor.sector is not None:
            notes.append(f"sector: {actor.sector}")
        rows.append(
            ActorRow(
                short=actor.short or actor.id,
                name=actor.name,
                category=labels.label(labels.CATEGORY, actor.category),
                colour=CATEGORY_COLOURS.get(actor.category, "#888888"),
                organisation=actor.organisation,
                notes="; ".join(notes),
            )
        )
    return tuple(rows)
