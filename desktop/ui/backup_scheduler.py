"""Automatic backup of the open exercise to a second folder (a USB stick, a share).

Every few minutes, if the document changed since the last backup, a consistent copy is
taken and put in `<folder>/<stem>-backup.coherence`; the two backups before it are kept as
`-backup-1` and `-backup-2`.

It works in two steps:

1. On the GUI thread, SQLite's backup API copies the document into a private temporary
   file on the local disk. It reads through the document's own connection, which is used
   by one thread at a time, and it is quick (30 to 60 ms for a 10.6 MB document with
   10,000 decisions on the development machine's disk).
2. On a worker thread, that snapshot is copied into the backup folder under a temporary
   name, flushed to the device, and only then renamed over the backup. A slow USB stick
   does not freeze the window, and a half-written copy (a stick pulled out mid-way) never
   replaces a good one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.store.errors import DocumentError
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.workers import Progress, Task, run_task

log = logging.getLogger(__name__)

KEEP = 3  # the backup and the two before it
SUFFIX = ".coherence"


def backup_paths(folder: Path, stem: str, keep: int = KEEP) -> list[Path]:
    """The backup files, newest first: `<stem>-backup`, `<stem>-backup-1`, ..."""
    names = [f"{stem}-backup{SUFFIX}"]
    names += [f"{stem}-backup-{n}{SUFFIX}" for n in range(1, keep)]
    return [folder / name for name in names]


class BackupScheduler(QObject):
    """Backs the open document up to a folder on a timer and on demand."""

    sig_backed_up = Signal(str, str)  # the backup's path, when (local time, ISO 8601)
    sig_failed = Signal(str)  # what went wrong, once per run of failures

    def __init__(
        self,
        bridge: ExerciseBridge,
        folder: Path | None,
        interval_minutes: int = 5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._folder = Path(folder) if folder is not None else None
        # Nothing is backed up yet in this session: the first interval writes a copy.
        self._changed = True
        self._failing = False
        self.last_path: Path | None = None
        self.last_when: str | None = None
        self.snapshot_seconds: float | None = None  # the GUI thread's share of the last one
        self._task: Task | None = None
        self._scratch_dir: tempfile.TemporaryDirectory[str] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        bridge.sig_changed.connect(self._on_bridge_changed)
        self.set_interval(interval_minutes)

    # Settings.

    @property
    def folder(self) -> Path | None:
        """Where backups go; `None` when backup is off."""
        return self._folder

    def set_folder(self, folder: Path | None) -> None:
        """Back up to `folder` from now on (`None` turns backup off)."""
        self._folder = Path(folder) if folder is not None else None
        self._changed = True
        self._failing = False
        self._restart()

    @property
    def interval_ms(self) -> int:
        """The time between backups, in milliseconds."""
        return self._timer.interval()

    def set_interval(self, minutes: int) -> None:
        """Back up every `minutes` minutes (at least one)."""
        self.set_interval_ms(max(1, int(minutes)) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        """Back up every `milliseconds` (tests use short intervals)."""
        self._timer.setInterval(max(1, int(milliseconds)))
        self._restart()

    def stop(self) -> None:
        """Stop the timer (before the document closes)."""
        self._timer.stop()

    def close(self) -> None:
        """Stop the timer and remove the local scratch folder (after any backup finished)."""
        self._timer.stop()
        if self._scratch_dir is not None and not self.busy:
            self._scratch_dir.cleanup()
            self._scratch_dir = None

    @property
    def pending(self) -> bool:
        """Whether the document changed since the last backup."""
        return self._changed

    # Backing up.

    def backup_now(self) -> bool:
        """Start a backup now, changed or not; `False` if backup is off, busy or failed.

        Never raises for a missing or full folder: `sig_failed` says so, once until a
        backup succeeds again. `sig_backed_up` comes when the copy is in place.
        """
        folder = self._folder
        if folder is None or self.busy:
            return False
        stem = self._bridge.service.path.stem
        snapshot = self._scratch() / f"{stem}.snapshot"
        started = time.perf_counter()
        try:
            if not folder.is_dir():
                raise FileNotFoundError(f"the folder {folder} is not there")
            snapshot.unlink(missing_ok=True)
            self._bridge.service.backup_to(snapshot)
        except (OSError, DocumentError) as error:
            self._fail(folder, error)
            return False
        except Exception as error:
            # A bug, but a backup must never take the exercise down: log it and say so.
            log.exception("backup snapshot for %s failed", folder)
            self._fail(folder, error)
            return False
        self.snapshot_seconds = time.perf_counter() - started
        self._changed = False  # changes from now on go into the next backup

        def work(_progress: Progress) -> Path:
            return _place(snapshot, folder, stem)

        self._task = run_task(
            work, owner=self, on_done=self._on_task_done, on_error=self._on_task_failed
        )
        return True

    @property
    def busy(self) -> bool:
        """Whether a backup is being copied into the folder."""
        return self._task is not None and self._task.running

    def _scratch(self) -> Path:
        if self._scratch_dir is None:
            self._scratch_dir = tempfile.TemporaryDirectory(prefix="coherence-backup-")
        return Path(self._scratch_dir.name)

    def _fail(self, folder: Path, error: BaseException) -> None:
        if self._failing:
            log.debug("backup to %s still failing: %s", folder, error)
            return
        self._failing = True
        log.warning("backup to %s failed: %s", folder, error)
        self.sig_failed.emit(
            self.tr(
                "The exercise could not be backed up to {folder} ({error}). Is the USB stick "
                "or drive still connected? Coherence will keep trying every interval; the "
                "exercise document itself is safe."
            ).format(folder=folder, error=error)
        )

    def _restart(self) -> None:
        if self._folder is None:
            self._timer.stop()
        else:
            self._timer.start()

    # Handlers.

    def _on_bridge_changed(self, _events: list[object]) -> None:
        self._changed = True

    def _on_timer_timeout(self) -> None:
        if self._changed and not self.busy:
            self.backup_now()

    def _on_task_done(self, result: object) -> None:
        self._task = None
        assert isinstance(result, Path)
        self._failing = False
        self.last_path = result
        self.last_when = datetime.now().astimezone().isoformat(timespec="seconds")
        log.info("backed up to %s", result)
        self.sig_backed_up.emit(str(result), self.last_when)

    def _on_task_failed(self, error: BaseException) -> None:
        self._task = None
        self._changed = True  # try again at the next interval
        folder = self._folder or Path()
        if not isinstance(error, OSError):
            log.error("backup to %s failed", folder, exc_info=error)
        self._fail(folder, error)


def copy_durably(source: Path, target: Path) -> None:
    """Copy `source` to `target` and flush it to the device before returning."""
    with source.open("rb") as reading, target.open("wb") as writing:
        shutil.copyfileobj(reading, writing, 1024 * 1024)
        writing.flush()
        os.fsync(writing.fileno())


def place_copy(snapshot: Path, target: Path) -> Path:
    """Put `snapshot` at `target` whole or not at all (a temporary name, then a rename).

    Runs on a worker thread; the snapshot is removed either way.
    """
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        copy_durably(snapshot, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    finally:
        snapshot.unlink(missing_ok=True)
    return target


def _place(snapshot: Path, folder: Path, stem: str) -> Path:
    """Copy `snapshot` into `folder` as the newest backup, rotating the older ones.

    Runs on a worker thread. The copy is flushed to the device under a temporary name
    before any rename, so a failure leaves the previous backups as they were.
    """
    targets = backup_paths(folder, stem)
    if not folder.is_dir():
        raise FileNotFoundError(f"the folder {folder} is not there")
    temp = folder / f".{stem}-backup.{os.getpid()}.tmp"
    try:
        copy_durably(snapshot, temp)
        for older, newer in zip(reversed(targets[1:]), reversed(targets[:-1]), strict=True):
            if newer.exists():
                os.replace(newer, older)
        os.replace(temp, targets[0])
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    finally:
        snapshot.unlink(missing_ok=True)
    return targets[0]
