"""The print-handouts dialog: a PDF written on a worker thread, and printing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.domain.enums import Channel
from desktop.domain.scenario import Inject
from desktop.ui import print_handouts
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.print_handouts import (
    Handout,
    HandoutPrinter,
    PrintHandoutsDialog,
    injects_as_played,
)
from tests.ui.documents import new_console


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[ExerciseBridge]:
    """A bridge over a new mini exercise."""
    bridge = ExerciseBridge(new_console(tmp_path))
    yield bridge
    bridge.close()


@pytest.fixture
def dialog(qtbot: QtBot, bridge: ExerciseBridge) -> PrintHandoutsDialog:
    """The dialog, with every team ticked."""
    dialog = PrintHandoutsDialog(bridge)
    qtbot.addWidget(dialog)
    return dialog


def test_save_as_pdf_runs_in_a_worker(
    qtbot: QtBot, dialog: PrintHandoutsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "cards"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"),
    )
    with qtbot.waitSignal(dialog.sig_saved, timeout=60_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.is_busy()
        assert not dialog.save_button.isEnabled()
    pdf = tmp_path / "out" / "cards.pdf"
    assert saved.args == [str(pdf)]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not dialog.is_busy()
    assert dialog.save_button.isEnabled()
    assert "Saved" in dialog._status.text()


@pytest.mark.parametrize("handout", [Handout.TEAM_BRIEFINGS, Handout.EVALUATOR_GUIDE])
def test_each_handout_for_chosen_teams(
    qtbot: QtBot, dialog: PrintHandoutsDialog, tmp_path: Path, handout: Handout
) -> None:
    dialog.set_handout(handout)
    dialog.set_selected_teams(["unct"])
    assert dialog.selected_teams() == ("unct",)
    path = tmp_path / f"{handout.value}.pdf"
    with qtbot.waitSignal(dialog.sig_saved, timeout=60_000):
        dialog.save_pdf(path)
    assert path.read_bytes().startswith(b"%PDF")


def test_no_team_chosen_disables_the_actions(dialog: PrintHandoutsDialog) -> None:
    dialog.set_selected_teams([])
    assert not dialog.save_button.isEnabled()
    assert not dialog.print_button.isEnabled()
    dialog.set_selected_teams(["leadership"])
    assert dialog.save_button.isEnabled()


def test_print_goes_through_the_print_dialog(
    qtbot: QtBot, dialog: PrintHandoutsDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
            self.printer = printer

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_handouts, "QPrintDialog", FakePrintDialog)
    dialog.set_handout(Handout.TEAM_BRIEFINGS)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.read_bytes().startswith(b"%PDF")


def test_cancelled_print_prints_nothing(
    dialog: PrintHandoutsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    class CancelledPrintDialog:
        def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(print_handouts, "QPrintDialog", CancelledPrintDialog)
    assert dialog.print_handout() is False


def test_ad_hoc_injects_are_printed(bridge: ExerciseBridge, tmp_path: Path) -> None:
    adhoc = Inject(
        id="adhoc-1", title="Journalist at the gate", to=("unct",), channel=Channel.VISIT
    )
    bridge.service.execute(c.AddInject(adhoc))
    injects = injects_as_played(bridge.service)
    played = {i.id: i for i in injects}["adhoc-1"]
    assert played.adhoc
    assert played.title == "Journalist at the gate"
    html = print_handouts.render_handout(
        Handout.INJECT_CARDS, bridge.service.scenario, injects, bridge.service.teams(), None
    )
    assert "Journalist at the gate" in html


def test_printer_reports_pages(qapp: object, tmp_path: Path) -> None:
    html = "<p>one</p><p style='page-break-before: always'>two</p>"
    assert HandoutPrinter("Test").to_pdf(html, tmp_path / "two.pdf") == 2
