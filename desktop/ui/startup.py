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
        app.aboutToQuit.connect(_finish_background_work)
        app.aboutToQuit.connect(handler.uninstall)
        app.aboutToQuit.connect(disable_fault_log)
    window.crash_handler = handler
    if document is not None:
        window.open_document(document)
    else:
        warm_up(window)


def _finish_background_work() -> None:
    """At quit, let exports, backups and document creation finish (up to 30 seconds)."""
    from desktop.ui.workers import wait_for_tasks

    if not wait_for_tasks(30_000):
        log.warning("background work was still running when the program quit")


# What opening a document needs: loaded while the start page waits for a choice, so a
# recent document opens without a second of imports after the click.
WARM_MODULES = (
    "desktop.services.console",
    "desktop.ui.exercise_bridge",
    "desktop.ui.console.console_view",
    "desktop.ui.wizard.new_exercise_wizard",
)


def warm_up(window: MainWindow) -> None:
    """Import the console's modules in the background; `window.warmed` says when done.

    A document chosen meanwhile is opened once the imports are over, so the same modules
    are never imported by two threads at once.
    """
    import importlib

    from desktop.ui.workers import run_task

    def work(_progress: object) -> None:
        for name in WARM_MODULES:
            importlib.import_module(name)

    window.warm_task = run_task(
        work, owner=window, on_done=window.on_warmed, on_error=window.on_warmed
    )
