"""Failures of the environment around a document, as one error type a person can read."""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import DBAPIError


class DocumentProblem(StrEnum):
    """What went wrong with a document file; interfaces word these for people."""

    NOT_FOUND = "not-found"
    EXISTS = "exists"
    NOT_A_DOCUMENT = "not-a-document"
    CORRUPT = "corrupt"
    TOO_NEW = "too-new"
    READ_ONLY = "read-only"
    LOCKED = "locked"
    DISK_FULL = "disk-full"
    UNREADABLE = "unreadable"


_MESSAGES = {
    DocumentProblem.NOT_FOUND: "there is no such file; check the name and the folder",
    DocumentProblem.EXISTS: "a file of that name already exists; choose another name",
    DocumentProblem.NOT_A_DOCUMENT: (
        "this file is not a Coherence exercise document (another kind of file, perhaps "
        "renamed); choose an exercise saved by Coherence"
    ),
    DocumentProblem.CORRUPT: (
        "the document is damaged and cannot be used; open a backup copy (the file was not changed)"
    ),
    DocumentProblem.TOO_NEW: (
        "the document was written by a newer version of Coherence; "
        "update Coherence to open it (the file was not changed)"
    ),
    DocumentProblem.READ_ONLY: (
        "the document cannot be written (read-only file, folder or media); "
        "save a copy somewhere writable"
    ),
    DocumentProblem.LOCKED: "another program is using the document; close it and try again",
    DocumentProblem.DISK_FULL: "the disk is full; free some space and try again",
    DocumentProblem.UNREADABLE: (
        "the document cannot be opened; check that the file and its folder are accessible"
    ),
}


class DocumentError(Exception):
    """A document could not be opened, read or written, for a reason outside the program."""

    def __init__(self, problem: DocumentProblem, path: Path | str, detail: str = "") -> None:
        self.problem = problem
        self.path = Path(path)
        self.detail = detail
        text = f"{self.path}: {_MESSAGES[problem]}"
        if detail:
            text += f" ({detail})"
        super().__init__(text)


class NewerEntry(Exception):
    """The log holds an entry this version does not know: a newer version wrote it."""


def classify(error: BaseException) -> DocumentProblem | None:
    """The problem behind a database or file error, or `None` if it looks like a bug."""
    if isinstance(error, NewerEntry):
        return DocumentProblem.TOO_NEW
    original = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(original, OSError):
        if original.errno == errno.ENOSPC:
            return DocumentProblem.DISK_FULL
        if original.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return DocumentProblem.READ_ONLY
        if original.errno == errno.ENOENT:
            return DocumentProblem.NOT_FOUND
        return DocumentProblem.UNREADABLE
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    if "locked" in text or "busy" in text:
        return DocumentProblem.LOCKED
    if "full" in text:
        return DocumentProblem.DISK_FULL
    if "readonly" in text or "read-only" in text:
        return DocumentProblem.READ_ONLY
    if "not a database" in text or "file is encrypted" in text:
        return DocumentProblem.NOT_A_DOCUMENT
    if "malformed" in text or "corrupt" in text:
        return DocumentProblem.CORRUPT
    if "unable to open" in text or "disk i/o" in text:
        return DocumentProblem.UNREADABLE
    return None


def as_document_error(error: BaseException, path: Path | str) -> DocumentError | None:
    """Wrap an environment failure as a `DocumentError`; `None` for anything else."""
    if isinstance(error, DocumentError):
        return error
    problem = classify(error)
    if problem is None:
        return None
    original = error.orig if isinstance(error, DBAPIError) else error
    return DocumentError(problem, path, str(original))
