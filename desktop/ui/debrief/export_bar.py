"""Export buttons: the after-action report as PDF, HTML or XLSX, made in the background
with a busy indicator and a link to the file when it is written."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.services.reports import ReportRequest, make_report
from desktop.ui.messages import explain_failure
from desktop.ui.workers import Progress, Task, report_uncaught, run_task


class ExportBar(QWidget):
    """One button per format; `sig_exported(path)` once a report is written."""

    sig_exported = Signal(object)

    def __init__(
        self,
        formats: Sequence[str] = ("pdf", "html", "xlsx"),
        *,
        compare: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents: tuple[Path, ...] = ()
        self._compare = compare
        self._task: Task | None = None
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        names = {"pdf": "PDF", "html": "HTML", "xlsx": "XLSX", "json": "JSON"}
        for fmt in formats:
            button = QPushButton(
                self.tr("Export {name}\N{HORIZONTAL ELLIPSIS}").format(name=names[fmt]), self
            )
            button.clicked.connect(self.exporter(fmt))
            layout.addWidget(button)
            self.buttons[fmt] = button
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # make_report gives no steps: a busy indicator
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setOpenExternalLinks(True)
        self.message.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.message, 1)
        self.set_documents(())

    def exporter(self, fmt: str) -> Callable[[], None]:
        """A slot that exports as `fmt` (for buttons and menu actions)."""

        # A slot without arguments: PySide passes nothing (a `checked` flag handed to a
        # lambda with a default argument upset the interpreter at exit in PySide 6.12).
        def export() -> None:
            self.export(fmt)

        return export

    def set_documents(self, documents: Sequence[Path]) -> None:
        """The document (or, comparing, the documents) to report on."""
        self._documents = tuple(documents)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        """Whether a report is being made."""
        return self._task is not None and self._task.running

    def export(self, fmt: str) -> None:
        """Ask where to save, then make the report in the background."""
        if not self._documents or self.busy:
            return
        first = self._documents[0]
        stem = first.stem + ("-comparison" if self._compare else "-report")
        filters = {
            "pdf": self.tr("PDF documents (*.pdf)"),
            "html": self.tr("Web pages (*.html)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "json": self.tr("JSON files (*.json)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(first.with_name(f"{stem}.{fmt}")), filters[fmt]
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != f".{fmt}":
            out = out.with_name(out.name + f".{fmt}")
        self.start_export(fmt, out)

    def start_export(self, fmt: str, out: Path) -> None:
        """Make the report to `out` in the background."""
        request = ReportRequest(self._documents, fmt, out, compare=self._compare)

        def work(_: Progress) -> Path:
            make_report(request)
            return out

        self.progress.show()
        self.message.setText(self.tr("Writing {name}\N{HORIZONTAL ELLIPSIS}").format(name=out.name))
        self._task = run_task(
            work, owner=self, on_done=self._on_task_done, on_error=self._on_task_failed
        )
        self._update_buttons()

    def _on_task_done(self, out: Path) -> None:
        self.progress.hide()
        url = QUrl.fromLocalFile(str(out)).toString()
        folder = QUrl.fromLocalFile(str(out.parent)).toString()
        self.message.setText(
            self.tr("Saved to {path} \N{EM DASH} {open} \N{MIDDLE DOT} {folder}").format(
                path=html.escape(str(out)),
                open=f"<a href='{url}'>{self.tr('open')}</a>",
                folder=f"<a href='{folder}'>{self.tr('show folder')}</a>",
            )
        )
        self._update_buttons()
        self.sig_exported.emit(out)

    def _on_task_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.message.setText(self.tr("The report was not written."))
        self._update_buttons()
        title = self.tr("Report not written")
        if explain_failure(self, title, error):
            return
        if isinstance(error, OSError | ValueError):
            # A folder that cannot be written, or a request the report cannot meet.
            QMessageBox.warning(self, title, str(error))
            return
        report_uncaught(error)

    def _update_buttons(self) -> None:
        ready = bool(self._documents) and not self.busy
        for button in self.buttons.values():
            button.setEnabled(ready)
