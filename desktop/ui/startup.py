"""What happens once the main window is on screen: crash handling, then the document."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def after_show(window: MainWindow, document: Path | None) -> None:
    """Install the crash handlers, offer last run's crash report, open `document`.

    Uncaught errors from then on show a dialog with a copyable report; a hard crash
    (segmentation fault) leaves a fault log that the next start offers.
    """
    from PySide6.QtWidgets import QApplication

    from desktop.infra.crash import disable_fault_log, enable_fault_log
    from desktop.ui.crash_dialog import install_exception_hooks, offer_previous_crash_reports

    offer_previous_crash_reports(window)
    enable_fault_log()
    handler = install_exception_hooks(lambda: window)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(handler.uninstall)
        app.aboutToQuit.connect(disable_fault_log)
    window.crash_handler = handler
    if document is not None:
        window.open_document(document)
