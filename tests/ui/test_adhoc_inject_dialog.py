# pytest-qt's QtBot and ModelTester methods are untyped (mypy 2 flags calls to them).
"""The dialog for writing an ad-hoc inject during play."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.domain.enums import Channel
from desktop.services.console import ConsoleService
from desktop.services.console_views import InjectDisplayStatus
from desktop.ui.console.adhoc_inject_dialog import AdhocInjectDialog
from tests.ui.documents import new_console


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ConsoleService]:
    service = new_console(tmp_path)
    yield service
    service.close()


@pytest.fixture
def dialog(qtbot: QtBot, service: ConsoleService) -> AdhocInjectDialog:
    dialog = AdhocInjectDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _check_target(qtbot: QtBot, dialog: AdhocInjectDialog, target_id: str) -> None:
    """Tick a target the way a keyboard user does: move to it and press Space."""
    targets = dialog.targets_list
    for row in range(targets.count()):
        if targets.item(row).data(Qt.ItemDataRole.UserRole) == target_id:
            targets.setCurrentRow(row)
            break
    else:
        raise AssertionError(target_id)
    targets.setFocus()
    qtbot.keyClick(targets, Qt.Key.Key_Space)


def test_ok_waits_for_a_title_and_a_target(qtbot: QtBot, dialog: AdhocInjectDialog) -> None:
    assert not dialog.ok_button.isEnabled()
    assert "title" in dialog.problem_label.text()
    assert "team or actor" in dialog.problem_label.text()

    qtbot.keyClicks(dialog.title_edit, "Rumour of an attack on the camp")
    assert not dialog.ok_button.isEnabled()
    assert "title" not in dialog.problem_label.text()

    _check_target(qtbot, dialog, "humanitarian")
    assert dialog.targets() == ("humanitarian",)
    assert dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == ""

    dialog.title_edit.clear()
    assert not dialog.ok_button.isEnabled()


def test_the_inject_as_entered(qtbot: QtBot, dialog: AdhocInjectDialog) -> None:
    qtbot.keyClicks(dialog.title_edit, "  Journalist calls OCHA  ")
    dialog.sender_combo.setCurrentIndex(dialog.sender_combo.findData("idp-leaders"))
    _check_target(qtbot, dialog, "humanitarian")
    _check_target(qtbot, dialog, "srsg")
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("phone"))
    qtbot.mouseClick(dialog.public_check, Qt.MouseButton.LeftButton)
    dialog.phase_combo.setCurrentIndex(dialog.phase_combo.findData("transition"))
    qtbot.keyClicks(dialog.body_edit, "A **local** reporter asks about the convoy.")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted.value

    inject = dialog.inject()
    assert inject.id.startswith("adhoc-")
    assert len(inject.id) == len("adhoc-") + 8
    assert inject.id == dialog.inject().id  # stable
    assert inject.title == "Journalist calls OCHA"
    assert inject.sender == "idp-leaders"
    assert inject.to == ("humanitarian", "srsg")
    assert inject.channel is Channel.PHONE
    assert inject.public
    assert inject.phase == "transition"
    assert inject.body == "A **local** reporter asks about the convoy."
    assert inject.adhoc


def test_defaults_are_no_sender_and_the_phase_in_force(
    qtbot: QtBot, dialog: AdhocInjectDialog
) -> None:
    qtbot.keyClicks(dialog.title_edit, "Power cut at the camp")
    dialog.set_target_checked("all")
    inject = dialog.inject()
    assert inject.sender is None
    assert inject.to == ("all",)
    assert inject.channel is Channel.DOCUMENT
    assert not inject.public
    assert inject.phase == "stabilization"


def test_the_engine_accepts_the_inject(
    qtbot: QtBot, service: ConsoleService, dialog: AdhocInjectDialog
) -> None:
    qtbot.keyClicks(dialog.title_edit, "Power cut at the camp")
    dialog.set_target_checked("unct")
    dialog.sender_combo.setCurrentIndex(dialog.sender_combo.findData("interior"))
    service.execute(c.AddInject(dialog.inject()))
    view = service.inject(dialog.inject().id)
    assert view.status is InjectDisplayStatus.RELEASED
    assert view.adhoc
    assert view.sender_name == "Interior"
    assert view.teams == ("unct",)


def test_cancel_rejects(qtbot: QtBot, dialog: AdhocInjectDialog) -> None:
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
