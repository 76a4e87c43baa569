"""Writing a crash report for an unexpected error, so a person sees a message, not a trace."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from desktop import __version__
from desktop.infra.paths import log_dir


def write_crash_report(error: BaseException) -> Path | None:
    """Save the traceback of `error` in the log folder; `None` if that is impossible."""
    try:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        path = log_dir() / f"crash-{stamp}.txt"
        text = "".join(traceback.format_exception(error))
        path.write_text(f"Coherence {__version__}\n\n{text}", encoding="utf-8")
    except OSError:
        return None
    return path
