"""The evaluator's workspace: record observations and ratings, review and void them."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import commands as c
from desktop.domain.enums import Rating
from desktop.domain.events import Event
from desktop.domain.records import Observation, RatingEntry
from desktop.ui.decisions.void_dialog import VoidDialog
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.observer.observation_form import ObservationForm
from desktop.ui.observer.observation_model import ObservationModel
from desktop.ui.observer.rating_form import RatingForm
from desktop.ui.observer.rating_matrix_model import (
    RATING_COLOURS,
    RatingMatrixModel,
    rating_meaning,
)

log = logging.getLogger(__name__)


class ObserverPanel(QWidget):
    """Entry forms on the left; the observation log and the rating matrix on the right."""

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._typed_names: list[str] = []

        self.observer_combo = QComboBox(self)
        self.observer_combo.setEditable(True)
        self.observer_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.observer_combo.setAccessibleName(self.tr("Observer name"))
        self.observer_combo.setMinimumContentsLength(16)
        line_edit = self.observer_combo.lineEdit()
        assert isinstance(line_edit, QLineEdit)
        line_edit.setPlaceholderText(self.tr("Your name"))
        self.observation_form = ObservationForm(bridge, self)
        self.rating_form = RatingForm(bridge, self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Last action"))

        self.observation_model = ObservationModel(self)
        self._observation_proxy = QSortFilterProxyModel(self)
        self._observation_proxy.setSourceModel(self.observation_model)
        self._observation_proxy.setSortRole(ObservationModel.SortRole)
        self.observation_view = QTableView(self)
        self.observation_view.setAccessibleName(self.tr("Observations"))
        self.observation_view.setModel(self._observation_proxy)
        self.observation_view.setSortingEnabled(True)
        self.observation_view.sortByColumn(ObservationModel.TIME, Qt.SortOrder.DescendingOrder)
        self.observation_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.observation_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.observation_view.setWordWrap(False)
        self.observation_view.verticalHeader().hide()
        header = self.observation_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ObservationModel.OBJECTIVE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ObservationModel.OBJECTIVE, 220)
        header.setSectionResizeMode(ObservationModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.void_button = QPushButton(self.tr("Void…"), self)
        self.void_button.setAccessibleName(self.tr("Void the selected observation"))
        self.void_button.setToolTip(
            self.tr("Mark the selected observation void; it stays in the log, out of the debrief.")
        )
        self.void_button.setEnabled(False)

        self.matrix_model = RatingMatrixModel(self)
        self.matrix_view = QTableView(self)
        self.matrix_view.setAccessibleName(self.tr("Rating matrix"))
        self.matrix_view.setModel(self.matrix_model)
        self.matrix_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.verticalHeader().setMaximumWidth(320)
        self.matrix_view.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matrix_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.void_rating_button = QPushButton(self.tr("Void rating…"), self)
        self.void_rating_button.setAccessibleName(self.tr("Void the rating shown in the cell"))
        self.void_rating_button.setToolTip(
            self.tr(
                "Mark the rating shown in the selected cell void; the cell then shows the next."
            )
        )
        self.void_rating_button.setEnabled(False)
        legend = QLabel(_legend_html(), self)
        legend.setWordWrap(True)

        self._build_layout(legend)
        QWidget.setTabOrder(self.observer_combo, self.observation_form.team_combo)
        QWidget.setTabOrder(self.observation_form.record_button, self.rating_form.team_combo)
        QWidget.setTabOrder(self.rating_form.record_button, self.observation_view)
        QWidget.setTabOrder(self.observation_view, self.void_button)
        QWidget.setTabOrder(self.void_button, self.matrix_view)
        QWidget.setTabOrder(self.matrix_view, self.void_rating_button)

        self.observation_form.sig_record_requested.connect(self._on_observation_form_requested)
        self.rating_form.sig_record_requested.connect(self._on_rating_form_requested)
        self.void_button.clicked.connect(self._on_void_button_clicked)
        self.void_rating_button.clicked.connect(self._on_void_rating_button_clicked)
        self.matrix_view.selectionModel().selectionChanged.connect(
            self._on_matrix_view_selection_changed
        )
        selection = self.observation_view.selectionModel()
        selection.selectionChanged.connect(self._on_observation_view_selection_changed)
        bridge.sig_changed.connect(self._on_bridge_changed)
        self.refresh()

    def _build_layout(self, legend: QLabel) -> None:
        observer_row = QHBoxLayout()
        observer_label = QLabel(self.tr("&Observer:"), self)
        observer_label.setBuddy(self.observer_combo)
        observer_row.addWidget(observer_label)
        observer_row.addWidget(self.observer_combo, 1)
        entry = QWidget(self)
        entry_layout = QVBoxLayout(entry)
        entry_layout.addLayout(observer_row)
        entry_layout.addWidget(self.observation_form)
        entry_layout.addWidget(self.rating_form)
        entry_layout.addWidget(self.status_label)
        entry_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(entry)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(320)

        observations = QGroupBox(self.tr("Observations"), self)
        observations_layout = QVBoxLayout(observations)
        observations_layout.addWidget(self.observation_view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.void_button)
        observations_layout.addLayout(buttons)
        ratings = QGroupBox(self.tr("Ratings (objectives × teams)"), self)
        ratings_layout = QVBoxLayout(ratings)
        ratings_layout.addWidget(self.matrix_view)
        rating_row = QHBoxLayout()
        rating_row.addWidget(legend, 1)
        rating_row.addWidget(self.void_rating_button)
        ratings_layout.addLayout(rating_row)
        review = QSplitter(Qt.Orientation.Vertical, self)
        review.addWidget(observations)
        review.addWidget(ratings)
        review.setStretchFactor(0, 3)
        review.setStretchFactor(1, 2)

        # Forms above, what was recorded below: the panel lives in a tall, narrow dock.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(scroll)
        splitter.addWidget(review)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.entry_scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        """Read the document again: choices, the observation log and the ratings."""
        service = self._bridge.service
        self.observation_form.refresh()
        self.rating_form.refresh()
        self._refresh_observer_names()
        teams = service.teams()
        objectives = service.objectives()
        self.observation_model.set_names(
            {team.id: team.name for team in teams},
            {objective.id: objective.title for objective in objectives},
        )
        chosen = self.selected_observation()
        self.observation_model.set_rows(service.observations())
        if chosen is not None:
            self._select_observation(chosen.id)
        cells = self.matrix_view.selectionModel().selectedIndexes()
        cell = (cells[0].row(), cells[0].column()) if cells else None
        self.matrix_model.set_axes(objectives, teams)
        self.matrix_model.set_rows(service.ratings())
        if cell is not None:
            self.matrix_view.setCurrentIndex(self.matrix_model.index(*cell))
        self.matrix_view.resizeRowsToContents()
        self._update_void_button()

    def observer_name(self) -> str:
        """The name in the observer box."""
        return " ".join(self.observer_combo.currentText().split())

    def selected_observation(self) -> Observation | None:
        """The observation selected in the log, if any."""
        rows = self.observation_view.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ObservationModel.ObjectRole)
        return entry if isinstance(entry, Observation) else None

    def selected_rating(self) -> RatingEntry | None:
        """The rating shown in the selected cell of the matrix, if any."""
        cells = self.matrix_view.selectionModel().selectedIndexes()
        if not cells:
            return None
        entry = cells[0].data(RatingMatrixModel.ObjectRole)
        return entry if isinstance(entry, RatingEntry) else None

    def _refresh_observer_names(self) -> None:
        service = self._bridge.service
        names = list(self._typed_names)
        entered = [entry.observer for entry in service.observations()]
        entered += [entry.observer for entry in service.ratings()]
        for name in entered:
            if name not in names:
                names.append(name)
        typed = self.observer_combo.currentText()
        if [self.observer_combo.itemText(i) for i in range(self.observer_combo.count())] != names:
            self.observer_combo.clear()
            self.observer_combo.addItems(names)
            self.observer_combo.setEditText(typed)

    def _remember_observer(self, name: str) -> None:
        if name not in self._typed_names:
            self._typed_names.insert(0, name)
        self._refresh_observer_names()
        self.observer_combo.setEditText(name)

    def _observer_or_ask(self) -> str | None:
        name = self.observer_name()
        if not name:
            self.status_label.setText(self.tr("Type your name as observer first."))
            self.observer_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return name

    def _select_observation(self, observation_id: str) -> None:
        model = self.observation_model
        for row in range(model.rowCount()):
            if model.observation(row).id == observation_id:
                index = self._observation_proxy.mapFromSource(model.index(row, 0))
                self.observation_view.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    def _update_void_button(self) -> None:
        chosen = self.selected_observation()
        self.void_button.setEnabled(chosen is not None and not chosen.voided)
        self.void_rating_button.setEnabled(self.selected_rating() is not None)

    def _ask_void_reason(self, subject: str) -> str | None:
        dialog = VoidDialog(subject, self)
        dialog.setObjectName("voidDialog")
        if dialog.exec() != VoidDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def _on_observation_form_requested(self) -> None:
        observer = self._observer_or_ask()
        command = self.observation_form.command(observer) if observer else None
        if command is None:
            return
        if self._bridge.execute(command, self) is None:
            return
        self._remember_observer(command.observer)
        self.observation_form.clear_after_record()
        self.status_label.setText(self.tr("Observation recorded."))

    def _on_rating_form_requested(self) -> None:
        observer = self._observer_or_ask()
        command = self.rating_form.command(observer) if observer else None
        if command is None:
            return
        if self._bridge.execute(command, self) is None:
            return
        self._remember_observer(command.observer)
        self.rating_form.clear_after_record()
        final = self.tr(" (final)") if command.final else ""
        self.status_label.setText(
            self.tr("Rating {rating}{final} recorded.").format(
                rating=command.rating.value, final=final
            )
        )

    def _on_void_button_clicked(self) -> None:
        entry = self.selected_observation()
        if entry is None or entry.voided:
            return
        subject = self.tr("the observation \u201c{text}\u201d by {observer}").format(
            text=_shorten(entry.text, 80), observer=entry.observer
        )
        reason = self._ask_void_reason(subject)
        if reason is None:
            return
        if self._bridge.execute(c.VoidObservation(entry.id, reason), self) is not None:
            self.status_label.setText(self.tr("Observation voided."))

    def _on_void_rating_button_clicked(self) -> None:
        entry = self.selected_rating()
        if entry is None:
            return
        subject = self.tr("the rating {rating} of {team} by {observer}").format(
            rating=entry.rating.value,
            team=self._bridge.service.actor_name(entry.team),
            observer=entry.observer,
        )
        reason = self._ask_void_reason(subject)
        if reason is None:
            return
        if self._bridge.execute(c.VoidRating(entry.id, reason), self) is not None:
            self.status_label.setText(self.tr("Rating voided."))

    def _on_matrix_view_selection_changed(self) -> None:
        self._update_void_button()

    def _on_observation_view_selection_changed(self) -> None:
        self._update_void_button()

    def _on_bridge_changed(self, events: Sequence[Event]) -> None:
        self.refresh()


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _legend_html() -> str:
    cells = []
    for rating in Rating:
        background, text = RATING_COLOURS[rating]
        cells.append(
            f'<span style="background:{background}; color:{text};">&nbsp;<b>{rating.value}</b>'
            f"&nbsp;</span> {rating_meaning(rating)}"
        )
    final = QCoreApplication.translate("ObserverPanel", "✓ = final")
    return " &nbsp; ".join(cells) + f" &nbsp; {final}"
