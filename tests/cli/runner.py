"""Running the real command line in a subprocess, for the command-line tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def coherence(*args: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop.cli.main ARGS` from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        check=False,
    )
