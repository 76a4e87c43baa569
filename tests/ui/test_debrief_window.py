"""The debrief window on a finished mini-pack exercise: load, tabs, replay, plan, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop.domain import commands as c
from desktop.services.debrief import debrief_report, load_record
from desktop.services.session import ExerciseSession
from desktop.ui.debrief.debrief_window import DebriefWindow
from desktop.ui.debrief.improvement_dialog import ImprovementItemDialog


def open_window(qtbot: Any, path: Path, execute: Any = None) -> DebriefWindow:
    window = DebriefWindow(path, execute)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=20_000)
    return window


def test_scorecard_shows_the_report_counts(qtbot: Any, simulated_run: Path) -> None:
    figures = debrief_report(simulated_run)
    window = open_window(qtbot, simulated_run)
    summary = window.summary
    assert str(figures["network"]["decisions"]) in summary.card_text("decisions")
    assert str(figures["network"]["consultations"]) in summary.card_text("consultations")
    met = sum(t["expectations"]["met"] for t in figures["teams"])
    unmet = sum(t["expectations"]["unmet"] for t in figures["teams"])
    assert f"{met} met" in summary.card_text("expectations")
    assert f"{unmet} not met" in summary.card_text("expectations")
    breaches = len(figures["humanitarian_space"]["firewall_breaches"])
    assert summary.card_text("breaches").startswith(str(breaches))
    whole = figures["coherence"]["whole_of_un"]
    label = summary.findChild(QLabel, "indicator_whole_of_un")
    assert label is not None
    assert f"{whole['numerator']} of {whole['denominator']}" in label.text()


def test_slider_moves_the_network(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run)
    window.tabs.setCurrentWidget(window.timeline)
    timeline = window.timeline
    at_end = timeline.network.edge_count()
    assert at_end == debrief_report(simulated_run)["network"]["edges"]
    timeline.slider.setValue(0)
    assert window.data is not None
    assert timeline.minute == window.data.start
    assert timeline.network.edge_count() == 0
    assert "0 decisions" in timeline.status.text()
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: timeline.network.edge_count() > 0, timeout=10_000)
    qtbot.mouseClick(timeline.play_button, Qt.MouseButton.LeftButton)
    assert timeline.play_button.text() == "Play"


def test_clicking_the_lane_chart_moves_the_slider(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run)
    window.tabs.setCurrentWidget(window.timeline)
    chart = window.timeline.chart
    qtbot.waitUntil(lambda: chart.width() > 300)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.rect().center())
    assert 0 < window.timeline.slider.value() < window.timeline.slider.maximum()


def test_actor_tooltip_gives_its_numbers(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run)
    window.tabs.setCurrentWidget(window.network)
    view = window.network.view
    text = view.actor_item("ocha").toolTip()
    assert "Office for the Coordination of Humanitarian Affairs" in text
    assert "UN Country Team" in text  # OCHA sits with the country team in the mini pack
    assert "Betweenness" in text
    assert "Consultations made:" in text
    # Hovering lights the actor's edges.
    item = view.actor_item("ocha")
    point = view.mapFromScene(item.scenePos())
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: item.pen().widthF() > 2)


def test_phase_and_team_filters_change_the_drawing(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run)
    network = window.network
    whole = network.view.edge_count()
    network.phase_combo.setCurrentIndex(network.phase_combo.findData("consolidation"))
    # d11 (WFP: OCHA, DSRSG) and d12 (DSRSG: five actors) make the consolidation phase.
    assert network.view.edge_count() == 7
    assert network.view.edge_count() < whole
    network.phase_combo.setCurrentIndex(0)
    network.team_combo.setCurrentIndex(network.team_combo.findData("leadership"))
    leadership = network.view.edge_count()
    assert 0 < leadership < whole
    assert "Decisions" in network.figures.text()


def test_expectations_and_evaluation_tabs(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run)
    figures = debrief_report(simulated_run)
    pairs = [
        t for i in figures["injects"] if i["released_minute"] is not None for t in i["targets"]
    ]
    assert window.expectations.model.rowCount() == len(pairs)
    window.expectations.table.selectRow(0)
    assert window.expectations.detail.text()
    evaluation = window.evaluation
    assert evaluation.model.rowCount() == len(load_record(simulated_run).scenario.objectives)
    rated = figures["evaluation"]["ratings"][0]
    for row in range(evaluation.model.rowCount()):
        for column in range(evaluation.model.columnCount()):
            cell = evaluation.model.cell(row, column)
            if cell and (cell.team, cell.objective) == (rated["team"], rated["objective"]):
                evaluation.table.setCurrentIndex(evaluation.model.index(row, column))
    assert "Strengths" in evaluation.notes_text()


def _fill_and_save(qtbot: Any, issue: str) -> None:
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImprovementItemDialog))
    qtbot.keyClicks(dialog.issue, issue)
    qtbot.keyClicks(dialog.action, "Standing HCT call within two hours")
    dialog.objective.setCurrentIndex(1)
    qtbot.keyClicks(dialog.responsible, "OCHA")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)


def test_add_item_through_an_execute_callable(qtbot: Any, simulated_run: Path) -> None:
    sent: list[c.Command] = []

    def execute(command: c.Command) -> list[object]:
        sent.append(command)
        return []

    window = open_window(qtbot, simulated_run, execute)
    plan = window.plan
    rows = plan.model.rowCount()
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    _fill_and_save(qtbot, "HCT met too late")
    assert len(sent) == 1
    command = sent[0]
    assert isinstance(command, c.SaveImprovementItem)
    assert command.item.issue == "HCT met too late"
    assert command.item.objective is not None
    assert command.item.capability  # filled from the objective
    assert plan.model.rowCount() == rows + 1


def test_a_refused_command_adds_no_row(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run, lambda command: None)
    rows = window.plan.model.rowCount()
    qtbot.mouseClick(window.plan.add_button, Qt.MouseButton.LeftButton)
    _fill_and_save(qtbot, "Not stored")
    assert window.plan.model.rowCount() == rows


def test_add_item_with_a_real_session(qtbot: Any, simulated_run: Path) -> None:
    session = ExerciseSession.open(simulated_run)
    try:
        window = open_window(qtbot, simulated_run, lambda command: session.execute(command))
        qtbot.mouseClick(window.plan.add_button, Qt.MouseButton.LeftButton)
        _fill_and_save(qtbot, "Escort protocol missing")
    finally:
        session.close()
    issues = [i.issue for i in load_record(simulated_run).improvements]
    assert issues[-1] == "Escort protocol missing"


def test_add_item_standalone_saves_to_the_file(qtbot: Any, simulated_run: Path) -> None:
    window = open_window(qtbot, simulated_run)
    plan = window.plan
    assert plan.add_button.isEnabled()
    qtbot.mouseClick(plan.add_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(plan.sig_item_saved, timeout=20_000):
        _fill_and_save(qtbot, "Saved without a console")
    assert load_record(simulated_run).improvements[-1].issue == "Saved without a console"


def test_edit_keeps_the_id(qtbot: Any, simulated_run: Path) -> None:
    sent: list[c.Command] = []

    def execute(command: c.Command) -> list[object]:
        sent.append(command)
        return []

    window = open_window(qtbot, simulated_run, execute)
    plan = window.plan
    plan.table.selectRow(0)
    first = plan.model.items()[plan.proxy.mapToSource(plan.table.currentIndex()).row()]
    qtbot.mouseClick(plan.edit_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImprovementItemDialog))
    assert dialog.issue.toPlainText() == first.issue
    dialog.responsible.clear()
    qtbot.keyClicks(dialog.responsible, "Someone else")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert isinstance(sent[0], c.SaveImprovementItem)
    assert sent[0].item.id == first.id
    assert sent[0].item.responsible == "Someone else"
    assert sent[0].item.start == first.start


def test_read_only_document_has_a_read_only_plan(
    qtbot: Any, simulated_run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.services.debrief_view.document_writable", lambda path: False)
    window = open_window(qtbot, simulated_run)
    assert not window.plan.add_button.isEnabled()
    assert "read-only" in window.plan.status.text()


def test_export_html_in_the_background(
    qtbot: Any, simulated_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report"
    monkeypatch.setattr(
        "desktop.ui.debrief.export_bar.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(out), ""),
    )
    window = open_window(qtbot, simulated_run)
    bar = window.exports
    with qtbot.waitSignal(bar.sig_exported, timeout=60_000):
        qtbot.mouseClick(bar.buttons["html"], Qt.MouseButton.LeftButton)
        assert bar.busy
        assert not bar.buttons["pdf"].isEnabled()
    written = tmp_path / "report.html"
    assert written.exists()
    assert "<html" in written.read_text(encoding="utf-8").lower()
    assert str(written) in bar.message.text()
    assert bar.buttons["pdf"].isEnabled()


def test_a_file_that_is_not_a_document(qtbot: Any, tmp_path: Path) -> None:
    bad = tmp_path / "notes.coherence"
    bad.write_text("not a database", encoding="utf-8")
    window = DebriefWindow(bad)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_load_failed, timeout=20_000):
        window.show()
    assert "cannot be shown" in window.load_label.text()
    assert not window.loaded


def test_compare_action_opens_the_dialog(qtbot: Any, simulated_run: Path) -> None:
    from desktop.ui.debrief.compare_dialog import CompareDialog

    window = open_window(qtbot, simulated_run)
    window.compare_action.trigger()
    dialog = window.findChild(CompareDialog)
    assert dialog is not None
    assert dialog.paths() == [simulated_run]
    dialog.close()  # deleted on close
    qtbot.waitUntil(lambda: window.findChild(CompareDialog) is None)
