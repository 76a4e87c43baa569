"""Every scenario pack shipped in scenarios/ validates, and its demo play simulates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.validation import validate_path

ROOT = Path(__file__).resolve().parents[1]
PACKS = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.yaml"))
PLAYS = sorted((ROOT / "scenarios").glob("*/demo-play.yaml"))


def test_packs_are_bundled() -> None:
    """The program ships scenario packs, each with a demo play and a facilitator's README."""
    assert PACKS, "no scenario pack in scenarios/"
    for pack in PACKS:
        assert (pack / "demo-play.yaml").is_file(), f"{pack.name} has no demo-play.yaml"
        assert (pack / "README.md").is_file(), f"{pack.name} has no README.md"


@pytest.mark.parametrize("pack", PACKS, ids=[p.name for p in PACKS])
def test_bundled_pack_validates(pack: Path) -> None:
    """No errors; the report lists any warnings for the author."""
    report = validate_path(pack)
    assert report.valid, "\n".join(str(d) for d in report.diagnostics)


@pytest.mark.parametrize("play", PLAYS, ids=[p.parent.name for p in PLAYS])
def test_demo_play_simulates(play: Path, tmp_path: Path) -> None:
    """`coherence simulate` runs the whole demo play and `coherence info` reads the result."""
    out = tmp_path / f"{play.parent.name}.coherence"
    command = [sys.executable, "-m", "desktop.cli.main"]
    done = subprocess.run(
        [*command, "simulate", str(play.parent), "--play", str(play), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    info = subprocess.run(
        [*command, "info", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert info.returncode == 0, info.stderr
    assert "State              ended" in info.stdout
    steps = [line for line in info.stdout.splitlines() if line.startswith("Simulated from")]
    assert steps, info.stdout
    done_steps, _, total = steps[0].rsplit(": ", 1)[1].partition(" of ")
    assert done_steps == total.split()[0]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_inject_bodies_hold_nothing_for_control_only(pack: Path) -> None:
    """Teams and the projector see inject bodies; what only control may know (what
    control holds if asked, what evaluators look for) belongs in `expects.notes`."""
    from desktop.scenario.pack import load_scenario

    for inject in load_scenario(pack).scenario.injects:
        body = inject.body.lower()
        for marker in ("control holds", "control only", "evaluator", "look for"):
            assert marker not in body, f"{inject.id}: body mentions '{marker}'"
