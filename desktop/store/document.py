"""Opening, creating and closing exercise documents.

A document is one SQLite file. While open it runs in WAL mode; a clean close folds the
WAL back in and switches to `journal_mode=DELETE`, so the file alone is the document.
Read-only use never changes the file: if it needs migrating, a temporary copy is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine

from desktop.store.connection import make_engine, sqlite_connect
from desktop.store.errors import DocumentError, DocumentProblem, as_document_error, classify
from desktop.store.lock import WriterLock
from desktop.store.schema import APPLICATION, HEAD_REVISION

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".coherence"


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn environment failures inside the block into `DocumentError`."""
    try:
        yield
    except Exception as error:
        wrapped = as_document_error(error, path)
        if wrapped is None or wrapped is error:
            raise
        raise wrapped from error


class Document:
    """An open exercise document: one engine over one connection."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool,
        temp_dir: Path | None,
        lock: WriterLock | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._temp_dir = temp_dir
        self._lock = lock
        # Where the copy made before upgrading this document from an older version went.
        self.upgrade_backup: Path | None = None
        self._connection: Connection | None = engine.connect()

    @property
    def connection(self) -> Connection:
        """The document's connection (one per document, used from one thread at a time)."""
        if self._connection is None:
            raise DocumentError(DocumentProblem.UNREADABLE, self.path, "the document is closed")
        return self._connection

    def backup_to(self, destination: Path) -> None:
        """Write a consistent copy of the document to `destination` (SQLite backup API)."""
        with translated(destination):
            raw = self.connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            backup_with_api(raw, destination)

    def close(self) -> None:
        """Close cleanly: checkpoint the WAL and leave a single self-contained file."""
        if self._connection is None:
            return
        try:
            if not self.read_only:
                with translated(self.path):
                    fold_wal(self._connection)
        finally:
            self._connection.close()
            self._connection = None
            self.engine.dispose()
            if self._temp_dir is not None:
                shutil.rmtree(self._temp_dir, ignore_errors=True)
            if self._lock is not None:
                self._lock.release()

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def fold_wal(connection: Connection) -> None:
    """Checkpoint the WAL into the file and leave WAL mode, outside any transaction."""
    if connection.in_transaction():
        connection.commit()
    raw = connection.connection.dbapi_connection
    assert raw is not None
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        raw.execute("PRAGMA journal_mode = DELETE").fetchall()
    except sqlite3.OperationalError as error:
        # Another program is reading the document: it stays in WAL mode, whole and
        # consistent, and is folded into one file at the next clean close.
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        log.warning("could not fold the WAL into the document: %s", error)


def backup_with_api(source: sqlite3.Connection, destination: Path) -> None:
    """Copy a live database with SQLite's backup API into a new file."""
    target = sqlite3.connect(str(destination))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def _inspect(path: Path) -> str | None:
    """The schema revision of a Coherence document, read without changing it.

    Raises `DocumentError` when the file is missing, not SQLite, or not a document.
    """
    if not path.exists():
        raise DocumentError(DocumentProblem.NOT_FOUND, path)
    if path.is_dir():
        raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path, "it is a folder")
    with translated(path), path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path)
    with translated(path):
        raw = sqlite_connect(path, read_only=True)
        try:
            tables = {
                row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "document_info" not in tables or "alembic_version" not in tables:
                raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path)
            app = raw.execute(
                "SELECT value FROM document_info WHERE key = 'application'"
            ).fetchone()
            if app is None or app[0] != APPLICATION:
                raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path)
            row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            if raw.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DocumentError(DocumentProblem.CORRUPT, path)
            return None if row is None else str(row[0])
        finally:
            raw.close()


def _refuse_if_newer(path: Path, revision: str | None) -> None:
    if revision == HEAD_REVISION:
        return
    from desktop.store.migrate import known_revisions

    if revision not in known_revisions():
        raise DocumentError(DocumentProblem.TOO_NEW, path, f"schema revision {revision}")


def backup_path(path: Path, revision: str | None) -> Path:
    """Where the copy made before migrating a document goes."""
    return path.with_name(f"{path.stem}.before-upgrade-{revision}{SUFFIX}")


def open_document(path: Path, *, read_only: bool = False) -> Document:
    """Open an existing document, migrating it if it is older.

    Writable: a backup copy is written beside it first. Read-only: the file is never
    changed; an older document is migrated in a temporary copy.
    """
    path = Path(path)
    revision = _inspect(path)
    _refuse_if_newer(path, revision)
    if read_only:
        if revision == HEAD_REVISION:
            with translated(path):
                return Document(
                    path, make_engine(path, read_only=True), read_only=True, temp_dir=None
                )
        temp_dir = Path(tempfile.mkdtemp(prefix="coherence-"))
        copy = temp_dir / path.name
        try:
            with translated(path):
                source = sqlite_connect(path, read_only=True)
                try:
                    backup_with_api(source, copy)
                finally:
                    source.close()
                _upgrade(path, copy)
                return Document(
                    path, make_engine(copy, read_only=True), read_only=True, temp_dir=temp_dir
                )
        except BaseException:
            shutil.rmtree(temp_dir, ignore_errors=True)
            raise
    lock = _acquire(path)
    upgrade_backup: Path | None = None
    try:
        if revision != HEAD_REVISION:
            target = backup_path(path, revision)
            log.info("upgrading %s from revision %s; backup at %s", path, revision, target)
            with translated(path):
                source = sqlite_connect(path, read_only=True)
                try:
                    backup_with_api(source, target)
                finally:
                    source.close()
                _upgrade(path, path)
            upgrade_backup = target
        with translated(path):
            document = Document(path, make_engine(path), read_only=False, temp_dir=None, lock=lock)
        document.upgrade_backup = upgrade_backup
        return document
    except BaseException:
        lock.release()
        raise


def _acquire(path: Path) -> WriterLock:
    """The writer lock of a document, taken; LOCKED if another program writes it."""
    lock = WriterLock(path)
    with translated(path):
        lock.acquire()
    return lock


def create_document(
    path: Path, setup: Callable[[Connection], None], *, overwrite: bool = False
) -> Document:
    """Create a new document and open it for writing.

    The file is built under a temporary name, `setup` fills it in one transaction, and
    only then is it renamed into place: a document either exists whole or not at all.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise DocumentError(DocumentProblem.EXISTS, path)
    if not path.parent.is_dir():
        raise DocumentError(
            DocumentProblem.NOT_FOUND, path, f"the folder {path.parent} does not exist"
        )
    lock = _acquire(path)
    building = path.with_name(f".{path.name}.creating")
    try:
        with translated(path):
            _remove_with_sidecars(building)
            _upgrade(path, building)
            engine = make_engine(building)
            try:
                with engine.begin() as connection:
                    connection.exec_driver_sql(
                        "INSERT INTO document_info (key, value) VALUES ('application', ?)",
                        (APPLICATION,),
                    )
                    setup(connection)
                with engine.connect() as connection:
                    fold_wal(connection)
            finally:
                engine.dispose()
            _remove_with_sidecars(path)
            os.replace(building, path)
        with translated(path):
            return Document(path, make_engine(path), read_only=False, temp_dir=None, lock=lock)
    except BaseException:
        _remove_with_sidecars(building)
        lock.release()
        raise


def _upgrade(document: Path, file: Path) -> None:
    """Migrate `file` (the document or a copy of it).

    A failure of the environment (locked, full, read-only) is reported as such; anything
    else means the document's content cannot be brought up to date: it is damaged.
    """
    from desktop.store.migrate import MigrationFailed, upgrade

    try:
        upgrade(file)
    except MigrationFailed as error:
        cause = error.__cause__
        problem = classify(cause) if cause is not None else None
        if problem is None or problem is DocumentProblem.NOT_A_DOCUMENT:
            problem = DocumentProblem.CORRUPT
        raise DocumentError(problem, document, str(error)) from None


def _remove_with_sidecars(path: Path) -> None:
    """Delete a database file and its WAL, shared-memory and journal files."""
    for suffix in ("-wal", "-shm", "-journal", ""):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
