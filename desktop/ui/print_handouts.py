"""Printing the handouts for control staff: inject cards, team briefings, evaluator guide.

The report layer writes each handout as HTML (`desktop.report.handouts`); here Qt's
rich-text engine lays it out on A4, to a PDF file (on a worker thread, with a busy
indicator) or to a printer chosen in the system's print dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.scenario import Inject, Scenario, Team
from desktop.report import handouts
from desktop.report.pdf import FONT_FAMILIES, MARGINS_MM, a4_writer, write_pages
from desktop.services.console import ConsoleService
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.workers import Progress, Task, report_uncaught, run_task

log = logging.getLogger(__name__)

FONT_POINTS = 9.5


class Handout(StrEnum):
    """The handouts control staff can print."""

    INJECT_CARDS = "inject-cards"
    TEAM_BRIEFINGS = "team-briefings"
    EVALUATOR_GUIDE = "evaluator-guide"


def render_handout(
    handout: Handout,
    scenario: Scenario,
    injects: Sequence[Inject],
    teams: Sequence[Team],
    selected: Collection[str] | None,
) -> str:
    """The HTML of a handout (pure: safe to call on a worker thread)."""
    if handout is Handout.INJECT_CARDS:
        return handouts.inject_cards_html(scenario, injects, teams, selected=selected)
    if handout is Handout.TEAM_BRIEFINGS:
        return handouts.team_briefings_html(scenario, teams, selected=selected)
    return handouts.evaluator_guide_html(scenario, injects, teams, selected=selected)


def injects_as_played(service: ConsoleService) -> tuple[Inject, ...]:
    """The run's injects in MSEL order as domain objects, ad-hoc ones included."""
    return service.inject_definitions()


class HandoutPrinter:
    """Lays handout HTML out on A4 pages: to a PDF file, or to a printer.

    `to_pdf` touches no widget and may run on a worker thread.
    """

    def __init__(self, footer: str = "") -> None:
        self.footer = footer

    def to_pdf(self, html: str, path: Path) -> int:
        """Write `html` to `path` as an A4 PDF with a footer on each page; the page count.

        Raises `OSError` if the file cannot be written.
        """
        path = Path(path)
        writer = a4_writer(path, self.footer, "Coherence")
        document = _document(html)
        document.documentLayout().setPaintDevice(writer)
        pages = write_pages(document, writer, path, self.footer)
        log.info("Wrote %s (%d pages)", path, pages)
        return pages

    def to_printer(self, html: str, parent: QWidget | None) -> bool:
        """Ask for a printer in the system's dialog and print `html`; `False` if cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(_a4_layout())
        printer.setDocName(self.footer or "Coherence handout")
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        _document(html).print_(printer)
        return True


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(*MARGINS_MM),
        QPageLayout.Unit.Millimeter,
    )


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


_TITLES = {
    Handout.INJECT_CARDS: "Inject cards",
    Handout.TEAM_BRIEFINGS: "Team briefings",
    Handout.EVALUATOR_GUIDE: "Evaluator guide",
}


class PrintHandoutsDialog(QDialog):
    """Choose a handout and the teams it covers, then save it as a PDF or print it."""

    sig_saved = Signal(str)  # the PDF's path

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._task: Task | None = None
        self.setWindowTitle(self.tr("Print handouts"))

        self._kinds = QButtonGroup(self)
        kinds_box = QGroupBox(self.tr("Handout"))
        kinds_layout = QVBoxLayout(kinds_box)
        hints = {
            Handout.INJECT_CARDS: self.tr(
                "Inject cards: one page per inject, with the expected reaction for control"
            ),
            Handout.TEAM_BRIEFINGS: self.tr(
                "Team briefings: the situation, the actors' mandates and the objectives"
            ),
            Handout.EVALUATOR_GUIDE: self.tr(
                "Evaluator guide: expected reactions and a rating sheet per team"
            ),
        }
        self._kind_buttons: dict[Handout, QRadioButton] = {}
        for number, handout in enumerate(Handout):
            button = QRadioButton(hints[handout])
            self._kinds.addButton(button, number)
            self._kind_buttons[handout] = button
            kinds_layout.addWidget(button)
        self._kind_buttons[Handout.INJECT_CARDS].setChecked(True)

        teams_box = QGroupBox(self.tr("Teams"))
        teams_layout = QVBoxLayout(teams_box)
        self._teams = QListWidget()
        for team in bridge.service.teams():
            item = QListWidgetItem(team.name)
            item.setData(Qt.ItemDataRole.UserRole, team.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self._teams.addItem(item)
        self._teams.itemChanged.connect(self._on_teams_item_changed)
        teams_layout.addWidget(self._teams)

        self._busy = QProgressBar()
        self._busy.setRange(0, 0)  # busy: the layout reports no steps
        self._busy.setTextVisible(False)
        self._busy.hide()
        self._status = QLabel()
        self._status.setWordWrap(True)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(kinds_box)
        layout.addWidget(teams_box)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self._status, 1)
        progress_row.addWidget(self._busy)
        layout.addLayout(progress_row)
        layout.addWidget(buttons)
        self._update_buttons()

    # What is chosen.

    def handout(self) -> Handout:
        """The handout chosen."""
        for handout, button in self._kind_buttons.items():
            if button.isChecked():
                return handout
        return Handout.INJECT_CARDS

    def set_handout(self, handout: Handout) -> None:
        """Choose a handout."""
        self._kind_buttons[handout].setChecked(True)

    def selected_teams(self) -> tuple[str, ...]:
        """The ids of the teams ticked."""
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self._teams.item(row) for row in range(self._teams.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_selected_teams(self, team_ids: Collection[str]) -> None:
        """Tick exactly these teams."""
        for row in range(self._teams.count()):
            item = self._teams.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in team_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def is_busy(self) -> bool:
        """Whether a PDF is being written."""
        return self._task is not None and self._task.running

    # Actions.

    def save_pdf(self, path: Path) -> Task:
        """Write the chosen handout to `path` on a worker thread; `sig_saved` when done."""
        work = self._work(self.handout(), path)
        task = run_task(
            work,
            owner=self,
            on_done=self._on_task_done,
            on_error=self._on_task_failed,
            on_progress=self._on_task_progressed,
        )
        self._task = task
        self._set_busy(True, self.tr("Laying out the pages…"))
        return task

    def print_handout(self) -> bool:
        """Print the chosen handout through the system's print dialog."""
        handout = self.handout()
        html = self._html(handout)
        return HandoutPrinter(self._footer(handout)).to_printer(html, self)

    def _work(self, handout: Handout, path: Path) -> Callable[[Progress], Any]:
        # Read everything from the service here, on the GUI thread; the worker only
        # renders and lays out frozen domain objects.
        service = self._bridge.service
        scenario = service.scenario
        injects = injects_as_played(service)
        teams = service.teams()
        selected = self.selected_teams()
        footer = self._footer(handout)

        def work(progress: Progress) -> tuple[str, int]:
            progress(0, 2, "render")
            html = render_handout(handout, scenario, injects, teams, selected)
            progress(1, 2, "layout")
            pages = HandoutPrinter(footer).to_pdf(html, path)
            return str(path), pages

        return work

    def _html(self, handout: Handout) -> str:
        service = self._bridge.service
        return render_handout(
            handout,
            service.scenario,
            injects_as_played(service),
            service.teams(),
            self.selected_teams(),
        )

    def _footer(self, handout: Handout) -> str:
        return f"{_TITLES[handout]} · {self._bridge.service.scenario.title}"

    def _default_path(self) -> Path:
        document = self._bridge.service.path
        return document.with_name(f"{document.stem}-{self.handout().value}.pdf")

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy.setVisible(busy)
        self._status.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = not self.is_busy() and bool(self.selected_teams())
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # Handlers.

    def _on_teams_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_buttons()

    def _on_save_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the handout as PDF"),
            str(self._default_path()),
            self.tr("PDF files (*.pdf)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.save_pdf(path)

    def _on_print_button_clicked(self) -> None:
        self.print_handout()

    def _on_task_progressed(self, done: int, total: int, _step: str) -> None:
        if done >= 1:
            self._status.setText(self.tr("Writing the PDF…"))

    def _on_task_done(self, result: object) -> None:
        self._task = None
        path, pages = result if isinstance(result, tuple) else ("", 0)
        self._set_busy(False, self.tr("Saved %n page(s) to {path}.", "", pages).format(path=path))
        self.sig_saved.emit(str(path))

    def _on_task_failed(self, error: BaseException) -> None:
        self._task = None
        self._set_busy(False)
        if isinstance(error, OSError):
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("The PDF could not be written: {error}").format(error=error),
            )
            return
        report_uncaught(error)
