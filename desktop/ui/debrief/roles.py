"""The item-data roles every debrief model answers besides Qt's own."""

from __future__ import annotations

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a plain value to sort by (numbers, not text)
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 2  # the read model behind the row or cell
