"""The decision log with its filters, and the corrections a facilitator makes to it."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.commands import VoidDecision
from desktop.domain.events import Event, EventKind
from desktop.services.console import DecisionFilter
from desktop.services.console_views import DecisionListItem
from desktop.ui.decisions.decision_form import DecisionForm
from desktop.ui.decisions.decision_log_model import Column, DecisionLogModel
from desktop.ui.decisions.void_dialog import VoidDialog
from desktop.ui.exercise_bridge import ExerciseBridge

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200
_WIDTHS = {
    Column.TIME: 96,
    Column.TEAM: 140,
    Column.ACTOR: 100,
    Column.INJECT: 80,
    Column.TITLE: 280,
    Column.POSTURE: 90,
    Column.CONSULTED: 220,
    Column.FLAGS: 130,
}
_INJECT_KINDS = frozenset({EventKind.INJECT_RELEASED, EventKind.INJECT_ADDED})


class DecisionLogPanel(QWidget):
    """Filter, browse and correct the decision log (of one team, when `team_id` is given)."""

    sig_decision_selected = Signal(str)  # the id, or "" when nothing is selected

    def __init__(
        self, bridge: ExerciseBridge, parent: QWidget | None = None, team_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._service = bridge.service
        self._fixed_team = team_id
        self._selected: str | None = None
        self.model = DecisionLogModel(self._service, self)

        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(self.tr("Show decisions of team"))
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in self._service.teams():
            self.team_combo.addItem(team.name, team.id)
        self.team_combo.setVisible(team_id is None)
        self.team_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.team_combo.setMinimumContentsLength(12)
        self.inject_combo = QComboBox()
        self.inject_combo.setAccessibleName(self.tr("Show decisions on inject"))
        self.inject_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.inject_combo.setMinimumContentsLength(12)
        self._fill_injects()
        self.voided_box = QCheckBox(self.tr("Show &voided"))
        self.voided_box.setAccessibleName(self.tr("Show voided decisions"))
        self.voided_box.setChecked(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search title, rationale, actor"))
        self.search_edit.setAccessibleName(self.tr("Search decisions"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Decision log"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.view.verticalHeader()
        rows.hide()
        # Fixed heights: the view never measures rows, so it never asks for unloaded pages.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)

        self.amend_action = QAction(self.tr("Amend…"), self)
        self.supersede_action = QAction(self.tr("Supersede…"), self)
        self.void_action = QAction(self.tr("Void…"), self)
        self.amend_action.setToolTip(self.tr("Correct the selected decision's fields"))
        self.supersede_action.setToolTip(
            self.tr("Record a new decision of the team that replaces the selected one")
        )
        self.void_action.setToolTip(self.tr("Withdraw the selected decision, with a reason"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        self.amend_button = self._button(self.amend_action)
        self.supersede_button = self._button(self.supersede_action)
        self.void_button = self._button(self.void_action)
        for button in (self.amend_button, self.supersede_button, self.void_button):
            buttons.addWidget(button)

        filters = QHBoxLayout()
        filters.addWidget(self.team_combo)
        filters.addWidget(self.inject_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.voided_box)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.team_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.inject_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.voided_box.toggled.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self._search_timer.timeout.connect(self._on_filter_changed)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.dataChanged.connect(self._update_actions)
        self.model.sig_total_changed.connect(self._on_model_total_changed)
        self.amend_action.triggered.connect(self._on_amend_action_triggered)
        self.supersede_action.triggered.connect(self._on_supersede_action_triggered)
        self.void_action.triggered.connect(self._on_void_action_triggered)
        bridge.sig_changed.connect(self._on_bridge_changed)
        self._apply_filter()
        self._on_model_total_changed(self.model.total)
        self._update_actions()

    # Public.

    def selected(self) -> DecisionListItem | None:
        """The selected decision's row, if any."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        item = rows[0].data(DecisionLogModel.ObjectRole)
        return item if isinstance(item, DecisionListItem) else None

    def select_row(self, row: int) -> None:
        """Select a row of the view (and scroll to it)."""
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))

    def current_filter(self) -> DecisionFilter:
        """The filter the controls describe."""
        team = self._fixed_team or self.team_combo.currentData()
        return DecisionFilter(
            teams=(team,) if team else (),
            inject=self.inject_combo.currentData(),
            text=self.search_edit.text().strip(),
            include_voided=self.voided_box.isChecked(),
        )

    # Events.

    def _on_filter_changed(self, *_args: object) -> None:
        self._search_timer.stop()
        self._apply_filter()

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if self.model.sort_column() != section:
            # Consulted and flags cannot be sorted in SQL: put the indicator back.
            self.view.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def _on_view_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        item = self.selected()
        self._selected = item.id if item else None
        self._update_actions()
        self.sig_decision_selected.emit(self._selected or "")

    def _on_view_double_clicked(self, _index: QModelIndex) -> None:
        if self.amend_action.isEnabled():
            self.amend_action.trigger()

    def _on_model_reset(self) -> None:
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row is not None:
                self.view.selectRow(row)
                return
            self._selected = None
            self.sig_decision_selected.emit("")
        self._update_actions()

    def _on_model_total_changed(self, total: int) -> None:
        self.count_label.setText(
            self.tr("1 decision")
            if total == 1
            else self.tr("{count} decisions").format(count=f"{total:,}")
        )

    def _on_bridge_changed(self, events: Sequence[Event]) -> None:
        self.model.refresh(events)
        if any(event.kind in _INJECT_KINDS for event in events):
            self._fill_injects()

    def _on_amend_action_triggered(self) -> None:
        item = self.selected()
        if item is not None:
            self._open_form(item, amend=True)

    def _on_supersede_action_triggered(self) -> None:
        item = self.selected()
        if item is not None:
            self._open_form(item, amend=False)

    def _on_void_action_triggered(self) -> None:
        item = self.selected()
        if item is None:
            return
        dialog = VoidDialog(self.tr("the decision “{title}”").format(title=item.title), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._void(item.id, dialog.reason()))
        dialog.open()

    # Inside.

    def _apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _fill_injects(self) -> None:
        combo = self.inject_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All injects"), None)
        for view in self._service.released_injects(self._fixed_team):
            combo.addItem(f"{view.id}: {view.title}", view.id)
            combo.setItemData(combo.count() - 1, view.title, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def _update_actions(self, *_args: object) -> None:
        item = self.selected()
        usable = item is not None and not item.voided
        for action in (self.amend_action, self.supersede_action, self.void_action):
            action.setEnabled(usable)

    def _button(self, action: QAction) -> QPushButton:
        self.view.addAction(action)
        button = QPushButton(action.text())
        button.setToolTip(action.toolTip())
        button.setEnabled(False)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    def _void(self, decision_id: str, reason: str) -> None:
        self._bridge.execute(VoidDecision(decision_id, reason), self)

    def _open_form(self, item: DecisionListItem, *, amend: bool) -> None:
        dialog = QDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Amend a decision") if amend else self.tr("Supersede"))
        form = DecisionForm(self._bridge, dialog, team_id=item.team)
        if amend:
            form.edit_amendment(item.id)
        else:
            form.start_supersede(item.id)
        form.sig_saved.connect(dialog.accept)
        form.clear_button.setText(self.tr("Cancel"))
        form.clear_action.triggered.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(form)
        dialog.resize(620, 720)
        dialog.open()
