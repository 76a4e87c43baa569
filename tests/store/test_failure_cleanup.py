"""Failures leave nothing behind: no half-made files, no applied half-migrations, no
temporary copies, and a clear DocumentError instead of a raw database error."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store.document import create_document, open_document
from desktop.store.errors import DocumentError, DocumentProblem


def revision_of(path: Path) -> str:
    """The schema revision recorded in a file."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(raw.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        raw.close()


@pytest.fixture
def damaged_old_run(old_run: Path) -> Path:
    """A 0001 document whose projections hold a row pointing at no decision."""
    raw = sqlite3.connect(old_run)
    try:
        raw.execute(
            "INSERT INTO consultation (decision_id, actor, mode) VALUES ('gone', 'wfp', 'inform')"
        )
        raw.commit()
    finally:
        raw.close()
    return old_run


def test_failed_create_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A creation whose setup fails leaves nothing behind, not even the `.creating` file:
    a document either exists whole or not at all."""
    path = tmp_path / "new.coherence"

    def setup(connection: object) -> None:
        raise RuntimeError("setup failed")

    with pytest.raises(RuntimeError):
        create_document(path, setup)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("read_only", [False, True])
def test_damaged_older_document_is_a_document_error(damaged_old_run: Path, read_only: bool) -> None:
    """An older document whose migration fails the foreign-key check is a DocumentError
    (CORRUPT), never a raw driver error."""
    with pytest.raises(DocumentError) as caught:
        open_document(damaged_old_run, read_only=read_only).close()
    assert caught.value.problem is DocumentProblem.CORRUPT


def test_failed_migration_leaves_the_document_at_its_old_revision(damaged_old_run: Path) -> None:
    """A migration that fails its foreign-key check is rolled back: the check runs
    inside the migration's transaction, so the document stays at its old revision."""
    with pytest.raises((DocumentError, sqlite3.DatabaseError)):
        open_document(damaged_old_run).close()
    assert revision_of(damaged_old_run) == "0001"


def test_failed_read_only_migration_removes_its_temporary_copy(
    damaged_old_run: Path, private_tmp: Path
) -> None:
    """Read-only use leaves nothing behind, even when migrating the temporary copy fails:
    the temporary folder is removed."""
    with pytest.raises((DocumentError, sqlite3.DatabaseError)):
        open_document(damaged_old_run, read_only=True).close()
    assert list(private_tmp.iterdir()) == []
