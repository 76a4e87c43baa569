"""The Improvement plan tab: the plan's rows, and Add/Edit through a dialog that stores
each row in the document as an `improvement_item_saved` event."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.record import ExerciseRecord
from desktop.domain import commands as c
from desktop.domain.records import ImprovementItem
from desktop.services.debrief_view import new_improvement_id, save_improvement_item
from desktop.ui.debrief.improvement_dialog import ImprovementItemDialog
from desktop.ui.debrief.improvement_plan_model import ImprovementPlanModel
from desktop.ui.messages import explain_failure
from desktop.ui.workers import Progress, report_uncaught, run_task

log = logging.getLogger(__name__)

Execute = Callable[[c.Command], object]


class ImprovementPlanWidget(QWidget):
    """The plan's table and its buttons; read-only when nothing can store a row."""

    sig_item_saved = Signal(object)  # the ImprovementItem, once committed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: ExerciseRecord | None = None
        self._path: Path | None = None
        self._execute: Execute | None = None
        self._editable = False
        self._saving = False
        self.model = ImprovementPlanModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ImprovementPlanModel.SortRole)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Improvement plan"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the plan's own order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add\N{HORIZONTAL ELLIPSIS}"), self)
        self.edit_button = QPushButton(self.tr("&Edit\N{HORIZONTAL ELLIPSIS}"), self)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #4a525c")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_plan(
        self,
        record: ExerciseRecord,
        path: Path,
        execute: Execute | None,
        writable: bool,
    ) -> None:
        """Show a record's plan; rows are stored with `execute`, else in the file at `path`.

        `execute` returns `None` when the command was not carried out (its caller has
        already said why); anything else means committed.
        """
        self._record = record
        self._path = path
        self._execute = execute
        self._editable = execute is not None or writable
        objectives = {o.id: o.title for o in record.scenario.objectives}
        self.model.set_items(record.improvements, objectives)
        for column, width in ((0, 260), (1, 260), (2, 170), (3, 170), (4, 170), (5, 90)):
            self.table.setColumnWidth(column, width)
        self.table.resizeRowsToContents()
        if not self._editable:
            self.status.setText(
                self.tr("This document cannot be written here, so the plan is read-only.")
            )
        else:
            self.status.setText(self.tr("Each row is saved in the document when you press Save."))
        self._update_buttons()

    # Editing.

    def add_item(self) -> None:
        """Open the dialog for a new row."""
        self._edit(None)

    def edit_selected(self) -> None:
        """Open the dialog for the selected row."""
        index = self.table.currentIndex()
        if index.isValid():
            item = self.proxy.data(index, ImprovementPlanModel.ObjectRole)
            if isinstance(item, ImprovementItem):
                self._edit(item)

    def _edit(self, item: ImprovementItem | None) -> None:
        if self._record is None or not self._editable or self._saving:
            return
        item_id = item.id if item is not None else new_improvement_id(self.model.items())
        dialog = ImprovementItemDialog(item_id, self._record.scenario.objectives, item, self)
        dialog.accepted.connect(lambda: self._save(dialog.item()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save(self, item: ImprovementItem) -> None:
        execute = self._execute
        if execute is not None:
            try:
                result = save_improvement_item(execute, item)
            except Exception as error:
                if not explain_failure(self, self.tr("Not saved"), error):
                    raise
                return
            if result is not None:
                self._saved(item)
            return
        path = self._path
        assert path is not None
        self._saving = True
        self.status.setText(self.tr("Saving\N{HORIZONTAL ELLIPSIS}"))
        self._update_buttons()

        def work(_: Progress) -> ImprovementItem:
            save_improvement_item(path, item)
            return item

        run_task(work, owner=self, on_done=self._saved, on_error=self._on_save_failed)

    def _saved(self, item: ImprovementItem) -> None:
        self._saving = False
        row = self.model.upsert(item)
        self.table.resizeRowsToContents()
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self.status.setText(
            self.tr(
                "Saved \N{LEFT DOUBLE QUOTATION MARK}{issue}\N{RIGHT DOUBLE QUOTATION MARK} "
                "in the document."
            ).format(issue=item.issue[:60])
        )
        self._update_buttons()
        self.sig_item_saved.emit(item)

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        self.status.setText(self.tr("Not saved."))
        self._update_buttons()
        if not explain_failure(self, self.tr("Not saved"), error):
            report_uncaught(error)

    def _update_buttons(self) -> None:
        ready = self._editable and not self._saving and self._record is not None
        self.add_button.setEnabled(ready)
        self.edit_button.setEnabled(ready and self.table.currentIndex().isValid())

    def _on_add_button_clicked(self) -> None:
        self.add_item()

    def _on_edit_button_clicked(self) -> None:
        self.edit_selected()

    def _on_table_double_clicked(self, _: QModelIndex) -> None:
        self.edit_selected()
