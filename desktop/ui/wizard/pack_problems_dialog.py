"""The problems that keep a scenario pack from loading, one `file:line:column` per line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class PackProblemsDialog(QDialog):
    """Lists a pack's errors so the author can find and correct each one."""

    def __init__(self, problems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This pack cannot be used"))
        self.problems = list(problems)
        intro = QLabel(
            self.tr(
                "The scenario pack has {count} problem(s). Correct them in the file, "
                "then choose the pack again. Each line gives the file, the line and the column."
            ).replace("{count}", str(len(self.problems))),
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(self.problems), self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("Problems in the pack"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 320)
