"""The program's entry point: which arguments open the app, and a light start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import _wants_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("argv", "app"),
    [
        ([], True),
        (["run.coherence"], True),
        (["validate", "pack"], False),
        (["--version"], False),
        (["report", "a.coherence", "--format", "html"], False),
    ],
)
def test_no_arguments_or_a_document_open_the_app(argv: list[str], app: bool) -> None:
    """`coherence` and `coherence FILE.coherence` open the app; commands stay on the CLI."""
    assert _wants_app(argv) is app


def test_main_window_is_shown_before_the_database_layer_loads(tmp_path: Path) -> None:
    """Showing the start page imports no SQL, ORM, migration, graph or chart library."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop.app import build_main_window\n"
        "app = QApplication([])\n"
        "window = build_main_window(app)\n"
        "window.show(); app.processEvents()\n"
        "assert 'Coherence' in window.windowTitle()\n"
        "heavy = ('sqlmodel', 'sqlalchemy', 'alembic', 'networkx', 'matplotlib', 'yaml')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
