"""Copies of the open exercise: the automatic backup to a second folder, and
File → Export a copy. Both take a snapshot with SQLite's backup API on the GUI thread (quick,
local) and write it to its destination in the background, whole or not at all."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.ui.backup_scheduler import BackupScheduler, place_copy
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.messages import explain_failure
from desktop.ui.settings import AppSettings
from desktop.ui.workers import run_task


class DocumentCopies(QObject):
    """Backs up one open exercise on a schedule and exports copies of it on request."""

    sig_message = Signal(str, int)  # status-bar text, and how long to show it (0: until replaced)

    def __init__(self, bridge: ExerciseBridge, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._settings = settings
        self._window = window
        folder = settings.backup_folder()
        self.scheduler = BackupScheduler(
            bridge, Path(folder) if folder else None, settings.backup_interval_minutes(), self
        )
        self.scheduler.sig_backed_up.connect(
            lambda path, when: self.sig_message.emit(
                self.tr("Backup written to {0} at {1}").format(path, when), 6000
            )
        )
        self.scheduler.sig_failed.connect(
            lambda message: self.sig_message.emit(self.tr("Backup failed: {0}").format(message), 0)
        )

    def announce(self) -> None:
        """Say once, when the exercise opens, that backups are off if they are."""
        if self.scheduler.folder is None:
            self.sig_message.emit(
                self.tr(
                    "Automatic backup is off. File → Automatic backup… copies this exercise "
                    "to a second folder, such as a USB stick, every few minutes."
                ),
                0,
            )

    def close(self) -> None:
        """Stop backing up (the exercise is closing)."""
        self.scheduler.close()

    def edit_settings(self) -> None:
        """Choose the folder (a USB stick) and interval of the automatic backup."""
        from desktop.ui.backup_settings_dialog import BackupSettingsDialog

        dialog = BackupSettingsDialog(self.scheduler, self._window)
        dialog.sig_settings_changed.connect(self._on_dialog_settings_changed)
        dialog.exec()

    def _on_dialog_settings_changed(self, folder: str, minutes: int) -> None:
        self._settings.set_backup_folder(folder)
        if minutes > 0:
            self._settings.set_backup_interval_minutes(minutes)

    def export_copy(self) -> None:
        """Write a consistent copy of the open document where the user chooses.

        A slow or pulled USB stick neither freezes the window nor leaves a half-written
        document behind: the copy is written under a temporary name, then renamed.
        """
        from desktop.ui.main_window import DOCUMENT_FILTER

        service = self._bridge.service
        suggested = str(service.path.with_name(f"{service.path.stem}-copy.coherence"))
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export a copy"), suggested, self.tr(DOCUMENT_FILTER)
        )
        if not chosen:
            return
        target = Path(chosen)
        scratch = Path(tempfile.mkdtemp(prefix="coherence-copy-")) / target.name
        try:
            service.backup_to(scratch)
        except Exception as error:
            shutil.rmtree(scratch.parent, ignore_errors=True)
            if not explain_failure(self._window, self.tr("Copy not written"), error):
                raise
            return
        self.sig_message.emit(self.tr("Writing a copy to {0}…").format(target), 0)

        def done(_result: object) -> None:
            shutil.rmtree(scratch.parent, ignore_errors=True)
            self.sig_message.emit(self.tr("Copy written to {0}").format(target), 8000)

        def failed(error: BaseException) -> None:
            shutil.rmtree(scratch.parent, ignore_errors=True)
            self.sig_message.emit("", 1)
            QMessageBox.warning(
                self._window,
                self.tr("Copy not written"),
                self.tr("The copy could not be written to {0}: {1}").format(target, error),
            )

        run_task(
            lambda _progress: place_copy(scratch, target),
            owner=self,
            on_done=done,
            on_error=failed,
        )
