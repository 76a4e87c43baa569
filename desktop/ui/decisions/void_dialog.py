"""Asking why an entry is voided: the reason stays in the log beside the void."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class VoidDialog(QDialog):
    """A required reason for voiding a decision, an observation or a rating.

    `subject` names the entry ("the decision 'Open the road'"); `reason()` gives the text
    once accepted. OK stays disabled until a reason is typed.
    """

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Void an entry"))
        self.setModal(True)
        intro = QLabel(
            self.tr(
                "Void {subject}? It stays in the exercise log, marked void, and is left "
                "out of every figure. This cannot be undone."
            ).format(subject=subject)
        )
        intro.setWordWrap(True)
        label = QLabel(self.tr("&Reason (required)"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("e.g. entered for the wrong team"))
        self.reason_edit.setAccessibleName(self.tr("Reason for voiding"))
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        label.setBuddy(self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Void"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def reason(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        if self.reason():
            super().accept()

    def _on_reason_edit_text_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))
