"""`coherence validate PLAY.yaml` on copies of the mini pack's demo play, each broken once.

The play is checked against its pack before anything runs; every error names the file,
line, column and field path (docs/play-format.md, "Running a play").
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.runner import coherence

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "packs" / "mini"
ONE_ACTION = "a step needs exactly one action (start, release, hold, skip, add, decision"


@dataclass(frozen=True)
class Case:
    """One broken copy of the demo play and the located error it must produce."""

    id: str
    old: str
    new: str
    line: int
    column: int
    fragments: tuple[str, ...]


D1 = "      team: humanitarian\n      as: ocha\n      inject: conv-01\n"

CASES = [
    Case("steps-out-of-order", "  - at: D+0 15:00\n", "  - at: D+0 12:00\n", 113, 9,
         ("steps[3].at: steps must be in time order (this one is earlier)",)),
    Case("unknown-inject-in-release", "release: flood-01", "release: flod-01", 383, 30,
         ("steps[30].release: unknown inject 'flod-01' (did you mean 'flood-01'?)",)),
    Case("as-not-in-team", D1, D1.replace("as: ocha", "as: srsg"), 74, 11,
         ("steps[1].decision.as: 'srsg' is not one of team 'humanitarian''s actors "
          "(ocha, unhcr, wfp)",)),
    Case("unknown-team", D1, D1.replace("team: humanitarian", "team: humanitarain"), 73, 13,
         ("steps[1].decision.team: unknown team 'humanitarain' (did you mean 'humanitarian'?)",)),
    Case("supersedes-unknown-id", "supersedes: d2", "supersedes: d99", 152, 19,
         ("steps[4].decision.supersedes: unknown earlier decision id 'd99'",)),
    Case("supersedes-other-team", "supersedes: d2", "supersedes: d1", 152, 19,
         ("steps[4].decision.supersedes: 'd1' is a decision of team 'humanitarian', "
          "not 'leadership'",)),
    Case("two-actions", "{at: D+2 08:00, pause: {}}", "{at: D+2 08:00, pause: {}, end: {}}",
         227, 5, (f"steps[13]: {ONE_ACTION}", "; found pause, end")),
    Case("no-action", "{at: D+2 10:05, rate: 60}", "{at: D+2 10:05}", 229, 5,
         (f"steps[15]: {ONE_ACTION}", "; found none")),
    Case("unknown-step-key", "{at: D+2 08:00, pause: {}}", "{at: D+2 08:00, paus: {}}", 227, 21,
         ("steps[13].paus: unknown key 'paus' (did you mean 'pause'?)",)),
    Case("id-on-hold-step", "{at: D+4 08:00, hold: poc-01}",
         "{at: D+4 08:00, id: h1, hold: poc-01}", 325, 21,
         ("steps[22].id: a `hold` step takes no id",)),
    Case("reason-on-hold-step", "{at: D+4 08:00, hold: poc-01}",
         "{at: D+4 08:00, hold: poc-01, reason: busy}", 325, 35,
         ("steps[22].reason: a `hold` step takes no reason",)),
    Case("entry-id-used-twice", "    id: d2\n", "    id: d1\n", 92, 7,
         ("steps[2].decision: decision id 'd1' is used twice",)),
    Case("started-twice", "{at: D+2 08:00, pause: {}}", "{at: D+2 08:00, start: {}}", 227, 28,
         ("steps[13].start: the exercise is started twice",)),
    Case("unknown-participant-team", "{name: Mei Harada, team: humanitarian}",
         "{name: Mei Harada, team: humanitarians}", 64, 30,
         ("participants[4].team: unknown team 'humanitarians' (did you mean 'humanitarian'?)",)),
]  # fmt: skip


def _make_play(base: Path, case: Case) -> Path:
    pack = base / case.id / "mini"
    shutil.copytree(MINI, pack)
    play = pack / "demo-play.yaml"
    text = (MINI / "demo-play.yaml").read_text(encoding="utf-8")
    assert text.count(case.old) == 1, f"{case.id}: {case.old!r} is not unique in the demo play"
    play.write_text(text.replace(case.old, case.new), encoding="utf-8")
    return play


def _validate(path: Path) -> subprocess.CompletedProcess[str]:
    return coherence("validate", path, timeout=60)


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, subprocess.CompletedProcess[str]]]:
    """Every broken play validated by its own `coherence validate` process."""
    base = tmp_path_factory.mktemp("plays")
    plays = {case.id: _make_play(base, case) for case in CASES}
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = dict(zip(plays, pool.map(_validate, plays.values()), strict=True))
    return {key: (plays[key], done[key]) for key in plays}


def test_demo_play_is_valid() -> None:
    """The reference demo play validates against the mini pack: exit 0, nothing on stderr."""
    done = _validate(Path("tests/data/packs/mini/demo-play.yaml"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == "tests/data/packs/mini/demo-play.yaml: valid play"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_play_is_refused_at_the_right_line(
    case: Case, results: dict[str, tuple[Path, subprocess.CompletedProcess[str]]]
) -> None:
    """Exit 2, no traceback, and a `FILE:LINE:COL: path: message` line on stderr."""
    play, done = results[case.id]
    output = done.stdout + done.stderr
    assert done.returncode == 2, f"exit {done.returncode}\n{output}"
    assert "Traceback" not in output
    assert "internal error" not in output
    prefix = f"{play}:{case.line}:{case.column}: "
    assert any(
        line.startswith(prefix) and all(f in line for f in case.fragments)
        for line in done.stderr.splitlines()
    ), f"expected a line starting {prefix!r} with {case.fragments}\nin:\n{done.stderr}"


def test_play_for_another_scenario_is_refused(tmp_path: Path) -> None:
    """`scenario: other` in the mini pack's folder: exit 2 naming the play and the pack id.

    The message should also carry the line of `scenario:` (57); that part is pinned in
    test_found_bugs.py because today it has none.
    """
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    play = pack / "demo-play.yaml"
    text = play.read_text(encoding="utf-8")
    play.write_text(text.replace("scenario: mini", "scenario: other"), encoding="utf-8")
    done = _validate(play)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"{play}:")
    assert "scenario: cannot find the scenario pack 'other'" in line
