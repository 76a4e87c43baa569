"""The facilitator's MSEL: every inject, filters, and release, hold, skip and ad hoc."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import commands as c
from desktop.services.console_views import InjectDisplayStatus, InjectView
from desktop.ui.console.adhoc_inject_dialog import AdhocInjectDialog
from desktop.ui.console.msel_filter_proxy_model import MselFilterProxyModel
from desktop.ui.console.msel_model import MselColumn, MselModel, status_texts
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.icons import icon

log = logging.getLogger(__name__)

S = InjectDisplayStatus
RELEASABLE = frozenset({S.PENDING, S.DUE, S.HELD, S.TRIGGERED, S.SKIPPED})
HOLDABLE = frozenset({S.PENDING, S.DUE, S.TRIGGERED})
SKIPPABLE = frozenset({S.PENDING, S.DUE, S.HELD, S.TRIGGERED})
OPEN = frozenset({S.PENDING, S.DUE, S.HELD, S.TRIGGERED})

COLUMN_WIDTHS = {
    MselColumn.TIME: 96,
    MselColumn.STATUS: 100,
    MselColumn.SENDER: 110,
    MselColumn.TARGETS: 180,
    MselColumn.CHANNEL: 84,
    MselColumn.PHASE: 110,
}


class MselPanel(QWidget):
    """The MSEL table with its filters and the inject actions the main window also shows."""

    sig_inject_selected = Signal(str)  # the selected inject id; "" when none is

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        service = bridge.service

        self.model = MselModel(self)
        self.model.set_phases(service.scenario.phases)
        self.proxy = MselFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.release_action = self._action(self.tr("&Release now"), "Ctrl+R", "release")
        self.release_action.setToolTip(self.tr("Release the selected inject to its teams now"))
        self.hold_action = self._action(self.tr("&Hold"), "Ctrl+H", "hold")
        self.hold_action.setToolTip(self.tr("Keep the selected inject from releasing by itself"))
        self.skip_action = self._action(self.tr("&Skip…"), "Ctrl+K", "skip")
        self.skip_action.setToolTip(self.tr("Drop the selected inject from play, with a reason"))
        self.add_adhoc_action = self._action(self.tr("Add &ad-hoc inject…"), "Ctrl+I", "add")
        self.add_adhoc_action.setToolTip(self.tr("Write a new inject and release it now"))
        self.release_action.triggered.connect(self._on_release_action_triggered)
        self.hold_action.triggered.connect(self._on_hold_action_triggered)
        self.skip_action.triggered.connect(self._on_skip_action_triggered)
        self.add_adhoc_action.triggered.connect(self._on_add_adhoc_action_triggered)

        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(self.tr("Team filter"))
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in service.teams():
            self.team_combo.addItem(team.name, team.id)

        self.phase_combo = QComboBox()
        self.phase_combo.setAccessibleName(self.tr("Phase filter"))
        self.phase_combo.addItem(self.tr("All phases"), None)
        for phase in service.scenario.phases:
            self.phase_combo.addItem(phase.title, phase.id)

        words = status_texts(self)
        self._status_choices: list[frozenset[InjectDisplayStatus] | None] = [None, OPEN]
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status filter"))
        self.status_combo.addItem(self.tr("All statuses"))
        self.status_combo.addItem(self.tr("Not yet released"))
        for status in (S.DUE, S.PENDING, S.TRIGGERED, S.HELD, S.RELEASED, S.SKIPPED):
            self.status_combo.addItem(words[status])
            self._status_choices.append(frozenset({status}))

        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search injects"))
        self.search_edit.setPlaceholderText(self.tr("Search title, text or id"))
        self.search_edit.setClearButtonEnabled(True)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Master scenario events list"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(MselColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.sortByColumn(MselColumn.TIME, Qt.SortOrder.AscendingOrder)

        self.count_label = QLabel()
        self.count_label.setObjectName("mselCount")

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("&Team:"), self.team_combo),
            (self.tr("P&hase:"), self.phase_combo),
            (self.tr("S&tatus:"), self.status_combo),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addSpacing(8)
        filters.addWidget(self.search_edit, 1)

        buttons = QHBoxLayout()
        self.release_button = self._button(self.release_action)
        self.hold_button = self._button(self.hold_action)
        self.skip_button = self._button(self.skip_action)
        self.add_adhoc_button = self._button(self.add_adhoc_action)
        for button in (self.release_button, self.hold_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.add_adhoc_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.team_combo.currentIndexChanged.connect(self._on_team_combo_index_changed)
        self.phase_combo.currentIndexChanged.connect(self._on_phase_combo_index_changed)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_index_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        bridge.sig_changed.connect(self._on_bridge_changed)
        bridge.sig_ticked.connect(self._on_bridge_ticked)

        self.model.set_rows(service.injects())
        self._update_actions()
        self._update_count()

    def _action(self, text: str, shortcut: str, icon_name: str) -> QAction:
        action = QAction(icon(icon_name), text, self)
        # Tool buttons show the icon text, which by default drops the ellipsis.
        action.setIconText(text.replace("&", ""))
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    @staticmethod
    def _button(action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(action.iconText().rstrip("…"))
        return button

    # Selection.

    def selected_inject(self) -> InjectView | None:
        """The selected inject's current view, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        view = self.proxy.data(rows[0], MselModel.ObjectRole)
        return view if isinstance(view, InjectView) else None

    def select_inject(self, inject_id: str) -> bool:
        """Select and show an inject, clearing filters that hide it; `False` if unknown."""
        row = self.model.row_of(inject_id)
        if row < 0:
            return False
        source = self.model.index(row, 0)
        if not self.proxy.mapFromSource(source).isValid():
            self.clear_filters()
        index = self.proxy.mapFromSource(source)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        """Show every inject."""
        self.team_combo.setCurrentIndex(0)
        self.phase_combo.setCurrentIndex(0)
        self.status_combo.setCurrentIndex(0)
        self.search_edit.clear()

    # Keeping current.

    def refresh(self) -> None:
        """Read the MSEL again (rows stay put unless injects were added)."""
        selected = self.selected_inject()
        self.model.update_rows(self._bridge.service.injects())
        if selected is not None and self.selected_inject() is None:
            # A reset (an ad-hoc inject added) drops the selection: put it back.
            self.select_inject(selected.id)
        self._update_actions()

    def _update_actions(self) -> None:
        view = self.selected_inject()
        status = view.status if view is not None else None
        self.release_action.setEnabled(status in RELEASABLE)
        self.hold_action.setEnabled(status in HOLDABLE)
        self.skip_action.setEnabled(status in SKIPPABLE)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("1 inject") if total == 1 else self.tr("{total} injects")
            self.count_label.setText(text.format(total=total))
        else:
            self.count_label.setText(
                self.tr("{shown} of {total} injects").format(shown=shown, total=total)
            )

    # Commands.

    def _on_release_action_triggered(self) -> None:
        view = self.selected_inject()
        if view is not None and view.status in RELEASABLE:
            self._bridge.execute(c.Release(view.id), self)

    def _on_hold_action_triggered(self) -> None:
        view = self.selected_inject()
        if view is not None and view.status in HOLDABLE:
            self._bridge.execute(c.Hold(view.id), self)

    def _on_skip_action_triggered(self) -> None:
        view = self.selected_inject()
        if view is None or view.status not in SKIPPABLE:
            return
        dialog = _SkipReasonDialog(view, self)
        dialog.accepted.connect(self._on_skip_dialog_accepted)
        dialog.rejected.connect(dialog.deleteLater)
        dialog.open()

    def _on_skip_dialog_accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, _SkipReasonDialog):
            return
        if self._bridge.execute(c.Skip(dialog.inject_id, dialog.reason()), self) is None:
            dialog.open()  # refused: the dialog comes back with the reason typed
            return
        dialog.deleteLater()

    def _on_add_adhoc_action_triggered(self) -> None:
        dialog = AdhocInjectDialog(self._bridge.service, self)
        dialog.accepted.connect(self._on_adhoc_dialog_accepted)
        dialog.rejected.connect(dialog.deleteLater)
        dialog.open()

    def _on_adhoc_dialog_accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, AdhocInjectDialog):
            return
        inject = dialog.inject()
        if self._bridge.execute(c.AddInject(inject), self) is None:
            dialog.open()  # refused: nothing typed is lost
            return
        dialog.deleteLater()
        self.select_inject(inject.id)

    # Signals.

    def _on_team_combo_index_changed(self, _index: int) -> None:
        self.proxy.set_team(self.team_combo.currentData())

    def _on_phase_combo_index_changed(self, _index: int) -> None:
        self.proxy.set_phase(self.phase_combo.currentData())

    def _on_status_combo_index_changed(self, index: int) -> None:
        self.proxy.set_statuses(self._status_choices[index] if index >= 0 else None)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_actions()
        view = self.selected_inject()
        self.sig_inject_selected.emit(view.id if view is not None else "")

    def _on_bridge_changed(self, _events: list[object]) -> None:
        self.refresh()

    def _on_bridge_ticked(self) -> None:
        self.refresh()


class _SkipReasonDialog(QDialog):
    """Asks why an inject is skipped; the reason is required (it goes to the debrief)."""

    def __init__(self, view: InjectView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skipReasonDialog")
        self.inject_id = view.id
        self.setWindowTitle(self.tr("Skip inject"))
        self.setMinimumWidth(420)
        question = QLabel(
            self.tr("Why is “{title}” skipped? The reason goes into the exercise log.").format(
                title=view.title
            )
        )
        question.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("For example: the teams are behind time"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Skip inject"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)

    def reason(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if self.reason():
            super().accept()

    def _on_reason_edit_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))
