"""View models of the report's analytic sections: injects and responses, the coordination
network and the coherence indicators. Plain frozen values, words already chosen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.analysis.coherence import CoherenceFigures, Ratio
from desktop.analysis.network import Edge, NetworkFigures, NetworkSummary
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.responses import ResponseFigures
from desktop.domain.records import Decision
from desktop.report import charts, labels, network_chart, sentences
from desktop.report.naming import Names, duration, number, percent

# --- Injects and responses -------------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    """How one target team responded to one inject."""

    team: str
    first_response: str
    status: str
    status_label: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class InjectRow:
    """An inject, its release and the responses of its target teams."""

    id: str
    title: str
    released: str
    origin: str
    sender: str
    channel: str
    expected: str
    targets: tuple[TargetRow, ...]


def inject_rows(
    record: ExerciseRecord,
    responses: ResponseFigures,
    names: Names,
    decisions: Mapping[str, Decision],
) -> tuple[InjectRow, ...]:
    """Released injects in release order, then those never released."""
    by_id = record.inject_by_id
    decision_map = dict(decisions)
    ordered = sorted(
        responses.injects,
        key=lambda e: (e.released_at is None, e.released_at if e.released_at is not None else 0),
    )
    rows = []
    for entry in ordered:
        inject = by_id[entry.inject]
        expects = inject.expects
        targets = tuple(
            TargetRow(
                team=names.team(t.team),
                first_response=duration(t.first_response_minutes),
                status=str(t.expectation),
                status_label=labels.label(labels.EXPECTATION, t.expectation),
                reasons=tuple(
                    sentences.reason_sentence(
                        r, inject, t.first_response_minutes, names, decision_map
                    )
                    for r in t.reasons
                ),
            )
            for t in entry.targets
        )
        rows.append(
            InjectRow(
                id=inject.id,
                title=inject.title,
                released=names.stamp(entry.released_at)
                if entry.released_at is not None
                else "not released",
                origin=labels.label(labels.ORIGIN, inject.origin),
                sender=names.actor(inject.sender) if inject.sender else "",
                channel=labels.label(labels.CHANNEL, inject.channel),
                expected=sentences.expectation_text(expects, names),
                targets=targets,
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class TeamRow:
    """A team's response totals."""

    name: str
    decisions: int
    answered: int
    median: str
    unanswered: tuple[str, ...]
    met: int
    partial: int
    unmet: int


def team_rows(responses: ResponseFigures, names: Names) -> tuple[TeamRow, ...]:
    """One row per team."""
    return tuple(
        TeamRow(
            name=names.team(t.team),
            decisions=t.decisions,
            answered=t.answered,
            median=duration(
                None if t.median_response_minutes is None else round(t.median_response_minutes)
            ),
            unanswered=t.unanswered,
            met=t.expectations.met,
            partial=t.expectations.partial,
            unmet=t.expectations.unmet,
        )
        for t in responses.teams
    )


# --- Coordination network --------------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    """A network figure with its raw counts beside it."""

    label: str
    value: str
    counts: str


@dataclass(frozen=True)
class PhaseView:
    """A phase's network drawing and figures."""

    title: str
    decisions: int
    figures: tuple[FigureRow, ...]
    chart: charts.Chart


@dataclass(frozen=True)
class NetworkView:
    """The coordination network section."""

    figures: tuple[FigureRow, ...]
    brokers: tuple[tuple[str, str], ...]
    isolates: tuple[str, ...]
    phases: tuple[PhaseView, ...]
    unphased_decisions: int
    actors: int
    chart: charts.Chart


def _figure_rows(summary: NetworkSummary, actors: int) -> tuple[FigureRow, ...]:
    possible = actors * (actors - 1)
    return (
        FigureRow(
            "Density",
            number(summary.density),
            f"{summary.edges:,} of {possible:,} possible ties",
        ),
        FigureRow(
            "Reciprocity",
            number(summary.reciprocity),
            "no ties"
            if summary.reciprocity is None
            else f"{round(summary.reciprocity * summary.edges):,} of {summary.edges:,} ties "
            "answered by a tie back",
        ),
        FigureRow("Ties (distinct edges)", f"{summary.edges:,}", ""),
        FigureRow("Consultations (total weight)", f"{summary.consultations:,}", ""),
        FigureRow(
            "E\N{EN DASH}I index by category",
            number(summary.ei_index_category, 2),
            f"{summary.external_edges:,} ties across categories, {summary.internal_edges:,} within",
        ),
    )


def network_view(
    record: ExerciseRecord,
    figures: NetworkFigures,
    weights: Mapping[Edge, int],
    by_phase: Mapping[str, Mapping[Edge, int]],
    names: Names,
    fmt: charts.ChartFormat,
) -> NetworkView:
    """The whole-exercise drawing and figures, then each phase's."""
    actors = len(record.scenario.actors)
    positions = network_chart.network_layout(record, weights)
    engaged = frozenset(a for edge in weights for a in edge)
    phases = tuple(
        PhaseView(
            title=names.phase(p.phase),
            decisions=p.summary.decisions,
            figures=_figure_rows(p.summary, actors),
            chart=network_chart.network_chart(
                record,
                by_phase.get(p.phase, {}),
                positions,
                name=f"network-{p.phase}",
                fmt=fmt,
                small=True,
                engaged_overall=engaged,
            ),
        )
        for p in figures.phases
    )
    return NetworkView(
        figures=(
            FigureRow("Decisions", f"{figures.summary.decisions:,}", ""),
            *_figure_rows(figures.summary, actors),
        ),
        brokers=tuple((names.actor_full(c.actor), number(c.value)) for c in figures.betweenness),
        isolates=tuple(names.actor_full(a) for a in figures.isolates),
        phases=phases,
        unphased_decisions=figures.unphased_decisions,
        actors=actors,
        chart=network_chart.network_chart(
            record, weights, positions, name="network", fmt=fmt, engaged_overall=engaged
        ),
    )


# --- Coherence indicators --------------------------------------------------------------


@dataclass(frozen=True)
class ShareRow:
    """A share with its counts, as printed."""

    label: str
    percent: str
    value: str
    numerator: int
    denominator: int


@dataclass(frozen=True)
class ElementView:
    """One element of coherence: its figure, what the counts count, and sub-figures."""

    key: str
    title: str
    share: ShareRow
    numerator_means: str
    denominator_means: str
    details: tuple[ShareRow, ...]


@dataclass(frozen=True)
class CoherenceView:
    """The four elements of coherence."""

    elements: tuple[ElementView, ...]


def _share(label: str, ratio: Ratio) -> ShareRow:
    return ShareRow(
        label, percent(ratio.value), number(ratio.value), ratio.numerator, ratio.denominator
    )


def coherence_view(figures: CoherenceFigures, names: Names) -> CoherenceView:
    """Agency, whole-of-UN, harmonization and alignment, with their counts."""
    element = labels.ELEMENT
    return CoherenceView(
        (
            ElementView(
                "agency",
                element["agency"],
                _share("All teams", figures.agency.overall),
                "decisions that did not reverse an earlier decision of the same team",
                "decisions of all teams",
                tuple(_share(names.team(t.team), t.ratio) for t in figures.agency.teams),
            ),
            ElementView(
                "whole_of_un",
                element["whole_of_un"],
                _share("All UN actors", figures.whole_of_un),
                "of these, decisions that engaged a UN actor of another UN category "
                "(mission, country team, headquarters)",
                "decisions whose acting actor belongs to the UN",
                (),
            ),
            ElementView(
                "harmonization",
                element["harmonization"],
                _share("International actors", figures.harmonization),
                "of these, decisions that engaged an international actor of another organisation",
                "decisions whose acting actor is international (not national or local)",
                (),
            ),
            ElementView(
                "alignment",
                element["alignment"],
                _share("Any national or local actor", figures.alignment),
                "of these, decisions that engaged at least one national or local actor",
                "decisions whose acting actor is international (not national or local)",
                (_share("Civil society and communities only", figures.alignment_society),),
            ),
        )
    )
