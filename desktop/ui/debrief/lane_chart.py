"""The timeline's lane chart: one lane per team, injects as diamonds, decisions as dots
coloured by the acting actor's category, phases shaded, and a cursor at the replay time.

Long quiet stretches are folded (the report's time axis), so a month-long exercise with
three busy days stays readable. Clicking or dragging moves the replay time.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.report.palette import PHASE_TINTS, category_colour
from desktop.report.timeaxis import TimeAxis
from desktop.services.debrief_view import DebriefData, TimelineMark, axis_minute, phase_spans
from desktop.ui.debrief import texts

LEFT = 170
RIGHT = 16
TOP = 26
BOTTOM = 40
INJECT_COLOUR = "#b5651d"
CURSOR = "#b3261e"


class LaneChartWidget(QWidget):
    """Draws the exercise's marks per team; `sig_time_picked(minute)` on click or drag."""

    sig_time_picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(420, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Timeline of injects and decisions per team"))
        self._data: DebriefData | None = None
        self._axis: TimeAxis | None = None
        self._lanes: list[tuple[str, str]] = []
        self._marks: Sequence[TimelineMark] = ()
        self._minutes: list[int] = []
        self._phases: tuple[tuple[int, int, str], ...] = ()
        self._minute = 0

    def sizeHint(self) -> QSize:
        return QSize(700, 320)

    def set_data(self, data: DebriefData, axis: TimeAxis) -> None:
        """Show a document's marks on `axis`."""
        self._data = data
        self._axis = axis
        record = data.record
        self._lanes = [(t.id, t.name) for t in record.teams]
        known = {t for t, _ in self._lanes}
        self._lanes += [(t, t) for t in sorted({m.team for m in data.marks} - known)]
        self._marks = data.marks
        self._minutes = [m.minute for m in data.marks]
        self._phases = phase_spans(record, data.start, data.end)
        self._minute = data.start
        self.update()

    def set_minute(self, minute: int) -> None:
        """Move the cursor."""
        if minute != self._minute:
            self._minute = minute
            self.update()

    # Geometry.

    def _plot(self) -> QRectF:
        return QRectF(
            LEFT, TOP, max(1, self.width() - LEFT - RIGHT), max(1, self.height() - TOP - BOTTOM)
        )

    def _x(self, minute: float) -> float:
        axis = self._axis
        plot = self._plot()
        if axis is None or axis.length <= 0:
            return plot.left()
        return plot.left() + plot.width() * axis.x(minute) / axis.length

    def _minute_at(self, x: float) -> int:
        axis = self._axis
        if axis is None:
            return 0
        plot = self._plot()
        share = min(1.0, max(0.0, (x - plot.left()) / plot.width()))
        return axis_minute(axis, share * axis.length)

    def _lane_y(self, index: int) -> tuple[float, float]:
        plot = self._plot()
        height = plot.height() / max(1, len(self._lanes))
        return plot.top() + index * height, height

    # Painting.

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self._axis is None or self._data is None:
            painter.end()
            return
        plot = self._plot()
        self._paint_phases(painter, plot)
        self._paint_lanes(painter, plot)
        self._paint_gaps(painter, plot)
        self._paint_ticks(painter, plot)
        self._paint_marks(painter)
        x = self._x(self._minute)
        painter.setPen(QPen(QColor(CURSOR), 2))
        painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()))
        painter.end()

    def _paint_phases(self, painter: QPainter, plot: QRectF) -> None:
        assert self._data is not None
        names = {p.id: p.title for p in self._data.record.scenario.phases}
        metrics = QFontMetrics(painter.font())
        for index, (start, end, phase) in enumerate(self._phases):
            x0, x1 = self._x(start), self._x(end)
            painter.fillRect(
                QRectF(x0, plot.top(), x1 - x0, plot.height()),
                QColor(PHASE_TINTS[index % len(PHASE_TINTS)]),
            )
            title = metrics.elidedText(
                names.get(phase, phase), Qt.TextElideMode.ElideRight, int(max(0, x1 - x0 - 6))
            )
            painter.setPen(QColor("#4a525c"))
            painter.drawText(
                QRectF(x0 + 4, 4, x1 - x0 - 4, TOP - 6),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                title,
            )

    def _paint_lanes(self, painter: QPainter, plot: QRectF) -> None:
        for index, (_, name) in enumerate(self._lanes):
            top, height = self._lane_y(index)
            painter.setPen(QPen(QColor("#d5d9de"), 1))
            painter.drawLine(
                QPointF(plot.left(), top + height), QPointF(plot.right(), top + height)
            )
            painter.setPen(QColor("#1d2430"))
            flags = (
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap
            )
            painter.drawText(QRectF(6, top, LEFT - 14, height), int(flags), name)

    def _paint_gaps(self, painter: QPainter, plot: QRectF) -> None:
        axis = self._axis
        assert axis is not None
        for gap in axis.gaps():
            x0 = plot.left() + plot.width() * gap.x / axis.length
            x1 = plot.left() + plot.width() * (gap.x + gap.width) / axis.length
            painter.fillRect(
                QRectF(x0, plot.top(), x1 - x0, plot.height()),
                QBrush(QColor("#e9ecef"), Qt.BrushStyle.BDiagPattern),
            )
            days = gap.minutes / (24 * 60)
            label = f"+{round(days)} d" if days >= 1 else f"+{round(gap.minutes / 60)} h"
            painter.setPen(QColor("#6b7480"))
            painter.drawText(
                QRectF(x0 - 20, plot.bottom() + 2, x1 - x0 + 40, 16),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )

    def _paint_ticks(self, painter: QPainter, plot: QRectF) -> None:
        axis = self._axis
        assert axis is not None
        painter.setPen(QPen(QColor("#6b7480"), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        last = -1000.0
        for position, label in axis.ticks():
            x = plot.left() + plot.width() * position / axis.length
            if x - last < 60:
                continue
            last = x
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.drawText(
                QRectF(x - 40, plot.bottom() + 14, 80, 28),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label.replace("\n", " "),
            )

    def _paint_marks(self, painter: QPainter) -> None:
        lane_of = {team: index for index, (team, _) in enumerate(self._lanes)}
        painter.setPen(Qt.PenStyle.NoPen)
        for mark in self._marks:
            index = lane_of.get(mark.team)
            if index is None:
                continue
            top, height = self._lane_y(index)
            x = self._x(mark.minute)
            past = mark.minute <= self._minute
            if mark.kind == "inject":
                y = top + height * 0.3
                colour = QColor(INJECT_COLOUR)
                colour.setAlphaF(0.95 if past else 0.25)
                painter.setBrush(colour)
                painter.drawPolygon(
                    QPolygonF(
                        [QPointF(x, y - 5), QPointF(x + 5, y), QPointF(x, y + 5), QPointF(x - 5, y)]
                    )
                )
            else:
                y = top + height * 0.65
                colour = QColor(category_colour(mark.category))
                colour.setAlphaF(0.9 if past else 0.2)
                painter.setBrush(colour)
                painter.drawEllipse(QPointF(x, y), 4.5, 4.5)

    # Interaction.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._axis is not None:
            self.sig_time_picked.emit(self._minute_at(event.position().x()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._axis is not None:
            self.sig_time_picked.emit(self._minute_at(event.position().x()))
        super().mouseMoveEvent(event)

    def mark_at(self, point: QPointF) -> TimelineMark | None:
        """The mark under a point of the widget, if any (within a few pixels)."""
        if not self._marks:
            return None
        minute = self._minute_at(point.x())
        low = bisect.bisect_left(self._minutes, minute - 24 * 60)
        high = bisect.bisect_right(self._minutes, minute + 24 * 60)
        lane_of = {team: index for index, (team, _) in enumerate(self._lanes)}
        best: tuple[float, TimelineMark] | None = None
        for mark in self._marks[low:high]:
            index = lane_of.get(mark.team)
            if index is None:
                continue
            top, height = self._lane_y(index)
            y = top + height * (0.3 if mark.kind == "inject" else 0.65)
            distance = abs(self._x(mark.minute) - point.x()) + abs(y - point.y())
            if distance <= 8 and (best is None or distance < best[0]):
                best = (distance, mark)
        return None if best is None else best[1]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self.mark_at(QPointF(event.pos()))
            if mark is None:
                QToolTip.hideText()
                event.ignore()
                return True
            kind = self.tr("Inject") if mark.kind == "inject" else self.tr("Decision")
            QToolTip.showText(
                event.globalPos(),
                f"{kind} {mark.id} \N{EM DASH} {texts.stamp(mark.minute)}\n{mark.title}",
                self,
            )
            return True
        return super().event(event)
