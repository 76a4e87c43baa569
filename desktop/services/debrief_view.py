"""What the debrief window shows beyond the report: the record cut at a moment of the
timeline, the network of a phase or a team, a fixed drawing layout, and saving rows of the
improvement plan.

Everything here reads a document without changing it, except `save_improvement_item`,
which goes through the engine command `SaveImprovementItem` like any other entry.
"""

from __future__ import annotations

import bisect
import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy import Connection, func, select

from desktop.analysis.network import (
    Edge,
    NetworkSummary,
    coordination_graph,
    edge_weights,
    summarize,
)
from desktop.analysis.record import ExerciseRecord
from desktop.domain import commands as c
from desktop.domain.events import EventKind
from desktop.domain.expectations import Reason, ReasonCode
from desktop.domain.phases import phase_in_force
from desktop.domain.records import Decision, ImprovementItem
from desktop.domain.scenario import target_teams
from desktop.report.naming import Names
from desktop.report.network_chart import Position, network_layout
from desktop.report.sentences import reason_sentence
from desktop.report.timeaxis import TimeAxis, fold_axis
from desktop.services.debrief import figures_of, record_from_connection
from desktop.services.session import ExerciseSession, end_read, scenario_from_document
from desktop.store.document import open_document, translated
from desktop.store.errors import DocumentError, DocumentProblem
from desktop.store.snapshot import load_snapshot
from desktop.store.tables import EventRow, table_of

Progress = Callable[[int, int, str], None]
Execute = Callable[[c.Command], object]

LOAD_STEPS = 4
EVENT = table_of(EventRow)


@dataclass(frozen=True)
class TimelineMark:
    """One dot of the timeline: an inject reaching a team, or a decision of a team.

    `kind` is `inject` or `decision`; `category` is the acting actor's category for a
    decision (empty for an inject).
    """

    minute: int
    team: str
    kind: str
    id: str
    title: str
    category: str = ""


@dataclass(frozen=True)
class ExpectationRow:
    """How one target team answered one released inject, with the reasons in words."""

    inject: str
    inject_title: str
    team: str
    team_name: str
    released_at: int
    first_response_minutes: int | None
    expectation: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ActorStats:
    """An actor's place in a network: distinct partners, consultations each way, brokerage."""

    actor: str
    degree: int
    consultations_out: int
    consultations_in: int
    betweenness: float


@dataclass(frozen=True)
class NetworkPicture:
    """A network ready to draw: edge weights, its figures and each actor's numbers."""

    weights: Mapping[Edge, int]
    summary: NetworkSummary
    stats: Mapping[str, ActorStats]

    @property
    def engaged(self) -> frozenset[str]:
        """The actors with at least one edge."""
        return frozenset(a for edge in self.weights for a in edge)


@dataclass(frozen=True)
class DebriefData:
    """A document's debrief as the window needs it, read once.

    `figures` is the `coherence-report/1` dict; `positions` places every actor in the unit
    square (y up); `start` and `end` bound the exercise in scenario minutes; `writable`
    says whether the file could take an improvement-plan row.
    """

    path: Path
    record: ExerciseRecord
    figures: Mapping[str, Any]
    positions: Mapping[str, Position]
    start: int
    end: int
    writable: bool
    marks: tuple[TimelineMark, ...]
    expectations: tuple[ExpectationRow, ...]
    _timed: tuple[Decision, ...] = field(default=(), repr=False)
    _times: tuple[int, ...] = field(default=(), repr=False)

    def decisions_until(self, minute: int) -> tuple[Decision, ...]:
        """The live decisions taken at or before `minute` (binary search, no scan)."""
        return self._timed[: bisect.bisect_right(self._times, minute)]

    def network_until(self, minute: int) -> NetworkPicture:
        """The network of the decisions taken at or before `minute`."""
        return network_picture(self.record, self.decisions_until(minute))

    def axis(self) -> TimeAxis:
        """A time axis over the exercise with long quiet stretches folded."""
        return fold_axis([self.start, self.end, *(m.minute for m in self.marks)])


def load_debrief(path: Path, progress: Progress | None = None) -> DebriefData:
    """Read a document without changing it and prepare everything the debrief view shows.

    Raises `DocumentError` for a file that cannot be read as an exercise document.
    """

    def step(done: int, text: str) -> None:
        if progress is not None:
            progress(done, LOAD_STEPS, text)

    step(0, "Reading the document")
    document = open_document(path, read_only=True)
    try:
        with translated(path):
            if load_snapshot(document.connection) is None:
                raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path, "it holds no scenario")
            scenario = scenario_from_document(document.connection, path)
            record = record_from_connection(document.connection, scenario)
            span = _log_span(document.connection)
    finally:
        document.close()
    step(1, "Computing the figures")
    figures = figures_of(record)
    step(2, "Laying out the network")
    timed = tuple(sorted(record.live_decisions, key=lambda d: (d.effective_at, d.recorded_seq)))
    positions = network_layout(record, edge_weights(record, timed))
    step(3, "Preparing the timeline")
    marks = timeline_marks(record)
    start, end = _bounds(span, marks)
    data = DebriefData(
        path=path,
        record=record,
        figures=figures,
        positions=positions,
        start=start,
        end=end,
        writable=document_writable(path),
        marks=marks,
        expectations=expectation_rows(record, figures),
        _timed=timed,
        _times=tuple(d.effective_at for d in timed),
    )
    step(4, "Done")
    return data


def _log_span(connection: Connection) -> tuple[int | None, int | None]:
    """The scenario time the exercise started, and the last scenario time in its log."""
    end_read(connection)
    started = connection.execute(
        select(func.min(EVENT.c.scenario_time)).where(
            EVENT.c.kind == EventKind.EXERCISE_STARTED.value
        )
    ).scalar()
    last = connection.execute(select(func.max(EVENT.c.scenario_time))).scalar()
    end_read(connection)
    return (None if started is None else int(started), None if last is None else int(last))


def _bounds(span: tuple[int | None, int | None], marks: Sequence[TimelineMark]) -> tuple[int, int]:
    times = [m.minute for m in marks]
    started, last = span
    start = min([t for t in (started, *times) if t is not None], default=0)
    end = max([t for t in (last, *times) if t is not None], default=start)
    return start, max(start, end)


def document_writable(path: Path) -> bool:
    """Whether the document and its folder can be written (for the journal and the lock)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def record_until(record: ExerciseRecord, minute: int) -> ExerciseRecord:
    """The record as it stood at `minute`: decisions taken (`taken_at`, else recorded),
    injects released, phase changes, observations and ratings at or before it.

    Entries are as last amended: the record keeps no history of corrections, so an entry
    voided later is left out at every moment, as it is from every figure.
    """
    return replace(
        record,
        decisions=tuple(d for d in record.decisions if d.effective_at <= minute),
        injects=tuple(
            r if r.released_at is None or r.released_at <= minute else replace(r, released_at=None)
            for r in record.injects
        ),
        phase_changes=tuple(p for p in record.phase_changes if p[0] <= minute),
        observations=tuple(o for o in record.observations if o.recorded_at <= minute),
        ratings=tuple(r for r in record.ratings if r.recorded_at <= minute),
    )


def figures_until(record: ExerciseRecord, minute: int) -> dict[str, Any]:
    """Every debrief figure of the exercise as it stood at `minute`."""
    return figures_of(record_until(record, minute))


def select_decisions(
    record: ExerciseRecord,
    *,
    phase: str | None = None,
    team: str | None = None,
    until: int | None = None,
) -> tuple[Decision, ...]:
    """The live decisions of one phase (in force when taken), one team, up to a moment;
    `None` leaves a condition out."""
    scenario = record.scenario
    phase_at: dict[int, str | None] = {}
    chosen: list[Decision] = []
    for decision in record.live_decisions:
        at = decision.effective_at
        if until is not None and at > until:
            continue
        if team is not None and decision.team != team:
            continue
        if phase is not None:
            if at not in phase_at:
                phase_at[at] = phase_in_force(at, scenario.phases, record.phase_changes)
            if phase_at[at] != phase:
                continue
        chosen.append(decision)
    return tuple(chosen)


def network_picture(record: ExerciseRecord, decisions: Sequence[Decision]) -> NetworkPicture:
    """The network of `decisions` over all scenario actors, with each actor's numbers.

    The degree counts distinct partners in either direction; betweenness is networkx's
    normalised, unweighted betweenness on the directed graph, as in the report.
    """
    weights = edge_weights(record, decisions)
    graph = coordination_graph(record, weights)
    betweenness: dict[str, float] = (
        nx.betweenness_centrality(graph, normalized=True) if weights else {}
    )
    out_counts: Counter[str] = Counter()
    in_counts: Counter[str] = Counter()
    for (u, v), w in weights.items():
        out_counts[u] += w
        in_counts[v] += w
    stats = {
        actor.id: ActorStats(
            actor=actor.id,
            degree=len(set(graph.successors(actor.id)) | set(graph.predecessors(actor.id))),
            consultations_out=out_counts[actor.id],
            consultations_in=in_counts[actor.id],
            betweenness=float(betweenness.get(actor.id, 0.0)),
        )
        for actor in record.scenario.actors
    }
    return NetworkPicture(
        weights=dict(weights), summary=summarize(record, len(decisions), weights), stats=stats
    )


def timeline_marks(record: ExerciseRecord) -> tuple[TimelineMark, ...]:
    """Every released inject (once per target team) and every live decision, in time order."""
    marks: list[TimelineMark] = []
    for entry in record.injects:
        if entry.released_at is None:
            continue
        inject = entry.inject
        marks.extend(
            TimelineMark(entry.released_at, team, "inject", inject.id, inject.title)
            for team in target_teams(inject, record.teams)
        )
    for decision in record.live_decisions:
        actor = record.actors.get(decision.acting_actor)
        marks.append(
            TimelineMark(
                decision.effective_at,
                decision.team,
                "decision",
                decision.id,
                decision.content.title,
                "" if actor is None else str(actor.category),
            )
        )
    marks.sort(key=lambda m: (m.minute, m.kind != "inject"))
    return tuple(marks)


def phase_spans(record: ExerciseRecord, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """`(from, to, phase id)` for the stretches of `start`..`end` each phase is in force."""
    scenario = record.scenario
    cuts = {start}
    cuts.update(p.starts for p in scenario.phases if start < p.starts < end)
    cuts.update(at for at, _ in record.phase_changes if start < at < end)
    ordered = sorted(cuts)
    spans: list[tuple[int, int, str]] = []
    for first, last in zip(ordered, [*ordered[1:], end], strict=True):
        phase = phase_in_force(first, scenario.phases, record.phase_changes)
        if phase is None:
            continue
        if spans and spans[-1][2] == phase:
            spans[-1] = (spans[-1][0], last, phase)
        else:
            spans.append((first, last, phase))
    return tuple(spans)


def axis_minute(axis: TimeAxis, position: float) -> int:
    """The scenario minute at an axis position (inverse of `axis.x`; a folded gap gives
    the minute its quiet stretch begins)."""
    for (start, end), base in zip(axis.segments, axis.starts, strict=True):
        if position <= base + (end - start):
            return start + max(0, round(position - base))
        if position < base + (end - start) + axis.gap:
            return end
    return axis.segments[-1][1]


def expectation_rows(
    record: ExerciseRecord, figures: Mapping[str, Any]
) -> tuple[ExpectationRow, ...]:
    """One row per released inject and target team, reasons written out as sentences."""
    names = Names(record)
    decisions = {d.id: d for d in record.decisions}
    rows: list[ExpectationRow] = []
    for entry in figures["injects"]:
        released = entry["released_minute"]
        inject = record.inject_by_id.get(entry["id"])
        if released is None or inject is None:
            continue
        for target in entry["targets"]:
            first = target["first_response_minutes"]
            reasons = tuple(
                reason_sentence(_reason(code), inject, first, names, decisions)
                for code in target["reasons"]
            )
            rows.append(
                ExpectationRow(
                    inject=inject.id,
                    inject_title=inject.title,
                    team=target["team"],
                    team_name=names.team(target["team"]),
                    released_at=released,
                    first_response_minutes=first,
                    expectation=target["expectation"],
                    reasons=reasons,
                )
            )
    return tuple(rows)


def _reason(text: str) -> Reason:
    code, _, subject = text.partition(":")
    return Reason(ReasonCode(code), subject)


def new_improvement_id(existing: Sequence[ImprovementItem]) -> str:
    """A fresh id for an improvement-plan row: `ip-<n>` above every numbered id in use."""
    numbers = [
        int(item.id[3:]) for item in existing if item.id.startswith("ip-") and item.id[3:].isdigit()
    ]
    return f"ip-{max(numbers, default=0) + 1}"


def execute_on_document(path: Path, command: c.Command) -> None:
    """Open the document, carry out one command and close it (when no console holds it).

    Raises `DocumentError` (locked by a running console, read-only, full disk...) or
    `CommandRefused`.
    """
    with ExerciseSession.open(path) as session:
        session.execute(command)


def save_improvement_item(target: Path | Execute, item: ImprovementItem) -> object:
    """Store a row of the improvement plan as an `improvement_item_saved` event.

    `target` is either the `execute(command)` of an open exercise (the console's) or the
    path of a document that nothing else holds open. Returns what `execute` returned.
    """
    command = c.SaveImprovementItem(item)
    if isinstance(target, Path):
        execute_on_document(target, command)
        return None
    return target(command)
