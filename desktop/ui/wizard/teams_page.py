"""Wizard page 2: the teams, their names and the actors each plays."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.ui.wizard.pack_page import PackPage

if TYPE_CHECKING:
    from desktop.domain.scenario import Team
    from desktop.scenario.pack import LoadedScenario

IdRole = Qt.ItemDataRole.UserRole
NO_TEAM = ""


@dataclass
class TeamDraft:
    """A team as the facilitator is shaping it."""

    id: str
    name: str
    actors: list[str] = field(default_factory=list)
    briefing: str = ""


class TeamsPage(QWizardPage):
    """Rename the pack's suggested teams and move actors between them."""

    def __init__(self, pack_page: PackPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pack_page = pack_page
        self._source: LoadedScenario | None = None
        self._drafts: list[TeamDraft] = []
        self._actor_labels: dict[str, str] = {}
        self.setTitle(self.tr("Teams"))
        self.setSubTitle(
            self.tr(
                "The pack suggests these teams. Rename them and move actors between them to "
                "fit your group. Actors in no team are played by control."
            )
        )

        teams_label = QLabel(self.tr("&Teams"), self)
        self.team_list = QListWidget(self)
        self.team_list.setAccessibleName(self.tr("Teams"))
        self.team_list.setWordWrap(True)
        self.team_list.setSpacing(2)
        self.team_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        teams_label.setBuddy(self.team_list)
        self.team_list.currentRowChanged.connect(self._on_team_list_row_changed)
        name_label = QLabel(self.tr("Team &name"), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Team name"))
        name_label.setBuddy(self.name_edit)
        self.name_edit.textEdited.connect(self._on_name_edit_edited)

        self.members_label = QLabel(self.tr("&Actors in this team"), self)
        self.member_list = self._actor_list(self.tr("Actors in this team"))
        self.members_label.setBuddy(self.member_list)
        self.member_list.itemDoubleClicked.connect(self._on_member_list_double_clicked)

        other_label = QLabel(self.tr("&Other actors"), self)
        self.other_combo = QComboBox(self)
        self.other_combo.setAccessibleName(self.tr("Show the actors of"))
        self.other_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.other_combo.setMinimumContentsLength(16)
        other_label.setBuddy(self.other_combo)
        self.other_combo.currentIndexChanged.connect(self._on_other_combo_changed)
        self.other_list = self._actor_list(self.tr("Other actors"))
        self.other_list.itemDoubleClicked.connect(self._on_other_list_double_clicked)

        self.add_button = QPushButton(self.tr("◀ Add"), self)
        self.add_button.setAccessibleName(self.tr("Add the selected actors to this team"))
        self.add_button.setToolTip(self.add_button.accessibleName())
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Move ▶"), self)
        self.remove_button.setAccessibleName(self.tr("Move the selected actors out of this team"))
        self.remove_button.setToolTip(self.remove_button.accessibleName())
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        arrows = QVBoxLayout()
        arrows.addStretch(1)
        arrows.addWidget(self.add_button)
        arrows.addWidget(self.remove_button)
        arrows.addStretch(1)

        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)

        grid = QGridLayout(self)
        grid.addWidget(teams_label, 0, 0)
        grid.addWidget(self.members_label, 0, 1)
        grid.addWidget(other_label, 0, 3)
        grid.addWidget(self.team_list, 1, 0, 2, 1)
        grid.addWidget(self.member_list, 1, 1, 2, 1)
        grid.addLayout(arrows, 1, 2, 2, 1)
        grid.addWidget(self.other_combo, 1, 3)
        grid.addWidget(self.other_list, 2, 3)
        grid.addWidget(name_label, 3, 0)
        grid.addWidget(self.name_edit, 4, 0)
        grid.addWidget(self.hint_label, 3, 1, 2, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(3, 4)
        grid.setRowStretch(2, 1)
        for first, second in (
            (self.team_list, self.name_edit),
            (self.name_edit, self.member_list),
            (self.member_list, self.remove_button),
            (self.remove_button, self.add_button),
            (self.add_button, self.other_combo),
            (self.other_combo, self.other_list),
        ):
            QWidget.setTabOrder(first, second)

    def _actor_list(self, name: str) -> QListWidget:
        view = QListWidget(self)
        view.setAccessibleName(name)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setSortingEnabled(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return view

    # What the other pages read.

    def drafts(self) -> list[TeamDraft]:
        """The teams as edited so far (live objects; do not change them)."""
        return self._drafts

    def teams(self) -> tuple[Team, ...]:
        """The teams to create, in the pack's order."""
        from desktop.domain.scenario import Team

        return tuple(
            Team(id=d.id, name=d.name.strip(), actors=tuple(d.actors), briefing=d.briefing)
            for d in self._drafts
        )

    # QWizardPage.

    def initializePage(self) -> None:
        """Start from the pack's suggested teams, unless this pack was already being edited."""
        loaded = self._pack_page.loaded()
        if loaded is None or loaded is self._source:
            return
        self._source = loaded
        scenario = loaded.scenario
        self._actor_labels = {
            a.id: f"{a.short} — {a.name}" if a.short and a.short != a.name else a.name
            for a in scenario.actors
        }
        self._drafts = [TeamDraft(t.id, t.name, list(t.actors), t.briefing) for t in scenario.teams]
        self.team_list.clear()
        for draft in self._drafts:
            self.team_list.addItem(QListWidgetItem(self._team_text(draft)))
        if self._drafts:
            self.team_list.setCurrentRow(0)
        self.hint_label.clear()

    def cleanupPage(self) -> None:
        """Keep the edits when the user goes back (the default would reset them)."""

    def isComplete(self) -> bool:
        """Every team needs a name of its own and at least one actor."""
        names = [d.name.strip().casefold() for d in self._drafts]
        return (
            bool(self._drafts)
            and all(d.name.strip() and d.actors for d in self._drafts)
            and len(set(names)) == len(names)
        )

    # Helpers.

    def current_draft(self) -> TeamDraft | None:
        """The team selected on the left."""
        row = self.team_list.currentRow()
        return self._drafts[row] if 0 <= row < len(self._drafts) else None

    def _other_draft(self) -> TeamDraft | None:
        """The team whose actors show on the right; `None` for the actors in no team."""
        team_id = self.other_combo.currentData()
        return next((d for d in self._drafts if d.id == team_id), None)

    def _team_text(self, draft: TeamDraft) -> str:
        count = len(draft.actors)
        name = draft.name.strip() or self.tr("(no name)")
        return (
            self.tr("{name} ({count} actor(s))")
            .replace("{name}", name)
            .replace("{count}", str(count))
        )

    def _fill(self, view: QListWidget, actors: list[str]) -> None:
        view.clear()
        for actor in actors:
            item = QListWidgetItem(self._actor_labels.get(actor, actor))
            item.setToolTip(item.text())
            item.setData(IdRole, actor)
            view.addItem(item)

    def _refresh_actor_lists(self) -> None:
        current = self.current_draft()
        self._fill(self.member_list, current.actors if current else [])
        other = self._other_draft()
        if other is not None:
            self._fill(self.other_list, other.actors)
        else:
            taken = {a for d in self._drafts for a in d.actors}
            self._fill(self.other_list, [a for a in self._actor_labels if a not in taken])
        for row, draft in enumerate(self._drafts):
            self.team_list.item(row).setText(self._team_text(draft))

    def _refresh_other_combo(self) -> None:
        current = self.current_draft()
        previous = self.other_combo.currentData()
        self.other_combo.blockSignals(True)
        self.other_combo.clear()
        self.other_combo.addItem(self.tr("Actors in no team (played by control)"), NO_TEAM)
        for draft in self._drafts:
            if draft is not current:
                self.other_combo.addItem(
                    self.tr("Team: {name}").replace("{name}", draft.name.strip()), draft.id
                )
        index = self.other_combo.findData(previous)
        self.other_combo.setCurrentIndex(max(index, 0))
        self.other_combo.blockSignals(False)

    def _selected(self, view: QListWidget) -> list[str]:
        return [str(item.data(IdRole)) for item in view.selectedItems()]

    def move_actors(
        self, actors: list[str], source: TeamDraft | None, target: TeamDraft | None
    ) -> bool:
        """Move `actors` from `source` to `target` (`None`: no team).

        Refused (with a hint) if it would leave `source` without an actor.
        """
        if not actors or source is target:
            return False
        if source is not None and len(source.actors) <= len(actors):
            self.hint_label.setText(
                self.tr("“{name}” must keep at least one actor.").replace("{name}", source.name)
            )
            return False
        for actor in actors:
            for draft in self._drafts:
                if actor in draft.actors:
                    draft.actors.remove(actor)
            if target is not None:
                target.actors.append(actor)
        self.hint_label.clear()
        self._refresh_actor_lists()
        self.completeChanged.emit()
        return True

    # Events.

    def _on_team_list_row_changed(self, _row: int) -> None:
        current = self.current_draft()
        self.name_edit.setText(current.name if current else "")
        self.members_label.setText(
            self.tr("&Actors in “{name}”").replace("{name}", current.name.strip())
            if current
            else self.tr("&Actors in this team")
        )
        self.hint_label.clear()
        self._refresh_other_combo()
        self._refresh_actor_lists()

    def _on_name_edit_edited(self, text: str) -> None:
        current = self.current_draft()
        if current is None:
            return
        current.name = text
        self.members_label.setText(self.tr("&Actors in “{name}”").replace("{name}", text.strip()))
        others = {
            d.name.strip().casefold() for d in self._drafts if d is not current and d.name.strip()
        }
        if not text.strip():
            self.hint_label.setText(self.tr("A team needs a name."))
        elif text.strip().casefold() in others:
            self.hint_label.setText(self.tr("Another team already has this name."))
        else:
            self.hint_label.clear()
        self._refresh_other_combo()
        self._refresh_actor_lists()
        self.completeChanged.emit()

    def _on_other_combo_changed(self, _index: int) -> None:
        self._refresh_actor_lists()

    def _on_add_button_clicked(self) -> None:
        self.move_actors(self._selected(self.other_list), self._other_draft(), self.current_draft())

    def _on_remove_button_clicked(self) -> None:
        self.move_actors(
            self._selected(self.member_list), self.current_draft(), self._other_draft()
        )

    def _on_member_list_double_clicked(self, item: QListWidgetItem) -> None:
        self.move_actors([str(item.data(IdRole))], self.current_draft(), self._other_draft())

    def _on_other_list_double_clicked(self, item: QListWidgetItem) -> None:
        self.move_actors([str(item.data(IdRole))], self._other_draft(), self.current_draft())
