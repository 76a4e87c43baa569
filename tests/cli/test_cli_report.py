"""`coherence report` in every format, with --compare and --anonymize, and its refusals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.services.simulate import simulate
from tests.cli.runner import coherence

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "packs" / "mini"
SNAP = ROOT / "scenarios" / "civmil-snap-situations"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two runs of the mini pack's demo play (two cohorts of the same scenario)."""
    folder = tmp_path_factory.mktemp("runs")
    first, second = folder / "cohort-1.coherence", folder / "cohort-2.coherence"
    simulate(MINI, MINI / "demo-play.yaml", first)
    simulate(MINI, MINI / "demo-play.yaml", second)
    return first, second


def test_every_format_is_written(runs: tuple[Path, Path], tmp_path: Path) -> None:
    """JSON, HTML, PDF and XLSX come out of the same document."""
    run = runs[0]
    for fmt, check in (
        ("json", lambda data: json.loads(data)["format"] == "coherence-report/1"),
        ("html", lambda data: "Coordination network" in data and "Humanitarian space" in data),
    ):
        out = tmp_path / f"report.{fmt}"
        done = coherence("report", run, "--format", fmt, "--out", out)
        assert done.returncode == 0, done.stderr
        assert check(out.read_text(encoding="utf-8")), fmt
    pdf = tmp_path / "report.pdf"
    done = coherence("report", run, "--format", "pdf", "--out", pdf)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "report.xlsx"
    done = coherence("report", run, "--format", "xlsx", "--out", xlsx)
    assert done.returncode == 0, done.stderr
    assert xlsx.read_bytes().startswith(b"PK")


def test_compare_and_anonymize(runs: tuple[Path, Path], tmp_path: Path) -> None:
    """Two cohorts side by side; observers' names replaced by the same pseudonyms."""
    out = tmp_path / "comparison.json"
    done = coherence("report", *runs, "--compare", "--anonymize", "--out", out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    comparison = json.loads(text)
    assert comparison["format"] == "coherence-comparison/1"
    assert comparison["runs"] == ["cohort-1.coherence", "cohort-2.coherence"]
    single = coherence("report", runs[0], "--anonymize")
    assert single.returncode == 0, single.stderr
    assert "Eval 1" not in single.stdout
    assert "Observer A" in single.stdout


def test_compare_as_html(runs: tuple[Path, Path], tmp_path: Path) -> None:
    """Two runs saved under the same name in two folders: one page, labels told apart."""
    for folder, run in zip(("march", "june"), runs, strict=True):
        (tmp_path / folder).mkdir()
        shutil.copyfile(run, tmp_path / folder / "run.coherence")
    out = tmp_path / "comparison.html"
    done = coherence(
        "report",
        tmp_path / "march" / "run.coherence",
        tmp_path / "june" / "run.coherence",
        "--compare",
        "--format",
        "html",
        "--out",
        out,
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "march/run.coherence" in html
    assert "june/run.coherence" in html
    assert "<h1>Coherence indicators</h1>" in html
    assert "they are not grades" in html
    assert "http" not in html
    agency = json.loads(coherence("report", runs[0]).stdout)["coherence"]["agency"]
    assert f"{agency['numerator']} of {agency['denominator']} (" in html  # counts by the share


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--format", "pdf"), "needs --out"),
        (("--compare",), "two or more"),
        (("SECOND", "--compare", "--format", "pdf"), "json, html or xlsx"),
        (("FIRST", "--compare"), "given more than once"),
        (("SECOND",), "several with --compare"),
    ],
)
def test_impossible_requests_exit_2(
    runs: tuple[Path, Path], arguments: tuple[str, ...], message: str
) -> None:
    """Requests that cannot be met say why, with exit status 2 and no traceback."""
    documents = {"FIRST": str(runs[0]), "SECOND": str(runs[1])}
    args = [documents.get(a, a) for a in arguments]
    done = coherence("report", runs[0], *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_runs_of_different_scenarios_are_not_compared(
    runs: tuple[Path, Path], tmp_path: Path
) -> None:
    """A comparison only makes sense for one scenario."""
    other = tmp_path / "snap.coherence"
    simulate(SNAP, SNAP / "demo-play.yaml", other)
    done = coherence("report", runs[0], other, "--compare")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
