"""The console's control bar: the scenario clock, the phase, and the clock's controls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import commands as c
from desktop.domain.times import TimeFormatError, format_stamp, parse_stamp
from desktop.services.console_views import ClockStatus
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.icons import icon

RATES = (1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 240.0)


class _SpaceStaysWithControls(QObject):
    """Space pauses and resumes the clock, except where it means something already: on a
    focused button, check box, combo box or spin box it presses, ticks or opens it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            # Qt asks the window (or, in tests, the widget): the focused control decides.
            and isinstance(
                QApplication.focusWidget(), QAbstractButton | QComboBox | QAbstractSpinBox
            )
        ):
            event.accept()  # the focused control takes the key, not the shortcut
            return True
        return False


def _elapsed(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


class ControlBar(QFrame):
    """Clock, date, phase, state, elapsed time; start, pause, rate, jump, phase, end."""

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.setObjectName("controlBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.start_pause_action = QAction(icon("play"), self.tr("Start"), self)
        self.start_pause_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.start_pause_action.triggered.connect(self._on_start_pause_triggered)
        # Held here: an event filter whose Python side were collected would stop working.
        # Qt removes it from the application when it is destroyed with this bar.
        self._space_filter = _SpaceStaysWithControls(self)
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(self._space_filter)
        self.jump_action = QAction(icon("jump"), self.tr("Jump to time…"), self)
        self.jump_action.setShortcut(QKeySequence("Ctrl+J"))
        self.jump_action.triggered.connect(self._on_jump_triggered)
        self.phase_action = QAction(icon("phase"), self.tr("Change phase…"), self)
        self.phase_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.phase_action.triggered.connect(self._on_phase_triggered)
        self.auto_release_action = QAction(self.tr("Release scheduled injects automatically"), self)
        self.auto_release_action.setCheckable(True)
        self.auto_release_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.auto_release_action.triggered.connect(self._on_auto_release_triggered)
        self.end_action = QAction(icon("end"), self.tr("End exercise…"), self)
        self.end_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.end_action.triggered.connect(self._on_end_triggered)
        # Short words under the toolbar icons; the menus keep the full names.
        self.jump_action.setIconText(self.tr("Jump"))
        self.phase_action.setIconText(self.tr("Phase"))
        self.end_action.setIconText(self.tr("End"))

        self._clock = QLabel()
        self._clock.setObjectName("scenarioClock")
        clock_font = QFont(self.font())
        clock_font.setPointSizeF(clock_font.pointSizeF() * 2.4)
        clock_font.setBold(True)
        clock_font.setStyleHint(QFont.StyleHint.Monospace)
        clock_font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        self._clock.setFont(clock_font)
        self._clock.setAccessibleName(self.tr("Scenario time"))
        self._date = QLabel()
        self._date.setAccessibleName(self.tr("Scenario date"))
        self._phase = QLabel()
        self._phase.setAccessibleName(self.tr("Phase in force"))
        self._state = QLabel()
        self._state.setObjectName("clockState")
        self._state.setAccessibleName(self.tr("Clock state"))
        self._elapsed = QLabel()
        self._elapsed.setAccessibleName(self.tr("Elapsed wall time"))

        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        clock_box.addWidget(self._clock)
        clock_box.addWidget(self._date)
        info_box = QVBoxLayout()
        info_box.setSpacing(2)
        info_box.addWidget(self._phase)
        info_box.addWidget(self._state)
        info_box.addWidget(self._elapsed)

        self.start_button = self._tool_button(self.start_pause_action)
        self.start_button.setObjectName("startPauseButton")
        self._rate = QComboBox()
        self._rate.setAccessibleName(self.tr("Clock rate"))
        self._rate.setToolTip(self.tr("Scenario minutes that pass in one real minute"))
        for rate in RATES:
            self._rate.addItem(self.tr("×{0:g}").format(rate), rate)
        self._rate.activated.connect(self._on_rate_activated)
        rate_box = QVBoxLayout()
        rate_box.setSpacing(0)
        rate_label = QLabel(self.tr("Rate"))
        rate_label.setBuddy(self._rate)
        rate_box.addWidget(rate_label)
        rate_box.addWidget(self._rate)

        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(18)
        row.addLayout(clock_box)
        row.addLayout(info_box)
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addLayout(rate_box)
        self.jump_button = self._tool_button(self.jump_action)
        self.phase_button = self._tool_button(self.phase_action)
        self.end_button = self._tool_button(self.end_action)
        for button in (self.jump_button, self.phase_button, self.end_button):
            row.addWidget(button)

        bridge.sig_changed.connect(self.refresh)
        bridge.sig_ticked.connect(self.refresh)
        self.refresh()

    def _tool_button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setAutoRaise(True)
        return button

    # Showing.

    def refresh(self) -> None:
        """Redraw from the service's clock status."""
        status = self._bridge.service.clock_status()
        self._clock.setText(status.stamp)
        self._date.setText(
            status.calendar_date.strftime("%a %d %b %Y") if status.calendar_date else ""
        )
        self._phase.setText(
            self.tr("Phase: {0}").format(status.phase_title) if status.phase_id else ""
        )
        self._state.setText(self._state_text(status))
        self._elapsed.setText(self.tr("Elapsed {0}").format(_elapsed(status.elapsed_seconds)))
        self._show_actions(status)

    def _state_text(self, status: ClockStatus) -> str:
        if status.lifecycle == "created":
            return self.tr("Not started")
        if status.lifecycle == "running":
            return self.tr("Running ×{0:g}").format(status.rate)
        if status.lifecycle == "ended":
            return self.tr("Ended")
        if status.pause_reason == "recovery":
            return self.tr("Paused after an interruption: nothing was lost")
        return self.tr("Paused")

    def _show_actions(self, status: ClockStatus) -> None:
        lifecycle = status.lifecycle
        action = self.start_pause_action
        if lifecycle == "created":
            action.setText(self.tr("Start"))
            action.setIcon(icon("play"))
        elif lifecycle == "running":
            action.setText(self.tr("Pause"))
            action.setIcon(icon("pause"))
        else:
            action.setText(self.tr("Resume"))
            action.setIcon(icon("play"))
        action.setEnabled(lifecycle != "ended")
        started = lifecycle in ("running", "paused")
        self.jump_action.setEnabled(started)
        self.phase_action.setEnabled(started)
        self.end_action.setEnabled(started)
        self.auto_release_action.setChecked(status.auto_release)
        self.auto_release_action.setEnabled(lifecycle != "ended")
        self._rate.setEnabled(lifecycle != "ended")
        index = self._rate.findData(status.rate)
        if index < 0:
            self._rate.addItem(self.tr("×{0:g}").format(status.rate), status.rate)
            index = self._rate.count() - 1
        self._rate.setCurrentIndex(index)

    # Acting.

    def _on_start_pause_triggered(self) -> None:
        lifecycle = self._bridge.service.lifecycle.value
        if lifecycle == "created":
            self._start()
        elif lifecycle == "running":
            self._bridge.execute(c.Pause(), self)
        elif lifecycle == "paused":
            self._bridge.execute(c.Resume(), self)

    def _start(self) -> None:
        default = format_stamp(self.suggested_start())
        text, ok = QInputDialog.getText(
            self,
            self.tr("Start the exercise"),
            self.tr("Start the scenario clock at (D+N HH:MM):"),
            text=default,
        )
        if not ok:
            return
        try:
            at = parse_stamp(text)
        except TimeFormatError as error:
            QMessageBox.warning(self, self.tr("Start the exercise"), str(error))
            return
        self._bridge.execute(c.Start(at), self)

    def suggested_start(self) -> int:
        """An hour before the first scheduled inject, on the hour, but not before D+0 00:00."""
        times = [i.at for i in self._bridge.service.scenario.injects if i.at is not None]
        if not times:
            return 0
        return max(0, (min(times) - 60) // 60 * 60)

    def _on_rate_activated(self, index: int) -> None:
        rate = float(self._rate.itemData(index))
        if rate != self._bridge.service.clock_status().rate:
            self._bridge.execute(c.SetRate(rate), self)
        self.refresh()

    def _on_jump_triggered(self) -> None:
        status = self._bridge.service.clock_status()
        text, ok = QInputDialog.getText(
            self,
            self.tr("Jump to time"),
            self.tr(
                "Move the scenario clock forward to (D+N HH:MM).\n"
                "Injects scheduled in between fall due on the way."
            ),
            text=status.stamp,
        )
        if not ok:
            return
        try:
            to = parse_stamp(text)
        except TimeFormatError as error:
            QMessageBox.warning(self, self.tr("Jump to time"), str(error))
            return
        self._bridge.execute(c.Jump(to), self)

    def _on_phase_triggered(self) -> None:
        phases = self._bridge.service.scenario.phases
        if not phases:
            return
        status = self._bridge.service.clock_status()
        titles = [phase.title for phase in phases]
        current = next((i for i, p in enumerate(phases) if p.id == status.phase_id), 0)
        title, ok = QInputDialog.getItem(
            self,
            self.tr("Change phase"),
            self.tr("Put this phase in force now:"),
            titles,
            current,
            False,
        )
        if ok:
            self._bridge.execute(c.ChangePhase(phases[titles.index(title)].id), self)

    def _on_auto_release_triggered(self, checked: bool) -> None:
        self._bridge.execute(c.SetAutoRelease(checked), self)
        self.refresh()

    def _on_end_triggered(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("End the exercise"),
            self.tr(
                "End the exercise now? The clock stops for good. Decisions and observations "
                "can still be added afterwards; they are marked as late entries."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._bridge.execute(c.End(), self)
