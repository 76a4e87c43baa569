"""The Timeline tab: replay the exercise with a slider (or Play), the lane chart and the
network following the replay time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.phases import phase_in_force
from desktop.report.timeaxis import TimeAxis
from desktop.services.debrief_view import DebriefData, axis_minute
from desktop.ui.debrief import texts
from desktop.ui.debrief.lane_chart import LaneChartWidget
from desktop.ui.debrief.network_view import NetworkView

PLAY_INTERVAL_MS = 80
PLAY_STEPS = 400  # ticks from start to end: about half a minute of replay


class TimelineWidget(QWidget):
    """A slider over scenario time; the chart and network show the exercise at that time."""

    sig_minute_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: DebriefData | None = None
        self._axis: TimeAxis | None = None
        self._minute = 0
        self.play_button = QToolButton(self)
        self.play_button.setAccessibleName(self.tr("Play or pause the replay"))
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Replay time"))
        self.slider.setPageStep(60)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(220)
        self.time_label.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.chart = LaneChartWidget(self)
        self.network = NetworkView(self)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)

        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.network)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.network.setMinimumWidth(360)
        splitter.setSizes([900, 560])
        key = QLabel(
            self.tr(
                "\N{BLACK DIAMOND} inject reaching a team   \N{BLACK CIRCLE} decision, coloured "
                "by the acting actor's category   hatched: quiet stretch folded away"
            ),
            self,
        )
        key.setStyleSheet("color: #6b7480")
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(key)

        self._show_playing(False)
        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.chart.sig_time_picked.connect(self._on_chart_time_picked)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_data(self, data: DebriefData) -> None:
        """Replay a document, starting at the end (the whole exercise shown)."""
        self._data = data
        self._axis = axis = data.axis()
        self.chart.set_data(data, axis)
        self.network.set_layout(data.record, data.positions)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(1, round(axis.length)))
        self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self.set_minute(data.end)

    @property
    def minute(self) -> int:
        """The replay time in scenario minutes."""
        return self._minute

    def set_minute(self, minute: int) -> None:
        """Show the exercise as it stood at `minute`."""
        data = self._data
        if data is None:
            return
        self._minute = minute = max(data.start, min(data.end, minute))
        picture = data.network_until(minute)
        self.network.show_network(picture)
        self.chart.set_minute(minute)
        record = data.record
        phase = phase_in_force(minute, record.scenario.phases, record.phase_changes)
        shown = None if phase is None else record.scenario.phase_by_id.get(phase)
        phase_text = "" if shown is None else f" \N{MIDDLE DOT} {shown.title}"
        self.time_label.setText(f"<b>{texts.stamp(minute)}</b>{phase_text}")
        released = sum(
            1 for r in record.injects if r.released_at is not None and r.released_at <= minute
        )
        summary = picture.summary

        def count(number: int, one: str, many: str) -> str:
            return f"{number:,} {one if number == 1 else many}"

        self.status.setText(
            self.tr(
                "By {time}: {released}, {decisions}, {consultations} on {edges}; {engaged}."
            ).format(
                time=texts.stamp(minute),
                released=count(released, self.tr("inject released"), self.tr("injects released")),
                decisions=count(summary.decisions, self.tr("decision"), self.tr("decisions")),
                consultations=count(
                    summary.consultations, self.tr("consultation"), self.tr("consultations")
                ),
                edges=count(summary.edges, self.tr("tie"), self.tr("ties")),
                engaged=self.tr("{engaged} of {actors} actors engaged").format(
                    engaged=len(picture.engaged), actors=len(record.scenario.actors)
                ),
            )
        )
        self.sig_minute_changed.emit(minute)

    def stop(self) -> None:
        """Stop playing."""
        self._timer.stop()
        self._show_playing(False)

    def _show_playing(self, playing: bool) -> None:
        pixmap = QStyle.StandardPixmap
        icon = pixmap.SP_MediaPause if playing else pixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _on_play_button_clicked(self) -> None:
        if self._timer.isActive():
            self.stop()
            return
        if self.slider.value() >= self.slider.maximum():
            self.slider.setValue(0)
        self._timer.start()
        self._show_playing(True)

    def _on_timer_timeout(self) -> None:
        step = max(1, self.slider.maximum() // PLAY_STEPS)
        value = min(self.slider.maximum(), self.slider.value() + step)
        self.slider.setValue(value)
        if value >= self.slider.maximum():
            self.stop()

    def _on_slider_value_changed(self, value: int) -> None:
        if self._axis is not None:
            self.set_minute(axis_minute(self._axis, value))

    def _on_chart_time_picked(self, minute: int) -> None:
        if self._axis is None:
            return
        self.slider.setValue(round(self._axis.x(minute)))
