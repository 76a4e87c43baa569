"""The document file: append-only log, pragmas while open, clean close, creation, backup."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection

from desktop.domain import commands as c
from desktop.domain.enums import ObservationKind
from desktop.scenario.pack import LoadedScenario
from desktop.services.clocks import SimulatedClock
from desktop.services.session import ExerciseSession
from desktop.store import event_log
from desktop.store.document import create_document, open_document
from desktop.store.errors import DocumentError, DocumentProblem
from desktop.store.schema import HEAD_REVISION
from desktop.store.snapshot import get_info, set_info

Fingerprint = tuple[str, int]
Rows = Callable[[Path], list[tuple[object, ...]]]


def pragma(connection: Connection, name: str) -> object:
    """One pragma's value on a document connection."""
    return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


def sidecars(path: Path) -> list[Path]:
    """The WAL, shared-memory and journal files beside a document that exist."""
    return [p for s in ("-wal", "-shm", "-journal") if (p := Path(f"{path}{s}")).exists()]


def play_a_little(session: ExerciseSession) -> None:
    """Start the exercise and enter a few records (the clock is simulated)."""
    session.execute(c.Start(8 * 60))
    session.execute(c.Pause("coffee"))
    session.execute(
        c.RecordObservation(
            "Eval 1", "unct", "principled-humanitarian", ObservationKind.STRENGTH, "Good."
        )
    )
    session.execute(c.SaveDebriefNote("n1", "Start with the convoy.", "opening"))


@pytest.mark.parametrize(
    "statement",
    ["UPDATE event SET by = 'nobody'", "DELETE FROM event WHERE seq = 1", "DELETE FROM event"],
)
def test_log_is_append_only(simulated_run: Path, statement: str, event_rows: Rows) -> None:
    """UPDATE and DELETE on the event table fail with a message about the append-only log."""
    before = event_rows(simulated_run)
    raw = sqlite3.connect(simulated_run)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute(statement)
        raw.commit()
    finally:
        raw.close()
    assert event_rows(simulated_run) == before


def test_new_document_guards_its_log(fresh_session: ExerciseSession) -> None:
    """A new document has the append-only triggers, and they still let entries be added."""
    play_a_little(fresh_session)
    connection = fresh_session.document.connection
    triggers = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    ).scalars()
    assert {"event_no_update", "event_no_delete"} <= set(triggers)
    assert event_log.count_events(connection) == fresh_session.exercise.state.event_count


def test_pragmas_while_open(fresh_session: ExerciseSession) -> None:
    """A writable document runs in WAL mode with synchronous=FULL and foreign keys on."""
    play_a_little(fresh_session)
    connection = fresh_session.document.connection
    assert pragma(connection, "journal_mode") == "wal"
    assert pragma(connection, "synchronous") == 2
    assert pragma(connection, "foreign_keys") == 1
    assert int(str(pragma(connection, "busy_timeout"))) > 0


def test_clean_close_leaves_one_self_contained_file(
    fresh_session: ExerciseSession, tmp_path: Path, event_rows: Rows
) -> None:
    """After close the file is in DELETE mode, alone, and a copy of it is the whole document."""
    play_a_little(fresh_session)
    path = fresh_session.document.path
    assert Path(f"{path}-wal").exists()
    logged = [(e.seq, e.id, e.kind) for e in fresh_session.events()]

    fresh_session.close()

    assert sidecars(path) == []
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        raw.close()

    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    copy = elsewhere / path.name
    shutil.copyfile(path, copy)
    assert event_rows(copy) == event_rows(path)
    with ExerciseSession.open(copy, read_only=True) as reopened:
        assert [(e.seq, e.id, e.kind) for e in reopened.events()] == logged
        assert "n1" in reopened.exercise.state.book.debrief_notes
    assert sidecars(copy) == []


def test_close_pauses_a_running_clock(fresh_session: ExerciseSession) -> None:
    """Closing a running exercise logs a pause first, so it reopens paused, not recovered."""
    fresh_session.execute(c.Start(8 * 60))
    path = fresh_session.document.path
    fresh_session.close()
    with ExerciseSession.open(path, read_only=True) as reopened:
        events = list(reopened.events())
        assert events[-1].kind.value == "clock_paused"
        assert events[-1].payload.get("reason") == "closed"
        assert reopened.exercise.state.lifecycle.value == "paused"


def test_close_twice_is_harmless(fresh_session: ExerciseSession) -> None:
    """Closing a document again does nothing; using it after close is a DocumentError."""
    document = fresh_session.document
    document.close()
    document.close()
    with pytest.raises(DocumentError):
        _ = document.connection


def test_create_refuses_an_existing_file(
    simulated_run: Path, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """Creating over an existing file is EXISTS and leaves that file untouched."""
    before = fingerprint(simulated_run)
    with pytest.raises(DocumentError) as caught:
        create_document(simulated_run, lambda connection: None)
    assert caught.value.problem is DocumentProblem.EXISTS
    assert str(simulated_run) in str(caught.value)
    assert fingerprint(simulated_run) == before


def test_create_overwrites_when_asked(simulated_run: Path, event_rows: Rows) -> None:
    """With overwrite=True the old document is replaced by a new, empty one."""
    assert event_rows(simulated_run)

    def setup(connection: Connection) -> None:
        set_info(connection, "marker", "new")

    document = create_document(simulated_run, setup, overwrite=True)
    try:
        assert get_info(document.connection, "marker") == "new"
    finally:
        document.close()
    assert event_rows(simulated_run) == []
    assert sidecars(simulated_run) == []


def test_create_failing_setup_leaves_no_document(tmp_path: Path) -> None:
    """If filling in the document fails, nothing exists at the target path."""
    path = tmp_path / "new.coherence"

    def setup(connection: Connection) -> None:
        set_info(connection, "half", "done")
        raise RuntimeError("setup failed")

    with pytest.raises(RuntimeError, match="setup failed"):
        create_document(path, setup)
    assert not path.exists()
    assert sidecars(path) == []


def test_create_failing_setup_keeps_the_file_it_would_replace(
    simulated_run: Path, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """Overwriting is all or nothing: a failed creation leaves the old document in place."""
    before = fingerprint(simulated_run)

    def setup(connection: Connection) -> None:
        raise RuntimeError("setup failed")

    with pytest.raises(RuntimeError):
        create_document(simulated_run, setup, overwrite=True)
    assert fingerprint(simulated_run) == before


def test_created_document_is_at_head(fresh_session: ExerciseSession) -> None:
    """A new document records the head revision and the application that wrote it."""
    connection = fresh_session.document.connection
    assert (
        connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        == HEAD_REVISION
    )
    assert get_info(connection, "application") == "coherence"


def test_backup_to_while_open(
    fresh_session: ExerciseSession, tmp_path: Path, event_rows: Rows
) -> None:
    """Exporting a copy while open gives a complete, valid document with the same events."""
    play_a_little(fresh_session)
    copy = tmp_path / "export.coherence"

    fresh_session.document.backup_to(copy)

    assert sidecars(copy) == []
    raw = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        raw.close()
    logged = list(event_log.read_events(fresh_session.document.connection))
    with ExerciseSession.open(copy, read_only=True) as exported:
        assert list(exported.events()) == logged
    document = open_document(copy)
    document.close()
    assert event_rows(copy) == event_rows(fresh_session.document.path)


def test_backup_to_an_unwritable_place(fresh_session: ExerciseSession, tmp_path: Path) -> None:
    """Exporting into a folder that does not exist is a DocumentError naming the target."""
    target = tmp_path / "no-such-folder" / "export.coherence"
    with pytest.raises(DocumentError) as caught:
        fresh_session.document.backup_to(target)
    assert str(target) in str(caught.value)


def test_new_document_keeps_the_scenario(
    fresh_session: ExerciseSession, mini_loaded: LoadedScenario
) -> None:
    """The document holds the scenario it was created from, so it opens without the pack."""
    path = fresh_session.document.path
    fresh_session.close()
    with ExerciseSession.open(path, read_only=True, clock=SimulatedClock()) as reopened:
        assert reopened.scenario.id == mini_loaded.scenario.id
        assert [t.id for t in reopened.exercise.state.team_list] == [
            t.id for t in mini_loaded.scenario.teams
        ]
