"""The military and civil-defence assets checklist of a decision (Oslo / MCDA guidelines)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import AssetPurpose, AssetTask, AssetUniqueness
from desktop.domain.records import MilitaryAssets
from desktop.domain.scenario import Actor


class MilitaryAssetsForm(QGroupBox):
    """A checkable group: checked means the decision requests military or civil-defence assets."""

    sig_edited = Signal()

    def __init__(self, actors: Sequence[Actor] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Military or civil-defence assets requested"))
        self.setCheckable(True)
        self.setChecked(False)
        self.setAccessibleName(self.tr("Military or civil-defence assets requested"))
        self.asset = QLineEdit()
        self.asset.setPlaceholderText(self.tr("e.g. Two utility helicopters"))
        self.asset.setAccessibleName(self.tr("Asset"))
        self.purpose = QComboBox()
        self.purpose.addItem(self.tr("humanitarian"), AssetPurpose.HUMANITARIAN)
        self.purpose.addItem(self.tr("peacebuilding"), AssetPurpose.PEACEBUILDING)
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.task = QComboBox()
        self.task.addItem(self.tr("infrastructure support"), AssetTask.INFRASTRUCTURE)
        self.task.addItem(self.tr("indirect assistance"), AssetTask.INDIRECT)
        self.task.addItem(self.tr("direct assistance"), AssetTask.DIRECT)
        self.task.addItem(self.tr("escort"), AssetTask.ESCORT)
        self.task.setCurrentIndex(1)
        self.task.setAccessibleName(self.tr("Task"))
        self.decided_by = QComboBox()
        self.decided_by.setAccessibleName(self.tr("Decided by"))
        self.alternatives = QPlainTextEdit()
        self.alternatives.setTabChangesFocus(True)
        self.alternatives.setPlaceholderText(self.tr("One per line, e.g. UNHAS"))
        self.alternatives.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.alternatives.setAccessibleName(self.tr("Civilian alternatives considered"))
        self.unique = QComboBox()
        self.unique.addItem(self.tr("not unique"), AssetUniqueness.NONE)
        self.unique.addItem(self.tr("unique in capability"), AssetUniqueness.CAPABILITY)
        self.unique.addItem(self.tr("unique in timeliness"), AssetUniqueness.TIMELINESS)
        self.unique.setAccessibleName(self.tr("Unique"))
        self.critical_need = QCheckBox(self.tr("Critical need"))
        self.humanitarian_control = QCheckBox(self.tr("Under humanitarian control"))
        self.unarmed = QCheckBox(self.tr("Unarmed"))
        self.time_limited = QCheckBox(self.tr("Time-limited"))
        for box in (self.critical_need, self.humanitarian_control, self.unarmed, self.time_limited):
            box.setAccessibleName(box.text())
        self.exit_plan = QLineEdit()
        self.exit_plan.setPlaceholderText(self.tr("How and when the assets hand back"))
        self.exit_plan.setAccessibleName(self.tr("Exit plan"))

        self._body = QWidget()
        form = QFormLayout(self._body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Asset"), self.asset)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Task"), self.task)
        form.addRow(self.tr("Decided by"), self.decided_by)
        form.addRow(self.tr("Civilian alternatives"), self.alternatives)
        form.addRow(self.tr("Unique"), self.unique)
        checks = QHBoxLayout()
        for box in (self.critical_need, self.humanitarian_control, self.unarmed, self.time_limited):
            checks.addWidget(box)
        checks.addStretch(1)
        form.addRow(checks)
        form.addRow(self.tr("Exit plan"), self.exit_plan)
        layout = QVBoxLayout(self)
        layout.addWidget(self._body)
        self._body.setVisible(False)

        order: list[QWidget] = [
            self.asset,
            self.purpose,
            self.task,
            self.decided_by,
            self.alternatives,
            self.unique,
            self.critical_need,
            self.humanitarian_control,
            self.unarmed,
            self.time_limited,
            self.exit_plan,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        self.toggled.connect(self._on_self_toggled)
        self.asset.textChanged.connect(self._on_field_edited)
        self.decided_by.currentIndexChanged.connect(self._on_field_edited)
        self.set_actors(actors)

    def set_actors(self, actors: Sequence[Actor]) -> None:
        """Who may be named as deciding; those with humanitarian authority come first."""
        current = self.decided_by.currentData()
        self.decided_by.clear()
        self.decided_by.addItem(self.tr("(choose)"), None)
        ordered = sorted(actors, key=lambda actor: not actor.humanitarian_authority)
        for actor in ordered:
            self.decided_by.addItem(actor.short or actor.name, actor.id)
            self.decided_by.setItemData(
                self.decided_by.count() - 1, actor.name, Qt.ItemDataRole.ToolTipRole
            )
        index = self.decided_by.findData(current)
        self.decided_by.setCurrentIndex(max(index, 0))

    def assets(self) -> MilitaryAssets | None:
        """The request as entered, or `None` when the group is unchecked."""
        if not self.isChecked():
            return None
        lines = self.alternatives.toPlainText().splitlines()
        return MilitaryAssets(
            asset=self.asset.text().strip(),
            purpose=AssetPurpose(self.purpose.currentData()),
            task=AssetTask(self.task.currentData()),
            decided_by=self.decided_by.currentData() or "",
            civilian_alternatives=tuple(line.strip() for line in lines if line.strip()),
            critical_need=self.critical_need.isChecked(),
            unique=AssetUniqueness(self.unique.currentData()),
            humanitarian_control=self.humanitarian_control.isChecked(),
            unarmed=self.unarmed.isChecked(),
            time_limited=self.time_limited.isChecked(),
            exit_plan=self.exit_plan.text().strip(),
        )

    def set_assets(self, assets: MilitaryAssets | None) -> None:
        """Show a request (or none)."""
        self.clear()
        if assets is None:
            return
        self.setChecked(True)
        self.asset.setText(assets.asset)
        self.purpose.setCurrentIndex(self.purpose.findData(assets.purpose))
        self.task.setCurrentIndex(self.task.findData(assets.task))
        self.decided_by.setCurrentIndex(max(self.decided_by.findData(assets.decided_by), 0))
        self.alternatives.setPlainText("\n".join(assets.civilian_alternatives))
        self.critical_need.setChecked(assets.critical_need)
        self.unique.setCurrentIndex(self.unique.findData(assets.unique))
        self.humanitarian_control.setChecked(assets.humanitarian_control)
        self.unarmed.setChecked(assets.unarmed)
        self.time_limited.setChecked(assets.time_limited)
        self.exit_plan.setText(assets.exit_plan)

    def clear(self) -> None:
        """Uncheck the group and empty every field."""
        self.setChecked(False)
        for line in (self.asset, self.exit_plan):
            line.clear()
        self.alternatives.clear()
        self.purpose.setCurrentIndex(0)
        self.task.setCurrentIndex(1)
        self.decided_by.setCurrentIndex(0)
        self.unique.setCurrentIndex(0)
        for box in (self.critical_need, self.humanitarian_control, self.unarmed, self.time_limited):
            box.setChecked(False)

    def problem(self) -> str | None:
        """What is missing before the request can be recorded, if anything."""
        if not self.isChecked():
            return None
        if not self.asset.text().strip():
            return self.tr("Name the asset requested.")
        if self.decided_by.currentData() is None:
            return self.tr("Say who decided on the assets.")
        return None

    def _on_self_toggled(self, checked: bool) -> None:
        self._body.setVisible(checked)
        self.sig_edited.emit()

    def _on_field_edited(self, *_args: object) -> None:
        self.sig_edited.emit()
