"""The coordination network: who engaged whom, as a networkx DiGraph.

See DESIGN.md, "Coordination network". Self-consultations (an actor consulting itself)
are left out: a self-loop is not coordination and would distort density and reciprocity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from desktop.analysis.record import ExerciseRecord
from desktop.domain.phases import phase_in_force
from desktop.domain.records import Decision
from desktop.domain.scenario import Actor

TOP_BETWEENNESS = 5

Edge = tuple[str, str]


@dataclass(frozen=True)
class Centrality:
    """An actor and its centrality score."""

    actor: str
    value: float


@dataclass(frozen=True)
class NetworkSummary:
    """The figures of a network built from some decisions, over all scenario actors."""

    decisions: int
    density: float
    reciprocity: float | None
    edges: int
    consultations: int
    ei_index_category: float
    external_edges: int
    internal_edges: int


@dataclass(frozen=True)
class PhaseNetwork:
    """The network figures of the decisions taken in one phase."""

    phase: str
    summary: NetworkSummary


@dataclass(frozen=True)
class NetworkFigures:
    """The whole exercise's network figures, with the same per phase."""

    summary: NetworkSummary
    betweenness: tuple[Centrality, ...]
    isolates: tuple[str, ...]
    phases: tuple[PhaseNetwork, ...]
    unphased_decisions: int


def edge_weights(record: ExerciseRecord, decisions: Iterable[Decision]) -> Counter[Edge]:
    """Sum the consultations of `decisions` per (acting actor, consulted actor) edge.

    Every consultation adds 1, whatever its mode; self-consultations and actors unknown to
    the scenario are left out. Voided decisions must be filtered by the caller.
    """
    pairs: list[Edge] = []
    for decision in decisions:
        _add_edges(pairs, decision, record.actors)
    return Counter(pairs)


def _add_edges(pairs: list[Edge], decision: Decision, actors: Mapping[str, Actor]) -> None:
    source = decision.acting_actor
    if source in actors:
        pairs.extend(
            (source, c.actor)
            for c in decision.content.consulted
            if c.actor != source and c.actor in actors
        )


def coordination_graph(record: ExerciseRecord, weights: Mapping[Edge, int]) -> nx.DiGraph[str]:
    """A DiGraph over all scenario actors (with their attributes) and the weighted edges."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    for actor in record.scenario.actors:
        graph.add_node(
            actor.id,
            name=actor.name,
            short=actor.short,
            category=str(actor.category),
            organisation=actor.organisation,
            dimensions=actor.dimensions,
            firewall=actor.firewall,
            humanitarian_authority=actor.humanitarian_authority,
            sector=None if actor.sector is None else str(actor.sector),
        )
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return graph


def summarize(
    record: ExerciseRecord, decisions: int, weights: Mapping[Edge, int]
) -> NetworkSummary:
    """Density, reciprocity, E-I index by category and raw counts for a set of edges.

    Density is edges / (n(n-1)) over all n scenario actors; reciprocity is networkx's
    `overall_reciprocity`, the share of edges whose reverse edge exists (None without
    edges); the E-I index is (across categories - within) / all distinct edges, 0 without
    edges.
    """
    graph = coordination_graph(record, weights)
    return _summary(record, graph, decisions)


def _summary(record: ExerciseRecord, graph: nx.DiGraph[str], decisions: int) -> NetworkSummary:
    n = graph.number_of_nodes()
    edges = graph.number_of_edges()
    density = edges / (n * (n - 1)) if n > 1 else 0.0
    reciprocity = float(nx.overall_reciprocity(graph)) if edges else None
    actors = record.actors
    external = sum(1 for u, v in graph.edges if actors[u].category != actors[v].category)
    internal = edges - external
    ei_index = (external - internal) / edges if edges else 0.0
    consultations = int(graph.size(weight="weight"))
    return NetworkSummary(
        decisions=decisions,
        density=density,
        reciprocity=reciprocity,
        edges=edges,
        consultations=consultations,
        ei_index_category=ei_index,
        external_edges=external,
        internal_edges=internal,
    )


def network_figures(record: ExerciseRecord) -> NetworkFigures:
    """Compute the network figures of all non-voided decisions, and per phase.

    A decision belongs to the phase in force at its `taken_at` (else its recording time);
    a decision before the first phase belongs to no phase and is counted in
    `unphased_decisions`. Every scenario phase is listed, in scenario order, even with no
    decisions; a phase the facilitator named that the scenario lacks comes after them.
    """
    scenario = record.scenario
    # One pass: each decision's edges go to its phase (None: before the first phase).
    pairs_in: dict[str | None, list[Edge]] = {p.id: [] for p in scenario.phases}
    decisions_in: dict[str | None, int] = dict.fromkeys(pairs_in, 0)
    phase_at: dict[int, str | None] = {}
    for decision in record.live_decisions:
        at = decision.effective_at
        if at not in phase_at:
            phase_at[at] = phase_in_force(at, scenario.phases, record.phase_changes)
        phase = phase_at[at]
        if phase not in pairs_in:
            pairs_in[phase], decisions_in[phase] = [], 0
        decisions_in[phase] += 1
        _add_edges(pairs_in[phase], decision, record.actors)
    weights_in = {phase: Counter(pairs) for phase, pairs in pairs_in.items()}
    weights: Counter[Edge] = Counter()
    for part in weights_in.values():
        weights.update(part)
    graph = coordination_graph(record, weights)
    scores: dict[str, float] = nx.betweenness_centrality(graph, normalized=True)
    # Rounded for ranking only, so that equal scores reached by different float sums tie.
    ranked = sorted(scores.items(), key=lambda item: (-round(item[1], 12), item[0]))
    betweenness = tuple(Centrality(a, float(v)) for a, v in ranked[:TOP_BETWEENNESS])
    isolates = tuple(sorted(str(a) for a in nx.isolates(graph)))
    phases = tuple(
        PhaseNetwork(phase, summarize(record, decisions_in[phase], part))
        for phase, part in weights_in.items()
        if phase is not None
    )
    return NetworkFigures(
        summary=_summary(record, graph, sum(decisions_in.values())),
        betweenness=betweenness,
        isolates=isolates,
        phases=phases,
        unphased_decisions=decisions_in.get(None, 0),
    )
