"""Launch targets for the window start-up benchmark (run as a subprocess).

`python -m bench.ui_launch bare`: a bare PySide6 window, shown, then exit.
`python -m bench.ui_launch app`: Coherence's main window, shown, then exit.
`python -m bench.ui_launch open FILE`: the main window, then FILE open in the console.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    return 0


def _app(document: str | None) -> int:
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_main_window

    app = QApplication([sys.argv[0]])
    window = build_main_window(app)
    window.show()
    app.processEvents()
    if document is None:
        return 0
    window.sig_document_opened.connect(lambda _path: QTimer.singleShot(0, app.quit))
    window.open_document(Path(document))
    QTimer.singleShot(30_000, lambda: app.exit(1))
    status = app.exec()
    window.close()
    return status


def main() -> int:
    """Run the target named on the command line."""
    mode = sys.argv[1]
    if mode == "bare":
        return _bare()
    if mode == "app":
        return _app(None)
    return _app(sys.argv[2])


if __name__ == "__main__":
    sys.exit(main())
