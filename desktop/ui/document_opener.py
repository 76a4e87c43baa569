"""Opening an exercise document in the background, with a progress dialog and clear errors."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.messages import explain_failure
from desktop.ui.workers import Progress, Task, report_uncaught, run_task

if TYPE_CHECKING:
    from desktop.services.console import ConsoleService

log = logging.getLogger(__name__)


def _open_service(path: Path) -> ConsoleService:
    from desktop.services.console import ConsoleService

    return ConsoleService.open(path)


class DocumentOpener(QObject):
    """Opens documents off the GUI thread; `sig_opened` delivers the service."""

    sig_opened = Signal(object)  # ConsoleService
    sig_failed = Signal(str)
    sig_read_only = Signal(str)  # a document that can be read but not written

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._task: Task | None = None
        self._progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        """Whether a document is being opened."""
        return self._task is not None and self._task.running

    def open(self, path: Path) -> None:
        """Start opening `path`; the result arrives as `sig_opened` or a dialog."""
        if self.busy:
            return
        progress = QProgressDialog(
            self.tr("Opening {0}…").format(path.name), "", 0, 0, self._parent
        )
        progress.setWindowTitle(self.tr("Opening exercise"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        self._progress = progress

        def work(_progress: Progress) -> ConsoleService:
            return _open_service(path)

        self._task = run_task(
            work, owner=self, on_done=self._on_task_done, on_error=self._on_task_failed
        )

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_task_done(self, service: object) -> None:
        self._finish()
        self.sig_opened.emit(service)

    def _on_task_failed(self, error: BaseException) -> None:
        from desktop.store.errors import DocumentError, DocumentProblem

        self._finish()
        self.sig_failed.emit(str(error))
        if isinstance(error, DocumentError) and error.problem is DocumentProblem.READ_ONLY:
            self.sig_read_only.emit(str(error.path))
            return
        if not explain_failure(
            self._parent,
            self.tr("Cannot open the exercise"),
            error,
            detail="",
        ):
            report_uncaught(error)
