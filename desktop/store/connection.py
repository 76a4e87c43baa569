"""The SQLAlchemy engine for one document file, with the pragmas the document needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_MS = 5000


def sqlite_connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A raw sqlite3 connection in autocommit mode (transactions are begun explicitly)."""
    if read_only:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        connection = sqlite3.connect(str(path), check_same_thread=False)
    connection.isolation_level = None
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine over one long-lived connection to `path`.

    Writable documents use WAL, `synchronous=FULL` (an acknowledged entry survives a power
    cut) and foreign keys. Transactions are begun explicitly (the driver runs in
    autocommit mode), so SQLAlchemy's transaction is SQLite's.
    """

    def creator() -> sqlite3.Connection:
        return sqlite_connect(path, read_only=read_only)

    engine = create_engine("sqlite+pysqlite://", creator=creator, poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A deferred BEGIN: reading never takes the write lock. Writes through SQLAlchemy
        # write first, so they take the lock at once; the hot path begins IMMEDIATE itself
        # (`event_log.commit_events`).
        connection.connection.driver_connection.execute("BEGIN")

    return engine
