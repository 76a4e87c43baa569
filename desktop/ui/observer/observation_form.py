"""The form an evaluator fills to note a strength or an area for improvement."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop.domain import commands as c
from desktop.domain.enums import ObservationKind
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.observer.choices import chain_tab_order, fill_combo, record_on_ctrl_return
from desktop.ui.observer.observation_model import kind_label


class ObservationForm(QGroupBox):
    """Team, objective, kind, optional inject and text; the panel records what it builds."""

    sig_record_requested = Signal()

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.setTitle(self.tr("Record an observation"))

        self.team_combo = QComboBox(self)
        self.team_combo.setAccessibleName(self.tr("Team observed"))
        self.objective_combo = QComboBox(self)
        self.objective_combo.setAccessibleName(self.tr("Objective of the observation"))
        self.objective_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.objective_combo.setMinimumContentsLength(24)
        self.strength_radio = QRadioButton(kind_label(ObservationKind.STRENGTH), self)
        self.strength_radio.setAccessibleName(self.tr("Strength"))
        self.improvement_radio = QRadioButton(kind_label(ObservationKind.IMPROVEMENT), self)
        self.improvement_radio.setAccessibleName(self.tr("Area for improvement"))
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.strength_radio)
        self._kinds.addButton(self.improvement_radio)
        self.inject_combo = QComboBox(self)
        self.inject_combo.setAccessibleName(self.tr("Inject observed (optional)"))
        self.inject_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.inject_combo.setMinimumContentsLength(24)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName(self.tr("Observation text"))
        self.text_edit.setPlaceholderText(self.tr("What you saw, and why it matters"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(70)
        self.record_button = QPushButton(self.tr("Record observation"), self)
        self.record_button.setAccessibleName(self.tr("Record observation"))
        self.record_button.setToolTip(self.tr("Record (Ctrl+Return)"))

        kinds = QHBoxLayout()
        kinds.addWidget(self.strength_radio)
        kinds.addWidget(self.improvement_radio)
        kinds.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("&Team:"), self.team_combo)
        form.addRow(self.tr("O&bjective:"), self.objective_combo)
        form.addRow(self.tr("Kind:"), kinds)
        form.addRow(self.tr("&Inject:"), self.inject_combo)
        form.addRow(self.tr("&Note:"), self.text_edit)
        form.addRow("", self.record_button)

        chain_tab_order(
            [
                self.team_combo,
                self.objective_combo,
                self.strength_radio,
                self.improvement_radio,
                self.inject_combo,
                self.text_edit,
                self.record_button,
            ]
        )

        record_on_ctrl_return(self, self.record_button, self.tr("Record the observation"))
        self.team_combo.currentIndexChanged.connect(self._on_team_combo_changed)
        self.objective_combo.currentIndexChanged.connect(self._update_record_button)
        self._kinds.buttonToggled.connect(self._update_record_button)
        self.text_edit.textChanged.connect(self._update_record_button)
        self.record_button.clicked.connect(self.sig_record_requested)
        self.refresh()

    def refresh(self) -> None:
        """Read teams, objectives and released injects again."""
        service = self._bridge.service
        fill_combo(self.team_combo, [(team.name, team.id) for team in service.teams()])
        fill_combo(
            self.objective_combo,
            [(objective.title, objective.id) for objective in service.objectives()],
        )
        self._fill_injects()
        self._update_record_button()

    def kind(self) -> ObservationKind | None:
        """The kind chosen, if any."""
        if self.strength_radio.isChecked():
            return ObservationKind.STRENGTH
        if self.improvement_radio.isChecked():
            return ObservationKind.IMPROVEMENT
        return None

    def command(self, observer: str) -> c.RecordObservation | None:
        """The observation to record, or `None` while the form is incomplete."""
        team = self.team_combo.currentData()
        objective = self.objective_combo.currentData()
        kind = self.kind()
        text = self.text_edit.toPlainText().strip()
        if not (team and objective and kind and text):
            return None
        return c.RecordObservation(
            observer=observer,
            team=team,
            objective=objective,
            kind=kind,
            text=text,
            inject=self.inject_combo.currentData(),
        )

    def clear_after_record(self) -> None:
        """Empty the text and the kind for the next observation; keep team and objective."""
        self._kinds.setExclusive(False)
        self.strength_radio.setChecked(False)
        self.improvement_radio.setChecked(False)
        self._kinds.setExclusive(True)
        self.text_edit.clear()
        self.inject_combo.setCurrentIndex(0)
        self.team_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_injects(self) -> None:
        team = self.team_combo.currentData()
        items: list[tuple[str, str | None]] = [(self.tr("(none)"), None)]
        if team:
            released = self._bridge.service.released_injects(team)
            items += [(f"{view.id}: {view.title}", view.id) for view in reversed(released)]
        fill_combo(self.inject_combo, items)

    def _update_record_button(self) -> None:
        self.record_button.setEnabled(self.command_ready())

    def command_ready(self) -> bool:
        """Whether every required field is filled."""
        return bool(
            self.team_combo.currentData()
            and self.objective_combo.currentData()
            and self.kind()
            and self.text_edit.toPlainText().strip()
        )

    def _on_team_combo_changed(self) -> None:
        self._fill_injects()
        self._update_record_button()
