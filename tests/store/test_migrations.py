"""Schema migrations: models and scripts agree, older documents upgrade, newer are refused."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import desktop.store.tables  # noqa: F401  (registers the tables on the metadata)
from desktop.store import migrate
from desktop.store.document import backup_path, open_document
from desktop.store.errors import DocumentError, DocumentProblem
from desktop.store.schema import APPLICATION, HEAD_REVISION
from tests.store.conftest import undo_after_0001

Fingerprint = tuple[str, int]


def schema_differences(path: Path) -> list[Any]:
    """What Alembic's autogenerate would change to make the file match the models."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection, warnings.catch_warnings():
            # The expression index on decision time exists only in the migrations;
            # SQLAlchemy cannot reflect it and says so.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
            return list(compare_metadata(MigrationContext.configure(connection), SQLModel.metadata))
    finally:
        engine.dispose()


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Run one read-only query on a file with plain sqlite3."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def revision_of(path: Path) -> str:
    """The schema revision recorded in a file."""
    return str(query(path, "SELECT version_num FROM alembic_version")[0][0])


def table_names(path: Path) -> set[str]:
    """The tables of a file."""
    return {row[0] for row in query(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def trigger_names(path: Path) -> set[str]:
    """The triggers of a file."""
    return {row[0] for row in query(path, "SELECT name FROM sqlite_master WHERE type='trigger'")}


def test_head_revision_is_the_script_head() -> None:
    """The revision the program writes is the newest migration script."""
    assert migrate.script_head() == HEAD_REVISION
    assert {"0001", HEAD_REVISION} <= migrate.known_revisions()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """An empty file migrated to head has exactly the schema the models describe."""
    path = tmp_path / "empty.coherence"
    migrate.upgrade(path)
    assert revision_of(path) == HEAD_REVISION
    assert schema_differences(path) == []
    assert {"event_no_update", "event_no_delete"} <= trigger_names(path)


def test_alembic_revision_0001_upgrades_to_the_models(tmp_path: Path) -> None:
    """A file built by the 0001 script alone, then upgraded, matches the models."""
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "at-0001.coherence"
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(migrate.MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
            connection.exec_driver_sql(
                "INSERT INTO document_info (key, value) VALUES ('application', ?)",
                (APPLICATION,),
            )
    finally:
        engine.dispose()
    assert revision_of(path) == "0001"
    assert "debrief_note" not in table_names(path)

    open_document(path).close()

    assert revision_of(path) == HEAD_REVISION
    assert schema_differences(path) == []


def test_older_document_upgrades_after_a_backup(
    old_run: Path, event_rows: Callable[[Path], list[tuple[object, ...]]]
) -> None:
    """Opening a 0001 document for writing backs it up, then migrates it with its log intact."""
    before = event_rows(old_run)
    assert len(before) > 100
    backup = backup_path(old_run, "0001")
    assert not backup.exists()

    document = open_document(old_run)
    try:
        revision = document.connection.exec_driver_sql(
            "SELECT version_num FROM alembic_version"
        ).scalar()
        assert revision == HEAD_REVISION
        assert document.upgrade_backup == backup
    finally:
        document.close()

    assert revision_of(old_run) == HEAD_REVISION
    assert event_rows(old_run) == before
    assert "debrief_note" in table_names(old_run)
    assert {"event_no_update", "event_no_delete"} <= trigger_names(old_run)
    assert query(old_run, "PRAGMA foreign_key_check") == []
    assert query(old_run, "PRAGMA integrity_check") == [("ok",)]
    assert schema_differences(old_run) == []

    assert backup.exists()
    assert query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert revision_of(backup) == "0001"
    assert "debrief_note" not in table_names(backup)
    assert event_rows(backup) == before


def test_upgraded_log_is_still_append_only(old_run: Path) -> None:
    """The triggers guarding the log work after a migration (batch mode can drop them)."""
    open_document(old_run).close()
    raw = sqlite3.connect(old_run)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("UPDATE event SET by = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("DELETE FROM event")
    finally:
        raw.close()


def test_backup_is_made_with_the_backup_api(simulated_run: Path) -> None:
    """The backup holds what is only in the WAL so far: it is not a copy of the bare file.

    Another connection keeps the WAL from being folded in, so the main file still says
    revision 0003 while the database (file + WAL) says 0001.
    """
    holder = sqlite3.connect(simulated_run)
    try:
        assert holder.execute("PRAGMA journal_mode = WAL").fetchall() == [("wal",)]
        # A connection that has read keeps the WAL when the writer closes.
        holder.execute("SELECT COUNT(*) FROM event").fetchall()
        writer = sqlite3.connect(simulated_run)
        undo_after_0001(writer)
        writer.commit()
        writer.close()
        assert Path(f"{simulated_run}-wal").stat().st_size > 0

        open_document(simulated_run).close()
    finally:
        holder.close()

    backup = backup_path(simulated_run, "0001")
    assert revision_of(backup) == "0001"
    assert "debrief_note" not in table_names(backup)
    assert revision_of(simulated_run) == HEAD_REVISION


def test_older_document_opens_as_a_session(old_run: Path) -> None:
    """A 0001 document opens as an exercise with every event of its log."""
    from desktop.services.session import ExerciseSession

    count = len(query(old_run, "SELECT seq FROM event"))
    session = ExerciseSession.open(old_run, read_only=True)
    try:
        assert session.exercise.state.event_count == count
    finally:
        session.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_document_is_refused_and_untouched(
    newer_run: Path, read_only: bool, fingerprint: Callable[[Path], Fingerprint]
) -> None:
    """A document from a newer version is refused (TOO_NEW) and left exactly as it was."""
    before = fingerprint(newer_run)
    listing = sorted(p.name for p in newer_run.parent.iterdir())

    with pytest.raises(DocumentError) as caught:
        open_document(newer_run, read_only=read_only)

    assert caught.value.problem is DocumentProblem.TOO_NEW
    message = str(caught.value)
    assert str(newer_run) in message
    assert "newer version" in message
    assert "update Coherence" in message
    assert fingerprint(newer_run) == before
    assert sorted(p.name for p in newer_run.parent.iterdir()) == listing
    assert revision_of(newer_run) == "9999"
