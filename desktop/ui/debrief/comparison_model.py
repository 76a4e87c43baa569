"""One group of a comparison as a table: key columns, then one column per run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from desktop.analysis.compare import ComparisonTable
from desktop.ui.debrief.roles import OBJECT_ROLE, SORT_ROLE
from desktop.ui.debrief.row_table_model import Index, RowTableModel


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


class ComparisonModel(RowTableModel[tuple[Any, ...]]):
    """A thin adapter over a `ComparisonTable`; `ObjectRole` gives the raw row tuple."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        column = index.column()
        if row is None or not 0 <= column < len(row):
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
