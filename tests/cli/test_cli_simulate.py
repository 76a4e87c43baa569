"""`coherence simulate`, `info` and `export` as real processes on the mini pack's demo play."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.cli.runner import coherence

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "packs" / "mini"
TITLE = "Ivuna District: convoys, ballots and returns"


def simulate(pack: Path, play: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`coherence simulate PACK --play PLAY --out OUT [extra]`."""
    return coherence("simulate", pack, "--play", play, "--out", out, *extra)


def assert_refused(done: subprocess.CompletedProcess[str]) -> None:
    """Exit status 2, and neither a traceback nor the internal-error fallback."""
    output = done.stdout + done.stderr
    assert done.returncode == 2, f"exit {done.returncode}\n{output}"
    assert "Traceback" not in output, output
    assert "internal error" not in output, output


def export(document: Path) -> dict[str, Any]:
    """The JSON record `coherence export` prints for a document."""
    done = coherence("export", document, "--format", "json")
    assert done.returncode == 0, done.stderr
    record: dict[str, Any] = json.loads(done.stdout)
    return record


KEEP = b"an earlier file the facilitator wants to keep\n"


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The demo play simulated once for this module over an existing file.

    First without --force (refused), then with it: (document, refusal's stderr, stdout).
    """
    out = tmp_path_factory.mktemp("demo") / "run.coherence"
    out.write_bytes(KEEP)
    refused = simulate(MINI, MINI / "demo-play.yaml", out)
    assert_refused(refused)
    assert out.read_bytes() == KEEP, "the existing file was changed without --force"
    done = simulate(MINI, MINI / "demo-play.yaml", out, "--force")
    assert done.returncode == 0, done.stdout + done.stderr
    return out, refused.stderr, done.stdout


@pytest.fixture(scope="module")
def failed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A play whose decision d6 names au-01, scheduled for D+7: (play, document, stderr)."""
    base = tmp_path_factory.mktemp("failed")
    pack = base / "mini"
    shutil.copytree(MINI, pack)
    play = pack / "demo-play.yaml"
    text = play.read_text(encoding="utf-8")
    old = "      as: dsrsg-pol\n      inject: elec-01\n"
    assert text.count(old) == 1
    play.write_text(text.replace(old, old.replace("elec-01", "au-01")), encoding="utf-8")
    out = base / "run.coherence"
    done = simulate(pack, play, out)
    assert_refused(done)
    return play, out, done.stderr


def test_simulate_writes_a_document(demo_run: tuple[Path, str, str]) -> None:
    """The demo play runs to the end: exit 0 and a one-line summary naming the document."""
    out, _, stdout = demo_run
    assert out.read_bytes().startswith(b"SQLite format 3\x00")
    assert stdout.startswith(f"{out}: 50 steps, ")
    assert stdout.rstrip().endswith("scenario clock at D+8 17:00")


def test_info_summarises_the_run(demo_run: tuple[Path, str, str]) -> None:
    """`coherence info` names the scenario title and all 50 of 50 steps done."""
    out, _, _ = demo_run
    done = coherence("info", out)
    assert done.returncode == 0, done.stderr
    assert f"{TITLE} [mini]" in done.stdout
    assert "demo-play.yaml: 50 of 50 steps" in done.stdout
    assert "ended at D+8 17:00" in done.stdout


def test_export_json_holds_the_record(demo_run: tuple[Path, str, str]) -> None:
    """`export --format json` prints the versioned record: events in order and decisions."""
    out, _, _ = demo_run
    record = export(out)
    assert record["format"] == "coherence-export/1"
    assert record["scenario"]["id"] == "mini"
    events = record["events"]
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert events[0]["kind"] == "exercise_created"
    assert events[-1]["kind"] == "exercise_ended"
    decisions = {d["id"]: d for d in record["decisions"]}
    assert {f"d{n}" for n in range(1, 13)} <= set(decisions)
    assert len(decisions) == 14  # twelve named, two with generated ids
    assert decisions["d5"]["voided"] is True
    assert decisions["d4"]["supersedes"] == "d2"
    assert decisions["d1"]["amendments"]


def test_runtime_failure_names_the_step(failed_run: tuple[Path, Path, str]) -> None:
    """A decision on an inject not yet released stops the run at that step, with its line."""
    play, _, stderr = failed_run
    assert (
        f"{play}:240: steps[17] (decision at D+3 11:00): inject 'au-01' has not been released"
    ) in stderr.splitlines()


def test_runtime_failure_keeps_the_steps_before_it(failed_run: tuple[Path, Path, str]) -> None:
    """The document exists and opens; it holds steps 0-16 and nothing of step 17."""
    _, out, stderr = failed_run
    assert f"The steps before it are saved in {out}." in stderr
    assert out.is_file()
    done = coherence("info", out)
    assert done.returncode == 0, done.stderr
    assert "demo-play.yaml: 17 of 50 steps" in done.stdout
    # d1-d5 and the unnamed decision at D+1 19:30 (d5 voided, d1 amended); d6 is not there.
    assert "Decisions          5 (1 voided, 1 amended)" in done.stdout
    assert "2 observations" in done.stdout


def test_invalid_step_stops_the_play_there(tmp_path: Path) -> None:
    """A step the checks refuse stops the play there: exit 2 with a located message, and
    the steps before it are in the document (DESIGN.md, "Play scripts")."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    play = pack / "demo-play.yaml"
    text = play.read_text(encoding="utf-8")
    play.write_text(text.replace("release: flood-01", "release: flod-01"), encoding="utf-8")
    out = tmp_path / "run.coherence"
    done = simulate(pack, play, out)
    assert_refused(done)
    assert (
        f"{play}:383:30: steps[30].release: unknown inject 'flod-01' (did you mean 'flood-01'?)"
        in done.stderr.splitlines()
    )
    assert "The steps before it are saved" in done.stderr
    info = coherence("info", out)
    assert info.returncode == 0, info.stderr
    assert "demo-play.yaml: 30 of 50 steps" in info.stdout


def test_play_for_another_scenario_is_refused(tmp_path: Path) -> None:
    """`scenario: other` against the mini pack is refused at the `scenario` line."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    play = pack / "demo-play.yaml"
    text = play.read_text(encoding="utf-8")
    play.write_text(text.replace("scenario: mini", "scenario: other"), encoding="utf-8")
    out = tmp_path / "run.coherence"
    done = simulate(pack, play, out)
    assert_refused(done)
    assert (
        f"{play}:57:11: scenario: this play is for scenario 'other', not 'mini'"
        in done.stderr.splitlines()
    )
    assert not out.exists()


def test_existing_out_needs_force(demo_run: tuple[Path, str, str]) -> None:
    """Without --force an existing file is refused and kept; --force replaces it (fixture)."""
    out, refusal, stdout = demo_run
    assert refusal.startswith(f"{out}: a file of that name already exists")
    assert "add --force to replace it" in refusal
    assert stdout.startswith(f"{out}: 50 steps, ")
