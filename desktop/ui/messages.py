"""Telling the user, in a dialog, why something they asked for did not happen."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SAFE = "Nothing was recorded. Everything entered before is safe in the document."


def explain_failure(
    parent: QWidget | None, title: str, error: BaseException, *, detail: str = SAFE
) -> bool:
    """Show a dialog for a refused command or a document problem; `False` for anything else.

    Anything else is a bug, and the caller passes it on to the crash handler.
    """
    from desktop.engine.errors import CommandRefused
    from desktop.store.errors import DocumentError

    if isinstance(error, CommandRefused):
        text = error.message[:1].upper() + error.message[1:]
        QMessageBox.warning(parent, title, text + ".")
        return True
    if isinstance(error, DocumentError):
        box = QMessageBox(QMessageBox.Icon.Critical, title, str(error), parent=parent)
        if detail:
            box.setInformativeText(detail)
        box.exec()
        return True
    return False
