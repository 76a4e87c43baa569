"""One program writes a document at a time; others may still read it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from desktop.domain import commands as c
from desktop.domain.enums import Lifecycle
from desktop.services.session import ExerciseSession
from desktop.store.errors import DocumentError, DocumentProblem
from desktop.store.lock import lock_path

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_writer_is_refused_and_the_first_goes_on(tmp_path: Path, mini_loaded: Any) -> None:
    """Opening a live document again for writing is LOCKED; it is not taken for a crash."""
    path = tmp_path / "live.coherence"
    first = ExerciseSession.create(path, mini_loaded)
    first.execute(c.Start(480))
    with pytest.raises(DocumentError) as caught:
        ExerciseSession.open(path)
    assert caught.value.problem is DocumentProblem.LOCKED
    assert "another Coherence window" in str(caught.value)
    # Reading is still allowed, and the first writer is not disturbed.
    with ExerciseSession.open(path, read_only=True) as reader:
        assert reader.exercise.state.lifecycle is Lifecycle.RUNNING
    first.execute(c.Pause("coffee"))
    first.close()
    assert not lock_path(path).exists()
    with ExerciseSession.open(path) as again:
        assert again.exercise.state.pause_reason == "coffee"
        assert not again.recovered


def test_the_lock_of_a_killed_program_does_not_block(tmp_path: Path) -> None:
    """A writer that dies leaves its lock file, but the lock itself is gone with it."""
    path = tmp_path / "dead.coherence"
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from desktop.scenario.pack import load_scenario
        from desktop.services.session import ExerciseSession
        from desktop.domain import commands as c
        session = ExerciseSession.create(
            Path({str(path)!r}), load_scenario(Path({str(ROOT / "tests/data/packs/mini")!r}))
        )
        session.execute(c.Start(480))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -9, done.stderr
    assert lock_path(path).exists()
    with ExerciseSession.open(path) as reopened:
        assert reopened.recovered
        assert reopened.exercise.state.pause_reason == "recovery"
