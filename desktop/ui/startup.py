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
    else:
        warm_up(window)


# What opening a document needs: loaded while the start page waits for a choice, so a
# recent document opens without a second of imports after the click.
WARM_MODULES = (
    "desktop.services.console",
    "desktop.ui.exercise_bridge",
    "desktop.ui.console.console_view",
    "desktop.ui.wizard.new_exercise_wizard",
)


def warm_up(window: MainWindow) -> None:
    """Import the console's modules in the background; `window.warmed` says when done."""
    import importlib

    from desktop.ui.workers import run_task

    def work(_progress: object) -> None:
        for name in WARM_MODULES:
            importlib.import_module(name)

    def done(_result: object) -> None:
        window.warmed = True

    run_task(work, owner=window, on_done=done)
