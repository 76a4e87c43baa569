"""Running long work off the GUI thread and hearing back on it.

`run_task(work, on_done=...)` runs `work(progress)` on Qt's thread pool. `progress(done,
total, text)` may be called from the work; it reaches `on_progress` on the GUI thread. The
result goes to `on_done`, an exception to `on_error` (by default the same handler as any
uncaught exception: the crash dialog). Callbacks run on the GUI thread, never after the
`owner` widget is gone.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

# Tasks still running (or just finished): kept alive here, on the GUI thread.
_RUNNING: set[Task] = set()


class _TaskSignals(QObject):
    sig_progressed = Signal(int, int, str)
    sig_finished = Signal(object)
    sig_failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        signals = self._signals
        try:
            result = self._work(signals.sig_progressed.emit)
        except BaseException as error:
            signals.sig_failed.emit(error)
        else:
            signals.sig_finished.emit(result)


class Task(QObject):
    """A handle on work running in the background.

    The task keeps itself (and the object the worker emits through) alive on the GUI
    thread until the work is over, whatever happens to its owner: a QObject must never
    be deleted from the worker's thread, nor while the worker may still emit through it.
    If the owner is gone by then, the results are dropped.
    """

    sig_progressed = Signal(int, int, str)
    sig_finished = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, owner: QObject | None) -> None:
        super().__init__(None)
        self.running = True
        self._owner_alive = True
        if owner is not None:
            owner.destroyed.connect(self._on_owner_destroyed)
        self._signals = _TaskSignals(self)
        # Queued: the worker emits, the GUI thread delivers.
        self._signals.sig_progressed.connect(self._on_progressed)
        self._signals.sig_finished.connect(self._on_finished)
        self._signals.sig_failed.connect(self._on_failed)
        _RUNNING.add(self)

    def _on_owner_destroyed(self) -> None:
        self._owner_alive = False

    def _on_progressed(self, done: int, total: int, text: str) -> None:
        if self._owner_alive:
            self.sig_progressed.emit(done, total, text)

    def _on_finished(self, result: object) -> None:
        self.running = False
        if self._owner_alive:
            self.sig_finished.emit(result)
        self._release()

    def _on_failed(self, error: object) -> None:
        self.running = False
        if self._owner_alive:
            self.sig_failed.emit(error)
        elif isinstance(error, BaseException):
            log.warning("a background task failed after its window closed: %s", error)
        self._release()

    def _release(self) -> None:
        # Dropped on the next turn of the event loop, not inside this signal's delivery.
        QTimer.singleShot(0, lambda: _RUNNING.discard(self))


def report_uncaught(error: object) -> None:
    """Send an exception from a task to the program's handler for uncaught errors."""
    if isinstance(error, BaseException):
        sys.excepthook(type(error), error, error.__traceback__)
    else:
        log.error("a background task failed: %r", error)


def run_task(
    work: Callable[[Progress], Any],
    *,
    owner: QObject | None,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Task:
    """Run `work(progress)` on the thread pool; results come back on the GUI thread."""
    task = Task(owner)  # held in _RUNNING until it reports back
    task.sig_finished.connect(on_done)
    task.sig_failed.connect(on_error if on_error is not None else report_uncaught)
    if on_progress is not None:
        task.sig_progressed.connect(on_progress)
    QThreadPool.globalInstance().start(_Runnable(work, task._signals))
    return task


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """Block until background work is done (at shutdown and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
