"""Uncaught errors reach the crash dialog from slots, threads and background tasks."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.infra import crash
from desktop.infra.paths import log_dir
from desktop.ui import crash_dialog
from desktop.ui.crash_dialog import (
    CrashDialog,
    CrashHandler,
    PreviousCrashDialog,
    install_exception_hooks,
    offer_previous_crash_reports,
)
from desktop.ui.workers import run_task

pytestmark = pytest.mark.qt_no_exception_capture

WAIT_MS = 10_000


class InjectError(RuntimeError):
    """An error only these tests raise."""


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The main window stand-in the dialog sits over."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def handler(window: QWidget) -> Iterator[CrashHandler]:
    """The hooks installed for one test, and the earlier hooks restored after it."""
    hook, thread_hook = sys.excepthook, threading.excepthook
    handler = install_exception_hooks(lambda: window)
    assert sys.excepthook == handler.excepthook
    yield handler
    handler.uninstall()
    dialog = handler.dialog
    if dialog is not None:
        dialog.close()
    assert sys.excepthook == hook
    assert threading.excepthook == thread_hook


def _dialog(qtbot: QtBot, handler: CrashHandler) -> CrashDialog:
    qtbot.waitUntil(
        lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=WAIT_MS
    )
    assert handler.dialog is not None
    return handler.dialog


def _reports() -> list[Path]:
    return sorted(log_dir().glob("crash-*.txt"))


def test_error_in_a_slot_shows_the_dialog(
    qtbot: QtBot, handler: CrashHandler, window: QWidget
) -> None:
    def on_clicked() -> None:
        raise InjectError("release failed for conv-01")

    button = QPushButton("Release", window)
    button.clicked.connect(on_clicked)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = _dialog(qtbot, handler)
    text = dialog.report_text()
    assert "InjectError: release failed for conv-01" in text
    assert "in on_clicked" in text
    assert "Everything recorded before this moment is saved" in dialog.message_label.text()
    assert dialog.parent() is window
    [report] = _reports()
    assert report.read_text(encoding="utf-8") == text
    assert str(report) in dialog.path_label.text()


def test_copy_puts_the_report_on_the_clipboard(qtbot: QtBot, handler: CrashHandler) -> None:
    handler.handle(InjectError("copy me"))
    dialog = _dialog(qtbot, handler)
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.report_text()
    assert "InjectError: copy me" in QApplication.clipboard().text()


def test_save_report(
    qtbot: QtBot, handler: CrashHandler, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handler.handle(InjectError("save me"))
    dialog = _dialog(qtbot, handler)
    target = tmp_path / "report.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8") == dialog.report_text()


def test_error_in_a_thread_is_shown_on_the_gui_thread(qtbot: QtBot, handler: CrashHandler) -> None:
    shown_on: list[object] = []
    original = handler._on_raised

    def spy(report: str, path: str) -> None:
        shown_on.append(threading.current_thread())
        original(report, path)

    handler._on_raised = spy  # type: ignore[method-assign]

    def work() -> None:
        raise InjectError("from the network thread")

    thread = threading.Thread(target=work, name="network")
    thread.start()
    thread.join()
    dialog = _dialog(qtbot, handler)
    assert "InjectError: from the network thread" in dialog.report_text()
    assert shown_on == [threading.main_thread()]
    assert len(_reports()) == 1


def test_error_in_a_background_task_reaches_the_dialog(qtbot: QtBot, handler: CrashHandler) -> None:
    def work(progress: object) -> None:
        raise InjectError("the report could not be laid out")

    task = run_task(work, owner=None, on_done=lambda result: None)  # kept: it has no owner
    dialog = _dialog(qtbot, handler)
    assert not task.running
    assert "the report could not be laid out" in dialog.report_text()


def test_a_burst_of_errors_shares_one_dialog(qtbot: QtBot, handler: CrashHandler) -> None:
    handler.handle(InjectError("first"))
    dialog = _dialog(qtbot, handler)
    handler.handle(InjectError("second"))
    assert handler.dialog is dialog
    assert dialog.errors == 2
    assert "InjectError: first" in dialog.report_text()
    assert "InjectError: second" in dialog.report_text()
    assert len(_reports()) == 2


def test_failing_dialog_only_logs(
    qtbot: QtBot,
    handler: CrashHandler,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("no dialog today")

    monkeypatch.setattr(crash_dialog, "CrashDialog", broken)
    handler.handle(InjectError("the original"))  # must not raise or loop
    assert handler.dialog is None
    assert "the crash dialog could not be shown" in caplog.text
    assert "InjectError: the original" in caplog.text
    assert len(_reports()) == 1


def test_error_inside_the_handler_does_not_recurse(
    handler: CrashHandler, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []

    def report_and_fail_again(error: BaseException, source: str = "") -> None:
        calls.append(str(error))
        # As if writing the report raised an error that reached the hook again.
        handler.handle(InjectError("while handling"))
        raise OSError("disk gone")

    monkeypatch.setattr(crash_dialog, "write_crash_report", report_and_fail_again)
    handler.handle(InjectError("first"))
    assert calls == ["first"]
    assert "error while handling an error" in caplog.text
    assert "the crash handler failed" in caplog.text


def test_previous_crash_is_offered_then_acknowledged(qtbot: QtBot, window: QWidget) -> None:
    assert offer_previous_crash_reports(window) is None
    try:
        raise InjectError("yesterday's crash")
    except InjectError as error:
        report = crash.write_crash_report(error, source="app")
    assert report is not None

    dialog = offer_previous_crash_reports(window)
    assert isinstance(dialog, PreviousCrashDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert "InjectError: yesterday's crash" in dialog.report_text()
    assert report.name in dialog.report_text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "yesterday's crash" in QApplication.clipboard().text()
    qtbot.mouseClick(dialog.dont_show_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert crash.previous_crash_reports() == []
    assert offer_previous_crash_reports(window) is None


def test_closing_the_previous_crash_dialog_offers_it_again(qtbot: QtBot, window: QWidget) -> None:
    crash.write_crash_report(InjectError("still there"), source="app")
    dialog = offer_previous_crash_reports(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.reject()
    assert len(crash.previous_crash_reports()) == 1
