"""A real console process for the crash test: opens a document, resumes the clock, and
records a decision every 50 ms through the console's bridge, printing `ack N` after each
one is acknowledged. The test kills it at a moment of its choosing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    """Run until killed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_main_window
    from desktop.domain import commands as c
    from desktop.domain.records import DecisionContent

    app = QApplication([sys.argv[0]])
    window = build_main_window(app)
    window.show()
    count = 0

    def record() -> None:
        nonlocal count
        bridge = window.bridge
        assert bridge is not None
        content = DecisionContent(title=f"Decision {count}")
        if bridge.execute(c.RecordDecision("unct", "dsrsg-rchc", None, content), None):
            print(f"ack {count}", flush=True)
            count += 1

    def on_opened(_path: str) -> None:
        assert window.console is not None
        window.console.control_bar.start_pause_action.trigger()  # Resume
        print("resumed", flush=True)
        timer = QTimer(window)
        timer.setInterval(50)
        timer.timeout.connect(record)
        timer.start()

    window.sig_document_opened.connect(on_opened)
    window.open_document(Path(sys.argv[1]))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
