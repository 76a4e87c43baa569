"""The spreadsheet export: read back with openpyxl and checked against hand-worked values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from desktop.analysis.compare import compare_json
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.report_json import debrief_json
from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    ConsultMode,
    ObservationKind,
    Posture,
    Rating,
    Sector,
)
from desktop.domain.records import ImprovementItem, MilitaryAssets, Observation, RatingEntry
from desktop.domain.scenario import AvoidPattern, Expects, Inject, Mechanism, Objective, Phase
from desktop.report.xlsx import write_comparison_xlsx, write_xlsx
from desktop.report.xlsx_writer import Sheet, save_sheets
from tests.analysis.builders import HUMANITARIAN, INTERNAL, actor, decision, record, scenario, team

DAY = 24 * 60
RECORD_SHEETS = [
    "Decisions",
    "Consultations",
    "Injects",
    "Teams",
    "Ratings",
    "Rating summary",
    "Observations",
    "Figures",
    "Firewall breaches",
    "Asset requests",
    "Improvement plan",
]


def _record() -> ExerciseRecord:
    """Four actors (12 possible edges), two teams, one inject answered, one never released."""
    the_scenario = scenario(
        [
            actor("fc", dimensions=("security",)),
            actor("rchc"),
            actor("ocha", HUMANITARIAN),
            actor("nec", INTERNAL, "Government", sector=Sector.GOVERNMENT),
        ],
        phases=[Phase("stabilization", "Stabilization", 0), Phase("transition", "Transition", DAY)],
        mechanisms=[Mechanism("hct", "HCT", ("ocha",))],
        objectives=[Objective("access", "Access", "Access")],
    )
    avoid = AvoidPattern(by_dimension="security", to=("ocha",), mode=ConsultMode.TASK)
    convoy = Inject(
        "convoy",
        "Convoy & escort",
        ("mission",),
        at=540,
        expects=Expects(respond_within=240, consult=("ocha",), avoid=(avoid,)),
    )
    later = Inject("later", "Never released", ("all",), manual=True)
    assets = MilitaryAssets("Two trucks", AssetPurpose.HUMANITARIAN, AssetTask.INDIRECT, "fc")
    d1 = decision(
        "d1",
        "mission",
        "fc",
        ("ocha", ConsultMode.TASK),
        inject="convoy",
        at=600,
        posture=Posture.COOPERATE,
        assets=assets,
    )
    d1 = replace(d1, content=replace(d1.content, title="=SUM(A1:A2) <b>", dimensions=("security",)))
    d2 = decision(
        "d2",
        "mission",
        "rchc",
        "ocha",
        ("nec", ConsultMode.INFORM),
        inject="convoy",
        at=760,
        taken_at=700,
        posture=Posture.COORDINATE,
        supersedes="d1",
        venue="hct",
    )
    d2 = replace(
        d2,
        content=replace(d2.content, rationale="  Padded\nsecond line\x07"),
        amendments=1,
        late=True,
    )
    d3 = replace(
        decision("d3", "hum", "ocha", "rchc", at=DAY + 60, voided=True), void_reason="wrong team"
    )
    base = record(
        the_scenario,
        (team("mission", "fc", "rchc"), team("hum", "ocha")),
        [d1, d2, d3],
        injects=[(convoy, 540), (later, None)],
    )
    improvement = ObservationKind.IMPROVEMENT
    return replace(
        base,
        ratings=(
            RatingEntry("r1", "Eval 1", "mission", "access", Rating.S, 800),
            RatingEntry("r2", "Lead", "mission", "access", Rating.P, 900, final=True),
            RatingEntry("r3", "Eval 2", "hum", "access", Rating.U, 910, note="typo", voided=True),
        ),
        observations=(
            Observation("o1", "Eval 1", "mission", "access", improvement, "#N/A", 820, "convoy"),
        ),
        improvements=(
            ImprovementItem(
                "ip1",
                "Escort tasked",
                "Agree a protocol",
                "Access",
                "access",
                "OCHA",
                date(2031, 6, 1),
                date(2031, 8, 31),
            ),
        ),
    )


def _rows(workbook: Any, title: str) -> list[tuple[Any, ...]]:
    return list(workbook[title].iter_rows(values_only=True))


@pytest.fixture
def workbook(tmp_path: Path) -> Any:
    """The small record's workbook, written and read back."""
    path = tmp_path / "run.xlsx"
    write_xlsx(_record(), path)
    return openpyxl.load_workbook(path)


def test_sheets_headers_panes_and_filters(workbook: Any) -> None:
    """Every sheet: bold frozen header row, an auto filter over the data, sane widths."""
    assert workbook.sheetnames == RECORD_SHEETS
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.b
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + (
            f"{sheet.max_row}"
        )
        for column in sheet.column_dimensions.values():
            assert 3 <= column.width <= 60
    decisions = workbook["Decisions"]
    assert decisions.auto_filter.ref == "A1:U4"
    assert decisions.column_dimensions["E"].width == len("=SUM(A1:A2) <b>") + 2
    assert decisions.column_dimensions["U"].width == len("Rationale") + 2


def test_decisions(workbook: Any) -> None:
    """One row per decision, voided ones flagged; times as stamps and minutes."""
    header, d1, d2, d3 = _rows(workbook, "Decisions")
    assert header == (
        "Decision",
        "Team",
        "Acting actor",
        "Inject",
        "Title",
        "Posture",
        "Dimensions",
        "Venue",
        "Supersedes",
        "Phase",
        "Taken at",
        "Taken at (min)",
        "Recorded at",
        "Recorded at (min)",
        "Consultations",
        "Voided",
        "Amendments",
        "Late",
        "Military assets",
        "Void reason",
        "Rationale",
    )
    # The title that looks like a formula stays text.
    assert d1[:10] == (
        *("d1", "mission", "fc", "convoy", "=SUM(A1:A2) <b>", "cooperate", "security"),
        *(None, None, "stabilization"),
    )
    assert d1[10:19] == (None, None, "D+0 10:00", 600, 1, False, 0, False, True)
    assert workbook["Decisions"]["E2"].data_type == "s"
    # 700 = 11:40, 760 = 12:40; the bell character is dropped, the padding kept.
    assert d2[7:] == (
        *("hct", "d1", "stabilization", "D+0 11:40", 700, "D+0 12:40", 760, 2, False, 1, True),
        *(False, None, "  Padded\nsecond line"),
    )
    assert d3[9] == "transition"
    assert d3[12:20] == ("D+1 01:00", DAY + 60, 1, True, 0, False, False, "wrong team")
    assert isinstance(d1[13], int)


def test_consultations(workbook: Any) -> None:
    """One row per consultation, with the decision's team and phase."""
    assert _rows(workbook, "Consultations") == [
        ("Decision", "From", "To", "Mode", "Team", "Phase", "Voided"),
        ("d1", "fc", "ocha", "task", "mission", "stabilization", False),
        ("d2", "rchc", "ocha", "consult", "mission", "stabilization", False),
        ("d2", "rchc", "nec", "inform", "mission", "stabilization", False),
        ("d3", "ocha", "rchc", "consult", "hum", "transition", True),
    ]


def test_injects_and_teams(workbook: Any) -> None:
    """First response 600 - 540 = 60 min; d1 tasks OCHA, which the inject's avoid names."""
    assert _rows(workbook, "Injects") == [
        (
            *("Inject", "Title", "Origin", "Released at", "Released at (min)", "Targets"),
            *("Target team", "First response (min)", "Expectation", "Reasons"),
        ),
        (
            *("convoy", "Convoy & escort", "scheduled", "D+0 09:00", 540, "mission"),
            *("mission", 60, "partial", "avoided-pattern:d1->ocha"),
        ),
        ("later", "Never released", "manual", None, None, "mission, hum", None, None, None, None),
    ]
    # mission: d1 and d2 (answered 1 inject, partial); hum: d3 is voided.
    assert _rows(workbook, "Teams")[1:] == [
        ("mission", 2, 60, 1, 0, None, 0, 1, 0),
        ("hum", 0, None, 0, 0, None, 0, 0, 0),
    ]


def test_ratings_observations_and_plan(workbook: Any) -> None:
    """Raw entries (voided included), the summary per pair, dates as dates."""
    ratings = _rows(workbook, "Ratings")
    assert ratings[0][:6] == ("Team", "Objective", "Observer", "Rating", "Final", "Voided")
    assert ratings[1:] == [
        ("mission", "access", "Eval 1", "S", False, False, "D+0 13:20", 800, False, None, "r1"),
        ("mission", "access", "Lead", "P", True, False, "D+0 15:00", 900, False, None, "r2"),
        ("hum", "access", "Eval 2", "U", False, True, "D+0 15:10", 910, False, "typo", "r3"),
    ]
    assert _rows(workbook, "Rating summary")[1:] == [
        ("mission", "access", 1, 1, 0, 0, "P", "final")
    ]
    (_, observation) = _rows(workbook, "Observations")
    assert observation == (
        *("o1", "mission", "access", "Eval 1", "improvement", "convoy", "D+0 13:40", 820),
        *(False, False, "#N/A"),
    )
    assert workbook["Observations"]["K2"].data_type == "s"
    assert _rows(workbook, "Improvement plan")[1] == (
        *("ip1", "Escort tasked", "Agree a protocol", "Access", "access", "OCHA"),
        *(datetime(2031, 6, 1), datetime(2031, 8, 31)),
    )


def test_figures_and_humanitarian_space(workbook: Any) -> None:
    """Edges fc->ocha, rchc->ocha, rchc->nec: 3 of 12, all across categories."""
    figures = {(r[0], r[1], r[2]): r[3:] for r in _rows(workbook, "Figures")[1:]}
    # d2 supersedes d1 with another posture: 1 of 2 decisions kept course.
    assert figures[("coherence", "agency", "all")] == (0.5, 1, 2)
    assert figures[("coherence", "agency", "hum")] == (None, 0, 0)
    assert figures[("network", "density", "all")] == (0.25, 3, 12)
    assert figures[("network", "ei_index_category", "all")] == (1, 3, 3)
    assert figures[("network", "reciprocity", "all")] == (0, None, 3)
    assert figures[("network", "decisions", "transition")] == (0, None, None)
    assert figures[("network", "edges", "stabilization")] == (3, None, None)
    assert figures[("network", "isolates", "all")] == (0, None, None)
    assert figures[("humanitarian_space", "firewall_breaches", "all")] == (1, None, None)
    assert figures[("humanitarian_space", "asset_verdict", "red-flag")] == (1, None, None)
    assert figures[("humanitarian_space", "asset_verdict", "compliant")] == (0, None, None)
    assert _rows(workbook, "Firewall breaches")[1:] == [
        ("d1", "fc", "ocha", "tasked-across-firewall, avoid-pattern")
    ]
    (_, request) = _rows(workbook, "Asset requests")
    # Decided by the Force Commander, no civilian alternatives, no humanitarian control.
    assert request[:6] == ("d1", "Two trucks", "humanitarian", "indirect", "fc", "red-flag")
    assert request[6] == (
        "not-decided-by-humanitarian-authority, no-civilian-alternatives,"
        " not-under-humanitarian-control"
    )


def test_replaces_a_file_and_leaves_no_partial(tmp_path: Path) -> None:
    """An existing file is replaced whole; no temporary file is left beside it."""
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"old")
    write_xlsx(_record(), path)
    assert openpyxl.load_workbook(path).sheetnames == RECORD_SHEETS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_a_wrong_row_count_leaves_nothing(tmp_path: Path) -> None:
    """A streamed sheet whose rows do not match its announced count is an error, and the
    target file is neither created nor left half written."""
    path = tmp_path / "out.xlsx"
    rows = iter([("a", 1), ("b", 2)])
    with pytest.raises(RuntimeError, match="2 rows, 3 announced"):
        save_sheets([Sheet("Broken", ("Name", "Value"), rows, count=3)], path)
    assert list(tmp_path.iterdir()) == []


def test_worksheet_limits(tmp_path: Path) -> None:
    """Text past 32,767 characters is cut as a cell requires; too many rows are refused
    before anything is written."""
    the_record = _record()
    long_text = "x" * 40_000
    d1 = the_record.decisions[0]
    d1 = replace(d1, content=replace(d1.content, rationale=long_text))
    path = tmp_path / "long.xlsx"
    write_xlsx(replace(the_record, decisions=(d1,)), path)
    assert openpyxl.load_workbook(path)["Decisions"]["U2"].value == "x" * 32_767
    with pytest.raises(ValueError, match="more than a worksheet holds"):
        save_sheets([Sheet("Huge", ("Name",), iter(()), count=1_048_576)], tmp_path / "huge.xlsx")
    assert not (tmp_path / "huge.xlsx").exists()


def test_simulated_run(simulated_run: Path, tmp_path: Path) -> None:
    """The mini demo play: the figures its play script describes by hand."""
    from desktop.services.debrief import load_record

    path = tmp_path / "run.xlsx"
    write_xlsx(load_record(simulated_run), path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == RECORD_SHEETS
    decisions = {row[0]: row for row in _rows(workbook, "Decisions")[1:]}
    assert len(decisions) == 14  # d1-d12 and two unnamed decisions; d5 voided
    assert decisions["d5"][15] is True
    assert decisions["d3"][10:14] == ("D+0 14:20", 860, "D+0 15:00", 900)
    assert decisions["d1"][16] == 1  # amended once
    assert [r[:3] for r in _rows(workbook, "Firewall breaches")[1:]] == [
        ("d2", "force-commander", "wfp"),
        ("d6", "dsrsg-pol", "unhcr"),
    ]
    verdicts = [(r[0], r[5]) for r in _rows(workbook, "Asset requests")[1:]]
    assert verdicts == [
        ("d2", "red-flag"),
        ("d3", "concerns"),
        ("d8", "not-applicable"),
        ("d12", "compliant"),
    ]
    injects = {(r[0], r[6]): r for r in _rows(workbook, "Injects")[1:]}
    assert injects[("conv-02", "unct")][7:] == (170, "partial", "not-in-venue:hct")
    assert injects[("donor-01", "unct")][7:] == (None, "unmet", "no-decision-in-time")
    assert injects[("au-01", None)][3:5] == (None, None)
    figures = {(r[0], r[1], r[2]): r[3:] for r in _rows(workbook, "Figures")[1:]}
    # leadership 4 of 5 (d4 reverses d2), unct 3 of 3, humanitarian 5 of 5.
    assert figures[("coherence", "agency", "all")][1:] == (12, 13)
    assert figures[("coherence", "agency", "leadership")] == (0.8, 4, 5)
    observers = {row[2] for row in _rows(workbook, "Ratings")[1:]}
    assert observers == {"Eval 1", "Eval 2", "Lead"}


def _report_without_d2() -> dict[str, Any]:
    the_record = _record()
    return debrief_json(replace(the_record, decisions=the_record.decisions[::2]))


def test_comparison_workbook(tmp_path: Path) -> None:
    """Runs as columns; a label that looks like a formula stays text; lists become text."""
    comparison = compare_json(
        [("run-1", debrief_json(_record())), ("=run 2", _report_without_d2())]
    )
    path = tmp_path / "compare.xlsx"
    write_comparison_xlsx(comparison, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "Overview",
        "Coherence",
        "Network",
        "Humanitarian space",
        "Teams",
        "Injects",
        "Ratings",
    ]
    coherence = _rows(workbook, "Coherence")
    assert coherence[0] == ("Indicator", "Team", "Measure", "run-1", "=run 2")
    assert workbook["Coherence"]["E1"].data_type == "s"
    assert workbook["Coherence"]["E1"].font.b
    # Without d2 nothing reverses: mission keeps 1 of 1.
    assert ("agency", "all", "numerator", 1, 1) in coherence
    assert ("agency", "all", "denominator", 2, 1) in coherence
    assert ("agency", "mission", "value", 0.5, 1) in coherence
    network = _rows(workbook, "Network")
    # Run 2 has only fc->ocha: nec and rchc are isolates.
    assert ("all", "isolates", None, "nec, rchc") in network
    assert ("transition", "edges", 0, 0) in network
    teams = _rows(workbook, "Teams")
    assert ("mission", "decisions", 2, 1) in teams
    assert ("mission", "met", 0, 0) in teams
    injects = _rows(workbook, "Injects")
    assert ("convoy", "mission", "first_response_minutes", 60, 60) in injects
    assert ("later", None, "released_at", None, None) in injects
    assert _rows(workbook, "Humanitarian space")[0] == ("Figure", "Scope", "run-1", "=run 2")
    assert ("asset_verdict", "red-flag", 1, 1) in _rows(workbook, "Humanitarian space")
    assert ("mission", "access", "overall", "P", "P") in _rows(workbook, "Ratings")
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
