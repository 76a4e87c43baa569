"""The debrief of one exercise document: scorecard, timeline replay, network,
expectations, evaluation, improvement plan, and the report exports.

Opened from the Exercise menu or when an exercise ends. The document is read in the
background (a progress bar shows meanwhile); nothing here changes it except the
improvement plan, whose rows go through the engine like any other entry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.commands import Command
from desktop.services.debrief_view import DebriefData, load_debrief
from desktop.ui.debrief.evaluation_widget import EvaluationWidget
from desktop.ui.debrief.expectations_widget import ExpectationsWidget
from desktop.ui.debrief.export_bar import ExportBar
from desktop.ui.debrief.improvement_plan_widget import ImprovementPlanWidget
from desktop.ui.debrief.network_widget import NetworkWidget
from desktop.ui.debrief.summary_widget import SummaryWidget
from desktop.ui.debrief.timeline_widget import TimelineWidget
from desktop.ui.workers import Task, report_uncaught, run_task

log = logging.getLogger(__name__)

Execute = Callable[[Command], object]


class DebriefWindow(QMainWindow):
    """The debrief of the document at `path`.

    `execute` is the open exercise's command entry (the console's) when there is one; it
    returns `None` for a command that was not carried out. Without it, improvement-plan
    rows are saved by opening the document briefly, if the file can be written.
    """

    sig_loaded = Signal()
    sig_load_failed = Signal(object)

    def __init__(
        self, path: Path, execute: Execute | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.data: DebriefData | None = None
        self._execute = execute
        self.setWindowTitle(self.tr("Debrief \N{EM DASH} {name}").format(name=self.path.name))
        self.resize(1280, 820)

        self.stack = QStackedWidget(self)
        self.loading = QWidget(self.stack)
        self.load_label = QLabel(
            self.tr("Reading {name}\N{HORIZONTAL ELLIPSIS}").format(name=self.path.name),
            self.loading,
        )
        self.load_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.load_label.setWordWrap(True)
        self.load_progress = QProgressBar(self.loading)
        self.load_progress.setRange(0, 0)
        self.load_progress.setFixedWidth(360)
        self.load_progress.setAccessibleName(self.tr("Loading progress"))
        loading_layout = QVBoxLayout(self.loading)
        loading_layout.addStretch(1)
        loading_layout.addWidget(self.load_label)
        loading_layout.addWidget(self.load_progress, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addStretch(1)

        self.page = QWidget(self.stack)
        self.tabs = QTabWidget(self.page)
        self.tabs.setDocumentMode(True)
        self.summary = SummaryWidget(self.tabs)
        self.timeline = TimelineWidget(self.tabs)
        self.network = NetworkWidget(self.tabs)
        self.expectations = ExpectationsWidget(self.tabs)
        self.evaluation = EvaluationWidget(self.tabs)
        self.plan = ImprovementPlanWidget(self.tabs)
        self.tabs.addTab(self.summary, self.tr("&Summary"))
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        self.tabs.addTab(self.network, self.tr("&Network"))
        self.tabs.addTab(self.expectations, self.tr("E&xpectations"))
        self.tabs.addTab(self.evaluation, self.tr("E&valuation"))
        self.tabs.addTab(self.plan, self.tr("&Improvement plan"))
        self.exports = ExportBar(parent=self.page)
        page_layout = QVBoxLayout(self.page)
        page_layout.setContentsMargins(6, 6, 6, 6)
        page_layout.addWidget(self.tabs, 1)
        page_layout.addWidget(self.exports)

        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.page)
        self.setCentralWidget(self.stack)
        self._build_menu()
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._task: Task = run_task(
            lambda progress: load_debrief(self.path, progress),
            owner=self,
            on_done=self._on_load_done,
            on_error=self._on_load_failed,
            on_progress=self._on_load_progress,
        )

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for fmt, text in (
            ("pdf", self.tr("Export &PDF\N{HORIZONTAL ELLIPSIS}")),
            ("html", self.tr("Export &HTML\N{HORIZONTAL ELLIPSIS}")),
            ("xlsx", self.tr("Export &XLSX\N{HORIZONTAL ELLIPSIS}")),
        ):
            action = QAction(text, self)
            action.triggered.connect(self.exports.exporter(fmt))
            menu.addAction(action)
        menu.addSeparator()
        self.compare_action = QAction(self.tr("&Compare exercises\N{HORIZONTAL ELLIPSIS}"), self)
        self.compare_action.triggered.connect(self._on_compare_action_triggered)
        menu.addAction(self.compare_action)
        menu.addSeparator()
        close = QAction(self.tr("&Close"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(close)

    @property
    def loaded(self) -> bool:
        """Whether the document has been read and the tabs filled."""
        return self.data is not None

    # Loading.

    def _on_load_progress(self, done: int, total: int, text: str) -> None:
        self.load_progress.setRange(0, total)
        self.load_progress.setValue(done)
        self.load_label.setText(self.tr("{step}\N{HORIZONTAL ELLIPSIS}").format(step=text))

    def _on_load_done(self, data: DebriefData) -> None:
        self.data = data
        record = data.record
        self.setWindowTitle(
            self.tr("Debrief \N{EM DASH} {title} \N{EM DASH} {name}").format(
                title=record.scenario.title, name=self.path.name
            )
        )
        self.summary.set_figures(data.figures, record.scenario.title)
        self.timeline.set_data(data)
        self.network.set_data(data)
        self.expectations.set_rows(data.expectations)
        self.evaluation.set_evaluation(record, data.figures["evaluation"])
        self.plan.set_plan(record, self.path, self._execute, data.writable)
        self.exports.set_documents((self.path,))
        self.stack.setCurrentWidget(self.page)
        self.sig_loaded.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        from desktop.store.errors import DocumentError

        self.load_progress.hide()
        if isinstance(error, DocumentError):
            self.load_label.setText(
                self.tr("The debrief cannot be shown: {problem}.").format(problem=str(error))
            )
        else:
            self.load_label.setText(self.tr("The debrief cannot be shown."))
            report_uncaught(error)
        self.sig_load_failed.emit(error)

    # Reactions.

    def _on_tabs_current_changed(self, _: int) -> None:
        if self.tabs.currentWidget() is not self.timeline:
            self.timeline.stop()

    def _on_compare_action_triggered(self) -> None:
        from desktop.ui.debrief.compare_dialog import CompareDialog

        dialog = CompareDialog([self.path], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timeline.stop()
        super().closeEvent(event)
