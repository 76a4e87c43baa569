"""The main window's menus and documents: errors, recovery, side windows, shortcuts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.scenario.pack import load_scenario
from desktop.services.session import ExerciseSession
from desktop.ui.main_window import MainWindow
from desktop.ui.projector_window import ProjectorWindow
from desktop.ui.settings import AppSettings
from desktop.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from desktop.ui.team_window import TeamWindow
from tests.ui.documents import MINI_PACK, new_console


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    shown = MainWindow(AppSettings())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    window.open_document(path)
    qtbot.waitUntil(lambda: window.console is not None, timeout=20_000)


def a_document(folder: Path) -> Path:
    service = new_console(folder)
    path = service.path
    service.close()
    return path


def test_a_newer_document_gets_a_clear_dialog_and_is_left_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = a_document(tmp_path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.open_document(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "newer version of Coherence" in shown[0]
    assert window.console is None
    assert path.read_bytes() == before


def test_a_document_that_is_not_one_is_explained(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.coherence"
    path.write_text("minutes of the coordination meeting", encoding="utf-8")
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.open_document(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "not a Coherence exercise document" in shown[0]


def test_an_interrupted_exercise_reopens_paused_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "running.coherence"
    session = ExerciseSession.create(path, load_scenario(MINI_PACK))
    session.execute(c.Start(8 * 60))
    session.document.close()  # the program stopped with the clock running

    open_and_wait(qtbot, window, path)
    console = window.console
    assert console is not None
    assert console.bridge.service.lifecycle.value == "paused"
    assert console.recovery_notice.isVisibleTo(window)
    assert "reopened paused" in console.recovery_notice.text()
    console.control_bar.start_pause_action.trigger()  # Resume
    assert not console.recovery_notice.isVisibleTo(window)


def test_projector_and_team_windows_open_from_the_view_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, a_document(tmp_path))
    window.projector_action.trigger()
    window.team_menu.aboutToShow.emit()
    team_actions = [a for a in window.team_menu.actions() if a.text()]
    assert [a.text() for a in team_actions][:1] == [window.bridge.service.teams()[0].name]  # type: ignore[union-attr]
    team_actions[0].trigger()
    kinds = {type(w) for w in window._side_windows}
    assert kinds == {ProjectorWindow, TeamWindow}
    window.close_exercise()  # closing the exercise closes its windows
    assert window._side_windows == []


def test_every_frequent_action_has_a_shortcut_listed_in_help(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, a_document(tmp_path))
    rows = {action: keys for _menu, action, keys in shortcut_rows(window.menuBar())}
    for action in (
        "Pause"
        if window.bridge and window.bridge.service.lifecycle.value == "running"
        else "Resume",
        "Jump to time",
        "Release now",
        "Hold",
        "Skip",
        "Add ad-hoc inject",
        "Record a decision",
        "Record an observation",
        "Reply to a team as control",
        "End exercise",
        "Debrief",
        "Projector window",
        "Keyboard shortcuts",
    ):
        assert action in rows, f"{action} has no shortcut in the menus"
    assert rows["Resume"] == "Space"
    shown: list[int] = []

    def exec_(dialog: ShortcutsDialog) -> int:
        shown.append(dialog.table.rowCount())
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", exec_)
    window.shortcuts_action.trigger()
    assert shown
    assert shown[0] >= len(rows)


def test_the_console_layout_is_remembered(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = a_document(tmp_path)
    open_and_wait(qtbot, window, path)
    assert window.console is not None
    window.console.evaluation_dock.hide()
    window.close_exercise()
    open_and_wait(qtbot, window, path)
    assert window.console is not None
    assert not window.console.evaluation_dock.isVisibleTo(window)


def test_space_pauses_the_clock_but_stays_with_a_focused_check_box(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    open_and_wait(qtbot, window, a_document(tmp_path))
    console = window.console
    assert console is not None
    service = console.bridge.service
    window.activateWindow()
    qtbot.waitActive(window)

    box = console.decision_form.dimension_boxes["humanitarian"]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()  # the key ticked the box
    assert service.lifecycle.value == "paused"  # and did not resume the clock

    table = console.msel.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert service.lifecycle.value == "running"
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert service.lifecycle.value == "paused"
