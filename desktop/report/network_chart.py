"""Drawing the coordination network: a seeded layout and a matplotlib figure.

Edges are drawn as one line collection and one polygon collection for the arrowheads,
with the geometry worked out here in inches; matplotlib's per-edge arrow patches cost
about a millisecond each to clip, too slow for a busy exercise.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.analysis.network import Edge
from desktop.analysis.record import ExerciseRecord
from desktop.report import labels
from desktop.report.charts import Chart, ChartFormat, figure_fixed, render, style
from desktop.report.palette import CATEGORY_COLOURS, INK, MUTED, RULE, category_colour

if TYPE_CHECKING:
    from matplotlib.axes import Axes

Position = tuple[float, float]

LAYOUT_SEED = 20_080  # any fixed seed: the same record always gives the same drawing
ARROWS_MAX = 600  # above this many edges, plain lines (arrowheads would be a blur)
SMALL_LABELS = 14  # actors named in a phase drawing (the busiest)
SVG_EDGES_MAX = 400  # above this many edges, a PNG even for the HTML (SVG gets slow and big)
EDGE_GREY = "#5b6570"
CURVE = 0.12  # bend of each edge, so that A->B and B->A stay apart
Y_TOP = 1.05
X_RANGE = (-0.06, 1.06)


def network_layout(record: ExerciseRecord, weights: Mapping[Edge, int]) -> dict[str, Position]:
    """Fixed positions for every actor in the unit square.

    Engaged actors get a seeded spring layout started from one sector per category (so
    colours cluster); the others sit in rows underneath. The same positions serve the whole
    exercise and each phase, so the drawings compare.
    """
    import networkx as nx

    engaged = sorted({a for edge in weights for a in edge})
    order = list(CATEGORY_COLOURS)
    initial: dict[str, Position] = {}
    per_category: Counter[str] = Counter()
    for actor_id in engaged:
        category = record.actors[actor_id].category
        index = order.index(category) if category in order else len(order)
        angle = 2 * math.pi * index / (len(order) + 1) + 0.15 * per_category[category]
        radius = 1.0 + 0.08 * (per_category[category] % 3)
        per_category[category] += 1
        initial[actor_id] = (radius * math.cos(angle), radius * math.sin(angle))
    positions: dict[str, Position] = {}
    if engaged:
        graph: nx.Graph[str] = nx.Graph()
        graph.add_nodes_from(engaged)
        for (u, v), w in weights.items():
            previous = graph.edges[u, v]["weight"] if graph.has_edge(u, v) else 0.0
            graph.add_edge(u, v, weight=previous + math.log1p(w))
        raw = nx.spring_layout(
            graph,
            pos=initial,
            seed=LAYOUT_SEED,
            iterations=300,
            k=2.2 / math.sqrt(len(engaged)),
            weight="weight",
        )
        points = {str(n): (float(p[0]), float(p[1])) for n, p in raw.items()}
        degree = {str(n): float(d) for n, d in graph.degree(weight="weight")}
        spread = _separate(_fisheye(points, degree))
        for node, (x, y) in spread.items():
            positions[node] = (0.03 + 0.94 * x, 0.2 + 0.78 * y)
    others = [a.id for a in record.scenario.actors if a.id not in positions]
    per_row = 12
    for index, actor_id in enumerate(others):
        row, column = divmod(index, per_row)
        in_row = min(per_row, len(others) - row * per_row)
        positions[actor_id] = (0.04 + 0.92 * (column + 0.5) / in_row, 0.07 - 0.08 * row)
    return positions


def _fisheye(
    raw: Mapping[str, Position], weight: Mapping[str, float], power: float = 0.5
) -> dict[str, Position]:
    """Spread a spring layout's crowded core: radii from the busy centre (the mean position
    weighted by degree) are raised to `power` (< 1), so the middle opens up and far-flung
    actors come closer; then the result is scaled into the unit square."""
    if len(raw) == 1:
        return dict.fromkeys(raw, (0.5, 0.5))
    total = sum(weight.get(n, 0.0) for n in raw) or 1.0
    cx = sum(x * weight.get(n, 0.0) for n, (x, _) in raw.items()) / total
    cy = sum(y * weight.get(n, 0.0) for n, (_, y) in raw.items()) / total
    radius = max(math.hypot(x - cx, y - cy) for x, y in raw.values()) or 1.0
    moved = {}
    for node, (x, y) in raw.items():
        r = math.hypot(x - cx, y - cy) / radius
        factor = r ** (power - 1) if r > 0 else 0.0
        moved[node] = ((x - cx) * factor, (y - cy) * factor)
    xs = [x for x, _ in moved.values()]
    ys = [y for _, y in moved.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: ((x - min(xs)) / span_x, (y - min(ys)) / span_y) for n, (x, y) in moved.items()}


def _separate(
    points: dict[str, Position], gap: float = 0.055, aspect: float = 0.85, rounds: int = 60
) -> dict[str, Position]:
    """Push apart actors closer than `gap` (in widths; heights count `aspect` times as much,
    as the drawing is wider than tall): rounds of pairwise nudges, all pairs at once, until
    none is too close. Deterministic; the result is scaled back into the unit square."""
    import numpy as np

    nodes = sorted(points)
    xy = np.array([(points[n][0], points[n][1] * aspect) for n in nodes], dtype=float)
    # Actors on the very same spot part along x, in node order.
    xy[:, 0] += np.arange(len(nodes)) * 1e-6
    for _ in range(rounds):
        delta = xy[None, :, :] - xy[:, None, :]  # delta[i, j] = xy[j] - xy[i]
        distance = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(distance, 2 * gap)
        close = distance < gap
        if not close.any():
            break
        push = np.where(close, (gap - distance) / 2 / np.maximum(distance, 1e-9), 0.0)
        xy -= (delta * push[..., None]).sum(axis=1) / 2
    span = xy.max(axis=0) - xy.min(axis=0)
    span[span == 0] = 1.0
    unit = (xy - xy.min(axis=0)) / span
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, unit, strict=True)}


@dataclass(frozen=True)
class _Frame:
    """How data coordinates map to inches on the drawing (for shortening and arrowheads)."""

    sx: float
    sy: float

    def to_in(self, p: Position) -> tuple[float, float]:
        return p[0] * self.sx, p[1] * self.sy

    def to_data(self, x: float, y: float) -> Position:
        return x / self.sx, y / self.sy


def network_chart(
    record: ExerciseRecord,
    weights: Mapping[Edge, int],
    positions: Mapping[str, Position],
    *,
    name: str,
    fmt: ChartFormat,
    small: bool = False,
    engaged_overall: frozenset[str] = frozenset(),
) -> Chart:
    """Draw a coordination network: actors coloured by category, edge width by weight.

    Actors engaged in the whole exercise but not in these `weights` are drawn pale; actors
    never engaged sit in the bottom rows under a rule. The full-size drawing has a legend.
    A busy network comes out as PNG even when SVG is asked for.
    """
    if len(weights) > SVG_EDGES_MAX:
        fmt = "png"
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    active = {a for edge in weights for a in edge}
    width, height = (3.8, 3.2) if small else (7.0, 7.0)
    legend_band = 0.0 if small else 0.55  # inches kept at the bottom for the legend
    low = min((p[1] for p in positions.values()), default=0.0) - 0.06
    with style():
        figure = figure_fixed(width, height)
        box = (0.005, legend_band / height, 0.99, 1 - legend_band / height - 0.005)
        ax = figure.add_axes(box)
        ax.set_axis_off()
        ax.set_xlim(*X_RANGE)
        ax.set_ylim(low, Y_TOP)
        frame = _Frame(box[2] * width / (X_RANGE[1] - X_RANGE[0]), box[3] * height / (Y_TOP - low))
        never = [a.id for a in record.scenario.actors if a.id not in engaged_overall]
        if never:
            y = max(positions[a][1] for a in never) + 0.06
            ax.plot([0, 1], [y, y], color=RULE, lw=0.6, zorder=0)
            ax.text(
                0.0,
                y + 0.012,
                "Not engaged in any decision",
                fontsize=4.8 if small else 6,
                color=MUTED,
                va="bottom",
                ha="left",
            )
        degree: Counter[str] = Counter()
        for (u, v), w in weights.items():
            degree[u] += w
            degree[v] += w
        base = 22.0 if small else 70.0
        top_degree = max(degree.values(), default=1)
        sizes = {a: base * (1 + 1.6 * math.sqrt(degree[a] / top_degree)) for a in active}
        _edges(ax, frame, weights, positions, sizes, small)
        _nodes(ax, record, positions, sizes, active, base, small)
        if not small:
            categories = {str(a.category) for a in record.scenario.actors}
            handles: list[Any] = [
                Patch(color=colour, label=labels.label(labels.CATEGORY, category))
                for category, colour in CATEGORY_COLOURS.items()
                if str(category) in categories
            ]
            top = max(weights.values(), default=0)
            handles.append(
                Line2D(
                    [],
                    [],
                    color=EDGE_GREY,
                    lw=1.6,
                    label=f"Arrow: who engaged whom; width: consultations (1 to {top})",
                )
            )
            figure.legend(
                handles=handles,
                loc="lower center",
                ncol=3,
                frameon=False,
                bbox_to_anchor=(0.5, 0.0),
            )
        alt = (
            f"Coordination network: {len(weights)} edges among {len(active)} engaged actors "
            f"of {len(record.scenario.actors)}."
        )
        return render(figure, name, fmt, alt)


def _edges(
    ax: Axes,
    frame: _Frame,
    weights: Mapping[Edge, int],
    positions: Mapping[str, Position],
    sizes: Mapping[str, float],
    small: bool,
) -> None:
    """Curved edges as quadratic Bézier curves in inches, cut short at the node discs, with
    a triangle at the head (straight and headless above `ARROWS_MAX` edges)."""
    import numpy as np
    from matplotlib.collections import LineCollection, PolyCollection

    if not weights:
        return
    items = sorted(weights.items(), key=lambda item: item[1])  # heavy edges drawn last
    arrows = len(items) <= ARROWS_MAX
    scale = np.array([frame.sx, frame.sy])
    p0 = np.array([positions[u] for (u, _), _ in items]) * scale
    p1 = np.array([positions[v] for (_, v), _ in items]) * scale
    counts = np.array([w for _, w in items], dtype=float)
    widths = (0.6 if small else 1.0) * (0.35 + 2.4 * np.sqrt(counts / counts.max()))
    r0 = np.sqrt([sizes.get(u, 20.0) for (u, _), _ in items]) / 144 + 0.01
    r1 = np.sqrt([sizes.get(v, 20.0) for (_, v), _ in items]) / 144 + 0.015
    delta = p1 - p0
    length = np.hypot(delta[:, 0], delta[:, 1])
    length[length == 0] = np.inf
    control = (p0 + p1) / 2 + CURVE * np.stack([delta[:, 1], -delta[:, 0]], axis=1)
    head = ((0.045 if small else 0.065) + widths / 300) if arrows else np.zeros_like(widths)
    t0 = r0 / length
    t_tip = 1 - r1 / length
    t_base = t_tip - head / length
    keep = t_base > t0
    steps = np.linspace(0.0, 1.0, 9 if arrows else 2)
    t = t0[:, None] + (t_base - t0)[:, None] * steps[None, :]

    def bezier(t: np.ndarray) -> np.ndarray:
        t = t[..., None]
        shape = (slice(None),) + (None,) * (t.ndim - 2) + (slice(None),)
        points: np.ndarray = (
            (1 - t) ** 2 * p0[shape] + 2 * (1 - t) * t * control[shape] + t**2 * p1[shape]
        )
        return points

    curves = bezier(t)[keep]
    ax.add_collection(
        LineCollection(
            list(curves / scale),
            linewidths=list(widths[keep]),
            colors=EDGE_GREY,
            alpha=0.55 if arrows else 0.3,
            zorder=1,
            capstyle="round",
        )
    )
    if not arrows:
        return
    tip = bezier(t_tip[:, None])[:, 0][keep]
    base = curves[:, -1]
    direction = tip - base
    norm = np.hypot(direction[:, 0], direction[:, 1])[:, None]
    norm[norm == 0] = 1.0
    side = np.stack([-direction[:, 1], direction[:, 0]], axis=1) / norm
    side *= (head[keep] * 0.32)[:, None]
    triangles = np.stack([tip, base + side, base - side], axis=1) / scale
    ax.add_collection(
        PolyCollection(
            list(triangles), facecolors=EDGE_GREY, edgecolors="none", alpha=0.75, zorder=1
        )
    )


def _nodes(
    ax: Axes,
    record: ExerciseRecord,
    positions: Mapping[str, Position],
    sizes: Mapping[str, float],
    active: set[str],
    base: float,
    small: bool,
) -> None:
    actors = record.scenario.actors
    # A light box behind each label keeps it legible over edges (a stroked outline would
    # turn every label into paths and multiply the SVG's size).
    box = {"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}
    pale = [a for a in actors if a.id not in active]
    ax.scatter(
        [positions[a.id][0] for a in pale],
        [positions[a.id][1] for a in pale],
        s=base * 0.55,
        color="#dfe3e8",
        edgecolors="white",
        linewidths=0.5,
        zorder=2,
    )
    lit = [a for a in actors if a.id in active]
    ax.scatter(
        [positions[a.id][0] for a in lit],
        [positions[a.id][1] for a in lit],
        s=[sizes[a.id] for a in lit],
        c=[category_colour(str(a.category)) for a in lit],
        edgecolors="white",
        linewidths=0.7,
        zorder=3,
    )
    # Small drawings name only their busiest actors: more labels would cover the drawing.
    busiest = sorted(lit, key=lambda a: -sizes[a.id])
    labelled = busiest[:SMALL_LABELS] if small else list(actors)
    for actor in labelled:
        x, y = positions[actor.id]
        radius = math.sqrt(sizes.get(actor.id, base * 0.55)) / 2
        ax.annotate(
            actor.short or actor.id,
            (x, y),
            xytext=(0, -(radius + 1.5)),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=5 if small else 6,
            color=INK if actor.id in active else MUTED,
            bbox=box,
            zorder=4,
        )
