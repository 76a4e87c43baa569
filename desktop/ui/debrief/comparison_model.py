"""One group of a comparison as a table: key columns, then one column per run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.analysis.compare import ComparisonTable
from desktop.ui.debrief.roles import OBJECT_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


def format_value(value: Any) -> str:
    """A figure as text: ratios to three decimals, lists joined, a dash for nothing."""
    if value is None:
        return "\N{EM DASH}"
    if isinstance(value, bool):
        return "\N{CHECK MARK}" if value else ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list):
        parts = [
            f"{v.get('actor')} {v.get('value', 0):.3f}" if isinstance(v, dict) else str(v)
            for v in value
        ]
        return ", ".join(parts)
    return str(value)


class ComparisonModel(QAbstractTableModel):
    """A thin adapter over a `ComparisonTable`; `ObjectRole` gives the raw row tuple."""

    SortRole = SORT_ROLE
    ObjectRole = OBJECT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[tuple[Any, ...]] = []
        self._keys = 0

    def set_table(self, table: ComparisonTable | None, runs: Sequence[str]) -> None:
        """Show `table` with one column per run label (nothing for `None`)."""
        self.beginResetModel()
        if table is None:
            self._headers, self._rows, self._keys = [], [], 0
        else:
            self._keys = len(table.keys)
            self._headers = [*table.keys, *runs]
            self._rows = [tuple(row) for row in table.rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if not 0 <= column < len(row):
            return None
        value = row[column]
        if role == OBJECT_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_value(value)
        if role == SORT_ROLE:
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, int | float):
                return float(value)
            return format_value(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self._keys:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
