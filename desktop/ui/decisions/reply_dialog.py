"""Control answering a team in the role of a simulated actor (a minister, the NEC, an NGO)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.commands import ReplyAsControl
from desktop.ui.exercise_bridge import ExerciseBridge


class ReplyDialog(QDialog):
    """Compose a role-player's reply; `command()` gives the `ReplyAsControl` to execute.

    The dialog does not send anything itself: the caller executes `command()` through the
    bridge after `exec()` (or the `accepted` signal), so one place handles refusals.
    """

    def __init__(
        self,
        bridge: ExerciseBridge,
        parent: QWidget | None = None,
        team_id: str | None = None,
        inject_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        service = bridge.service
        self.setWindowTitle(self.tr("Reply as control"))
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(self.tr("Team"))
        for team in service.teams():
            self.team_combo.addItem(team.name, team.id)
        if team_id is not None:
            self.team_combo.setCurrentIndex(max(self.team_combo.findData(team_id), 0))
        self.sender_combo = QComboBox()
        self.sender_combo.setAccessibleName(self.tr("Reply as"))
        in_teams = {actor for team in service.teams() for actor in team.actors}
        actors = service.scenario.actors
        played = [actor for actor in actors if actor.id not in in_teams]
        others = [actor for actor in actors if actor.id in in_teams]
        for actor in played:
            self._add_sender(actor.id, actor.short or actor.name, actor.name)
        if played and others:
            self.sender_combo.insertSeparator(self.sender_combo.count())
        for actor in others:
            self._add_sender(actor.id, actor.short or actor.name, actor.name)
        self.inject_combo = QComboBox()
        self.inject_combo.setAccessibleName(self.tr("About inject"))
        self.inject_combo.addItem(self.tr("(no inject)"), None)
        for view in service.released_injects():
            self.inject_combo.addItem(f"{view.id}: {view.title}", view.id)
        if inject_id is not None:
            self.inject_combo.setCurrentIndex(max(self.inject_combo.findData(inject_id), 0))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setAccessibleName(self.tr("Reply text"))
        self.text_edit.setPlaceholderText(self.tr("What the role-player says to the team"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.sender_combo.currentIndexChanged.connect(self._on_text_changed)

        form = QFormLayout()
        form.addRow(self.tr("&To team"), self.team_combo)
        form.addRow(self.tr("&As"), self.sender_combo)
        form.addRow(self.tr("&About"), self.inject_combo)
        form.addRow(self.tr("&Text"), self.text_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._on_text_changed()
        self.resize(480, 320)

    def command(self) -> ReplyAsControl:
        """The reply as entered."""
        return ReplyAsControl(
            team=self.team_combo.currentData() or "",
            sender=self.sender_combo.currentData() or "",
            text=self.text_edit.toPlainText().strip(),
            inject=self.inject_combo.currentData(),
        )

    def accept(self) -> None:
        if self._complete():
            super().accept()

    def _add_sender(self, actor_id: str, label: str, tooltip: str) -> None:
        self.sender_combo.addItem(label, actor_id)
        self.sender_combo.setItemData(
            self.sender_combo.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole
        )

    def _complete(self) -> bool:
        return bool(
            self.team_combo.currentData()
            and self.sender_combo.currentData()
            and self.text_edit.toPlainText().strip()
        )

    def _on_text_changed(self, *_args: object) -> None:
        self.send_button.setEnabled(self._complete())
