"""The expectations table: one row per released inject and target team."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.report.palette import STATUS_COLOURS
from desktop.services.debrief_view import ExpectationRow
from desktop.ui.debrief import texts
from desktop.ui.debrief.roles import OBJECT_ROLE, SORT_ROLE
from desktop.ui.debrief.row_table_model import Index, RowTableModel

STATUS_ORDER = {"met": 0, "partial": 1, "unmet": 2, "n/a": 3}


class ExpectationModel(RowTableModel[ExpectationRow]):
    """A thin adapter over `ExpectationRow`s; sort through a proxy on `SortRole`."""

    INJECT, TEAM, RELEASED, FIRST_RESPONSE, EXPECTATION, REASONS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Inject"),
            self.tr("Team"),
            self.tr("Released"),
            self.tr("First response"),
            self.tr("Expectation"),
            self.tr("Why"),
        )

    def set_rows(self, rows: Sequence[ExpectationRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == OBJECT_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.INJECT:
                return f"{row.inject}: {row.inject_title}"
            if column == self.REASONS and row.reasons:
                return "\n".join(row.reasons)
            return None
        if column == self.EXPECTATION and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            ink, paper = STATUS_COLOURS.get(row.expectation, STATUS_COLOURS["n/a"])
            return QBrush(QColor(ink if role == Qt.ItemDataRole.ForegroundRole else paper))
        return None

    def _display(self, row: ExpectationRow, column: int) -> str:
        if column == self.INJECT:
            return f"{row.inject} \N{EM DASH} {row.inject_title}"
        if column == self.TEAM:
            return row.team_name
        if column == self.RELEASED:
            return texts.stamp(row.released_at)
        if column == self.FIRST_RESPONSE:
            if row.first_response_minutes is None:
                return self.tr("no decision")
            return texts.duration(row.first_response_minutes)
        if column == self.EXPECTATION:
            return texts.expectation_label(row.expectation)
        return " ".join(row.reasons)

    def _sort_key(self, row: ExpectationRow, column: int) -> Any:
        if column == self.RELEASED:
            return row.released_at
        if column == self.FIRST_RESPONSE:
            # Unanswered injects sort after every answer.
            first = row.first_response_minutes
            return float("inf") if first is None else float(first)
        if column == self.EXPECTATION:
            return STATUS_ORDER.get(row.expectation, len(STATUS_ORDER))
        return self._display(row, column)
