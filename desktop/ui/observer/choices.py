"""What the observer's two forms share: combo boxes refilled without losing the choice,
tab order, and Ctrl+Return to record."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget


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


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab moves through `widgets` in the order given."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def record_on_ctrl_return(form: QWidget, button: QPushButton, what: str) -> None:
    """Ctrl+Return (or Ctrl+Enter) anywhere in `form` presses `button` when it is enabled;
    `what` names the action in Help → Keyboard shortcuts."""

    def press() -> None:
        if button.isEnabled():
            button.click()

    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis(what)
        shortcut.activated.connect(press)
