"""Where the program finds its resources and keeps its own files."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "Coherence"


def project_root() -> Path:
    """The folder holding `scenarios/` and `resources/` (the bundle folder when frozen)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def bundled_scenarios() -> Path:
    """The scenario packs shipped with the program."""
    return project_root() / "scenarios"


def log_dir() -> Path:
    """The folder for the program's logs and crash reports (created on demand)."""
    from platformdirs import user_log_dir

    path = Path(user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The folder for the program's own settings, recent files and the like (created on demand).

    Never inside an exercise document: a document copied to another machine carries none
    of the facilitator's preferences.
    """
    from platformdirs import user_config_dir

    path = Path(user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
