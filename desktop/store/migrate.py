"""Bringing a document's schema up to date with Alembic (imported only when needed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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


def upgrade(path: Path) -> None:
    """Migrate the document at `path` to the head revision on a connection of its own.

    Foreign keys are off during the migration (batch mode copies tables) and checked
    afterwards; the log's guards are re-created, since copying a table drops its triggers.
    """
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    raw = sqlite3.connect(str(path))
    raw.execute("PRAGMA foreign_keys = OFF")
    engine = create_engine("sqlite+pysqlite://", creator=lambda: raw, poolclass=StaticPool)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, HEAD_REVISION)
        problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise sqlite3.DatabaseError(f"foreign keys broken by migration: {problems[:5]}")
        ensure_log_guards(raw)
        raw.commit()
    finally:
        engine.dispose()
        raw.close()
