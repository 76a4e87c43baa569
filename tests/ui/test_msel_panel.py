# pytest-qt's QtBot and ModelTester methods are untyped (mypy 2 flags calls to them).
"""The MSEL panel, the due-inject banner and the inject details, driven like a facilitator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.services.clocks import SimulatedClock
from desktop.services.console_views import InjectDisplayStatus
from desktop.ui.console.adhoc_inject_dialog import AdhocInjectDialog
from desktop.ui.console.attachment_viewer import AttachmentViewer
from desktop.ui.console.due_alert_widget import DueAlertWidget
from desktop.ui.console.inject_detail_widget import InjectDetailWidget
from desktop.ui.console.msel_model import MselColumn, MselModel
from desktop.ui.console.msel_panel import MselPanel
from desktop.ui.exercise_bridge import ExerciseBridge
from tests.ui.documents import new_console

# Qt's offscreen platform warns when a shown window's size constraints change.


@dataclass
class Console:
    bridge: ExerciseBridge
    clock: SimulatedClock
    panel: MselPanel


@pytest.fixture
def console(qtbot: QtBot, tmp_path: Path) -> Iterator[Console]:
    clock = SimulatedClock()
    bridge = ExerciseBridge(new_console(tmp_path, clock=clock))
    panel = MselPanel(bridge)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    panel.show()
    qtbot.waitExposed(panel)
    yield Console(bridge, clock, panel)
    bridge.close()


def _click_row(qtbot: QtBot, panel: MselPanel, inject_id: str) -> None:
    source = panel.model.index(panel.model.row_of(inject_id), MselColumn.TITLE)
    index = panel.proxy.mapFromSource(source)
    assert index.isValid(), f"{inject_id} is not shown"
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = panel.selected_inject()
    assert selected is not None
    assert selected.id == inject_id


def _status_cell(panel: MselPanel, inject_id: str) -> object:
    return panel.model.data(panel.model.index(panel.model.row_of(inject_id), MselColumn.STATUS))


def _status(console: Console, inject_id: str) -> InjectDisplayStatus:
    return console.bridge.service.inject(inject_id).status


def test_actions_have_the_menu_shortcuts(console: Console) -> None:
    panel = console.panel
    assert panel.release_action.shortcut() == QKeySequence("Ctrl+R")
    assert panel.hold_action.shortcut() == QKeySequence("Ctrl+H")
    assert panel.skip_action.shortcut() == QKeySequence("Ctrl+K")
    assert panel.add_adhoc_action.shortcut() == QKeySequence("Ctrl+I")
    # Nothing selected: nothing to release, hold or skip.
    assert not panel.release_button.isEnabled()
    assert not panel.hold_button.isEnabled()
    assert not panel.skip_button.isEnabled()
    assert panel.add_adhoc_button.isEnabled()


def test_selecting_and_releasing_an_inject(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    with qtbot.waitSignal(panel.sig_inject_selected) as selected:
        _click_row(qtbot, panel, "conv-01")
    assert selected.args == ["conv-01"]
    assert panel.release_button.isEnabled()

    qtbot.mouseClick(panel.release_button, Qt.MouseButton.LeftButton)

    assert _status(console, "conv-01") is InjectDisplayStatus.RELEASED
    assert _status_cell(panel, "conv-01") == "Released"
    assert panel.selected_inject() is not None  # the selection survives the refresh
    assert not panel.release_button.isEnabled()
    assert not panel.hold_button.isEnabled()
    assert not panel.skip_button.isEnabled()


def test_holding_an_inject(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    _click_row(qtbot, panel, "donor-01")
    qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
    assert _status(console, "donor-01") is InjectDisplayStatus.HELD
    assert _status_cell(panel, "donor-01") == "Held"
    assert not panel.hold_button.isEnabled()
    assert panel.release_button.isEnabled()
    assert panel.skip_button.isEnabled()


def test_skipping_asks_for_a_reason(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    _click_row(qtbot, panel, "au-01")
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)

    dialog = panel.findChild(QDialog, "skipReasonDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    reason = dialog.findChild(QLineEdit)
    ok = dialog.ok_button  # type: ignore[attr-defined]
    assert not ok.isEnabled()  # a reason is required
    qtbot.keyClicks(reason, "Teams are running late")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    view = console.bridge.service.inject("au-01")
    assert view.status is InjectDisplayStatus.SKIPPED
    assert view.skip_reason == "Teams are running late"
    assert _status_cell(panel, "au-01") == "Skipped"
    assert not panel.skip_button.isEnabled()
    assert not panel.hold_button.isEnabled()


def test_cancelling_the_skip_changes_nothing(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    _click_row(qtbot, panel, "au-01")
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(QDialog, "skipReasonDialog")
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _status(console, "au-01") is InjectDisplayStatus.PENDING


def test_filters_reduce_the_rows(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    assert panel.proxy.rowCount() == 11
    assert panel.count_label.text() == "11 injects"

    panel.team_combo.setCurrentIndex(panel.team_combo.findData("leadership"))
    leadership = {v.id for v in console.bridge.service.injects() if "leadership" in v.teams}
    assert panel.proxy.rowCount() == len(leadership) < 11
    assert panel.count_label.text() == f"{len(leadership)} of 11 injects"
    panel.team_combo.setCurrentIndex(0)

    _click_row(qtbot, panel, "conv-01")
    qtbot.mouseClick(panel.release_button, Qt.MouseButton.LeftButton)
    panel.status_combo.setCurrentIndex(panel.status_combo.findText("Released"))
    assert panel.proxy.rowCount() == 1
    panel.status_combo.setCurrentIndex(panel.status_combo.findText("Not yet released"))
    assert panel.proxy.rowCount() == 10
    panel.status_combo.setCurrentIndex(0)

    panel.phase_combo.setCurrentIndex(panel.phase_combo.findData("consolidation"))
    assert panel.proxy.rowCount() == 2  # au-01 and flood-01
    panel.phase_combo.setCurrentIndex(0)

    qtbot.keyClicks(panel.search_edit, "FLOOD")
    assert panel.proxy.rowCount() == 1
    panel.search_edit.clear()
    assert panel.proxy.rowCount() == 11


def test_due_alert_lists_due_injects_and_releases_them(qtbot: QtBot, console: Console) -> None:
    bridge = console.bridge
    window = QWidget()
    qtbot.addWidget(window)
    alert = DueAlertWidget(bridge, window)
    window.show()
    assert alert.isHidden()  # nothing is due at D+0 08:00

    # Without automatic release, the clock brings conv-01 (D+0 09:00) due.
    bridge.execute(c.SetAutoRelease(False), None)
    bridge.execute(c.Resume(), None)
    bridge.start_ticking()
    console.clock.tick(2 * 3600)
    qtbot.waitUntil(lambda: not alert.isHidden(), timeout=5000)
    assert alert.due_ids() == ("conv-01",)
    qtbot.waitUntil(lambda: _status_cell(console.panel, "conv-01") == "Due", timeout=5000)

    with qtbot.waitSignal(alert.sig_inject_requested) as requested:
        qtbot.mouseClick(alert.show_button("conv-01"), Qt.MouseButton.LeftButton)
    assert requested.args == ["conv-01"]

    qtbot.mouseClick(alert.release_button("conv-01"), Qt.MouseButton.LeftButton)
    assert _status(console, "conv-01") is InjectDisplayStatus.RELEASED
    assert alert.isHidden()
    assert alert.due_ids() == ()


def test_show_from_the_alert_selects_the_inject(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    alert = DueAlertWidget(console.bridge)
    qtbot.addWidget(alert)
    alert.sig_inject_requested.connect(panel.select_inject)
    console.bridge.execute(c.SetAutoRelease(False), None)
    console.bridge.execute(c.Jump(24 * 60 + 11 * 60), None)  # D+1 11:00
    assert set(alert.due_ids()) == {"conv-01", "donor-01"}

    qtbot.keyClicks(panel.search_edit, "election")  # hides both
    qtbot.mouseClick(alert.show_button("donor-01"), Qt.MouseButton.LeftButton)
    selected = panel.selected_inject()
    assert selected is not None
    assert selected.id == "donor-01"
    assert panel.search_edit.text() == ""


def test_detail_shows_body_control_section_and_image(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    detail = InjectDetailWidget(console.bridge)
    qtbot.addWidget(detail)
    detail.show()
    panel.sig_inject_selected.connect(detail.show_inject)
    assert detail.inject_id is None

    _click_row(qtbot, panel, "conv-01")
    assert detail.inject_id == "conv-01"
    assert detail.title_label.text() == "Food convoy turned back at the Ulongo bridge"
    assert "nine trucks" in detail.body_browser.toPlainText()
    assert detail.sender_label.text() == "IVDF"
    assert not detail.control_frame.isHidden()
    assert "consult all of: OCHA" in detail.expectation_label.text()
    assert "access negotiation" in detail.notes_label.text()
    image = detail.findChild(QLabel, "attachmentImage")
    assert image is not None
    assert not image.pixmap().isNull()
    assert image.pixmap().width() > 50
    # The picture opens at full size in its own window.
    enlarge = detail.findChild(QPushButton, "attachmentEnlarge")
    assert enlarge is not None
    qtbot.mouseClick(enlarge, Qt.MouseButton.LeftButton)
    viewer = detail.findChild(AttachmentViewer)
    assert viewer is not None
    assert viewer.isVisible()
    assert viewer.image.pixmap().width() > image.pixmap().width()
    viewer.close()

    # Markdown is rendered, not shown as marks.
    detail.show_inject("donor-01a")
    text = detail.body_browser.toPlainText()
    assert "Radio Lomara, evening news." in text
    assert "**" not in text
    assert detail.attachments_heading.isHidden()  # donor-01a has no attachment

    # The detail follows the exercise.
    detail.show_inject("conv-01")
    assert "Pending" in detail.status_label.text()
    console.bridge.execute(c.Release("conv-01"), None)
    assert "Released" in detail.status_label.text()

    detail.show_inject(None)
    assert detail.inject_id is None


def test_adding_an_adhoc_inject_from_the_panel(qtbot: QtBot, console: Console) -> None:
    panel = console.panel
    qtbot.mouseClick(panel.add_adhoc_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(AdhocInjectDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title_edit, "Journalist asks about the convoy")
    dialog.set_target_checked("humanitarian")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert panel.model.rowCount() == 12
    selected = panel.selected_inject()
    assert selected is not None
    assert selected.title == "Journalist asks about the convoy"
    assert selected.adhoc
    assert selected.status is InjectDisplayStatus.RELEASED
    row = panel.model.row_of(selected.id)
    view = panel.model.data(panel.model.index(row, 0), MselModel.ObjectRole)
    assert view == console.bridge.service.inject(selected.id)
