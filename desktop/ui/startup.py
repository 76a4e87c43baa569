"""What happens once the main window is on screen: crash handling, then the document."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def after_show(window: MainWindow, document: Path | None) -> None:
    """Install the crash handlers, offer last run's crash report, open `document`."""
    from desktop.infra.crash import enable_fault_log, previous_crash_reports
    from desktop.ui.crash_dialog import PreviousCrashDialog, install_exception_hooks

    reports = previous_crash_reports()
    enable_fault_log()
    install_exception_hooks(lambda: window)
    if reports:
        PreviousCrashDialog(reports, window).open()
    if document is not None:
        window.open_document(document)
