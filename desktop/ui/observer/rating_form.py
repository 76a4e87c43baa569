"""The form an evaluator fills to rate a team against an objective (HSEEP P/S/M/U)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.domain import commands as c
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.observer.choices import chain_tab_order, fill_combo, record_on_ctrl_return
from desktop.ui.observer.rating_selector_widget import RatingSelectorWidget


class RatingForm(QGroupBox):
    """Team, objective, rating, final flag and note; the panel records what it builds."""

    sig_record_requested = Signal()

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.setTitle(self.tr("Rate a team"))

        self.team_combo = QComboBox(self)
        self.team_combo.setAccessibleName(self.tr("Team rated"))
        self.objective_combo = QComboBox(self)
        self.objective_combo.setAccessibleName(self.tr("Objective rated"))
        self.objective_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.objective_combo.setMinimumContentsLength(24)
        self.rating_selector = RatingSelectorWidget(self)
        self.final_check = QCheckBox(self.tr("Final (lead evaluator's consensus)"), self)
        self.final_check.setAccessibleName(self.tr("Final rating"))
        self.final_check.setToolTip(
            self.tr("The one consensus rating HSEEP gives per objective; the debrief uses it.")
        )
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName(self.tr("Rating note"))
        self.note_edit.setPlaceholderText(self.tr("Optional: why this rating"))
        self.record_button = QPushButton(self.tr("Record rating"), self)
        self.record_button.setAccessibleName(self.tr("Record rating"))
        self.record_button.setToolTip(self.tr("Record (Ctrl+Return)"))

        form = QFormLayout(self)
        form.addRow(self.tr("T&eam:"), self.team_combo)
        form.addRow(self.tr("Ob&jective:"), self.objective_combo)
        form.addRow(self.tr("Rating:"), self.rating_selector)
        form.addRow("", self.final_check)
        form.addRow(self.tr("N&ote:"), self.note_edit)
        form.addRow("", self.record_button)

        chain_tab_order(
            [
                self.team_combo,
                self.objective_combo,
                self.rating_selector,
                self.final_check,
                self.note_edit,
                self.record_button,
            ]
        )

        record_on_ctrl_return(self, self.record_button, self.tr("Record the rating"))
        self.team_combo.currentIndexChanged.connect(self._update_record_button)
        self.objective_combo.currentIndexChanged.connect(self._update_record_button)
        self.rating_selector.sig_rating_changed.connect(self._update_record_button)
        self.note_edit.returnPressed.connect(self._on_shortcut_activated)
        self.record_button.clicked.connect(self.sig_record_requested)
        self.refresh()

    def refresh(self) -> None:
        """Read teams and objectives again."""
        service = self._bridge.service
        fill_combo(self.team_combo, [(team.name, team.id) for team in service.teams()])
        fill_combo(
            self.objective_combo,
            [(objective.title, objective.id) for objective in service.objectives()],
        )
        self._update_record_button()

    def command(self, observer: str) -> c.RecordRating | None:
        """The rating to record, or `None` while the form is incomplete."""
        team = self.team_combo.currentData()
        objective = self.objective_combo.currentData()
        rating = self.rating_selector.rating()
        if not (team and objective and rating):
            return None
        return c.RecordRating(
            observer=observer,
            team=team,
            objective=objective,
            rating=rating,
            final=self.final_check.isChecked(),
            note=self.note_edit.text().strip(),
        )

    def command_ready(self) -> bool:
        """Whether every required field is filled."""
        return bool(
            self.team_combo.currentData()
            and self.objective_combo.currentData()
            and self.rating_selector.rating()
        )

    def clear_after_record(self) -> None:
        """Forget the rating, the final flag and the note; keep team and objective."""
        self.rating_selector.set_rating(None)
        self.final_check.setChecked(False)
        self.note_edit.clear()
        self.rating_selector.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_record_button(self) -> None:
        self.record_button.setEnabled(self.command_ready())

    def _on_shortcut_activated(self) -> None:
        if self.record_button.isEnabled():
            self.record_button.click()
