"""Automatic backup to a second folder: valid copies, rotation, a pulled USB stick."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.domain.records import DecisionContent
from desktop.services.summary import summarize
from desktop.ui.backup_scheduler import BackupScheduler, backup_paths
from desktop.ui.backup_settings_dialog import BackupSettingsDialog
from desktop.ui.exercise_bridge import ExerciseBridge
from tests.ui.documents import new_console

WAIT_MS = 20_000


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[ExerciseBridge]:
    """A bridge over a new mini exercise in `tmp_path/doc`."""
    folder = tmp_path / "doc"
    folder.mkdir()
    bridge = ExerciseBridge(new_console(folder))
    yield bridge
    bridge.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The backup folder (a USB stick)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def scheduler(bridge: ExerciseBridge, stick: Path) -> Iterator[BackupScheduler]:
    """A scheduler backing up to `stick` every 5 minutes."""
    scheduler = BackupScheduler(bridge, stick)
    yield scheduler
    scheduler.close()


def _decide(bridge: ExerciseBridge, title: str) -> None:
    bridge.service.execute(
        c.RecordDecision("unct", "dsrsg-rchc", None, DecisionContent(title=title))
    )


def _backup(qtbot: QtBot, scheduler: BackupScheduler) -> str:
    with qtbot.waitSignal(scheduler.sig_backed_up, timeout=WAIT_MS) as done:
        assert scheduler.backup_now()
    return str(done.args[0])


def test_backup_is_a_valid_document(
    qtbot: QtBot, bridge: ExerciseBridge, scheduler: BackupScheduler, stick: Path
) -> None:
    for n in range(3):
        _decide(bridge, f"Decision {n}")
    path = _backup(qtbot, scheduler)
    assert path == str(stick / "exercise-backup.coherence")
    assert scheduler.last_path == Path(path)
    assert scheduler.last_when is not None
    assert scheduler.snapshot_seconds is not None
    summary = summarize(Path(path))
    assert summary.records.decisions == 3
    assert summary.injects.total == len(bridge.service.injects())
    assert [t.id for t in summary.teams] == [t.id for t in bridge.service.teams()]
    assert summary.lifecycle == bridge.service.lifecycle.value
    # Nothing is left behind but the backup.
    assert [p.name for p in stick.iterdir()] == ["exercise-backup.coherence"]


def test_three_copies_are_kept(
    qtbot: QtBot, bridge: ExerciseBridge, scheduler: BackupScheduler, stick: Path
) -> None:
    for n in range(5):
        _decide(bridge, f"Decision {n}")
        _backup(qtbot, scheduler)
    newest, previous, oldest = backup_paths(stick, "exercise")
    assert sorted(p.name for p in stick.iterdir()) == sorted(
        [newest.name, previous.name, oldest.name]
    )
    assert previous.name == "exercise-backup-1.coherence"
    assert summarize(newest).records.decisions == 5
    assert summarize(previous).records.decisions == 4
    assert summarize(oldest).records.decisions == 3


def test_missing_folder_fails_once_and_recovers(
    qtbot: QtBot, bridge: ExerciseBridge, scheduler: BackupScheduler, stick: Path
) -> None:
    failures: list[str] = []
    scheduler.sig_failed.connect(failures.append)
    stick.rmdir()  # the stick is pulled out
    assert scheduler.backup_now() is False
    assert scheduler.backup_now() is False
    _decide(bridge, "While the stick is out")
    assert scheduler.backup_now() is False
    assert len(failures) == 1
    assert str(stick) in failures[0]
    assert scheduler.pending

    stick.mkdir()  # and put back
    _backup(qtbot, scheduler)
    assert summarize(stick / "exercise-backup.coherence").records.decisions == 1
    stick_file = stick / "exercise-backup.coherence"
    stick_file.unlink()
    stick.rmdir()
    assert scheduler.backup_now() is False
    assert len(failures) == 2  # a new run of failures is told again


def test_failure_in_the_worker_keeps_the_old_backup(
    qtbot: QtBot,
    bridge: ExerciseBridge,
    scheduler: BackupScheduler,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _decide(bridge, "First")
    good = Path(_backup(qtbot, scheduler))
    before = good.read_bytes()
    _decide(bridge, "Second")

    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.ui.backup_scheduler.shutil.copyfileobj", full_disk)
    with qtbot.waitSignal(scheduler.sig_failed, timeout=WAIT_MS) as failed:
        assert scheduler.backup_now()
    assert "No space left" in str(failed.args[0])
    assert good.read_bytes() == before
    assert [p.name for p in stick.iterdir()] == [good.name]
    assert scheduler.pending


def test_timer_backs_up_only_after_changes(
    qtbot: QtBot, bridge: ExerciseBridge, scheduler: BackupScheduler, stick: Path
) -> None:
    backups: list[str] = []
    scheduler.sig_backed_up.connect(lambda path, when: backups.append(path))
    with qtbot.waitSignal(scheduler.sig_backed_up, timeout=WAIT_MS):
        scheduler.set_interval_ms(200)  # the first interval backs up: nothing saved yet
    assert not scheduler.pending
    qtbot.wait(700)  # a few intervals with no change: no new backup
    assert len(backups) == 1
    _decide(bridge, "A change")
    assert scheduler.pending
    with qtbot.waitSignal(scheduler.sig_backed_up, timeout=WAIT_MS):
        pass
    assert len(backups) == 2
    assert summarize(stick / "exercise-backup.coherence").records.decisions == 1


def test_one_second_timer(qtbot: QtBot, bridge: ExerciseBridge, stick: Path) -> None:
    scheduler = BackupScheduler(bridge, None)
    try:
        assert scheduler.interval_ms == 5 * 60_000
        scheduler.set_interval_ms(1000)
        scheduler.set_folder(stick)
        with qtbot.waitSignal(scheduler.sig_backed_up, timeout=WAIT_MS):
            pass
        assert (stick / "exercise-backup.coherence").exists()
        scheduler.set_folder(None)  # off: no timer, no backup
        assert scheduler.backup_now() is False
    finally:
        scheduler.close()


def test_settings_dialog(
    qtbot: QtBot,
    bridge: ExerciseBridge,
    scheduler: BackupScheduler,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = BackupSettingsDialog(scheduler)
    qtbot.addWidget(dialog)
    assert dialog.interval_spin.value() == 5
    assert "None yet" in dialog.status_label.text()
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda *args, **kwargs: str(other),
    )
    with qtbot.waitSignal(dialog.sig_settings_changed) as changed:
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert changed.args == [str(other), 5]
    assert scheduler.folder == other
    assert dialog.folder_edit.text() == str(other)
    dialog.interval_spin.setValue(10)
    assert scheduler.interval_ms == 10 * 60_000
    with qtbot.waitSignal(scheduler.sig_backed_up, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert str(other / "exercise-backup.coherence") in dialog.status_label.text()
    qtbot.mouseClick(dialog.off_button, Qt.MouseButton.LeftButton)
    assert scheduler.folder is None
    assert not dialog.backup_button.isEnabled()
