"""The Expectations tab: per inject and target team, the first response, the expectation
and why it fell short; the reasons of the selected row are written out below."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.debrief_view import ExpectationRow
from desktop.ui.debrief.expectation_model import ExpectationModel


class ExpectationsWidget(QWidget):
    """A sortable table of `ExpectationRow`s with the selected row's reasons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExpectationModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ExpectationModel.SortRole)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Responses to injects"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ExpectationModel.RELEASED, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        intro = QLabel(
            self.tr(
                "First response: minutes of scenario time from the release to the team's first "
                "decision naming the inject. Select a row to read why an expectation was not met."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #4a525c")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    def set_rows(self, rows: Sequence[ExpectationRow]) -> None:
        """Show the rows of a document."""
        self.model.set_rows(rows)
        for column, width in ((0, 300), (1, 170), (2, 110), (3, 110), (4, 120)):
            self.table.setColumnWidth(column, width)
        self.detail.setText(self.tr("No row selected."))

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self.proxy.data(indexes[0], ExpectationModel.ObjectRole)
        if not isinstance(row, ExpectationRow):
            return
        head = f"{row.inject} \N{EM DASH} {row.inject_title} ({row.team_name})"
        if row.reasons:
            self.detail.setText(head + ":\n\N{BULLET} " + "\n\N{BULLET} ".join(row.reasons))
        elif row.expectation == "met":
            self.detail.setText(head + ": " + self.tr("the response met the expectation."))
        else:
            self.detail.setText(head + ": " + self.tr("no expectation to judge against."))
