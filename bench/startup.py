"""`coherence --version` start-up, against a bare `python -c pass`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.timing import median_seconds, verdict

ROOT = Path(__file__).resolve().parents[1]
TARGET_EXTRA = 0.3
REPEAT = 15


def run() -> None:
    """Print both medians and the difference."""
    bare = [sys.executable, "-c", "pass"]
    version = [sys.executable, "-m", "desktop.cli.main", "--version"]
    entry = Path(sys.executable).with_name("coherence")
    if entry.exists():
        version = [str(entry), "--version"]

    def launch(command: list[str]) -> None:
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)

    launch(version)  # warm the file cache and bytecode
    base = median_seconds(lambda: launch(bare), REPEAT)
    cli = median_seconds(lambda: launch(version), REPEAT)
    extra = cli - base
    print(f"Start-up (median of {REPEAT})")
    print(f"  python -c pass: {base * 1000:.0f} ms")
    print(f"  coherence --version: {cli * 1000:.0f} ms")
    print(
        f"  {extra * 1000:.0f} ms more, ratio {cli / base:.2f}x "
        f"(target under {TARGET_EXTRA * 1000:.0f} ms more): {verdict(extra < TARGET_EXTRA)}"
    )
