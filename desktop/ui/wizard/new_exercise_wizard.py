"""The new-exercise wizard: pack, teams, participants, clock, file; then the document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from desktop.ui.messages import explain_failure
from desktop.ui.settings import AppSettings
from desktop.ui.wizard.clock_page import ClockPage
from desktop.ui.wizard.pack_page import PackPage
from desktop.ui.wizard.participants_page import ParticipantsPage
from desktop.ui.wizard.save_page import SavePage
from desktop.ui.wizard.teams_page import TeamsPage
from desktop.ui.workers import Task, report_uncaught, run_task


class NewExerciseWizard(QWizard):
    """Sets up a new exercise and writes its document.

    On Finish the document is created off the GUI thread; `sig_created(path, rate)` follows
    and the wizard closes. If the document cannot be written (a read-only folder, a full
    disk) the reason is shown and the wizard stays open so another place can be chosen.
    """

    sig_created = Signal(str, float)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._task: Task | None = None
        self._created = False
        self.setWindowTitle(self.tr("New exercise"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create exercise"))

        self.pack_page = PackPage(settings, self)
        self.teams_page = TeamsPage(self.pack_page, self)
        self.participants_page = ParticipantsPage(settings, self.teams_page, self)
        self.clock_page = ClockPage(self)
        self.save_page = SavePage(
            settings,
            self.pack_page,
            self.teams_page,
            self.participants_page,
            self.clock_page,
            self,
        )
        for page in (
            self.pack_page,
            self.teams_page,
            self.participants_page,
            self.clock_page,
            self.save_page,
        ):
            self.addPage(page)
        self.resize(900, 620)

    def is_creating(self) -> bool:
        """Whether the document is being written right now."""
        return self._task is not None and self._task.running

    def done(self, result: int) -> None:
        """Finish writes the document first; the wizard closes only once it exists."""
        if self._created:
            QDialog.done(self, result)
            return
        if self.is_creating():
            return
        if result != QDialog.DialogCode.Accepted.value:
            super().done(result)
            return
        if not self.validateCurrentPage():
            return
        self._create_document()

    def reject(self) -> None:
        """Cancel, unless the document is being written."""
        if not self.is_creating():
            super().reject()

    def _create_document(self) -> None:
        from desktop.services.session import ExerciseSession

        loaded = self.pack_page.loaded()
        path = self.save_page.path()
        if loaded is None or path is None:
            return
        teams = self.teams_page.teams()
        participants = self.participants_page.participants()
        auto_release = self.clock_page.auto_release()
        rate = self.clock_page.rate()
        overwrite = self.save_page.overwrite

        def work(_progress: object) -> str:
            session = ExerciseSession.create(
                path,
                loaded,
                teams=teams,
                participants=participants,
                auto_release=auto_release,
                rate=rate,
                overwrite=overwrite,
            )
            session.close()
            return str(path)

        self._set_busy(True)
        self._task = run_task(
            work,
            owner=self,
            on_done=self._on_create_done,
            on_error=self._on_create_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.save_page.set_busy(busy)
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(not busy)

    def _on_create_done(self, path: str) -> None:
        self._set_busy(False)
        self._created = True
        self._settings.add_recent_document(Path(path))
        self.sig_created.emit(path, self.clock_page.rate())
        self.accept()

    def _on_create_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not explain_failure(
            self,
            self.tr("The exercise was not created"),
            error,
            detail=self.tr("Choose another folder or file name and try again."),
        ):
            report_uncaught(error)
