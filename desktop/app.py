"""The composition root: `coherence` opens the app; `coherence COMMAND …` is the command line.

The window is shown first; the services, the database layer and the analysis are imported
only when a document is opened, so the program appears quickly on an ordinary laptop.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _wants_app(argv: Sequence[str]) -> bool:
    """No arguments, or a document to open: the app. Anything else: the command line."""
    return not argv or (len(argv) == 1 and argv[0].endswith(".coherence"))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `coherence` program."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not _wants_app(args):
        from desktop.cli.main import main as cli_main

        return cli_main(args)
    return run_app(Path(args[0]) if args else None)


def run_app(document: Path | None = None) -> int:
    """Show the main window, then open `document` if given; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from desktop.infra.logs import configure_app_logging

    configure_app_logging()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    window = build_main_window(app)
    window.show()

    from desktop.ui.startup import after_show

    after_show(window, document)
    return app.exec()


def build_main_window(app: QApplication) -> MainWindow:
    """Name the application and build its main window (not yet shown)."""
    from desktop.ui.icons import icon
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings

    app.setApplicationName("Coherence")
    app.setApplicationDisplayName("Coherence")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Coherence")
    app.setWindowIcon(icon("coherence"))
    app.setQuitOnLastWindowClosed(True)
    return MainWindow(AppSettings())


if __name__ == "__main__":
    raise SystemExit(main())
