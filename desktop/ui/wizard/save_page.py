"""Wizard page 5: where to save the exercise document, and a last look at the set-up."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
    QWizardPage,
)

from desktop.ui.settings import AppSettings
from desktop.ui.wizard.clock_page import ClockPage
from desktop.ui.wizard.pack_page import PackPage
from desktop.ui.wizard.participants_page import ParticipantsPage
from desktop.ui.wizard.teams_page import TeamsPage

SUFFIX = ".coherence"


class SavePage(QWizardPage):
    """The document's path (typed or chosen) and a summary of the exercise to create."""

    def __init__(
        self,
        settings: AppSettings,
        pack_page: PackPage,
        teams_page: TeamsPage,
        participants_page: ParticipantsPage,
        clock_page: ClockPage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._pack_page = pack_page
        self._teams_page = teams_page
        self._participants_page = participants_page
        self._clock_page = clock_page
        self._path_edited = False
        self._confirmed: Path | None = None
        self.overwrite = False
        self.setTitle(self.tr("Save the exercise"))
        self.setSubTitle(
            self.tr(
                "The exercise is one file that holds everything: copy it to a USB stick "
                "or open it later for the debrief."
            )
        )
        self.setFinalPage(True)

        path_label = QLabel(self.tr("&File"), self)
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Exercise file"))
        path_label.setBuddy(self.path_edit)
        self.path_edit.textEdited.connect(self._on_path_edit_edited)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the exercise file"))
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setAccessibleName(self.tr("Creating the exercise"))
        self.busy_bar.setFormat(self.tr("Creating the exercise…"))
        self.busy_bar.hide()

        grid = QGridLayout(self)
        grid.addWidget(path_label, 0, 0)
        grid.addWidget(self.path_edit, 0, 1)
        grid.addWidget(self.browse_button, 0, 2)
        grid.addWidget(self.summary_label, 1, 0, 1, 3)
        grid.addWidget(self.busy_bar, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        QWidget.setTabOrder(self.path_edit, self.browse_button)

    def path(self) -> Path | None:
        """The document to create, with the `.coherence` extension; `None` if none given."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.name or path.name in (".", ".."):
            return None
        return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)

    def set_busy(self, busy: bool) -> None:
        """Show that the document is being written, and keep the fields still meanwhile."""
        self.busy_bar.setVisible(busy)
        self.path_edit.setEnabled(not busy)
        self.browse_button.setEnabled(not busy)

    # QWizardPage.

    def initializePage(self) -> None:
        """Propose a file name (unless one was typed) and summarise the set-up."""
        if not self._path_edited:
            self.path_edit.setText(str(self._default_path()))
        self.summary_label.setText(self._summary_html())

    def cleanupPage(self) -> None:
        """Keep the path when the user goes back."""

    def isComplete(self) -> bool:
        """A path is needed."""
        return self.path() is not None

    def validatePage(self) -> bool:
        """Check the folder, and ask before replacing an existing file."""
        path = self.path()
        if path is None:
            return False
        if not path.parent.is_dir():
            QMessageBox.warning(
                self,
                self.tr("No such folder"),
                self.tr("The folder {folder} does not exist. Choose another place.").replace(
                    "{folder}", str(path.parent)
                ),
            )
            return False
        self.overwrite = False
        if path.exists():
            if path != self._confirmed:
                answer = QMessageBox.question(
                    self,
                    self.tr("Replace the file?"),
                    self.tr("{name} already exists. Replace it with the new exercise?").replace(
                        "{name}", path.name
                    ),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
            self.overwrite = True
        return True

    # Helpers.

    def _default_path(self) -> Path:
        last = self._settings.last_folder()
        documents = Path.home() / "Documents"
        folder = Path(last) if last else documents if documents.is_dir() else Path.home()
        loaded = self._pack_page.loaded()
        stem = f"{loaded.scenario.id if loaded else 'exercise'}-{date.today().isoformat()}"
        candidate = folder / f"{stem}{SUFFIX}"
        number = 2
        while candidate.exists():
            candidate = folder / f"{stem}-{number}{SUFFIX}"
            number += 1
        return candidate

    def _summary_html(self) -> str:
        loaded = self._pack_page.loaded()
        if loaded is None:
            return ""
        people = self._participants_page.participants()
        rows = []
        for team in self._teams_page.teams():
            count = sum(1 for p in people if p.team == team.id)
            rows.append(
                "<li>"
                + html.escape(
                    self.tr("{name}: {actors} actor(s), {people} participant(s)")
                    .replace("{name}", team.name)
                    .replace("{actors}", str(len(team.actors)))
                    .replace("{people}", str(count))
                )
                + "</li>"
            )
        clock = self.tr("{rate} scenario minutes per real minute").replace(
            "{rate}", f"{self._clock_page.rate():g}"
        )
        release = (
            self.tr("scheduled injects are released automatically")
            if self._clock_page.auto_release()
            else self.tr("every inject waits for you to release it")
        )
        return (
            f"<p><b>{html.escape(loaded.scenario.title)}</b></p>"
            f"<p>{html.escape(self.tr('Teams'))}:</p><ul>{''.join(rows)}</ul>"
            f"<p>{html.escape(self.tr('Clock'))}: {html.escape(clock)}; "
            f"{html.escape(release)}.</p>"
        )

    # Events.

    def _on_path_edit_edited(self, _text: str) -> None:
        self._path_edited = True
        self.completeChanged.emit()

    def _on_browse_button_clicked(self) -> None:
        current = self.path()
        file, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the exercise as"),
            str(current) if current is not None else str(self._default_path()),
            self.tr("Coherence exercises (*.coherence)"),
        )
        if not file:
            return
        self.path_edit.setText(file)
        self._path_edited = True
        # The save dialog has already asked before replacing an existing file.
        self._confirmed = self.path()
        self.completeChanged.emit()
