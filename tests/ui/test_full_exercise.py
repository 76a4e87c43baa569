"""A whole short exercise through the real main window, as a facilitator would run it.

New exercise from the test pack, start, release, a decision with consultations and an
asset request, a rating, pause, end, close, reopen: the same state comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from desktop.domain.enums import AssetTask, ConsultMode, Lifecycle, Rating
from desktop.domain.records import Consultation
from desktop.store.decision_pages import DecisionFilter
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.wizard.new_exercise_wizard import NewExerciseWizard
from tests.ui.documents import MINI_PACK

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    shown = MainWindow(AppSettings())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget.objectName() or widget} is disabled"
    qtbot.mouseClick(widget, LEFT)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def create_through_the_wizard(
    qtbot: QtBot, window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(MINI_PACK))
    click(qtbot, window.start_page.new_button)
    wizard = window.findChild(NewExerciseWizard)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.pack_page.loaded() is not None, timeout=20_000)
    click(qtbot, wizard.pack_page.other_button)
    qtbot.waitUntil(
        lambda: (loaded := wizard.pack_page.loaded()) is not None and loaded.scenario.id == "mini",
        timeout=20_000,
    )
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))  # teams as suggested
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.keyClicks(wizard.participants_page.name_edit, "E. Banda")
    click(qtbot, wizard.participants_page.add_button)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))  # participants
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))  # clock: ×60, auto-release
    path_edit = wizard.save_page.path_edit
    path_edit.clear()
    qtbot.keyClicks(path_edit, str(target))
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: window.console is not None, timeout=20_000)


def test_a_whole_exercise_survives_closing_and_reopening(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = tmp_path / "ivuna.coherence"
    create_through_the_wizard(qtbot, window, document, monkeypatch)
    console = window.console
    assert console is not None
    assert document.exists()
    assert "ivuna.coherence" in window.windowTitle()

    # Start at D+0 08:00 (the start dialog asks for the time).
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("D+0 08:00", True))
    click(qtbot, console.control_bar.start_button)
    service = console.bridge.service
    assert service.lifecycle is Lifecycle.RUNNING

    # Release conv-01 by hand from the MSEL.
    console.msel.select_inject("conv-01")
    click(qtbot, console.msel.release_button)
    assert service.inject("conv-01").status.value == "released"

    # The humanitarian team answers: consultations typed from the keyboard, assets asked.
    form = console.decision_form
    choose(form.team_combo, "humanitarian")
    choose(form.actor_combo, "ocha")
    choose(form.inject_combo, "conv-01")
    qtbot.keyClicks(form.title_edit, "Ask the Force for two helicopters under HCT control")
    editor = form.consultations
    for typed in ("wfp:joint", "unhcr:consult"):
        qtbot.keyClicks(editor.entry, typed)
        qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    assets = form.assets_form
    assets.setChecked(True)
    qtbot.keyClicks(assets.asset, "Two utility helicopters")
    choose(assets.decided_by, "dsrsg-rchc")
    choose(assets.task, AssetTask.INDIRECT)
    click(qtbot, assets.humanitarian_control)
    with qtbot.waitSignal(form.sig_saved) as saved:
        click(qtbot, form.record_button)
    decision_id = str(saved.args[0])
    decision = service.decision(decision_id)
    assert decision.content.consulted == (
        Consultation("wfp", ConsultMode.JOINT),
        Consultation("unhcr", ConsultMode.CONSULT),
    )
    assert decision.content.military_assets is not None
    assert decision.content.military_assets.humanitarian_control
    assert console.decision_log.model.rowCount() == 1

    # An evaluator rates the team.
    panel = console.observer
    line = panel.observer_combo.lineEdit()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "Lead evaluator")
    rating = panel.rating_form
    choose(rating.team_combo, "humanitarian")
    choose(rating.objective_combo, service.objectives()[0].id)
    qtbot.keyClick(rating.rating_selector, Qt.Key.Key_2)  # S
    click(qtbot, rating.record_button)
    assert [(r.team, r.rating) for r in service.ratings()] == [("humanitarian", Rating.S)]

    # Pause, then end (and decline the debrief for now).
    click(qtbot, console.control_bar.start_button)
    assert service.lifecycle.value == "paused"
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    click(qtbot, console.control_bar.end_button)
    assert service.lifecycle.value == "ended"

    before = state_of(window)
    window.close_action.trigger()
    assert window.console is None
    assert window.centralWidget() is not None
    assert str(document) in window.settings.recent_documents()

    window.open_document(document)
    qtbot.waitUntil(lambda: window.console is not None, timeout=20_000)
    assert state_of(window) == before
    reopened = window.console
    assert reopened is not None
    assert reopened.decision_log.model.rowCount() == 1
    assert reopened.control_bar.start_pause_action.isEnabled() is False  # ended


def state_of(window: MainWindow) -> dict[str, object]:
    """What a facilitator sees of the exercise: clock, MSEL and every record."""
    assert window.bridge is not None
    service = window.bridge.service
    status = service.clock_status()
    page = service.decision_page(DecisionFilter())
    return {
        "clock": (status.lifecycle, status.stamp, status.rate, status.auto_release),
        "injects": [(v.id, v.status.value, v.released_at) for v in service.injects()],
        "decisions": [service.decision(item.id) for item in page.rows],
        "ratings": [(r.team, r.objective, r.rating, r.observer) for r in service.ratings()],
        "participants": service.participants(),
    }
