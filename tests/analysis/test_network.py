"""The coordination network: DESIGN.md "Coordination network", values worked out by hand."""

from __future__ import annotations

import pytest

from desktop.analysis.network import (
    Centrality,
    coordination_graph,
    edge_weights,
    network_figures,
)
from desktop.domain.enums import ConsultMode
from desktop.domain.scenario import Phase
from tests.analysis.builders import HUMANITARIAN, UNCT, actor, decision, record, scenario, team

# a, b: mission; c: country team; d: humanitarian.
ACTORS = [actor("a"), actor("b"), actor("c", UNCT), actor("d", HUMANITARIAN)]
TEAMS = (team("t1", "a", "b"), team("t2", "c", "d"))
TASK = ConsultMode.TASK


def test_whole_network_by_hand() -> None:
    """Edges a->b (weight 2), b->c, b->a; d isolated; c->d voided; a->a ignored."""
    decisions = [
        decision("d1", "t1", "a", "b"),
        decision("d2", "t1", "b", "c", "a"),
        decision("d3", "t1", "a", ("b", TASK)),  # any mode adds weight
        decision("d4", "t2", "c", "d", voided=True),
        decision("d5", "t1", "a", "a"),  # a self-consultation adds no edge
    ]
    figures = network_figures(record(scenario(ACTORS), TEAMS, decisions))
    net = figures.summary
    assert net.decisions == 4  # d1, d2, d3, d5
    assert net.edges == 3  # a->b, b->c, b->a
    assert net.consultations == 4  # a->b twice, b->c, b->a
    assert net.density == pytest.approx(3 / 12)  # 3 / (4 * 3)
    # a->b and b->a have their reverse, b->c has not: 2 of 3 edges.
    assert net.reciprocity == pytest.approx(2 / 3)
    # Within a category: a->b, b->a (mission); across: b->c. (1 - 2) / 3.
    assert (net.external_edges, net.internal_edges) == (1, 2)
    assert net.ei_index_category == pytest.approx(-1 / 3)
    assert figures.isolates == ("d",)
    # Ordered pairs with a shortest path through someone: only (a, c) via b, so b's raw
    # betweenness is 1; directed normalisation 1 / ((n-1)(n-2)) = 1 / (3 * 2) = 1/6. The
    # zeros follow in actor-id order.
    assert [c.actor for c in figures.betweenness] == ["b", "a", "c", "d"]
    assert figures.betweenness[0].value == pytest.approx(1 / 6)
    assert all(c.value == 0 for c in figures.betweenness[1:])


def test_three_node_path_middle_betweenness_is_half() -> None:
    """x->y->z: y lies on the one path (x, z); normalised 1 / ((3-1)(3-2)) = 0.5."""
    actors = [actor("x"), actor("y"), actor("z")]
    decisions = [decision("d1", "t", "x", "y"), decision("d2", "t", "y", "z")]
    figures = network_figures(record(scenario(actors), [team("t", "x", "y")], decisions))
    assert figures.betweenness == (Centrality("y", 0.5), Centrality("x", 0), Centrality("z", 0))
    assert figures.summary.density == pytest.approx(2 / 6)  # 2 / (3 * 2)
    assert figures.summary.reciprocity == 0  # no edge has its reverse
    assert figures.summary.ei_index_category == -1  # (0 - 2) / 2: all within un-mission
    assert figures.isolates == ()


def test_top_five_only_with_ties_in_actor_id_order() -> None:
    """A star hub->s1..s6 and back: the hub carries every path, the spokes tie at 0."""
    spokes = [f"s{k}" for k in range(1, 7)]
    actors = [actor("hub"), *(actor(s) for s in spokes)]
    decisions = [decision("d1", "t", "hub", *spokes)] + [
        decision(f"r{s}", "t", s, "hub") for s in spokes
    ]
    figures = network_figures(record(scenario(actors), [team("t", "hub", *spokes)], decisions))
    # The hub is on all 6 * 5 = 30 spoke-to-spoke paths: 30 / ((7-1)(7-2)) = 1.
    assert figures.betweenness[0] == Centrality("hub", 1.0)
    assert [c.actor for c in figures.betweenness] == ["hub", "s1", "s2", "s3", "s4"]
    assert figures.summary.reciprocity == 1
    assert figures.summary.density == pytest.approx(12 / 42)  # 12 / (7 * 6)


def test_no_edges() -> None:
    """No edge: density and E-I are 0, reciprocity is null, everyone is an isolate."""
    figures = network_figures(record(scenario(ACTORS), TEAMS, [decision("d1", "t1", "a")]))
    assert figures.summary.density == 0
    assert figures.summary.ei_index_category == 0
    assert figures.summary.reciprocity is None
    assert figures.summary.decisions == 1
    assert figures.isolates == ("a", "b", "c", "d")


def test_per_phase_with_a_facilitator_change() -> None:
    """Phases p1 from 60, p2 from 1000, p3 from 2000; the facilitator moves to p2 at 500.

    d0 at 30 is before p1: counted in no phase. d1 at 100 and d2 (recorded 700, taken at
    400) are in p1; d3 at 600 is in p2 through the facilitator's change; p3 has nothing.
    """
    phases = [Phase("p1", "One", 60), Phase("p2", "Two", 1000), Phase("p3", "Three", 2000)]
    decisions = [
        decision("d0", "t1", "a", "d", at=30),
        decision("d1", "t1", "a", "b", at=100),
        decision("d2", "t1", "b", "a", at=700, taken_at=400),
        decision("d3", "t2", "c", "a", "d", at=600),
    ]
    the_record = record(
        scenario(ACTORS, phases=phases), TEAMS, decisions, phase_changes=[(500, "p2")]
    )
    figures = network_figures(the_record)
    assert figures.unphased_decisions == 1
    assert [p.phase for p in figures.phases] == ["p1", "p2", "p3"]
    p1, p2, p3 = (p.summary for p in figures.phases)
    # p1: a->b, b->a: 2 edges / 12, both reciprocated, both within un-mission.
    assert (p1.decisions, p1.edges, p1.consultations) == (2, 2, 2)
    assert p1.density == pytest.approx(2 / 12)
    assert p1.reciprocity == 1
    assert p1.ei_index_category == -1
    # p2: c->a (unct to mission), c->d (unct to humanitarian): both across, none back.
    assert (p2.decisions, p2.edges) == (1, 2)
    assert p2.reciprocity == 0
    assert p2.ei_index_category == 1
    assert (p3.decisions, p3.edges, p3.density, p3.reciprocity) == (0, 0, 0, None)
    # The whole network includes the unphased decision's edge a->d.
    assert figures.summary.edges == 5


def test_graph_keeps_actor_attributes_and_weights() -> None:
    """Nodes carry the actors' attributes; edge weights sum the consultations."""
    the_record = record(scenario(ACTORS), TEAMS)
    weights = edge_weights(
        the_record, [decision("d1", "t1", "a", "b", "b"), decision("d2", "t1", "a", "b")]
    )
    graph = coordination_graph(the_record, weights)
    assert graph.number_of_nodes() == 4
    assert graph.nodes["d"]["category"] == "humanitarian"
    assert graph.nodes["d"]["firewall"] is True
    assert graph["a"]["b"]["weight"] == 3
