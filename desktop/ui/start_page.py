"""The welcome page: start a new exercise, open one, or pick up a recent one.

Shown before the heavy layers load, so it imports only PySide6, the standard library,
`desktop.infra` and the settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.paths import APP_NAME
from desktop.ui.settings import AppSettings

PathRole = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    """Two big actions and the recent documents."""

    sig_new_requested = Signal()
    sig_open_requested = Signal()
    sig_recent_chosen = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("startPage")

        title = QLabel(APP_NAME, self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        tagline = QLabel(
            self.tr("Tabletop exercises for integrated UN peace operations, and their debrief."),
            self,
        )
        tagline.setWordWrap(True)

        self.new_button = self._big_button(
            self.tr("New exercise from a scenario pack…"),
            self.tr("Choose a pack, set up the teams and the clock, and save the exercise."),
        )
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.open_button = self._big_button(
            self.tr("Open exercise…"),
            self.tr("Continue or debrief an exercise saved as a .coherence file."),
        )
        self.open_button.clicked.connect(self._on_open_button_clicked)

        recent_label = QLabel(self.tr("&Recent exercises"), self)
        heading = QFont(recent_label.font())
        heading.setWeight(QFont.Weight.DemiBold)
        recent_label.setFont(heading)
        recent_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.recent_list = QTreeWidget(self)
        self.recent_list.setAccessibleName(self.tr("Recent exercises"))
        self.recent_list.setColumnCount(3)
        self.recent_list.setHeaderLabels([self.tr("Name"), self.tr("Folder"), self.tr("Modified")])
        self.recent_list.setRootIsDecorated(False)
        self.recent_list.setUniformRowHeights(True)
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.recent_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
        self.recent_list.currentItemChanged.connect(self._on_recent_list_current_changed)

        self.remove_action = QAction(self.tr("Remove from list"), self.recent_list)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._on_remove_action_triggered)
        self.recent_list.addAction(self.remove_action)

        self.empty_label = QLabel(
            self.tr(
                "No recent exercises. Start a new one from a scenario pack, "
                "or open a .coherence file."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)

        actions = QVBoxLayout()
        actions.setSpacing(12)
        actions.addWidget(self.new_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)

        recent = QVBoxLayout()
        recent.addWidget(recent_label)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(self.empty_label)
        recent.addStretch(0)  # keeps the empty-list message at the top

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(actions, 2)
        columns.addLayout(recent, 3)

        column = QVBoxLayout(self)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(8)
        column.addWidget(title)
        column.addWidget(tagline)
        column.addSpacing(24)
        column.addLayout(columns, 1)

        QWidget.setTabOrder(self.new_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.recent_list)
        self.refresh()

    def _big_button(self, text: str, explanation: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(explanation)
        button.setToolTip(explanation)
        button.setMinimumHeight(56)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        button.setFont(font)
        return button

    def refresh(self) -> None:
        """Reread the recent documents (files that disappeared are dropped)."""
        self.recent_list.clear()
        for path in map(Path, self._settings.recent_documents()):
            try:
                modified = QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime))
            except OSError:
                continue
            when = modified.toString("d MMM yyyy, HH:mm")
            item = QTreeWidgetItem([path.stem, str(path.parent), when])
            item.setData(0, PathRole, str(path))
            item.setToolTip(0, str(path))
            item.setToolTip(1, str(path.parent))
            self.recent_list.addTopLevelItem(item)
        has_items = self.recent_list.topLevelItemCount() > 0
        self.recent_list.setVisible(has_items)
        self.empty_label.setVisible(not has_items)
        first = self.recent_list.topLevelItem(0)
        if first is not None:
            self.recent_list.setCurrentItem(first)
        self._on_recent_list_current_changed()

    def recent_paths(self) -> list[str]:
        """The paths listed, top to bottom."""
        items = (
            self.recent_list.topLevelItem(r) for r in range(self.recent_list.topLevelItemCount())
        )
        return [str(item.data(0, PathRole)) for item in items if item is not None]

    def _on_new_button_clicked(self) -> None:
        self.sig_new_requested.emit()

    def _on_open_button_clicked(self) -> None:
        self.sig_open_requested.emit()

    def _on_recent_list_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.sig_recent_chosen.emit(str(item.data(0, PathRole)))

    def _on_recent_list_current_changed(self, *_args: object) -> None:
        self.remove_action.setEnabled(self.recent_list.currentItem() is not None)

    def _on_remove_action_triggered(self) -> None:
        item = self.recent_list.currentItem()
        if item is None:
            return
        self._settings.remove_recent_document(Path(str(item.data(0, PathRole))))
        self.refresh()
