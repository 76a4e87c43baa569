"""File → Compare exercises: several runs of one scenario side by side, and exported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.compare import ComparisonTable, comparison_tables
from desktop.ui.debrief.comparison_model import ComparisonModel
from desktop.ui.debrief.export_bar import ExportBar
from desktop.ui.messages import explain_failure
from desktop.ui.workers import Progress, Task, report_uncaught, run_task


def compare_documents(paths: Sequence[Path], progress: Progress) -> dict[str, Any]:
    """Read every document and put its figures beside the others' (`ValueError` if the
    runs cannot be compared: another scenario, the same document twice). Runs are named
    as in the exported comparison: by file name, with folders where names collide."""
    from desktop.analysis.compare import compare_json
    from desktop.services.debrief import debrief_report
    from desktop.services.reports import run_labels

    reports = []
    for done, (label, path) in enumerate(zip(run_labels(paths), paths, strict=True)):
        progress(done, len(paths) + 1, label)
        reports.append((label, debrief_report(path)))
    progress(len(paths), len(paths) + 1, "")
    return compare_json(reports)


class CompareDialog(QDialog):
    """Choose two or more documents of one scenario; see and export their figures."""

    def __init__(self, paths: Sequence[Path] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare exercises"))
        self.resize(1000, 680)
        self._task: Task | None = None
        self._tables: list[ComparisonTable] = []
        self._runs: list[str] = []
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Exercise documents to compare"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(120)
        self.add_button = QPushButton(self.tr("&Add documents\N{HORIZONTAL ELLIPSIS}"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.compare_button = QPushButton(self.tr("&Compare"), self)
        self.compare_button.setDefault(True)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.group = QComboBox(self)
        self.group.setAccessibleName(self.tr("Figures to show"))
        self.model = ComparisonModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Figures per run"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.exports = ExportBar(("html", "xlsx", "json"), compare=True, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)

        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addWidget(self.compare_button)
        file_buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.files, 1)
        files.addLayout(file_buttons)
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addWidget(self.message, 1)
        group = QHBoxLayout()
        group_label = QLabel(self.tr("&Figures:"), self)
        group_label.setBuddy(self.group)
        group.addWidget(group_label)
        group.addWidget(self.group)
        group.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Runs of the same scenario, one column each (the file name):"), self)
        )
        layout.addLayout(files)
        layout.addLayout(status)
        layout.addLayout(group)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.exports)
        layout.addWidget(buttons)

        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.group.currentIndexChanged.connect(self._on_group_current_index_changed)
        buttons.rejected.connect(self.reject)
        self.add_paths(paths)

    # Documents.

    def paths(self) -> list[Path]:
        """The documents listed, in order."""
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def add_paths(self, paths: Sequence[Path]) -> None:
        """List more documents (each once)."""
        known = set(self.paths())
        for path in paths:
            if Path(path) not in known:
                self.files.addItem(str(path))
                known.add(Path(path))
        self._clear_results()

    def _clear_results(self) -> None:
        self._tables = []
        self.group.clear()
        self.model.set_table(None, [])
        self.exports.set_documents(())
        enough = self.files.count() >= 2
        self.compare_button.setEnabled(enough and not self.busy)
        self.message.setText(
            "" if enough else self.tr("Add two or more documents of the same scenario.")
        )

    @property
    def busy(self) -> bool:
        """Whether documents are being read."""
        return self._task is not None and self._task.running

    # Comparing.

    def compare(self) -> None:
        """Read the documents in the background and show their figures side by side."""
        paths = self.paths()
        if len(paths) < 2 or self.busy:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.message.setText(self.tr("Reading the documents\N{HORIZONTAL ELLIPSIS}"))
        self.compare_button.setEnabled(False)
        self._task = run_task(
            lambda progress: compare_documents(paths, progress),
            owner=self,
            on_done=self._on_compare_done,
            on_error=self._on_compare_failed,
            on_progress=self._on_compare_progress,
        )

    def _on_compare_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if name:
            self.message.setText(self.tr("Reading {name}\N{HORIZONTAL ELLIPSIS}").format(name=name))

    def _on_compare_done(self, comparison: dict[str, Any]) -> None:
        self.progress.hide()
        self.compare_button.setEnabled(True)
        self._runs = list(comparison["runs"])
        self._tables = comparison_tables(comparison)
        self.group.blockSignals(True)
        self.group.clear()
        for table in self._tables:
            self.group.addItem(table.title)
        self.group.blockSignals(False)
        self.group.setCurrentIndex(0)
        self._on_group_current_index_changed(0)
        self.exports.set_documents(self.paths())
        self.message.setText(
            self.tr(
                "{n} runs of \N{LEFT DOUBLE QUOTATION MARK}{title}\N{RIGHT DOUBLE QUOTATION MARK}."
            ).format(n=len(self._runs), title=comparison["scenario"]["title"])
        )

    def _on_compare_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.compare_button.setEnabled(True)
        if isinstance(error, ValueError):
            self.message.setText(
                "<span style='color:#8a1c1c'>"
                + self.tr("These documents cannot be compared: {reason}.").format(
                    reason=str(error).replace("<", "&lt;")
                )
                + "</span>"
            )
            return
        self.message.setText(self.tr("The documents could not be read."))
        if not explain_failure(self, self.tr("Cannot compare"), error):
            report_uncaught(error)

    def _on_group_current_index_changed(self, index: int) -> None:
        table = self._tables[index] if 0 <= index < len(self._tables) else None
        self.model.set_table(table, self._runs)

    def _on_add_button_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose exercise documents"),
            "",
            self.tr("Exercise documents (*.coherence)"),
        )
        self.add_paths([Path(p) for p in chosen])

    def _on_remove_button_clicked(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._clear_results()

    def _on_compare_button_clicked(self) -> None:
        self.compare()

    def table_titles(self) -> list[str]:
        """The figure groups available."""
        return [t.title for t in self._tables]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter compares rather than closing the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.compare()
            return
        super().keyPressEvent(event)
