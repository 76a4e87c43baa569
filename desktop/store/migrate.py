"""Bringing a document's schema up to date with Alembic (imported only when needed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop.store.connection import BUSY_TIMEOUT_MS
from desktop.store.schema import HEAD_REVISION, ensure_log_guards

MIGRATIONS = Path(__file__).parent / "migrations"


def known_revisions() -> set[str]:
    """Every revision the migration scripts know."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def script_head() -> str:
    """The head revision of the migration scripts."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


class MigrationFailed(Exception):
    """A document could not be brought up to date; it was left as it was."""


def upgrade(path: Path) -> None:
    """Migrate the document at `path` to the head revision on a connection of its own.

    The whole migration is one transaction (SQLite's DDL is transactional): foreign keys
    are off while batch mode copies tables, checked before the commit, and the log's
    guards are re-created, since copying a table drops its triggers. On any failure the
    transaction is rolled back and `MigrationFailed` raised.
    """
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    raw = sqlite3.connect(str(path), isolation_level=None)
    raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    raw.execute("PRAGMA foreign_keys = OFF")
    engine = create_engine("sqlite+pysqlite://", creator=lambda: raw, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Python's sqlite3 would run DDL outside a transaction; begin one explicitly.
        connection.connection.driver_connection.execute("BEGIN IMMEDIATE")

    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, HEAD_REVISION)
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                tables = sorted({row[0] for row in problems})
                raise MigrationFailed(f"entries refer to missing rows in {', '.join(tables)}")
            ensure_log_guards(raw)
    except MigrationFailed:
        raise
    except sqlite3.DatabaseError as error:
        raise MigrationFailed(str(error)) from error
    finally:
        engine.dispose()
        raw.close()
