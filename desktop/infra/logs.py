"""Logging for the command line: warnings and errors to stderr, in plain words."""

from __future__ import annotations

import logging
import sys


def configure_cli_logging(verbose: bool = False) -> None:
    """Send log records to stderr as `coherence: message` (debug details with `verbose`)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("coherence: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)


def configure_app_logging() -> None:
    """Log to a rotating file in the log folder (and warnings to stderr) for the app."""
    from logging.handlers import RotatingFileHandler

    from desktop.infra.paths import log_dir

    root = logging.getLogger()
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("coherence: %(message)s"))
    handlers: list[logging.Handler] = [console]
    try:
        file = RotatingFileHandler(
            log_dir() / "coherence.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        pass
    else:
        file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(file)
    root.handlers[:] = handlers
    root.setLevel(logging.INFO)
