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
    resumed = service.lifecycle.value
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert (resumed, service.lifecycle.value) == ("running", "paused")


def test_a_read_only_document_is_offered_as_a_read_only_debrief(
    qtbot: QtBot,
    window: MainWindow,
    simulated_run: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.services.console import ConsoleService
    from desktop.store.errors import DocumentError, DocumentProblem
    from desktop.ui.debrief.debrief_window import DebriefWindow

    def refuse(path: Path, **_kwargs: object) -> ConsoleService:
        raise DocumentError(DocumentProblem.READ_ONLY, path, "read-only medium")

    monkeypatch.setattr(ConsoleService, "open", refuse)
    asked: list[str] = []

    def question(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window.open_document(simulated_run)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "read-only" in asked[0]
    debriefs = [w for w in window._side_windows if isinstance(w, DebriefWindow)]
    assert len(debriefs) == 1
    qtbot.waitUntil(lambda: debriefs[0].loaded, timeout=30_000)
    assert window.console is None


def test_export_a_copy_writes_a_whole_document_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop.services.summary import summarize

    open_and_wait(qtbot, window, a_document(tmp_path))
    target = tmp_path / "usb" / "copy.coherence"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_copy_action.trigger()
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert window.bridge is not None
    original = summarize(window.bridge.service.path)
    copy = summarize(target)
    assert (copy.events, copy.scenario_time, copy.lifecycle) == (
        original.events,
        original.scenario_time,
        original.lifecycle,
    )
    assert [p.name for p in target.parent.iterdir()] == ["copy.coherence"]  # no leftovers


def test_a_file_that_cannot_be_opened_leaves_the_open_exercise_open(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, a_document(tmp_path))
    console = window.console
    bogus = tmp_path / "notes.coherence"
    bogus.write_text("not an exercise", encoding="utf-8")
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    window.open_document(bogus)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert window.console is console  # still there, still usable
    assert window.bridge is not None
    assert window.bridge.service.lifecycle.value == "paused"


def test_reset_panel_layout_brings_every_panel_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, a_document(tmp_path))
    console = window.console
    assert console is not None
    console.inject_dock.hide()
    console.decisions_dock.setFloating(True)
    assert console.reset_layout_action in window.view_menu.actions()
    console.reset_layout_action.trigger()
    assert console.inject_dock.isVisibleTo(window)
    assert not console.decisions_dock.isFloating()
