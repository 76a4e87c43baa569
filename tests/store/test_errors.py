"""Failures of the environment reach callers as DocumentError with the right problem."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError as SAOperationalError

from desktop.domain import commands as c
from desktop.scenario.pack import LoadedScenario
from desktop.services.clocks import SimulatedClock
from desktop.services.session import ExerciseSession
from desktop.store import connection as store_connection
from desktop.store.document import open_document
from desktop.store.errors import DocumentError, DocumentProblem, as_document_error, classify

Fingerprint = tuple[str, int]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def refusal(path: Path, *, read_only: bool = False) -> DocumentError:
    """The DocumentError opening `path` raises (fails the test on anything else)."""
    with pytest.raises(DocumentError) as caught:
        open_document(path, read_only=read_only).close()
    return caught.value


def assert_plain(error: DocumentError, path: Path) -> None:
    """The message names the file and carries no Python or driver jargon."""
    message = str(error)
    assert str(path) in message
    assert "sqlite3" not in message
    assert "Error" not in message
    assert "Traceback" not in message


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on a locked document after 50 ms instead of seconds."""
    monkeypatch.setattr(store_connection, "BUSY_TIMEOUT_MS", 50)


@pytest.fixture
def other_program(simulated_run: Path) -> Iterator[sqlite3.Connection]:
    """Another program's connection to the simulated document (closed afterwards)."""
    raw = sqlite3.connect(simulated_run, isolation_level=None)
    try:
        yield raw
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raw.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_missing_file(tmp_path: Path, read_only: bool) -> None:
    """A path with no file behind it is NOT_FOUND, and no file is created."""
    path = tmp_path / "nowhere.coherence"
    error = refusal(path, read_only=read_only)
    assert error.problem is DocumentProblem.NOT_FOUND
    assert_plain(error, path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"Exercise notes, not a database.\n", PNG, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["empty", "text", "png", "sqlite-header-only"],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_files_that_are_not_documents(
    tmp_path: Path,
    content: bytes,
    read_only: bool,
    fingerprint: Callable[[Path], Fingerprint],
) -> None:
    """Empty, text, image and truncated files are NOT_A_DOCUMENT and stay as they were."""
    path = tmp_path / "other.coherence"
    path.write_bytes(content)
    before = fingerprint(path)
    error = refusal(path, read_only=read_only)
    assert error.problem is DocumentProblem.NOT_A_DOCUMENT
    assert_plain(error, path)
    assert fingerprint(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["other.coherence"]


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    """A folder named like a document is NOT_A_DOCUMENT."""
    folder = tmp_path / "folder.coherence"
    folder.mkdir()
    assert refusal(folder).problem is DocumentProblem.NOT_A_DOCUMENT


@pytest.mark.parametrize(
    "statements",
    [
        ["CREATE TABLE notes (text TEXT)"],
        [
            "CREATE TABLE document_info (key TEXT PRIMARY KEY, value TEXT)",
            "CREATE TABLE alembic_version (version_num TEXT)",
            "INSERT INTO document_info VALUES ('application', 'another-app')",
            "INSERT INTO alembic_version VALUES ('0002')",
        ],
    ],
    ids=["unrelated", "another-application"],
)
def test_other_sqlite_databases_are_not_documents(
    tmp_path: Path, statements: list[str], fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """A SQLite database of another program is NOT_A_DOCUMENT and is not migrated."""
    path = tmp_path / "foreign.coherence"
    raw = sqlite3.connect(path)
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()
    before = fingerprint(path)
    for read_only in (False, True):
        error = refusal(path, read_only=read_only)
        assert error.problem is DocumentProblem.NOT_A_DOCUMENT
    assert fingerprint(path) == before


@pytest.mark.parametrize("first_page", [3, 12, 40])
@pytest.mark.parametrize("read_only", [False, True])
def test_corrupted_document(
    simulated_run: Path, tmp_path: Path, first_page: int, read_only: bool
) -> None:
    """A document with garbage over some of its pages is CORRUPT, never a raw sqlite3 error."""
    damaged = tmp_path / "damaged.coherence"
    shutil.copyfile(simulated_run, damaged)
    data = bytearray(damaged.read_bytes())
    page = 4096
    assert len(data) > page * (first_page + 4)
    data[page * (first_page - 1) : page * (first_page + 2)] = b"\xa5" * (page * 3)
    damaged.write_bytes(bytes(data))

    error = refusal(damaged, read_only=read_only)
    assert error.problem is DocumentProblem.CORRUPT
    assert_plain(error, damaged)
    assert "damaged" in str(error)


def test_locked_document_refuses_a_command(
    tmp_path: Path, mini_loaded: LoadedScenario, short_busy_timeout: None
) -> None:
    """A command while another program holds the write lock is LOCKED, and can be retried."""
    path = tmp_path / "busy.coherence"
    session = ExerciseSession.create(path, mini_loaded, clock=SimulatedClock())
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DocumentError) as caught:
            session.execute(c.Start(0))
        assert caught.value.problem is DocumentProblem.LOCKED
        assert_plain(caught.value, path)
        assert "try again" in str(caught.value)
        # The engine did not run ahead of the document.
        assert not session.exercise.state.clock.running
        other.execute("ROLLBACK")

        events = session.execute(c.Start(0))
        assert [e.kind.value for e in events] == ["exercise_started"]
    finally:
        other.close()
        session.close()
    raw = sqlite3.connect(path)
    try:
        kinds = [row[0] for row in raw.execute("SELECT kind FROM event")]
    finally:
        raw.close()
    assert kinds.count("exercise_started") == 1


@pytest.mark.parametrize("read_only", [False, True])
def test_locked_document_refuses_to_open(
    simulated_run: Path,
    other_program: sqlite3.Connection,
    read_only: bool,
    short_busy_timeout: None,
) -> None:
    """Opening while another program holds an exclusive lock is LOCKED."""
    other_program.execute("BEGIN EXCLUSIVE")
    with pytest.raises(DocumentError) as caught:
        ExerciseSession.open(simulated_run, read_only=read_only).close()
    assert caught.value.problem is DocumentProblem.LOCKED
    assert_plain(caught.value, simulated_run)


@pytest.mark.parametrize(
    ("error", "problem"),
    [
        (sqlite3.OperationalError("database or disk is full"), DocumentProblem.DISK_FULL),
        (OSError(errno.ENOSPC, "No space left on device"), DocumentProblem.DISK_FULL),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            DocumentProblem.READ_ONLY,
        ),
        (OSError(errno.EROFS, "Read-only file system"), DocumentProblem.READ_ONLY),
        (PermissionError(errno.EACCES, "Permission denied"), DocumentProblem.READ_ONLY),
        (sqlite3.OperationalError("database is locked"), DocumentProblem.LOCKED),
        (sqlite3.DatabaseError("database disk image is malformed"), DocumentProblem.CORRUPT),
        (sqlite3.DatabaseError("file is not a database"), DocumentProblem.NOT_A_DOCUMENT),
        (FileNotFoundError(errno.ENOENT, "No such file"), DocumentProblem.NOT_FOUND),
    ],
    ids=lambda value: str(value) if isinstance(value, DocumentProblem) else None,
)
def test_classify(error: BaseException, problem: DocumentProblem) -> None:
    """Driver and OS errors map to the problem a person can act on, also when wrapped."""
    assert classify(error) is problem
    if isinstance(error, sqlite3.Error):
        wrapped = SAOperationalError("COMMIT", None, error)
        assert classify(wrapped) is problem


def test_bugs_are_not_disguised_as_document_errors(tmp_path: Path) -> None:
    """Programming errors are not classified; they must reach the crash dialog as they are."""
    assert classify(ValueError("oops")) is None
    assert classify(KeyError("team")) is None
    assert as_document_error(TypeError("bad call"), tmp_path) is None
    assert classify(sqlite3.OperationalError("no such column: foo")) is None


@pytest.mark.parametrize(
    ("problem", "advice"),
    [
        (DocumentProblem.LOCKED, "try again"),
        (DocumentProblem.DISK_FULL, "free some space"),
        (DocumentProblem.TOO_NEW, "update Coherence"),
    ],
)
def test_messages_say_what_to_do(problem: DocumentProblem, advice: str, tmp_path: Path) -> None:
    """Messages name the document and say, in plain words, what to do next."""
    path = tmp_path / "exercise.coherence"
    error = as_document_error(
        {
            DocumentProblem.LOCKED: sqlite3.OperationalError("database is locked"),
            DocumentProblem.DISK_FULL: OSError(errno.ENOSPC, "No space left on device"),
        }.get(problem, DocumentError(problem, path)),
        path,
    )
    assert error is not None
    assert error.problem is problem
    assert error.path == path
    assert str(error).startswith(f"{path}: ")
    assert advice in str(error)
    assert_plain(error, path)


def test_every_problem_has_a_message(tmp_path: Path) -> None:
    """Every problem code has its own sentence for people, naming the path."""
    path = tmp_path / "exercise.coherence"
    sentences = {str(DocumentError(problem, path)) for problem in DocumentProblem}
    assert len(sentences) == len(DocumentProblem)
    assert all(sentence.startswith(f"{path}: ") for sentence in sentences)
