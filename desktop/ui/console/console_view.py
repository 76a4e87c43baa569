"""The facilitator console for one open exercise: control bar, MSEL, inject, records.

A `QMainWindow` of its own, placed inside the main window, so that its panels are dock
widgets the facilitator can rearrange and whose layout is remembered between sessions.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.events import EventKind
from desktop.ui.console.control_bar import ControlBar
from desktop.ui.console.due_alert_widget import DueAlertWidget
from desktop.ui.console.inject_detail_widget import InjectDetailWidget
from desktop.ui.console.msel_panel import MselPanel
from desktop.ui.decisions.decision_form import DecisionForm
from desktop.ui.decisions.decision_log_panel import DecisionLogPanel
from desktop.ui.decisions.reply_dialog import ReplyDialog
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.icons import icon
from desktop.ui.observer.observer_panel import ObserverPanel


class ConsoleView(QMainWindow):
    """Everything the facilitator needs while an exercise runs, over one bridge."""

    sig_ended = Signal()
    sig_status = Signal(str)  # a short confirmation for the status bar

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("consoleView")
        self.setDockNestingEnabled(True)

        self.control_bar = ControlBar(bridge)
        self.due_alert = DueAlertWidget(bridge)
        self.recovery_notice = QLabel()
        self.recovery_notice.setObjectName("recoveryNotice")
        self.recovery_notice.setWordWrap(True)
        self.recovery_notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.recovery_notice.setStyleSheet(
            "#recoveryNotice { background: palette(alternate-base); padding: 8px; "
            "border-left: 4px solid #b7791f; }"
        )
        self.recovery_notice.hide()
        self.msel = MselPanel(bridge)
        self.inject_detail = InjectDetailWidget(bridge)
        self.decision_form = DecisionForm(bridge)
        self.decision_log = DecisionLogPanel(bridge)
        self.observer = ObserverPanel(bridge)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.control_bar)
        column.addWidget(self.recovery_notice)
        column.addWidget(self.due_alert)
        column.addWidget(self.msel, 1)
        self.setCentralWidget(central)

        self.inject_dock = self._dock("injectDock", self.tr("Inject"), self.inject_detail)
        decisions = QSplitter(Qt.Orientation.Vertical)
        decisions.addWidget(self.decision_form)
        decisions.addWidget(self.decision_log)
        decisions.setStretchFactor(0, 3)
        decisions.setStretchFactor(1, 2)
        self.decisions_dock = self._dock("decisionsDock", self.tr("Decisions"), decisions)
        self.evaluation_dock = self._dock("evaluationDock", self.tr("Evaluation"), self.observer)
        # The right-hand panels run the full height; the inject pane sits under the MSEL.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.inject_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.decisions_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.evaluation_dock)
        self.tabifyDockWidget(self.decisions_dock, self.evaluation_dock)
        self.decisions_dock.raise_()
        self.apply_default_sizes()

        self.reply_action = QAction(icon("reply"), self.tr("Reply to a team as control…"), self)
        self.reply_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reply_action.triggered.connect(self._on_reply_triggered)
        self.record_decision_action = QAction(icon("decision"), self.tr("Record a decision"), self)
        # Not Ctrl+D or Ctrl+E: text fields on Linux use them (delete, end of line).
        self.record_decision_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.record_decision_action.triggered.connect(self._on_record_decision_triggered)
        self.observe_action = QAction(icon("observe"), self.tr("Record an observation"), self)
        self.observe_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.observe_action.triggered.connect(self._on_observe_triggered)

        self.msel.sig_inject_selected.connect(self.inject_detail.show_inject)
        self.due_alert.sig_inject_requested.connect(self.msel.select_inject)
        self.due_alert.sig_inject_requested.connect(self.inject_detail.show_inject)
        self.decision_log.sig_decision_selected.connect(self._on_decision_selected)
        bridge.sig_changed.connect(self._on_bridge_changed)

        self.show_recovery(bridge.service.recovered)
        self._default_layout = self.saveState()
        self.reset_layout_action = QAction(self.tr("Reset panel layout"), self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        # Long inject titles and actor names must not make the window wider than a
        # laptop's screen: lists size to a short text and show the rest when opened.
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        return dock

    def dock_actions(self) -> list[QAction]:
        """The View menu's show/hide actions for the panels."""
        return [
            *(
                dock.toggleViewAction()
                for dock in (self.inject_dock, self.decisions_dock, self.evaluation_dock)
            ),
            self.reset_layout_action,
        ]

    def show_recovery(self, recovered: bool) -> None:
        """Say, once, that the exercise was reopened after an interruption."""
        if not recovered:
            self.recovery_notice.hide()
            return
        stamp = self.bridge.service.clock_status().stamp
        self.recovery_notice.setText(
            self.tr(
                "This exercise was not closed properly last time (the program stopped or "
                "the laptop lost power). It has been reopened paused at {0}, where the "
                "clock stood; everything recorded is here. Press Resume (Space) to go on."
            ).format(stamp)
        )
        self.recovery_notice.show()

    def apply_default_sizes(self) -> None:
        """Give the side panels their first widths and heights (once the window has a size)."""
        self.resizeDocks([self.decisions_dock], [600], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inject_dock], [300], Qt.Orientation.Vertical)

    def reset_layout(self) -> None:
        """Put every panel back where it was at first (after one was dragged away)."""
        for dock in (self.inject_dock, self.decisions_dock, self.evaluation_dock):
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_layout)
        self.apply_default_sizes()

    def save_layout(self) -> QByteArray:
        """The docks' arrangement, to remember between sessions."""
        return self.saveState()

    def restore_layout(self, state: QByteArray) -> None:
        """Put the docks back where the facilitator left them (or size them, the first time)."""
        if not state.isEmpty():
            self.restoreState(state)
        else:
            QTimer.singleShot(0, self.apply_default_sizes)

    def _on_bridge_changed(self, events: list[object]) -> None:
        kinds = {getattr(event, "kind", None) for event in events}
        if kinds & {EventKind.CLOCK_RESUMED, EventKind.EXERCISE_ENDED}:
            self.recovery_notice.hide()
        if EventKind.EXERCISE_ENDED in kinds:
            self.sig_ended.emit()

    def _on_reply_triggered(self) -> None:
        dialog = ReplyDialog(self.bridge, self)
        # A refused reply brings the dialog back with its text, until sent or cancelled.
        while dialog.exec() == ReplyDialog.DialogCode.Accepted:
            command = dialog.command()
            if self.bridge.execute(command, self) is not None:
                self.sig_status.emit(
                    self.tr("Reply sent to {team} as {sender}").format(
                        team=self.bridge.service.team(command.team).name,
                        sender=self.bridge.service.actor_name(command.sender),
                    )
                )
                break
        dialog.deleteLater()

    def _on_record_decision_triggered(self) -> None:
        self.decisions_dock.show()
        self.decisions_dock.raise_()
        self.decision_form.focus_first_field()

    def _on_observe_triggered(self) -> None:
        self.evaluation_dock.show()
        self.evaluation_dock.raise_()
        self.observer.observer_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_decision_selected(self, decision_id: str) -> None:
        if not decision_id:  # the selection was cleared
            return
        decision = self.bridge.service.decision(decision_id)
        if decision.inject is not None:
            self.inject_detail.show_inject(decision.inject)

    def form_shortcuts(self) -> list[tuple[str, str, str]]:
        """(where, what, keys) for the keys that work inside the panels, for Help."""
        native = QKeySequence.SequenceFormat.NativeText
        where = self.tr("Forms")
        rows: list[tuple[str, str, str]] = []
        for panel in (self.msel, self.decision_form, self.decision_log, self.observer):
            for action in panel.findChildren(QAction):
                if not action.shortcut().isEmpty():
                    text = action.text().replace("&", "").rstrip("…")
                    rows.append((where, text, action.shortcut().toString(native)))
            for shortcut in panel.findChildren(QShortcut):
                if shortcut.whatsThis():
                    rows.append((where, shortcut.whatsThis(), shortcut.key().toString(native)))
        rows += [
            (where, self.tr("Add a consulted actor (type a name, or name:mode)"), "Return"),
            (where, self.tr("Choose the consultation mode (i, c, j, r, t)"), "I C J R T"),
            (where, self.tr("Rate P, S, M or U"), "1 2 3 4"),
            (self.tr("Projector"), self.tr("Light or dark"), "D"),
            (self.tr("Projector"), self.tr("Full screen"), "F, F11"),
        ]
        return rows

    def close_exercise(self) -> None:
        """Close the document (pausing a running clock first)."""
        self.bridge.close()
