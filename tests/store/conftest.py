"""Fixtures for the document store tests: older, newer and freshly created documents."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.scenario.pack import LoadedScenario
from desktop.services.clocks import SimulatedClock
from desktop.services.session import ExerciseSession

Fingerprint = tuple[str, int]


def downgrade_to_0001(path: Path) -> None:
    """Turn a current document into one written at schema revision 0001, by hand."""
    raw = sqlite3.connect(path)
    try:
        undo_after_0001(raw)
        raw.commit()
    finally:
        raw.close()


def undo_after_0001(raw: sqlite3.Connection) -> None:
    """Drop what revisions after 0001 added and say 0001 (the caller commits)."""
    raw.execute("DROP TABLE debrief_note")
    for index in (
        "ix_decision_team",
        "ix_decision_inject",
        "ix_decision_title",
        "ix_decision_acting_actor",
        "ix_decision_posture",
        "ix_decision_time",
    ):
        raw.execute(f"DROP INDEX {index}")
    raw.execute("UPDATE alembic_version SET version_num = '0001'")


@pytest.fixture
def old_run(simulated_run: Path) -> Path:
    """The simulated demo play as a document at schema revision 0001."""
    downgrade_to_0001(simulated_run)
    return simulated_run


@pytest.fixture
def newer_run(simulated_run: Path) -> Path:
    """The simulated demo play, claiming a schema revision this program does not know."""
    raw = sqlite3.connect(simulated_run)
    try:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
        raw.commit()
    finally:
        raw.close()
    return simulated_run


@pytest.fixture
def fingerprint() -> Callable[[Path], Fingerprint]:
    """A function giving a file's sha256 and modification time (nanoseconds)."""

    def take(path: Path) -> Fingerprint:
        return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns

    return take


@pytest.fixture
def event_rows() -> Callable[[Path], list[tuple[object, ...]]]:
    """A function reading every event row of a document file with plain sqlite3."""

    def read(path: Path) -> list[tuple[object, ...]]:
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return raw.execute("SELECT * FROM event ORDER BY seq").fetchall()
        finally:
            raw.close()

    return read


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that `tempfile` uses for this test only, to see what is left behind."""
    import tempfile

    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def fresh_session(tmp_path: Path, mini_loaded: LoadedScenario) -> Iterator[ExerciseSession]:
    """A writable session on a newly created document of the mini pack (simulated clock)."""
    session = ExerciseSession.create(
        tmp_path / "fresh.coherence", mini_loaded, clock=SimulatedClock()
    )
    try:
        yield session
    finally:
        session.document.close()
