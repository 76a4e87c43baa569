"""Writing an ad-hoc inject during play: control reacts to what the teams did."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel
from desktop.domain.scenario import ALL_TEAMS, Inject
from desktop.services.console import ConsoleService
from desktop.ui.console.msel_model import channel_text

_TARGET_ROLE = Qt.ItemDataRole.UserRole


class AdhocInjectDialog(QDialog):
    """Asks for an ad-hoc inject; `inject()` gives it once the dialog is accepted."""

    def __init__(self, service: ConsoleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._inject_id = "adhoc-" + service.new_id()[:8]
        self.setWindowTitle(self.tr("Add an ad-hoc inject"))
        self.setMinimumWidth(520)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("What happens, in one line"))

        self.sender_combo = QComboBox()
        self.sender_combo.setAccessibleName(self.tr("From"))
        self.sender_combo.addItem(self.tr("(no sender)"), None)
        for actor in service.scenario.actors:
            label = f"{actor.short} — {actor.name}" if actor.short else actor.name
            self.sender_combo.addItem(label, actor.id)

        self.targets_list = QListWidget()
        self.targets_list.setAccessibleName(self.tr("To"))
        self.targets_list.setMinimumHeight(140)
        self._add_target(self.tr("All teams"), ALL_TEAMS, bold=True)
        for team in service.teams():
            self._add_target(self.tr("Team: {name}").format(name=team.name), team.id, bold=True)
        for actor in service.scenario.actors:
            self._add_target(actor.short or actor.name, actor.id)

        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(self.tr("Channel"))
        for channel in Channel:
            self.channel_combo.addItem(channel_text(self, channel.value), channel.value)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(Channel.DOCUMENT.value))

        self.public_check = QCheckBox(self.tr("Public (also shown on the projector view)"))
        self.public_check.setAccessibleName(self.tr("Public"))

        self.phase_combo = QComboBox()
        self.phase_combo.setAccessibleName(self.tr("Phase"))
        self.phase_combo.addItem(self.tr("(none)"), None)
        for phase in service.scenario.phases:
            self.phase_combo.addItem(phase.title, phase.id)
        current = self.phase_combo.findData(service.clock_status().phase_id)
        self.phase_combo.setCurrentIndex(max(current, 0))

        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Text"))
        self.body_edit.setPlaceholderText(self.tr("What the teams receive (Markdown allowed)"))

        self.problem_label = QLabel()
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setStyleSheet("color: #b91c1c;")
        self.problem_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Release now"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&From:"), self.sender_combo)
        form.addRow(self.tr("T&o:"), self.targets_list)
        form.addRow(self.tr("&Channel:"), self.channel_combo)
        form.addRow("", self.public_check)
        form.addRow(self.tr("&Phase:"), self.phase_combo)
        form.addRow(self.tr("Te&xt:"), self.body_edit)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The inject is released to its targets as soon as you confirm."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.title_edit.textChanged.connect(self._on_title_edit_text_changed)
        self.targets_list.itemChanged.connect(self._on_targets_list_item_changed)
        self._check()

    def _add_target(self, label: str, target_id: str, *, bold: bool = False) -> None:
        item = QListWidgetItem(label, self.targets_list)
        item.setData(_TARGET_ROLE, target_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)

    # What was entered.

    def targets(self) -> tuple[str, ...]:
        """The checked team and actor ids, in list order."""
        checked = []
        for row in range(self.targets_list.count()):
            item = self.targets_list.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                checked.append(str(item.data(_TARGET_ROLE)))
        return tuple(checked)

    def set_target_checked(self, target_id: str, checked: bool = True) -> None:
        """Tick (or untick) a team or actor in the list of targets."""
        for row in range(self.targets_list.count()):
            item = self.targets_list.item(row)
            if item.data(_TARGET_ROLE) == target_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(state)
                return
        raise KeyError(target_id)

    def problems(self) -> list[str]:
        """What is still missing, in words for people."""
        missing = []
        if not self.title_edit.text().strip():
            missing.append(self.tr("a title"))
        if not self.targets():
            missing.append(self.tr("at least one team or actor to send it to"))
        return missing

    def inject(self) -> Inject:
        """The ad-hoc inject as entered."""
        sender = self.sender_combo.currentData()
        phase = self.phase_combo.currentData()
        return Inject(
            id=self._inject_id,
            title=self.title_edit.text().strip(),
            to=self.targets(),
            body=self.body_edit.toPlainText().strip(),
            manual=True,
            sender=str(sender) if sender else None,
            channel=Channel(self.channel_combo.currentData()),
            public=self.public_check.isChecked(),
            phase=str(phase) if phase else None,
            adhoc=True,
        )

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()

    def _check(self) -> None:
        missing = self.problems()
        self.ok_button.setEnabled(not missing)
        if missing:
            self.problem_label.setText(
                self.tr("Still needed: {what}.").format(what="; ".join(missing))
            )
        else:
            self.problem_label.clear()

    def _on_title_edit_text_changed(self, _text: str) -> None:
        self._check()

    def _on_targets_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._check()
