"""Control replying to a team as a role-player."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.ui.decisions.reply_dialog import ReplyDialog
from desktop.ui.exercise_bridge import ExerciseBridge
from tests.ui.documents import new_console


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[ExerciseBridge]:
    service = new_console(tmp_path)
    service.execute(c.Release("conv-01"))
    exercise = ExerciseBridge(service)
    yield exercise
    exercise.close()


def test_played_actors_come_first(qtbot: QtBot, bridge: ExerciseBridge) -> None:
    dialog = ReplyDialog(bridge)
    qtbot.addWidget(dialog)
    combo = dialog.sender_combo
    senders = [combo.itemData(i) for i in range(combo.count())]
    in_teams = {actor for team in bridge.service.teams() for actor in team.actors}
    played = [actor.id for actor in bridge.service.scenario.actors if actor.id not in in_teams]
    assert "nec" in played
    assert senders[: len(played)] == played
    assert senders[len(played)] is None  # the separator
    assert set(senders[len(played) + 1 :]) == in_teams
    assert combo.itemText(senders.index("nec")) == "NEC"


def test_reply_builds_the_command(qtbot: QtBot, bridge: ExerciseBridge) -> None:
    dialog = ReplyDialog(bridge, team_id="humanitarian")
    qtbot.addWidget(dialog)
    assert dialog.team_combo.currentData() == "humanitarian"
    assert not dialog.send_button.isEnabled()
    dialog.sender_combo.setCurrentIndex(dialog.sender_combo.findData("ivdf"))
    dialog.inject_combo.setCurrentIndex(dialog.inject_combo.findData("conv-01"))
    qtbot.keyClicks(dialog.text_edit, "Send OCHA, not soldiers.")
    assert dialog.send_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    command = dialog.command()
    assert command == c.ReplyAsControl(
        "humanitarian", "ivdf", "Send OCHA, not soldiers.", "conv-01"
    )
    assert bridge.execute(command, dialog) is not None
    (reply,) = bridge.service.replies("humanitarian")
    assert reply.text == "Send OCHA, not soldiers."


def test_no_inject_is_the_default(qtbot: QtBot, bridge: ExerciseBridge) -> None:
    dialog = ReplyDialog(bridge, team_id="unct")
    qtbot.addWidget(dialog)
    dialog.sender_combo.setCurrentIndex(dialog.sender_combo.findData("nec"))
    qtbot.keyClicks(dialog.text_edit, "   ")
    assert not dialog.send_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "The timetable stands.")
    assert dialog.command() == c.ReplyAsControl("unct", "nec", "The timetable stands.", None)
    assert [dialog.inject_combo.itemData(i) for i in range(dialog.inject_combo.count())] == [
        None,
        "conv-01",
    ]
