"""Read-only use never changes a document, and a read-only session refuses commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.domain import commands as c
from desktop.services.session import ExerciseSession
from desktop.services.summary import summarize
from desktop.store.document import backup_path, open_document
from desktop.store.errors import DocumentError, DocumentProblem
from desktop.store.schema import HEAD_REVISION

Fingerprint = tuple[str, int]


def listing(folder: Path) -> list[str]:
    """The names in a folder, sorted."""
    return sorted(p.name for p in folder.iterdir())


def test_older_document_read_only_uses_a_migrated_copy(
    old_run: Path,
    private_tmp: Path,
    fingerprint: Callable[[Path], Fingerprint],
    event_rows: Callable[[Path], list[tuple[object, ...]]],
) -> None:
    """A 0001 document opened read-only is queried through a migrated temporary copy.

    The original keeps its bytes and mtime, no backup is written beside it, and the
    temporary copy is gone after closing.
    """
    before = fingerprint(old_run)
    beside = listing(old_run.parent)
    events = event_rows(old_run)

    document = open_document(old_run, read_only=True)
    try:
        connection = document.connection
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert revision == HEAD_REVISION
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM event").scalar() == len(events)
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM debrief_note").scalar() == 0
        assert listing(private_tmp) != []
    finally:
        document.close()

    assert fingerprint(old_run) == before
    assert listing(old_run.parent) == beside
    assert not backup_path(old_run, "0001").exists()
    assert listing(private_tmp) == []


def test_older_document_read_only_session(
    old_run: Path, private_tmp: Path, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """A read-only session over a 0001 document replays it and leaves the file alone."""
    before = fingerprint(old_run)
    beside = listing(old_run.parent)

    with ExerciseSession.open(old_run, read_only=True) as session:
        assert session.exercise.state.book.decisions
        assert len(list(session.events())) == session.exercise.state.event_count

    assert fingerprint(old_run) == before
    assert listing(old_run.parent) == beside
    assert listing(private_tmp) == []


def test_info_leaves_a_current_document_unchanged(
    simulated_run: Path, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """`coherence info` (a read-only session) changes neither the bytes nor the folder."""
    before = fingerprint(simulated_run)
    beside = listing(simulated_run.parent)

    summary = summarize(simulated_run)
    assert summary is not None
    with ExerciseSession.open(simulated_run, read_only=True) as session:
        assert session.exercise.state.event_count > 100
        assert session.document.read_only

    assert fingerprint(simulated_run) == before
    assert listing(simulated_run.parent) == beside


def test_read_only_document_cannot_be_written_through_its_connection(
    simulated_run: Path, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """Even a direct write on a read-only document's connection fails as READ_ONLY."""
    before = fingerprint(simulated_run)
    document = open_document(simulated_run, read_only=True)
    try:
        from desktop.store.document import translated

        with pytest.raises(DocumentError) as caught, translated(simulated_run):
            document.connection.exec_driver_sql(
                "INSERT INTO document_info (key, value) VALUES ('x', 'y')"
            )
        assert caught.value.problem is DocumentProblem.READ_ONLY
    finally:
        document.close()
    assert fingerprint(simulated_run) == before


@pytest.mark.parametrize(
    "command",
    [c.Pause("break"), c.SaveDebriefNote("n1", "a note"), c.End()],
    ids=["pause", "debrief-note", "end"],
)
def test_read_only_session_refuses_commands(
    simulated_run: Path, command: c.Command, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """Commands on a read-only session raise DocumentError(READ_ONLY); nothing is written."""
    before = fingerprint(simulated_run)
    with ExerciseSession.open(simulated_run, read_only=True) as session:
        count = session.exercise.state.event_count
        with pytest.raises(DocumentError) as caught:
            session.execute(command)
        assert caught.value.problem is DocumentProblem.READ_ONLY
        assert str(simulated_run) in str(caught.value)
        with pytest.raises(DocumentError):
            session.tick()
        assert session.exercise.state.event_count == count
    assert fingerprint(simulated_run) == before
