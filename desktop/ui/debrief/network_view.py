"""The coordination network drawn with QGraphicsView: actors as discs coloured by category,
arrows from the acting actor to the consulted one, width by consultations.

Positions come from the report's seeded layout, so the drawing matches the printed one
and stays still while the timeline or the filters change which edges are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from desktop.analysis.record import ExerciseRecord
from desktop.domain.scenario import Actor
from desktop.report.network_chart import Position
from desktop.report.palette import category_colour
from desktop.services.debrief_view import ActorStats, NetworkPicture
from desktop.ui.debrief import texts

WIDTH, HEIGHT = 1000.0, 760.0
RADIUS = 11.0
PALE = "#dfe3e8"
EDGE = "#5b6570"
INK = "#1d2430"
MUTED = "#6b7480"
CURVE = 0.12


class ActorItem(QGraphicsEllipseItem):
    """An actor's disc; hovering lights it and its edges, the tooltip gives its numbers."""

    def __init__(self, actor: Actor, centre: QPointF, view: NetworkView) -> None:
        super().__init__(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.actor = actor
        self._view = view
        self.setPos(centre)
        self.setAcceptHoverEvents(True)
        self.setZValue(3)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._view.highlight(self.actor.id)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._view.highlight(None)
        super().hoverLeaveEvent(event)


class NetworkView(QGraphicsView):
    """Draws a `NetworkPicture` over fixed actor positions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Coordination network"))
        self._actors: dict[str, ActorItem] = {}
        self._labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._edges: dict[tuple[str, str], tuple[QGraphicsPathItem, QGraphicsPolygonItem]] = {}
        self._picture: NetworkPicture | None = None
        self._record: ExerciseRecord | None = None

    # Building.

    def set_layout(self, record: ExerciseRecord, positions: Mapping[str, Position]) -> None:
        """Place every actor of the scenario (once per document)."""
        scene = self.scene()
        scene.clear()
        self._actors.clear()
        self._labels.clear()
        self._edges.clear()
        self._record = record
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        for actor in record.scenario.actors:
            x, y = positions.get(actor.id, (0.5, 0.0))
            item = ActorItem(actor, QPointF(x * WIDTH, (1 - y) * HEIGHT), self)
            scene.addItem(item)
            label = QGraphicsSimpleTextItem(actor.short or actor.id)
            label.setFont(font)
            label.setZValue(4)
            label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(label)
            self._actors[actor.id] = item
            self._labels[actor.id] = label
        bounds = scene.itemsBoundingRect().adjusted(-30, -20, 30, 20)
        scene.setSceneRect(bounds)
        self._fit()

    def show_network(self, picture: NetworkPicture) -> None:
        """Draw the edges of `picture` and size, colour and describe every actor."""
        self._picture = picture
        scene = self.scene()
        for line, head in self._edges.values():
            scene.removeItem(line)
            scene.removeItem(head)
        self._edges.clear()
        engaged = picture.engaged
        degree: dict[str, int] = {}
        for (u, v), w in picture.weights.items():
            degree[u] = degree.get(u, 0) + w
            degree[v] = degree.get(v, 0) + w
        top_degree = max(degree.values(), default=1)
        for actor_id, item in self._actors.items():
            lit = actor_id in engaged
            radius = RADIUS * (1 + 0.9 * math.sqrt(degree.get(actor_id, 0) / top_degree))
            if not lit:
                radius = RADIUS * 0.7
            item.setRect(-radius, -radius, 2 * radius, 2 * radius)
            colour = category_colour(str(item.actor.category)) if lit else PALE
            item.setBrush(QBrush(QColor(colour)))
            item.setPen(QPen(QColor("#ffffff"), 1.5))
            item.setToolTip(self.actor_tooltip(actor_id))
            label = self._labels[actor_id]
            label.setBrush(QBrush(QColor(INK if lit else MUTED)))
            box = label.boundingRect()
            label.setPos(item.pos() + QPointF(-box.width() / 2, radius + 2))
        top = max(picture.weights.values(), default=1)
        for (u, v), weight in sorted(picture.weights.items(), key=lambda kv: kv[1]):
            self._add_edge(u, v, weight, top)

    def _add_edge(self, source: str, target: str, weight: int, top: int) -> None:
        start, end = self._actors[source], self._actors[target]
        p0, p1 = start.pos(), end.pos()
        dx, dy = p1.x() - p0.x(), p1.y() - p0.y()
        length = math.hypot(dx, dy) or 1.0
        control = QPointF((p0.x() + p1.x()) / 2 - CURVE * dy, (p0.y() + p1.y()) / 2 + CURVE * dx)
        r0 = start.rect().width() / 2 + 2
        r1 = end.rect().width() / 2 + 3
        width = 0.8 + 5.0 * math.sqrt(weight / top)
        head = 7.0 + width * 1.2
        t0, t_tip = r0 / length, 1 - r1 / length
        if t_tip <= t0:
            return
        tip = _bezier(p0, control, p1, t_tip)
        base = _bezier(p0, control, p1, max(t0, t_tip - head / length))
        path = QPainterPath(_bezier(p0, control, p1, t0))
        t_base = max(t0, t_tip - head / length)
        path.quadTo(_sub_control(p0, control, p1, t0, t_base), base)
        line = QGraphicsPathItem(path)
        colour = QColor(EDGE)
        colour.setAlphaF(0.55)
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        line.setPen(pen)
        line.setZValue(1)
        names = f"{self._short(source)} \N{RIGHTWARDS ARROW} {self._short(target)}"
        tooltip = self.tr("{edge}: {n} consultations").format(edge=names, n=weight)
        line.setToolTip(tooltip)
        ux, uy = tip.x() - base.x(), tip.y() - base.y()
        norm = math.hypot(ux, uy) or 1.0
        side = QPointF(-uy / norm * head * 0.38, ux / norm * head * 0.38)
        arrow = QGraphicsPolygonItem(QPolygonF([tip, base + side, base - side]))
        arrow.setBrush(QBrush(colour))
        arrow.setPen(QPen(Qt.PenStyle.NoPen))
        arrow.setZValue(1)
        arrow.setToolTip(tooltip)
        self.scene().addItem(line)
        self.scene().addItem(arrow)
        self._edges[(source, target)] = (line, arrow)

    # Reading.

    def edge_count(self) -> int:
        """How many edges are drawn."""
        return len(self._edges)

    def actor_item(self, actor_id: str) -> ActorItem:
        """The disc of an actor."""
        return self._actors[actor_id]

    def actor_tooltip(self, actor_id: str) -> str:
        """Name, category, distinct partners, consultations each way and betweenness."""
        item = self._actors[actor_id]
        actor = item.actor
        stats = None if self._picture is None else self._picture.stats.get(actor_id)
        if stats is None:
            stats = ActorStats(actor_id, 0, 0, 0, 0.0)
        name = (
            actor.name
            if not actor.short or actor.short == actor.name
            else (f"{actor.name} ({actor.short})")
        )
        lines = [
            f"<b>{_escape(name)}</b>",
            _escape(texts.category_label(str(actor.category))),
            self.tr("Engaged with {n} actors (degree)").format(n=stats.degree),
            self.tr("Consultations made: {n}").format(n=stats.consultations_out),
            self.tr("Consultations received: {n}").format(n=stats.consultations_in),
            self.tr("Betweenness: {v:.3f}").format(v=stats.betweenness),
        ]
        return "<br>".join(lines)

    def highlight(self, actor_id: str | None) -> None:
        """Emphasise an actor's edges (or none)."""
        for (u, v), (line, arrow) in self._edges.items():
            on = actor_id is not None and actor_id in (u, v)
            colour = QColor("#1f4e8c" if on else EDGE)
            colour.setAlphaF(0.9 if on else (0.15 if actor_id is not None else 0.55))
            pen = line.pen()
            pen.setColor(colour)
            line.setPen(pen)
            arrow.setBrush(QBrush(colour))
            line.setZValue(2 if on else 1)
            arrow.setZValue(2 if on else 1)
        for other, item in self._actors.items():
            chosen = other == actor_id
            item.setPen(QPen(QColor(INK if chosen else "#ffffff"), 2.5 if chosen else 1.5))

    def _short(self, actor_id: str) -> str:
        item = self._actors.get(actor_id)
        return actor_id if item is None else (item.actor.short or actor_id)

    # Fitting.

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        rect: QRectF = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


def _bezier(p0: QPointF, control: QPointF, p1: QPointF, t: float) -> QPointF:
    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
    return QPointF(
        a * p0.x() + b * control.x() + c * p1.x(), a * p0.y() + b * control.y() + c * p1.y()
    )


def _sub_control(p0: QPointF, control: QPointF, p1: QPointF, t0: float, t1: float) -> QPointF:
    """The control point of the piece of a quadratic Bézier curve between t0 and t1."""
    a, b, c = (1 - t0) * (1 - t1), (1 - t0) * t1 + t0 * (1 - t1), t0 * t1
    return QPointF(
        a * p0.x() + b * control.x() + c * p1.x(), a * p0.y() + b * control.y() + c * p1.y()
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
