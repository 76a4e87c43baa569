"""Crash reports: an unexpected error as a file a person can send, and hard crashes logged.

`write_crash_report` saves the traceback of an uncaught exception as `crash-*.txt` in the
log folder. `enable_fault_log` points Python's faulthandler at `fault.log` there, so a
hard crash (a segmentation fault in Qt, an abort) leaves the Python stacks behind. At the
next start `previous_crash_reports` finds what the earlier runs left, and once the user
has seen them `acknowledge_crash_reports` moves them aside so they are offered once.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from desktop import __version__
from desktop.infra.paths import log_dir

log = logging.getLogger(__name__)

FAULT_LOG = "fault.log"
ACKNOWLEDGED = "acknowledged"
KEEP_ACKNOWLEDGED = 20

# The file faulthandler writes to: kept open for the life of the process (faulthandler
# writes with the file descriptor when the interpreter can no longer do anything else).
_fault_file: TextIO | None = None


def format_crash_report(error: BaseException) -> str:
    """The text of a crash report: versions, then the traceback of `error`."""
    text = "".join(traceback.format_exception(error))
    return f"Coherence {__version__}\n{_environment()}\n\n{text}"


def write_crash_report(error: BaseException, source: str = "cli") -> Path | None:
    """Save the traceback of `error` in the log folder; `None` if that is impossible.

    `source` ("app" or "cli") is in the file name: the app offers its own reports at the
    next start; the command line has already printed where its report went.
    """
    try:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        path = log_dir() / f"crash-{source}-{stamp}.txt"
        path.write_text(format_crash_report(error), encoding="utf-8")
    except OSError:
        return None
    return path


def enable_fault_log() -> Path | None:
    """Let faulthandler write hard crashes to `fault.log` in the log folder (at start).

    A non-empty `fault.log` left by an earlier run is first renamed `fault-<time>.log`, so
    that `previous_crash_reports` offers it. Returns the log's path, or `None` if the log
    folder cannot be written (faulthandler then stays as it was).
    """
    global _fault_file
    if _fault_file is not None:
        return Path(_fault_file.name)
    try:
        folder = log_dir()
        path = folder / FAULT_LOG
        _keep_previous_fault_log(path)
        handle = path.open("a", encoding="utf-8")
    except OSError as error:
        log.warning("cannot keep a crash log: %s", error)
        return None
    faulthandler.enable(handle, all_threads=True)
    _fault_file = handle
    return path


def disable_fault_log() -> None:
    """Stop writing to `fault.log` and close it (at a clean exit, and in tests)."""
    global _fault_file
    if _fault_file is None:
        return
    faulthandler.disable()
    _fault_file.close()
    _fault_file = None


def previous_crash_reports() -> list[Path]:
    """The app's crash reports and non-empty fault logs not yet acknowledged, oldest
    first (the command line's reports are not offered: it printed their place)."""
    try:
        folder = log_dir()
        found = [*folder.glob("crash-app-*.txt"), *folder.glob("fault-*.log")]
        current = folder / FAULT_LOG
        if _fault_file is None and _non_empty(current):
            found.append(current)  # the fault log was never moved aside in this run
        reports = [p for p in found if p.is_file() and _non_empty(p)]
        return sorted(reports, key=lambda p: (p.stat().st_mtime, p.name))
    except OSError as error:
        log.warning("cannot look for earlier crash reports: %s", error)
        return []


def acknowledge_crash_reports(reports: list[Path] | None = None) -> None:
    """Move crash reports (by default every one offered) aside so they are not offered
    again; only the last few acknowledged ones are kept."""
    try:
        folder = log_dir()
        target = folder / ACKNOWLEDGED
        target.mkdir(exist_ok=True)
        for report in previous_crash_reports() if reports is None else reports:
            name = report.name
            if report.name == FAULT_LOG:
                name = f"fault-{_stamp_of(report)}.log"
            report.replace(target / name)
        kept = sorted(target.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP_ACKNOWLEDGED:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.warning("cannot put earlier crash reports aside: %s", error)


def read_report(path: Path, limit: int = 200_000) -> str:
    """The text of a crash report or fault log (its end, if it is very long)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return f"({path.name} cannot be read: {error})"
    return text if len(text) <= limit else "…\n" + text[-limit:]


def _keep_previous_fault_log(path: Path) -> None:
    if _non_empty(path):
        path.replace(path.with_name(f"fault-{_stamp_of(path)}.log"))


def _stamp_of(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y%m%d-%H%M%S")


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _environment() -> str:
    return f"Python {platform.python_version()} on {platform.platform()} ({sys.platform})"
