"""Filling the observer's combo boxes without losing what the evaluator had chosen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, str | None]]) -> None:
    """Replace the items of `combo` by (text, id) pairs, keeping the chosen id if it remains."""
    current = combo.currentData()
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == list(items):
        return
    with QSignalBlocker(combo):
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        position = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(position, 0) if combo.count() else -1)
    if combo.currentData() != current:
        combo.currentIndexChanged.emit(combo.currentIndex())
