"""The schema revision this version of the program writes, and the log's guards."""

from __future__ import annotations

import sqlite3

HEAD_REVISION = "0003"
"""Alembic head; a test checks it against the migration scripts."""

APPLICATION = "coherence"

_GUARDS = (
    (
        "event_no_update",
        "CREATE TRIGGER event_no_update BEFORE UPDATE ON event "
        "BEGIN SELECT RAISE(ABORT, 'the exercise log is append-only'); END",
    ),
    (
        "event_no_delete",
        "CREATE TRIGGER event_no_delete BEFORE DELETE ON event "
        "BEGIN SELECT RAISE(ABORT, 'the exercise log is append-only'); END",
    ),
)


def ensure_log_guards(connection: sqlite3.Connection) -> None:
    """(Re)create the triggers that keep the event table append-only."""
    for name, sql in _GUARDS:
        connection.execute(f"DROP TRIGGER IF EXISTS {name}")
        connection.execute(sql)
