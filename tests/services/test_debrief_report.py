"""The debrief of a real document: read from the projections, it matches the engine's own
record, and the mini demo's figures match what its author worked out by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop.analysis.record import ExerciseRecord, InjectRecord
from desktop.analysis.report_json import debrief_json
from desktop.services.debrief import debrief_report, load_record
from desktop.services.session import ExerciseSession

ROOT = Path(__file__).resolve().parents[2]


def _record_from_engine(path: Path) -> ExerciseRecord:
    """The same record, built from a replay of the log instead of the projections."""
    with ExerciseSession.open(path, read_only=True) as session:
        state = session.exercise.state
        book = state.book
        return ExerciseRecord(
            scenario=session.scenario,
            teams=tuple(state.team_list),
            injects=tuple(InjectRecord(i.inject, i.released_at) for i in state.msel),
            decisions=tuple(sorted(book.decisions.values(), key=lambda d: d.recorded_seq)),
            phase_changes=tuple(state.phase_changes),
            observations=tuple(book.observations.values()),
            ratings=tuple(book.ratings.values()),
            improvements=tuple(book.improvements.values()),
            participants=len(state.participants),
        )


def _without_order_noise(report: dict[str, Any]) -> dict[str, Any]:
    report = json.loads(json.dumps(report))
    report["injects"].sort(key=lambda entry: entry["id"])
    return report


def test_projections_give_the_same_figures_as_a_replay(simulated_run: Path) -> None:
    """Every figure computed from the projection tables equals the one from the log."""
    from_tables = debrief_json(load_record(simulated_run))
    from_log = debrief_json(_record_from_engine(simulated_run))
    assert _without_order_noise(from_tables) == _without_order_noise(from_log)


def test_mini_demo_figures(simulated_run: Path) -> None:
    """Figures the demo play's author derived from DESIGN.md by hand (see its header)."""
    report = debrief_report(simulated_run)
    breaches = {
        (b["decision"], b["from"], b["to"])
        for b in report["humanitarian_space"]["firewall_breaches"]
    }
    assert breaches == {("d2", "force-commander", "wfp"), ("d6", "dsrsg-pol", "unhcr")}
    verdicts = {
        r["decision"]: r["verdict"] for r in report["humanitarian_space"]["military_asset_requests"]
    }
    assert verdicts == {
        "d2": "red-flag",
        "d3": "concerns",
        "d8": "not-applicable",
        "d12": "compliant",
    }
    agency = report["coherence"]["agency"]
    assert agency["teams"]["leadership"] == 4 / 5
    assert "dpo" in report["network"]["isolates"]
    skipped = next(i for i in report["injects"] if i["id"] == "au-01")
    assert skipped["released_at"] is None
    assert skipped["targets"] == []


def test_report_command_prints_the_json_and_refuses_bad_input(
    simulated_run: Path, tmp_path: Path
) -> None:
    """`coherence report` writes coherence-report/1; a non-document exits 2 cleanly."""
    command = [sys.executable, "-m", "desktop.cli.main", "report"]
    out = tmp_path / "report.json"
    done = subprocess.run(
        [*command, str(simulated_run), "--format", "json", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "coherence-report/1"
    assert set(data) >= {"injects", "teams", "network", "coherence", "humanitarian_space"}
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a document", encoding="utf-8")
    bad = subprocess.run(
        [*command, str(text_file)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2
    assert "not a Coherence exercise document" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_decisions_read_for_the_debrief_equal_the_replayed_ones(simulated_run: Path) -> None:
    """The bulk reader builds decisions without their constructor: field for field they
    must be what replaying the log gives (a field added later and forgotten fails here)."""
    from dataclasses import asdict

    from desktop.services.debrief import load_record
    from desktop.services.session import ExerciseSession

    loaded = load_record(simulated_run).decisions
    with ExerciseSession.open(simulated_run, read_only=True) as session:
        replayed = tuple(session.exercise.state.book.decisions.values())
    assert [asdict(d) for d in loaded] == [asdict(d) for d in replayed]
    assert loaded == replayed
