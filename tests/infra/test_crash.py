"""Crash reports and the fault log, offered once at the next start (no Qt)."""

from __future__ import annotations

import faulthandler
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.infra import crash
from desktop.infra.paths import log_dir


@pytest.fixture(autouse=True)
def private_logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the log folder inside the test's temporary folder."""
    home = tmp_path / "user"
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    assert str(log_dir()).startswith(str(home))
    return home


@pytest.fixture
def fault_log() -> Iterator[None]:
    """Give faulthandler back to pytest (stderr) after a test that points it at the log."""
    was_enabled = faulthandler.is_enabled()
    yield
    crash.disable_fault_log()
    if was_enabled and sys.__stderr__ is not None:
        faulthandler.enable(sys.__stderr__)


def _error() -> ValueError:
    try:
        raise ValueError("the third inject has no team")
    except ValueError as error:
        return error


def test_crash_report_holds_the_traceback() -> None:
    path = crash.write_crash_report(_error())
    assert path is not None
    assert path.parent == log_dir()
    assert path.name.startswith("crash-")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("Coherence ")
    assert "Python " in text
    assert "ValueError: the third inject has no team" in text
    assert "in _error" in text


def test_two_reports_in_one_second_do_not_overwrite() -> None:
    first = crash.write_crash_report(_error())
    second = crash.write_crash_report(_error())
    assert first != second


def test_reports_are_offered_until_acknowledged() -> None:
    assert crash.previous_crash_reports() == []
    path = crash.write_crash_report(_error(), source="app")
    assert crash.previous_crash_reports() == [path]
    crash.acknowledge_crash_reports()
    assert crash.previous_crash_reports() == []
    assert path is not None
    assert not path.exists()
    assert (log_dir() / crash.ACKNOWLEDGED / path.name).exists()
    later = crash.write_crash_report(_error(), source="app")
    assert crash.previous_crash_reports() == [later]


def test_the_command_lines_reports_are_not_offered_by_the_app() -> None:
    """The command line printed where its report went; the app offers only its own."""
    path = crash.write_crash_report(_error())
    assert path is not None
    assert path.name.startswith("crash-cli-")
    assert crash.previous_crash_reports() == []


def test_only_the_last_acknowledged_reports_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crash, "KEEP_ACKNOWLEDGED", 3)
    for _ in range(5):
        crash.write_crash_report(_error(), source="app")
    crash.acknowledge_crash_reports()
    assert len(list((log_dir() / crash.ACKNOWLEDGED).iterdir())) == 3


def test_empty_fault_log_is_not_a_crash(fault_log: None) -> None:
    path = crash.enable_fault_log()
    assert path == log_dir() / crash.FAULT_LOG
    assert faulthandler.is_enabled()
    assert crash.enable_fault_log() == path  # once per process
    assert crash.previous_crash_reports() == []
    crash.disable_fault_log()
    assert crash.previous_crash_reports() == []


def test_fault_log_of_an_earlier_run_is_kept_and_offered(fault_log: None) -> None:
    earlier = log_dir() / crash.FAULT_LOG
    earlier.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    # Before this run takes the log over, the earlier run's log is offered as it is.
    assert crash.previous_crash_reports() == [earlier]
    crash.enable_fault_log()
    reports = crash.previous_crash_reports()
    assert len(reports) == 1
    assert reports[0].name.startswith("fault-")
    assert "Segmentation fault" in crash.read_report(reports[0])
    assert (log_dir() / crash.FAULT_LOG).read_text(encoding="utf-8") == ""
    crash.acknowledge_crash_reports()
    assert crash.previous_crash_reports() == []


def test_a_hard_crash_leaves_a_fault_log(tmp_path: Path) -> None:
    """A process killed by a segmentation fault leaves its Python stack for the next start."""
    script = (
        "import faulthandler\n"
        "from desktop.infra.crash import enable_fault_log\n"
        "enable_fault_log()\n"
        "def open_the_exercise():\n"
        "    faulthandler._sigsegv()\n"
        "open_the_exercise()\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, timeout=120, check=False
    )
    assert result.returncode != 0
    reports = crash.previous_crash_reports()
    assert [p.name for p in reports] == [crash.FAULT_LOG]
    text = crash.read_report(reports[0])
    assert "Segmentation fault" in text
    assert "open_the_exercise" in text
