"""The report's charts: the exercise timeline and the coordination network drawings.

matplotlib is imported inside the functions (it is slow to import and only the report
needs it) and used through `Figure` and the Agg canvas directly, never pyplot, so no global
backend is chosen and a GUI application's own Qt backend is left alone. Charts come out as
SVG for the HTML report and PNG for the PDF.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import Category
from desktop.domain.phases import phase_in_force
from desktop.domain.scenario import target_teams
from desktop.domain.times import MINUTES_PER_DAY
from desktop.report import labels
from desktop.report.palette import (
    CATEGORY_COLOURS,
    INK,
    MUTED,
    PHASE_TINTS,
    RULE,
    category_colour,
)
from desktop.report.timeaxis import TimeAxis, fold_axis

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

ChartFormat = Literal["svg", "png"]

# Above this many decisions the timeline shows one dot per team and hour, sized by count.
TIMELINE_DOTS_MAX = 1500
PNG_DPI = 200
BREACH_RED = "#b3261e"


@dataclass(frozen=True)
class Chart:
    """A rendered chart: image bytes, their MIME type, a text alternative and a size."""

    name: str
    mime: str
    data: bytes
    alt: str
    width_in: float
    height_in: float

    @property
    def data_uri(self) -> str:
        """The image as a `data:` URI, for a self-contained HTML file."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def width_mm(self) -> int:
        """The intended printed width in millimetres."""
        return round(self.width_in * 25.4)


@contextmanager
def style() -> Iterator[None]:
    """The report's chart style (fonts, colours, SVG text as text), for a `with` block."""
    import matplotlib as mpl

    with mpl.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"],
            "font.size": 7,
            "svg.fonttype": "none",
            "svg.hashsalt": "coherence-report",
            "axes.edgecolor": RULE,
            "axes.labelcolor": INK,
            "xtick.color": MUTED,
            "ytick.color": INK,
            "xtick.labelsize": 6.5,
            "ytick.labelsize": 7,
            "legend.fontsize": 6.5,
            "path.simplify": True,
        }
    ):
        yield


def figure_constrained(width: float, height: float) -> Figure:
    """A figure (inches) whose layout matplotlib fits around labels and legend."""
    return _figure(width, height, "constrained")


def figure_fixed(width: float, height: float) -> Figure:
    """A figure (inches) whose axes the caller places itself."""
    return _figure(width, height, None)


def _figure(width: float, height: float, layout: Literal["constrained"] | None) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout=layout)
    FigureCanvasAgg(figure)
    return figure


def render(figure: Figure, name: str, fmt: ChartFormat, alt: str) -> Chart:
    """Save a figure as SVG or PNG (no timestamps, so output is reproducible)."""
    buffer = io.BytesIO()
    width, height = figure.get_size_inches()
    if fmt == "svg":
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        mime = "image/svg+xml"
    else:
        figure.savefig(
            buffer,
            format="png",
            dpi=PNG_DPI,
            metadata={"Software": None},
            pil_kwargs={"compress_level": 1},
        )
        mime = "image/png"
    return Chart(name, mime, buffer.getvalue(), alt, float(width), float(height))


# --- Timeline ---------------------------------------------------------------------------


def _lanes(record: ExerciseRecord) -> list[tuple[str, str]]:
    """(team id, label) in exercise order; long names wrap onto two lines."""
    teams = [(t.id, t.name) for t in record.teams]
    known = {t for t, _ in teams}
    extra = sorted({d.team for d in record.live_decisions} - known)
    return [
        (t, "\n".join(textwrap.wrap(name, 24)[:2])) for t, name in teams + [(t, t) for t in extra]
    ]


def _phase_spans(record: ExerciseRecord, axis: TimeAxis) -> list[tuple[float, float, str]]:
    """(x0, x1, phase id) for the stretches of the axis each phase is in force."""
    first, last = axis.segments[0][0], axis.segments[-1][1]
    scenario = record.scenario
    cuts = {first}
    cuts.update(p.starts for p in scenario.phases if first < p.starts < last)
    cuts.update(at for at, _ in record.phase_changes if first < at < last)
    ordered = sorted(cuts)
    spans: list[tuple[float, float, str]] = []
    for start, end in zip(ordered, [*ordered[1:], last], strict=True):
        phase = phase_in_force(start, scenario.phases, record.phase_changes)
        if phase is None:
            continue
        x0, x1 = axis.x(start), axis.x(end)
        if spans and spans[-1][2] == phase:
            spans[-1] = (spans[-1][0], x1, phase)
        else:
            spans.append((x0, x1, phase))
    return spans


def _gap_label(minutes: int) -> str:
    if minutes >= MINUTES_PER_DAY:
        return f"+{round(minutes / MINUTES_PER_DAY)} d"
    return f"+{round(minutes / 60)} h"


def timeline_chart(
    record: ExerciseRecord, fmt: ChartFormat, flagged: frozenset[str] = frozenset()
) -> Chart:
    """One lane per team: injects released to it, its decisions, phases shaded behind.

    Decisions are coloured by the acting actor's category; `flagged` decision ids (firewall
    breaches) are ringed in red. Quiet stretches of more than eight hours are folded. With
    more than `TIMELINE_DOTS_MAX` decisions, one dot per team and hour shows how many.
    """
    lanes = _lanes(record)
    lane_y = {team: len(lanes) - 1 - i for i, (team, _) in enumerate(lanes)}
    live = record.live_decisions
    releases = [
        (r.released_at, target_teams(r.inject, record.teams))
        for r in record.injects
        if r.released_at is not None
    ]
    axis = fold_axis([at for at, _ in releases] + [d.effective_at for d in live])
    aggregated = len(live) > TIMELINE_DOTS_MAX
    with style():
        handles = _timeline_legend(record, aggregated, bool(flagged))
        # Fixed margins (a constrained layout would draw everything twice): room for the
        # longest team name on the left, two-line tick labels and the legend underneath.
        width, lane_height = 7.0, 0.36
        legend_rows = -(-len(handles) // 4)
        bottom = 0.34 + 0.16 * legend_rows
        plot = lane_height * max(len(lanes), 2) + 0.3
        height = plot + bottom + 0.08
        longest = max((len(line) for _, n in lanes for line in n.splitlines()), default=4)
        left = min(0.2 + 0.062 * longest, 1.9)
        figure = figure_fixed(width, height)
        ax = figure.add_axes(
            (left / width, bottom / height, 1 - (left + 0.1) / width, plot / height)
        )
        top = len(lanes) - 0.5
        _timeline_background(ax, record, axis, lane_y, top)
        xs, ys = [], []
        for at, teams in releases:
            for team in teams:
                if team in lane_y:
                    xs.append(axis.x(at))
                    ys.append(lane_y[team] + 0.22)
        ax.scatter(xs, ys, marker="v", s=16, color=INK, lw=0, zorder=3)
        if aggregated:
            _aggregated_dots(ax, record, axis, lane_y)
        else:
            _decision_dots(ax, record, axis, lane_y, flagged)
        ax.set_yticks(list(lane_y.values()), [name for _, name in lanes])
        ticks = axis.ticks()
        ax.set_xticks([x for x, _ in ticks], [text for _, text in ticks])
        margin = axis.length * 0.01
        ax.set_xlim(-margin, axis.length + margin)
        ax.set_ylim(-0.55, top + 0.5)
        ax.tick_params(axis="y", length=0)
        ax.tick_params(axis="x", length=2.5)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        figure.legend(
            handles=handles, loc="lower center", ncol=4, frameon=False, bbox_to_anchor=(0.5, 0)
        )
        alt = (
            f"Timeline of {len(releases)} inject releases and {len(live)} decisions "
            f"across {len(lanes)} teams."
        )
        return render(figure, "timeline", fmt, alt)


def _timeline_background(
    ax: Axes, record: ExerciseRecord, axis: TimeAxis, lane_y: Mapping[str, int], top: float
) -> None:
    """Phases shaded with their titles, lane rules, and the folded gaps with their length."""
    for index, (x0, x1, phase) in enumerate(_phase_spans(record, axis)):
        ax.axvspan(x0, x1, color=PHASE_TINTS[index % len(PHASE_TINTS)], zorder=0, lw=0)
        if x1 - x0 > axis.length * 0.07:
            title = record.scenario.phase_by_id.get(phase)
            ax.text(
                (x0 + x1) / 2,
                top + 0.12,
                title.title if title else phase,
                ha="center",
                va="bottom",
                fontsize=6.5,
                color=MUTED,
                style="italic",
            )
    for y in lane_y.values():
        if y > 0:
            ax.axhline(y - 0.5, color=RULE, lw=0.5, zorder=0.5)
    for gap in axis.gaps():
        ax.axvspan(gap.x, gap.x + gap.width, color="white", zorder=1, lw=0)
        ax.text(
            gap.x + gap.width / 2,
            -0.5,
            _gap_label(gap.minutes),
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=5.5,
            color=MUTED,
            zorder=1.2,
        )


def _timeline_legend(record: ExerciseRecord, aggregated: bool, flagged: bool) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    dots = (
        "Team decisions per hour (dot area: count)"
        if aggregated
        else "Decision (colour: acting actor)"
    )
    handles: list[Any] = [
        Line2D([], [], marker="v", color=INK, ls="", markersize=4.5, label="Inject released"),
        Line2D([], [], marker="o", color=MUTED, ls="", markersize=4, label=dots),
    ]
    if aggregated:
        return handles
    if flagged:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                mfc="none",
                mec=BREACH_RED,
                ls="",
                markersize=6,
                label="Firewall breach",
            )
        )
    acting = {d.acting_actor for d in record.live_decisions}
    present = {str(record.actors[a].category) for a in acting if a in record.actors}
    handles += [
        Patch(color=colour, label=labels.label(labels.CATEGORY, category))
        for category, colour in CATEGORY_COLOURS.items()
        if str(category) in present
    ]
    return handles


def _decision_dots(
    ax: Axes,
    record: ExerciseRecord,
    axis: TimeAxis,
    lane_y: Mapping[str, int],
    flagged: frozenset[str],
) -> None:
    xs, ys, colours, ring_x, ring_y = [], [], [], [], []
    seen: Counter[tuple[str, int]] = Counter()
    for decision in sorted(record.live_decisions, key=lambda d: (d.effective_at, d.recorded_seq)):
        y0 = lane_y.get(decision.team)
        if y0 is None:
            continue
        x = axis.x(decision.effective_at)
        # Decisions close in time fan out vertically so that each dot stays visible.
        bucket = (decision.team, round(x / max(axis.length / 150, 1)))
        offset = (seen[bucket] % 4) * 0.08 - 0.2
        seen[bucket] += 1
        acting = record.actors.get(decision.acting_actor)
        xs.append(x)
        ys.append(y0 + offset)
        colours.append(category_colour(str(acting.category)) if acting else MUTED)
        if decision.id in flagged:
            ring_x.append(x)
            ring_y.append(y0 + offset)
    ax.scatter(xs, ys, s=13, c=colours, edgecolors="white", linewidths=0.4, zorder=4)
    if ring_x:
        ax.scatter(
            ring_x, ring_y, s=48, facecolors="none", edgecolors=BREACH_RED, linewidths=0.9, zorder=5
        )


def _aggregated_dots(
    ax: Axes, record: ExerciseRecord, axis: TimeAxis, lane_y: Mapping[str, int]
) -> None:
    counts: Counter[tuple[str, int]] = Counter(
        (d.team, d.effective_at // 60) for d in record.live_decisions if d.team in lane_y
    )
    if not counts:
        return
    biggest = max(counts.values())
    xs = [axis.x(hour * 60 + 30) for _, hour in counts]
    ys = [lane_y[team] - 0.1 for team, _ in counts]
    sizes = [4 + 60 * math.sqrt(n / biggest) for n in counts.values()]
    ax.scatter(
        xs,
        ys,
        s=sizes,
        color=CATEGORY_COLOURS[Category.UN_MISSION],
        alpha=0.55,
        linewidths=0,
        zorder=4,
    )
