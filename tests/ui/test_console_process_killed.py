"""Kill a real running console process and reopen its document: nothing committed is lost.

The console process (tests/ui/console_driver.py) opens a document left running, resumes
it, and records decisions through the console's bridge, printing each acknowledgement; the
test kills it with SIGKILL part-way and reopens the document.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.domain import commands as c
from desktop.domain.enums import Lifecycle
from desktop.domain.records import DecisionContent
from desktop.scenario.pack import load_scenario
from desktop.services.session import ExerciseSession
from tests.ui.documents import MINI_PACK

ROOT = Path(__file__).resolve().parents[2]


def _running_document(folder: Path) -> Path:
    """A document left running at 60 scenario minutes per wall second."""
    path = folder / "exercise.coherence"
    session = ExerciseSession.create(path, load_scenario(MINI_PACK), rate=3600.0)
    session.execute(c.Start(8 * 60))
    session.execute(
        c.RecordDecision(
            "unct", "dsrsg-rchc", None, DecisionContent(title="Convene the HCT on access")
        )
    )
    # Leave it running, as a program that stopped would.
    session.document.close()
    return path


@pytest.mark.slow
def test_killed_console_reopens_paused_with_everything_acknowledged(tmp_path: Path) -> None:
    """SIGKILL while the clock runs and decisions arrive; reopening loses nothing acknowledged."""
    document = _running_document(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("console_driver.py")), str(document)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged: list[str] = []
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 90
        for line in process.stdout:
            if line.startswith("ack "):
                acknowledged.append(f"Decision {line.split()[1]}")
            if len(acknowledged) >= 12 or time.monotonic() > deadline:
                break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert len(acknowledged) >= 12, process.stderr.read() if process.stderr else ""

    with ExerciseSession.open(document) as session:
        state = session.exercise.state
        assert session.recovered
        assert state.lifecycle is Lifecycle.PAUSED
        assert state.pause_reason == "recovery"
        titles = {d.content.title for d in state.book.decisions.values()}
        assert set(acknowledged) <= titles
        assert "Convene the HCT on access" in titles
