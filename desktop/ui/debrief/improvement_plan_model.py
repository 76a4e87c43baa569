"""The improvement plan as a table (HSEEP AAR/IP columns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.domain.records import ImprovementItem
from desktop.ui.debrief.roles import OBJECT_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


class ImprovementPlanModel(QAbstractTableModel):
    """A thin adapter over `ImprovementItem`s; `upsert` adds or replaces one by id."""

    SortRole = SORT_ROLE
    ObjectRole = OBJECT_ROLE
    ISSUE, ACTION, CAPABILITY, OBJECTIVE, RESPONSIBLE, START, COMPLETION = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[ImprovementItem] = []
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
        self._items = list(items)
        if objectives is not None:
            self._objectives = dict(objectives)
        self.endResetModel()

    def upsert(self, item: ImprovementItem) -> int:
        """Add `item`, or replace the row with its id; returns its row."""
        for row, existing in enumerate(self._items):
            if existing.id == item.id:
                self._items[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))
                return row
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def items(self) -> tuple[ImprovementItem, ...]:
        """Every row, in order."""
        return tuple(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
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
