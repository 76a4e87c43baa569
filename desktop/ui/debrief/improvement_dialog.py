"""Adding or editing one row of the improvement plan."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import ImprovementItem
from desktop.domain.scenario import Objective

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date fields, shown as "not set"


class ImprovementItemDialog(QDialog):
    """The fields of an `ImprovementItem`; Save is enabled once issue and action are given."""

    def __init__(
        self,
        item_id: str,
        objectives: Sequence[Objective],
        item: ImprovementItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Edit improvement item") if item else self.tr("Add improvement item")
        )
        self._id = item_id
        self._objectives = {o.id: o for o in objectives}
        self.issue = QPlainTextEdit(self)
        self.issue.setAccessibleName(self.tr("Issue"))
        self.issue.setTabChangesFocus(True)
        self.issue.setFixedHeight(64)
        self.action = QPlainTextEdit(self)
        self.action.setAccessibleName(self.tr("Corrective action"))
        self.action.setTabChangesFocus(True)
        self.action.setFixedHeight(64)
        self.objective = QComboBox(self)
        self.objective.setAccessibleName(self.tr("Objective"))
        self.objective.addItem(self.tr("(none)"), None)
        for objective in objectives:
            self.objective.addItem(objective.title, objective.id)
        self.capability = QLineEdit(self)
        self.capability.setAccessibleName(self.tr("Capability"))
        self.responsible = QLineEdit(self)
        self.responsible.setAccessibleName(self.tr("Responsible organisation"))
        self.start = self._date_edit(self.tr("Start date"))
        self.completion = self._date_edit(self.tr("Completion date"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow(self.tr("&Issue:"), self.issue)
        form.addRow(self.tr("Corrective &action:"), self.action)
        form.addRow(self.tr("&Objective:"), self.objective)
        form.addRow(self.tr("&Capability:"), self.capability)
        form.addRow(self.tr("&Responsible:"), self.responsible)
        form.addRow(self.tr("&Start:"), self.start)
        form.addRow(self.tr("Com&pletion:"), self.completion)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        if item is not None:
            self._fill(item)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.issue.textChanged.connect(self._on_text_changed)
        self.action.textChanged.connect(self._on_text_changed)
        self.objective.currentIndexChanged.connect(self._on_objective_changed)
        self._on_text_changed()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("not set"))
        edit.setDate(NO_DATE)
        return edit

    def _fill(self, item: ImprovementItem) -> None:
        self.issue.setPlainText(item.issue)
        self.action.setPlainText(item.corrective_action)
        index = self.objective.findData(item.objective)
        self.objective.setCurrentIndex(max(0, index))
        self.capability.setText(item.capability)
        self.responsible.setText(item.responsible)
        for edit, day in ((self.start, item.start), (self.completion, item.completion)):
            edit.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))

    def item(self) -> ImprovementItem:
        """The row as entered."""
        return ImprovementItem(
            id=self._id,
            issue=self.issue.toPlainText().strip(),
            corrective_action=self.action.toPlainText().strip(),
            capability=self.capability.text().strip(),
            objective=self.objective.currentData(),
            responsible=self.responsible.text().strip(),
            start=_day(self.start),
            completion=_day(self.completion),
        )

    def _on_text_changed(self) -> None:
        ready = bool(self.issue.toPlainText().strip() and self.action.toPlainText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)

    def _on_objective_changed(self) -> None:
        objective = self._objectives.get(self.objective.currentData())
        if objective is not None and not self.capability.text().strip():
            self.capability.setText(objective.capability)


def _day(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())
