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
