"""Wizard page 3: who plays in which team, typed in or imported from a CSV file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    QWizardPage,
)

from desktop.ui.settings import AppSettings
from desktop.ui.wizard.teams_page import TeamsPage

if TYPE_CHECKING:
    from desktop.domain.records import Participant

TeamIdRole = Qt.ItemDataRole.UserRole
NAME, TEAM, ROLE = range(3)
AnyIndex = QModelIndex | QPersistentModelIndex


class _TeamDelegate(QStyledItemDelegate):
    """Edits the team column with a list of the teams."""

    def __init__(self, page: ParticipantsPage) -> None:
        super().__init__(page)
        self._page = page

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setAccessibleName(self._page.tr("Team"))
        for team_id, name in self._page.team_choices():
            editor.addItem(name, team_id)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(TeamIdRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), TeamIdRole)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class ParticipantsPage(QWizardPage):
    """A table of participants: name, team and an optional role."""

    def __init__(
        self, settings: AppSettings, teams_page: TeamsPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._teams_page = teams_page
        self.setTitle(self.tr("Participants"))
        self.setSubTitle(
            self.tr(
                "List the trainees and the team each plays in. You can skip this and add "
                "them later; names appear on the team screens and in the debrief."
            )
        )

        name_label = QLabel(self.tr("&Name"), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Participant name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. A. Mensah"))
        name_label.setBuddy(self.name_edit)
        team_label = QLabel(self.tr("&Team"), self)
        self.team_combo = QComboBox(self)
        self.team_combo.setAccessibleName(self.tr("Participant team"))
        team_label.setBuddy(self.team_combo)
        role_label = QLabel(self.tr("&Role (optional)"), self)
        self.role_edit = QLineEdit(self)
        self.role_edit.setAccessibleName(self.tr("Participant role"))
        self.role_edit.setPlaceholderText(self.tr("e.g. scribe"))
        role_label.setBuddy(self.role_edit)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setAccessibleName(self.tr("Add the participant"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        # Enter in the form adds the participant; it must not reach the wizard's Next.
        self.name_edit.installEventFilter(self)
        self.role_edit.installEventFilter(self)
        self.name_edit.textChanged.connect(self._on_name_edit_changed)

        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Participants"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Team"), self.tr("Role")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TEAM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(TEAM, _TeamDelegate(self))
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)

        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected participants"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button = QPushButton(self.tr("Import from CSV…"), self)
        self.import_button.setAccessibleName(self.tr("Import participants from a CSV file"))
        self.import_button.setToolTip(
            self.tr(
                "A CSV file whose first row names the columns name, team and (optionally) "
                "role. Teams may be given by id or by name."
            )
        )
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.setAccessibleName(self.tr("Import problems"))

        form = QGridLayout()
        form.addWidget(name_label, 0, 0)
        form.addWidget(team_label, 0, 1)
        form.addWidget(role_label, 0, 2)
        form.addWidget(self.name_edit, 1, 0)
        form.addWidget(self.team_combo, 1, 1)
        form.addWidget(self.role_edit, 1, 2)
        form.addWidget(self.add_button, 1, 3)
        form.setColumnStretch(0, 3)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(2, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QGridLayout(self)
        layout.addLayout(form, 0, 0)
        layout.addWidget(self.table, 1, 0)
        layout.addLayout(buttons, 2, 0)
        layout.addWidget(self.problems_label, 3, 0)
        layout.setRowStretch(1, 1)
        for first, second in (
            (self.name_edit, self.team_combo),
            (self.team_combo, self.role_edit),
            (self.role_edit, self.add_button),
            (self.add_button, self.table),
            (self.table, self.import_button),
            (self.import_button, self.remove_button),
        ):
            QWidget.setTabOrder(first, second)
        self._on_name_edit_changed("")
        self._on_table_selection_changed()

    # What the other pages read.

    def team_choices(self) -> list[tuple[str, str]]:
        """The teams as (id, name), in order."""
        return [(d.id, d.name.strip()) for d in self._teams_page.drafts()]

    def participants(self) -> list[Participant]:
        """The participants listed (rows without a name are left out)."""
        from desktop.domain.records import Participant

        people = []
        for row in range(self.table.rowCount()):
            name = self._text(row, NAME)
            item = self.table.item(row, TEAM)
            team = item.data(TeamIdRole) if item is not None else None
            if name and team:
                people.append(Participant(name=name, team=str(team), role=self._text(row, ROLE)))
        return people

    def add_participant(self, name: str, team_id: str, role: str = "") -> None:
        """Append a row."""
        names = dict(self.team_choices())
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        team = QTableWidgetItem(names.get(team_id, team_id))
        team.setData(TeamIdRole, team_id)
        self.table.setItem(row, TEAM, team)
        self.table.setItem(row, ROLE, QTableWidgetItem(role))
        self.completeChanged.emit()

    def import_csv(self, path: Path) -> None:
        """Add the participants of a CSV file and show what could not be read."""
        from desktop.services.packs import read_participants_csv

        choices = self.team_choices()
        people, problems = read_participants_csv(
            path, [c[0] for c in choices], [c[1] for c in choices]
        )
        present = {(p.name.casefold(), p.team) for p in self.participants()}
        added = 0
        for person in people:
            if (person.name.casefold(), person.team) not in present:
                self.add_participant(person.name, person.team, person.role)
                added += 1
        text = (
            self.tr("{count} participant(s) imported from {file}.")
            .replace("{count}", str(added))
            .replace("{file}", path.name)
        )
        if problems:
            text += " " + self.tr("These rows were left out:") + "\n" + "\n".join(problems)
        self.problems_label.setText(text)

    # QWizardPage.

    def initializePage(self) -> None:
        """Offer the current teams; drop rows whose team no longer exists, rename the rest."""
        choices = self.team_choices()
        names = dict(choices)
        self.team_combo.clear()
        for team_id, name in choices:
            self.team_combo.addItem(name, team_id)
        for row in reversed(range(self.table.rowCount())):
            item = self.table.item(row, TEAM)
            team = item.data(TeamIdRole) if item is not None else None
            if item is not None and team in names:
                item.setText(names[team])
            else:
                self.table.removeRow(row)

    def cleanupPage(self) -> None:
        """Keep the list when the user goes back."""

    # Events.

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the name or role field adds the participant."""
        if (
            watched in (self.name_edit, self.role_edit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_add_button_clicked()
            return True
        return super().eventFilter(watched, event)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _on_name_edit_changed(self, text: str) -> None:
        self.add_button.setEnabled(bool(text.strip()))

    def _on_add_button_clicked(self) -> None:
        name = self.name_edit.text().strip()
        team_id = self.team_combo.currentData()
        if not name or team_id is None:
            return
        self.add_participant(name, str(team_id), self.role_edit.text().strip())
        self.table.scrollToBottom()
        self.name_edit.clear()
        self.role_edit.clear()
        self.name_edit.setFocus()

    def _on_remove_button_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.completeChanged.emit()

    def _on_table_selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))

    def _on_import_button_clicked(self) -> None:
        folder = self._settings.last_folder()
        file, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import participants"),
            folder or str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if file:
            self.import_csv(Path(file))
