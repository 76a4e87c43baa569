"""One writer per document: an advisory lock held while a program has it open for writing.

SQLite alone would let a second program open a live document and take it for a crashed
one. The lock is on a small file beside the document (`NAME.coherence.lock`), so that it
never interferes with SQLite's own locks; the operating system drops it if the program
dies, and a clean close deletes the file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from desktop.store.errors import DocumentError, DocumentProblem


def lock_path(document: Path) -> Path:
    """The lock file of a document."""
    return document.with_name(document.name + ".lock")


class WriterLock:
    """An exclusive lock on a document for one writing program."""

    def __init__(self, document: Path) -> None:
        self.document = document
        self.path = lock_path(document)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise `DocumentError` (LOCKED) if another program holds it."""
        handle = self.path.open("a+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise DocumentError(
                DocumentProblem.LOCKED, self.document, "it is open in another Coherence window"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock up and remove the lock file."""
        if self._handle is None:
            return
        try:
            self.path.unlink(missing_ok=True)
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
