"""Every debrief item model passes Qt's model tester, with and without rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.analysis.compare import compare_json, comparison_tables
from desktop.domain.records import ImprovementItem
from desktop.services.debrief import debrief_report
from desktop.services.debrief_view import ExpectationRow, load_debrief
from desktop.ui.debrief.comparison_model import ComparisonModel, format_value
from desktop.ui.debrief.expectation_model import ExpectationModel
from desktop.ui.debrief.improvement_plan_model import ImprovementPlanModel
from desktop.ui.debrief.rating_matrix_model import MatrixCell, RatingMatrixModel


def test_expectation_model(qtmodeltester: Any, simulated_run: Path) -> None:
    model = ExpectationModel()
    qtmodeltester.check(model)
    rows = load_debrief(simulated_run).expectations
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows)
    first = model.index(0, ExpectationModel.INJECT)
    assert isinstance(model.data(first, ExpectationModel.ObjectRole), ExpectationRow)
    unanswered = next(i for i, r in enumerate(rows) if r.first_response_minutes is None)
    index = model.index(unanswered, ExpectationModel.FIRST_RESPONSE)
    assert model.data(index) == "no decision"
    assert model.data(index, ExpectationModel.SortRole) == float("inf")
    partial = next(i for i, r in enumerate(rows) if r.expectation == "partial")
    assert model.data(model.index(partial, ExpectationModel.EXPECTATION)) == "Partly met"
    assert model.data(model.index(partial, ExpectationModel.REASONS))


def test_rating_matrix_model(qtmodeltester: Any, simulated_run: Path) -> None:
    data = load_debrief(simulated_run)
    model = RatingMatrixModel()
    qtmodeltester.check(model)
    record = data.record
    objectives = [(o.id, o.title) for o in record.scenario.objectives]
    teams = [(t.id, t.name) for t in record.teams]
    model.set_matrix(objectives, teams, data.figures["evaluation"])
    qtmodeltester.check(model)
    rating = data.figures["evaluation"]["ratings"][0]
    row = [o for o, _ in objectives].index(rating["objective"])
    column = [t for t, _ in teams].index(rating["team"])
    index = model.index(row, column)
    assert str(model.data(index)).startswith(rating["overall"])
    cell = model.data(index, RatingMatrixModel.ObjectRole)
    assert isinstance(cell, MatrixCell)
    assert cell.rating is not None
    assert model.headerData(column, Qt.Orientation.Horizontal) == teams[column][1]


def test_improvement_plan_model(qtmodeltester: Any) -> None:
    model = ImprovementPlanModel()
    qtmodeltester.check(model)
    first = ImprovementItem(
        "ip-1", "Late HCT", "Standing call", objective="obj", start=date(2031, 6, 1)
    )
    model.set_items([first], {"obj": "Act as one UN"})
    qtmodeltester.check(model)
    assert model.data(model.index(0, ImprovementPlanModel.OBJECTIVE)) == "Act as one UN"
    assert model.data(model.index(0, ImprovementPlanModel.START)) == "2031-06-01"
    assert model.upsert(ImprovementItem("ip-2", "Escort", "Protocol")) == 1
    assert model.upsert(ImprovementItem("ip-1", "Late HCT meeting", "Standing call")) == 0
    qtmodeltester.check(model)
    assert [i.issue for i in model.items()] == ["Late HCT meeting", "Escort"]
    assert model.data(model.index(1, 0), ImprovementPlanModel.ObjectRole).id == "ip-2"


def test_comparison_model(qtmodeltester: Any, simulated_run: Path) -> None:
    model = ComparisonModel()
    qtmodeltester.check(model)
    report = debrief_report(simulated_run)
    comparison = compare_json([("a", report), ("b", report)])
    for table in comparison_tables(comparison):
        model.set_table(table, comparison["runs"])
        qtmodeltester.check(model)
        assert model.columnCount() == len(table.keys) + 2
    model.set_table(None, [])
    assert model.rowCount() == 0


def test_format_value() -> None:
    assert format_value(None) == "\N{EM DASH}"
    assert format_value(0.12345) == "0.123"
    assert format_value([{"actor": "ocha", "value": 0.5}]) == "ocha 0.500"
    assert format_value(["a", "b"]) == "a, b"
    assert format_value(3) == "3"
