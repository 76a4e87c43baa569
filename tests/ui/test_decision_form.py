"""Recording, amending, superseding and voiding decisions through the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.domain.enums import AssetTask, AssetUniqueness, ConsultMode, Posture
from desktop.domain.records import Consultation, DecisionContent
from desktop.ui.decisions.decision_form import DecisionForm
from desktop.ui.decisions.decision_log_model import Column
from desktop.ui.decisions.decision_log_panel import DecisionLogPanel
from desktop.ui.decisions.void_dialog import VoidDialog
from desktop.ui.exercise_bridge import ExerciseBridge
from tests.ui.documents import new_console

# The offscreen platform says it cannot raise windows, grab the keyboard for the
# completer's popup or pass size hints on; none of that matters here.


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[ExerciseBridge]:
    service = new_console(tmp_path)
    service.execute(c.Release("conv-01"))
    exercise = ExerciseBridge(service)
    yield exercise
    exercise.close()


@pytest.fixture
def form(bridge: ExerciseBridge, qtbot: QtBot) -> DecisionForm:
    widget = DecisionForm(bridge)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def fill_basics(qtbot: QtBot, form: DecisionForm, title: str = "Negotiate access") -> None:
    choose(form.team_combo, "humanitarian")
    choose(form.actor_combo, "ocha")
    qtbot.keyClicks(form.title_edit, title)


def record_through(bridge: ExerciseBridge, title: str, team: str = "humanitarian") -> str:
    actor = "ocha" if team == "humanitarian" else "dsrsg-rchc"
    events = bridge.service.execute(
        c.RecordDecision(team, actor, None, DecisionContent(title=title, posture=Posture.COEXIST))
    )
    return str(events[0].payload["id"])


def test_record_a_full_decision(qtbot: QtBot, bridge: ExerciseBridge, form: DecisionForm) -> None:
    assert not form.record_button.isEnabled()
    choose(form.team_combo, "humanitarian")
    assert [form.actor_combo.itemText(i) for i in range(form.actor_combo.count())] == [
        "OCHA",
        "UNHCR",
        "WFP",
    ]
    assert form.message_label.text() == "Choose the acting actor."
    choose(form.actor_combo, "ocha")
    choose(form.inject_combo, "conv-01")
    assert form.message_label.text() == "Enter a title."
    qtbot.keyClicks(form.title_edit, "Negotiate access with the IVDF through OCHA")
    assert form.record_button.isEnabled()
    qtbot.keyClicks(form.rationale_edit, "Humanitarians talk to armed groups themselves.")
    choose(form.posture_combo, Posture.COEXIST)
    click(qtbot, form.dimension_boxes["humanitarian"])
    choose(form.venue_combo, "hct")

    editor = form.consultations
    qtbot.keyClicks(editor.entry, "wfp")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    mode = editor.findChildren(QComboBox)[0]
    qtbot.keyClicks(mode, "j")  # one letter picks the mode
    qtbot.keyClick(mode, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.entry, "camp committee:inform")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.entry, "unhcr:r")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.entry, "nobody")
    qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    assert editor.message.isVisibleTo(editor)
    assert "nobody" in editor.message.text()
    editor.entry.clear()
    unhcr_mode = editor.findChildren(QComboBox)[-1]
    qtbot.keyClick(unhcr_mode, Qt.Key.Key_Delete)  # Delete removes a row
    assert editor.consultations() == (
        Consultation("wfp", ConsultMode.JOINT),
        Consultation("idp-leaders", ConsultMode.INFORM),
    )

    assets = form.assets_form
    assets.setChecked(True)
    qtbot.keyClicks(assets.asset, "Two utility helicopters")
    assert not form.record_button.isEnabled()  # who decided is still missing
    choose(assets.decided_by, "dsrsg-rchc")
    choose(assets.task, AssetTask.INDIRECT)
    qtbot.keyClicks(assets.alternatives, "UNHAS")
    qtbot.keyClick(assets.alternatives, Qt.Key.Key_Return)
    qtbot.keyClicks(assets.alternatives, "Commercial charter")
    choose(assets.unique, AssetUniqueness.TIMELINESS)
    for box in (assets.critical_need, assets.humanitarian_control, assets.unarmed):
        click(qtbot, box)
    qtbot.keyClicks(assets.exit_plan, "Back to UNHAS when the airstrip reopens")
    assert form.record_button.isEnabled()

    with qtbot.waitSignal(form.sig_saved) as saved:
        click(qtbot, form.record_button)
    decision = bridge.service.decision(saved.args[0])
    assert (decision.team, decision.acting_actor, decision.inject) == (
        "humanitarian",
        "ocha",
        "conv-01",
    )
    content = decision.content
    assert content.title == "Negotiate access with the IVDF through OCHA"
    assert content.posture is Posture.COEXIST
    assert content.dimensions == ("humanitarian",)
    assert content.venue == "hct"
    assert [(x.actor, x.mode) for x in content.consulted] == [
        ("wfp", ConsultMode.JOINT),
        ("idp-leaders", ConsultMode.INFORM),
    ]
    assert content.military_assets is not None
    assert content.military_assets.civilian_alternatives == ("UNHAS", "Commercial charter")
    assert content.military_assets.decided_by == "dsrsg-rchc"
    assert content.military_assets.critical_need
    assert not content.military_assets.time_limited
    assert content.taken_at is None
    assert form.confirmation_label.text().startswith("Recorded at D+0 08:00")
    assert form.title_edit.text() == ""
    assert form.consultations.consultations() == ()
    assert not form.assets_form.isChecked()
    assert form.team_id() == "humanitarian"  # the team stays for the next entry


def test_a_late_entry_needs_a_valid_time(
    qtbot: QtBot, bridge: ExerciseBridge, form: DecisionForm
) -> None:
    bridge.service.execute(c.Jump(10 * 60))
    fill_basics(qtbot, form)
    qtbot.keyClicks(form.taken_at_edit, "D+0 9.30")
    assert not form.record_button.isEnabled()
    assert "D+N HH:MM" in form.message_label.text()
    assert "b00020" in form.taken_at_edit.styleSheet()
    form.taken_at_edit.clear()
    qtbot.keyClicks(form.taken_at_edit, "D+0 09:30")
    assert form.taken_at_edit.styleSheet() == ""
    with qtbot.waitSignal(form.sig_saved) as saved:
        click(qtbot, form.record_button)
    decision = bridge.service.decision(saved.args[0])
    assert decision.content.taken_at == 9 * 60 + 30
    assert decision.recorded_at == 10 * 60


def test_a_refused_decision_keeps_the_form(
    qtbot: QtBot, bridge: ExerciseBridge, form: DecisionForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    fill_basics(qtbot, form)
    qtbot.keyClicks(form.taken_at_edit, "D+0 07:00")  # before the start: the engine refuses
    click(qtbot, form.record_button)
    assert warnings == ["The time it was taken (taken_at) is before the exercise started."]
    assert form.title_edit.text() == "Negotiate access"
    assert form.taken_at_edit.text() == "D+0 07:00"
    assert form.actor_combo.currentData() == "ocha"
    assert not form.confirmation_label.isVisibleTo(form)


def test_amend_a_decision(qtbot: QtBot, bridge: ExerciseBridge, form: DecisionForm) -> None:
    decision_id = record_through(bridge, "Wait and see")
    form.edit_amendment(decision_id)
    assert form.amending == decision_id
    assert form.record_button.text() == "Save amendment"
    assert not form.team_combo.isEnabled()
    assert not form.actor_combo.isEnabled()
    assert not form.inject_combo.isEnabled()
    assert form.posture_combo.currentData() == Posture.COEXIST
    form.title_edit.clear()
    qtbot.keyClicks(form.title_edit, "Wait for the HCT")
    with qtbot.waitSignal(form.sig_saved):
        click(qtbot, form.record_button)
    decision = bridge.service.decision(decision_id)
    assert decision.content.title == "Wait for the HCT"
    assert decision.content.posture is Posture.COEXIST
    assert decision.amendments == 1
    assert form.amending is None
    assert form.record_button.text() == "Record"
    assert form.confirmation_label.text().startswith("Amendment saved at D+0 08:00")


def test_a_team_window_form_is_fixed_to_its_team(qtbot: QtBot, bridge: ExerciseBridge) -> None:
    form = DecisionForm(bridge, team_id="unct")
    qtbot.addWidget(form)
    assert form.team_combo.count() == 1
    assert not form.team_combo.isEnabled()
    assert [form.actor_combo.itemData(i) for i in range(form.actor_combo.count())] == [
        "dsrsg-rchc",
        "undp",
    ]
    assert form.inject_combo.count() == 1  # conv-01 went to the humanitarian team only
    bridge.service.execute(c.Release("donor-01"))
    assert form.inject_combo.itemData(1) == "donor-01"


@pytest.fixture
def panel(bridge: ExerciseBridge, qtbot: QtBot) -> DecisionLogPanel:
    widget = DecisionLogPanel(bridge)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    return widget


def test_supersede_from_the_log(
    qtbot: QtBot, bridge: ExerciseBridge, panel: DecisionLogPanel
) -> None:
    earlier = record_through(bridge, "Armed escorts for the convoy")
    assert panel.model.rowCount() == 1
    assert not panel.supersede_button.isEnabled()
    panel.select_row(0)
    click(qtbot, panel.supersede_button)
    form = panel.findChild(DecisionForm)
    assert form is not None
    assert form.supersedes == earlier
    assert form.title_edit.text() == "Armed escorts for the convoy"
    form.title_edit.clear()
    qtbot.keyClicks(form.title_edit, "Negotiate access instead")
    choose(form.posture_combo, Posture.COORDINATE)
    click(qtbot, form.record_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    later = panel.model.data(panel.model.index(1, Column.TITLE), panel.model.IdRole)
    decision = bridge.service.decision(later)
    assert decision.content.supersedes == earlier
    assert decision.team == "humanitarian"
    assert panel.model.data(panel.model.index(1, Column.FLAGS)) == "supersedes"


def test_amend_from_the_log(qtbot: QtBot, bridge: ExerciseBridge, panel: DecisionLogPanel) -> None:
    decision_id = record_through(bridge, "Wait and see")
    selected: list[str] = []
    panel.sig_decision_selected.connect(selected.append)
    panel.select_row(0)
    panel.view.clearSelection()
    assert selected == [decision_id, ""]
    panel.select_row(0)
    click(qtbot, panel.amend_button)
    form = panel.findChild(DecisionForm)
    assert form is not None
    assert form.amending == decision_id
    qtbot.keyClick(form.title_edit, Qt.Key.Key_End)
    qtbot.keyClicks(form.title_edit, " for the HCT")
    click(qtbot, form.record_button)
    assert bridge.service.decision(decision_id).content.title == "Wait and see for the HCT"
    assert panel.model.data(panel.model.index(0, Column.FLAGS)) == "amended ×1"


def test_void_with_a_reason(qtbot: QtBot, bridge: ExerciseBridge, panel: DecisionLogPanel) -> None:
    decision_id = record_through(bridge, "Entered for the wrong team")
    panel.select_row(0)
    click(qtbot, panel.void_button)
    dialog = panel.findChild(VoidDialog)
    assert dialog is not None
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "wrong team")
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    decision = bridge.service.decision(decision_id)
    assert decision.voided
    assert decision.void_reason == "wrong team"
    assert panel.model.data(panel.model.index(0, Column.FLAGS)) == "void"
    assert not panel.void_button.isEnabled()
    assert not panel.amend_button.isEnabled()


def test_the_log_filters(qtbot: QtBot, bridge: ExerciseBridge, panel: DecisionLogPanel) -> None:
    record_through(bridge, "Humanitarian one")
    record_through(bridge, "Country team one", team="unct")
    voided = record_through(bridge, "Country team two", team="unct")
    bridge.service.execute(c.VoidDecision(voided, "twice"))
    assert panel.count_label.text() == "3 decisions"
    choose(panel.team_combo, "unct")
    assert panel.model.rowCount() == 2
    click(qtbot, panel.voided_box)
    assert panel.model.rowCount() == 1
    assert panel.count_label.text() == "1 decision"
    choose(panel.team_combo, None)
    qtbot.keyClicks(panel.search_edit, "humanitarian")
    assert panel.model.rowCount() == 2  # the search waits for typing to pause
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert panel.model.criteria.text == "humanitarian"


def test_a_team_window_log_shows_its_team(qtbot: QtBot, bridge: ExerciseBridge) -> None:
    record_through(bridge, "Humanitarian one")
    record_through(bridge, "Country team one", team="unct")
    panel = DecisionLogPanel(bridge, team_id="unct")
    qtbot.addWidget(panel)
    assert not panel.team_combo.isVisibleTo(panel)
    assert panel.model.rowCount() == 1
    assert panel.current_filter().teams == ("unct",)


def test_actors_typed_one_after_another_are_all_added(
    qtbot: QtBot, bridge: ExerciseBridge, form: DecisionForm
) -> None:
    """Enter after an actor keeps the keyboard in the entry line: nothing typed is lost."""
    editor = form.consultations
    editor.entry.setFocus()
    for typed in ("unhcr", "wfp:inform", "ocha", "camp committee:j"):
        qtbot.keyClicks(editor.entry, typed)
        qtbot.keyClick(editor.entry, Qt.Key.Key_Return)
    assert editor.consultations() == (
        Consultation("unhcr", ConsultMode.CONSULT),
        Consultation("wfp", ConsultMode.INFORM),
        Consultation("ocha", ConsultMode.CONSULT),
        Consultation("idp-leaders", ConsultMode.JOINT),
    )
