"""The welcome page: its two actions and the recent documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.ui.settings import AppSettings
from desktop.ui.start_page import StartPage

# The offscreen platform says this whenever a top-level window is shown.


def make_page(qtbot: QtBot, settings: AppSettings) -> StartPage:
    page = StartPage(settings)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitActive(page)
    return page


def item(page: StartPage, row: int) -> QTreeWidgetItem:
    found = page.recent_list.topLevelItem(row)
    assert found is not None
    return found


def documents(folder: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = folder / f"{name}.coherence"
        path.write_bytes(b"")
        paths.append(path)
    return paths


def test_empty_page_says_so(qtbot: QtBot) -> None:
    page = make_page(qtbot, AppSettings())
    assert page.recent_paths() == []
    assert page.empty_label.isVisible()
    assert not page.recent_list.isVisible()


def test_buttons_emit_their_signals(qtbot: QtBot) -> None:
    page = make_page(qtbot, AppSettings())
    with qtbot.waitSignal(page.sig_new_requested, timeout=1000):
        QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sig_open_requested, timeout=1000):
        QTest.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    page.new_button.setFocus()
    with qtbot.waitSignal(page.sig_new_requested, timeout=1000):
        QTest.keyClick(page.new_button, Qt.Key.Key_Space)


def test_recent_list_shows_entries_most_recent_first(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings()
    first, second = documents(tmp_path, "lakeland-cohort-1", "lakeland-cohort-2")
    settings.add_recent_document(first)
    settings.add_recent_document(second)
    page = make_page(qtbot, settings)
    assert page.recent_paths() == [str(second), str(first)]
    first_row = item(page, 0)
    assert first_row.text(0) == "lakeland-cohort-2"
    assert first_row.text(1) == str(tmp_path)
    assert first_row.text(2)
    assert not page.empty_label.isVisible()


def test_double_click_and_enter_choose_a_document(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings()
    first, second = documents(tmp_path, "one", "two")
    settings.add_recent_document(first)
    settings.add_recent_document(second)
    page = make_page(qtbot, settings)
    view = page.recent_list
    rect = view.visualItemRect(item(page, 1))
    with qtbot.waitSignal(page.sig_recent_chosen, timeout=1000) as blocker:
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )
        QTest.mouseDClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )
    assert blocker.args == [str(first)]

    view.setFocus()
    view.setCurrentItem(item(page, 0))
    with qtbot.waitSignal(page.sig_recent_chosen, timeout=1000) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [str(second)]


def test_remove_from_list_keeps_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings()
    first, second = documents(tmp_path, "one", "two")
    settings.add_recent_document(first)
    settings.add_recent_document(second)
    page = make_page(qtbot, settings)
    assert page.remove_action in page.recent_list.actions()
    page.recent_list.setCurrentItem(item(page, 0))
    page.remove_action.trigger()
    assert page.recent_paths() == [str(first)]
    assert second.exists()
    assert AppSettings().recent_documents() == [str(first)]

    page.recent_list.setFocus()
    qtbot.waitUntil(page.recent_list.hasFocus, timeout=1000)
    QTest.keyClick(page.recent_list, Qt.Key.Key_Delete)
    assert page.recent_paths() == []
    assert page.empty_label.isVisible()


def test_missing_files_are_pruned(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings()
    kept, gone = documents(tmp_path, "kept", "gone")
    settings.add_recent_document(kept)
    settings.add_recent_document(gone)
    page = make_page(qtbot, settings)
    assert len(page.recent_paths()) == 2
    gone.unlink()
    page.refresh()
    assert page.recent_paths() == [str(kept)]
    assert settings.recent_documents() == [str(kept)]


def test_inputs_have_accessible_names(qtbot: QtBot) -> None:
    page = make_page(qtbot, AppSettings())
    for widget in (page.new_button, page.open_button, page.recent_list):
        assert widget.accessibleName()
