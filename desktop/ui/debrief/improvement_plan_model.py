"""The improvement plan as a table (HSEEP AAR/IP columns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from desktop.domain.records import ImprovementItem
from desktop.ui.debrief.roles import OBJECT_ROLE, SORT_ROLE
from desktop.ui.debrief.row_table_model import Index, RowTableModel


class ImprovementPlanModel(RowTableModel[ImprovementItem]):
    """A thin adapter over `ImprovementItem`s; `upsert` adds or replaces one by id."""

    ISSUE, ACTION, CAPABILITY, OBJECTIVE, RESPONSIBLE, START, COMPLETION = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._objectives: dict[str, str] = {}
        self._headers = (
            self.tr("Issue"),
            self.tr("Corrective action"),
            self.tr("Capability"),
            self.tr("Objective"),
            self.tr("Responsible"),
            self.tr("Start"),
            self.tr("Completion"),
        )

    def set_items(
        self, items: Sequence[ImprovementItem], objectives: Mapping[str, str] | None = None
    ) -> None:
        """Replace every row; `objectives` maps objective ids to their titles."""
        self.beginResetModel()
        self._rows = list(items)
        if objectives is not None:
            self._objectives = dict(objectives)
        self.endResetModel()

    def upsert(self, item: ImprovementItem) -> int:
        """Add `item`, or replace the row with its id; returns its row."""
        for row, existing in enumerate(self._rows):
            if existing.id == item.id:
                self._rows[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
                return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(item)
        self.endInsertRows()
        return row

    def items(self) -> tuple[ImprovementItem, ...]:
        """Every row, in order."""
        return tuple(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._row_at(index)
        if item is None:
            return None
        if role == OBJECT_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            column = index.column()
            if role == SORT_ROLE and column in (self.START, self.COMPLETION):
                day = item.start if column == self.START else item.completion
                return "" if day is None else day.isoformat()
            return self._text(item, column)
        return None

    def _text(self, item: ImprovementItem, column: int) -> str:
        if column == self.ISSUE:
            return item.issue
        if column == self.ACTION:
            return item.corrective_action
        if column == self.CAPABILITY:
            return item.capability
        if column == self.OBJECTIVE:
            if item.objective is None:
                return ""
            return self._objectives.get(item.objective, item.objective)
        if column == self.RESPONSIBLE:
            return item.responsible
        day = item.start if column == self.START else item.completion
        return "" if day is None else day.isoformat()
