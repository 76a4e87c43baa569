"""Time until the main window is visible, against a bare PySide6 window in the same run;
and time until a recent document is ready to use in the console."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.timing import median_seconds, verdict

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 9
TARGET_RATIO = 2.0
STRETCH_RATIO = 1.5
TARGET_OPEN_SECONDS = 1.5
PACK = ROOT / "scenarios" / "integrated-mission-exercise"


def _launch(*args: str, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "bench.ui_launch", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=env,
    )


def _click_to_console(document: str, env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-m", "bench.ui_launch", "recent", document],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return float(done.stdout.strip().splitlines()[-1])


def run() -> None:
    """Print the medians, the ratio and the verdicts."""
    from desktop.services.simulate import simulate

    folder = Path(tempfile.mkdtemp(prefix="coherence-bench-"))
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(folder / "cfg"))
        document = folder / "demo.coherence"
        simulate(PACK, PACK / "demo-play.yaml", document)
        _launch("app", env=env)  # warm the file cache and bytecode
        _launch("bare", env=env)
        bare = median_seconds(lambda: _launch("bare", env=env), REPEAT)
        app = median_seconds(lambda: _launch("app", env=env), REPEAT)
        opened = median_seconds(lambda: _launch("open", str(document), env=env), 5)
        clicks = sorted(_click_to_console(str(document), env) for _ in range(5))
        click = clicks[len(clicks) // 2]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    ratio = app / bare
    print(f"Window start-up (median of {REPEAT}, offscreen)")
    print(f"  bare PySide6 window: {bare * 1000:.0f} ms")
    print(f"  Coherence main window: {app * 1000:.0f} ms")
    print(
        f"  ratio {ratio:.2f}x (target {TARGET_RATIO}x, stretch {STRETCH_RATIO}x): "
        f"{verdict(ratio <= TARGET_RATIO)}"
    )
    print(
        f"  a recent document chosen on the start page, click to console ready: {click:.2f} s "
        f"(target {TARGET_OPEN_SECONDS} s): {verdict(click <= TARGET_OPEN_SECONDS)}"
    )
    print(
        f"  `coherence FILE` from launch to console ready (cold imports): {opened:.2f} s "
        f"(target {TARGET_OPEN_SECONDS} s): {verdict(opened <= TARGET_OPEN_SECONDS)}"
    )


if __name__ == "__main__":
    run()
