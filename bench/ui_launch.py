"""Launch targets for the window start-up benchmark (run as a subprocess).

`python -m bench.ui_launch bare`: a bare PySide6 window, shown, then exit.
`python -m bench.ui_launch app`: Coherence's main window, shown, then exit.
`python -m bench.ui_launch open FILE`: the main window, then FILE open in the console.
`python -m bench.ui_launch recent FILE`: the main window; once the start page has loaded
the console's modules in the background, open FILE as if chosen from the recent list,
and print the seconds from that click to the console ready.
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


def _recent(document: str) -> int:
    import time
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_main_window
    from desktop.ui.startup import after_show

    app = QApplication([sys.argv[0]])
    window = build_main_window(app)
    window.show()
    after_show(window, None)
    clicked = 0.0

    def click() -> None:
        nonlocal clicked
        if not window.warmed:
            QTimer.singleShot(20, click)
            return
        clicked = time.perf_counter()
        window.open_document(Path(document))

    def opened(_path: str) -> None:
        print(f"{time.perf_counter() - clicked:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)

    window.sig_document_opened.connect(opened)
    QTimer.singleShot(0, click)
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
    if mode == "recent":
        return _recent(sys.argv[2])
    return _app(sys.argv[2])


if __name__ == "__main__":
    sys.exit(main())
