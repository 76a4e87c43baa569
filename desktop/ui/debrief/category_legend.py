"""The key to the network drawings: one coloured disc per actor category, and the edges."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.report.palette import CATEGORY_COLOURS, category_colour
from desktop.ui.debrief import texts


class CategoryLegendWidget(QWidget):
    """A wrapped row of `● category` entries for the categories present in a scenario."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(14)

    def set_categories(self, categories: Iterable[str]) -> None:
        """Show the categories given, in the palette's order."""
        while (child := self._layout.takeAt(0)) is not None:
            widget = child.widget()
            if widget is not None:
                widget.deleteLater()
        present = set(categories)
        for category in CATEGORY_COLOURS:
            if str(category) in present:
                label = QLabel(
                    f'<span style="color:{category_colour(str(category))}; font-size:15px">'
                    f"\N{BLACK CIRCLE}</span> {texts.category_label(str(category))}",
                    self,
                )
                self._layout.addWidget(label)
        edges = QLabel(
            self.tr("Arrow: who engaged whom \N{EM DASH} width: consultations; pale: not engaged"),
            self,
        )
        edges.setStyleSheet("color: #6b7480")
        self._layout.addWidget(edges)
        self._layout.addStretch(1)
