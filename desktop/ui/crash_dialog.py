"""The crash dialog: an uncaught error shown in plain words with a report to copy.

`install_exception_hooks` routes `sys.excepthook` (errors in Qt slots, on the GUI thread)
and `threading.excepthook` (errors in other threads) to one handler that logs the error,
writes a crash report file, and shows `CrashDialog` on the GUI thread. Errors that come
while a dialog is open are added to it rather than stacking windows; an error while
showing the dialog is only logged. `PreviousCrashDialog` offers, at the next start, the
reports an earlier run left behind (a hard crash's fault log included).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.crash import (
    acknowledge_crash_reports,
    format_crash_report,
    previous_crash_reports,
    read_report,
    write_crash_report,
)

log = logging.getLogger(__name__)

ParentGetter = Callable[[], QWidget | None]
SEPARATOR = "\n" + "-" * 72 + "\n\n"


class _ReportView(QDialog):
    """A dialog around a read-only report with Copy and Save buttons."""

    def __init__(self, message: str, text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.report_edit = QPlainTextEdit()
        self.report_edit.setReadOnly(True)
        self.report_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_edit.setPlainText(text)
        self.report_edit.setMinimumSize(640, 280)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.save_button = QPushButton(self.tr("Save report…"))
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.message_label)
        self._layout.addWidget(self.report_edit, 1)
        self._layout.addWidget(self.buttons)

    def report_text(self) -> str:
        """The report as shown."""
        return self.report_edit.toPlainText()

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.copy_button.setText(self.tr("Copied"))

    def _on_save_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            "coherence-crash-report.txt",
            self.tr("Text files (*.txt)"),
        )
        if not name:
            return
        try:
            Path(name).write_text(self.report_text(), encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The report could not be saved: {error}").format(error=error),
            )


class CrashDialog(_ReportView):
    """Says in plain words that something went wrong, with the report to copy or save."""

    def __init__(
        self, report: str, report_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            _tr(
                "Coherence hit an unexpected error. Everything recorded before this moment "
                "is saved in the exercise document.\n\nPlease copy this report and send it "
                "to whoever supports Coherence for you. You can go on working; if anything "
                "looks wrong, close Coherence and open the exercise again."
            ),
            report,
            parent,
        )
        self.setWindowTitle(self.tr("Unexpected error"))
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.insertWidget(2, self.path_label)  # under the report, above the buttons
        self._show_path(report_path)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.errors = 1

    def add_report(self, report: str, report_path: Path | None) -> None:
        """Add a later error's report (errors in a burst share one dialog)."""
        self.errors += 1
        self.report_edit.appendPlainText(SEPARATOR + report)
        self._show_path(report_path)
        self.setWindowTitle(self.tr("Unexpected errors ({count})").format(count=self.errors))

    def _show_path(self, path: Path | None) -> None:
        if path is None:
            self.path_label.setText(self.tr("The report could not be saved in the log folder."))
        else:
            self.path_label.setText(self.tr("The report is also saved as {path}").format(path=path))


class PreviousCrashDialog(_ReportView):
    """At start: what an earlier run left when it stopped unexpectedly."""

    def __init__(self, reports: list[Path], parent: QWidget | None = None) -> None:
        text = SEPARATOR.join(f"{path.name}\n\n{read_report(path)}" for path in reports)
        super().__init__(
            _tr(
                "Coherence stopped unexpectedly last time. Exercise documents keep "
                "everything that was recorded; an exercise that was running reopens paused."
                "\n\nThe report below helps whoever supports Coherence find the cause."
            ),
            text,
            parent,
        )
        self.reports = list(reports)
        self.setWindowTitle(self.tr("Coherence stopped unexpectedly"))
        self.dont_show_button = QPushButton(self.tr("Don't show again"))
        self.buttons.addButton(self.dont_show_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.dont_show_button.clicked.connect(self._on_dont_show_button_clicked)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)

    def _on_dont_show_button_clicked(self) -> None:
        acknowledge_crash_reports(self.reports)
        self.accept()


def offer_previous_crash_reports(parent: QWidget | None) -> PreviousCrashDialog | None:
    """Open (without blocking) the dialog for an earlier run's crash, if there was one."""
    reports = previous_crash_reports()
    if not reports:
        return None
    dialog = PreviousCrashDialog(reports, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _tr(text: str) -> str:
    # Texts given to a base class's constructor, before `self.tr` can be used.
    return QApplication.translate("CrashDialog", text)


class CrashHandler(QObject):
    """Receives uncaught errors from any thread and shows them on the GUI thread."""

    sig_raised = Signal(str, str)  # the report, its file ("" if none)

    def __init__(self, parent_getter: ParentGetter) -> None:
        super().__init__()
        self._parent_getter = parent_getter
        self._handling = threading.local()
        self._showing = False
        self.dialog: CrashDialog | None = None
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        self.sig_raised.connect(self._on_raised, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Take over `sys.excepthook` and `threading.excepthook`."""
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def uninstall(self) -> None:
        """Give the hooks back to what they were before `install`."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook == self.threading_excepthook:
            threading.excepthook = self._previous_threading_hook

    def excepthook(
        self,
        exc_type: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """`sys.excepthook`: log, write a report, show the dialog."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, error, trace)
            return
        self.handle(error, trace)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """`threading.excepthook`: the same, for an error that ended a thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_value, args.exc_traceback)

    def handle(self, error: BaseException, trace: TracebackType | None = None) -> None:
        """Log `error`, write its crash report, and show it on the GUI thread."""
        if getattr(self._handling, "active", False):
            # The handler itself failed: never loop, only log.
            log.error("error while handling an error", exc_info=error)
            return
        self._handling.active = True
        try:
            if trace is not None and error.__traceback__ is None:
                error = error.with_traceback(trace)
            log.error("uncaught error", exc_info=error)
            path = write_crash_report(error, source="app")
            report = format_crash_report(error)
            if QApplication.instance() is None:
                sys.__excepthook__(type(error), error, error.__traceback__)
            elif QThread.currentThread() == self.thread():
                self._on_raised(report, str(path) if path else "")
            else:
                self.sig_raised.emit(report, str(path) if path else "")
        except Exception:
            log.exception("the crash handler failed")
        finally:
            self._handling.active = False

    def _on_raised(self, report: str, path: str) -> None:
        if self._showing:
            log.error("an error came while the crash dialog was being shown")
            return
        self._showing = True
        try:
            report_path = Path(path) if path else None
            current = self.dialog
            if current is not None and _alive(current) and current.isVisible():
                current.add_report(report, report_path)
                return
            try:
                parent = self._parent_getter()
            except Exception:
                log.exception("no window for the crash dialog")
                parent = None
            dialog = CrashDialog(report, report_path, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._on_dialog_destroyed)
            self.dialog = dialog
            dialog.open()
        except Exception:
            log.exception("the crash dialog could not be shown")
        finally:
            self._showing = False

    def _on_dialog_destroyed(self) -> None:
        self.dialog = None


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


def install_exception_hooks(parent_getter: ParentGetter) -> CrashHandler:
    """Route every uncaught error to the crash dialog; call on the GUI thread at start.

    `parent_getter` returns the window to put the dialog over (or `None`). The returned
    handler's `uninstall` restores the earlier hooks.
    """
    handler = CrashHandler(parent_getter)
    handler.install()
    return handler
