"""A team's window shows what that team was sent, and nothing meant for control or others."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.team_window import TeamWindow
from tests.ui.documents import new_console


@pytest.fixture
def bridge(tmp_path: Path, qapp: QApplication) -> Iterator[ExerciseBridge]:
    service = new_console(tmp_path)
    for inject in ("conv-01", "donor-01", "donor-01a"):
        service.execute(c.Release(inject))
    bridge = ExerciseBridge(service)
    yield bridge
    bridge.close()


class FormStandIn(QLabel):
    """Stands in for the decision form, and remembers the inject the team is reading."""

    def __init__(self, team_id: str) -> None:
        super().__init__(f"decision form for {team_id}")
        self.team_id = team_id
        self.inject: str | None = None

    def set_inject(self, inject: str) -> None:
        self.inject = inject


def _stand_in(bridge: ExerciseBridge, team_id: str) -> QWidget:
    return FormStandIn(team_id)


@pytest.fixture
def window(qtbot: QtBot, bridge: ExerciseBridge) -> TeamWindow:
    window = TeamWindow(bridge, "humanitarian", decision_form_factory=_stand_in)
    qtbot.addWidget(window)
    return window


def _select(window: TeamWindow, key: str) -> str:
    row = window.feed_keys().index(key)
    window.feed_list.setCurrentRow(row)
    return window.detail_view.toPlainText()


def test_lists_only_the_teams_released_injects_newest_first(
    window: TeamWindow, bridge: ExerciseBridge
) -> None:
    assert window.feed_keys() == ["inject:donor-01a", "inject:conv-01"]
    assert "Humanitarian agencies" in window.windowTitle()
    assert "Coherence" in window.windowTitle()
    texts = [window.feed_list.item(row).text() for row in range(window.feed_list.count())]
    others = ("donor-01", "poc-01", "conv-01a", "elec-01")  # another team's, or unreleased
    for other in others:
        assert not any(bridge.service.inject(other).title in text for text in texts)


def test_never_shows_expectations_or_evaluator_notes(
    window: TeamWindow, bridge: ExerciseBridge
) -> None:
    for key in window.feed_keys():
        view = bridge.service.inject(key.removeprefix("inject:"))
        shown = _select(window, key)
        assert view.title in shown
        assert view.body.split()[-1] in shown
        assert view.evaluator_notes.split()[0]
        assert " ".join(view.evaluator_notes.split()[:6]) not in " ".join(shown.split())
        for line in view.expectation.splitlines():
            assert line not in shown


def test_shows_attachments_as_images(window: TeamWindow) -> None:
    _select(window, "inject:conv-01")
    assert "<img" in window.detail_view.toHtml()
    assert "ivuna-district.svg" in window.detail_view.toPlainText()


def test_a_new_inject_arrives_marked_until_read(window: TeamWindow, bridge: ExerciseBridge) -> None:
    assert window.unread_keys() == frozenset()
    assert not window.windowTitle().startswith("•")

    bridge.service.execute(c.Release("poc-01"))  # to the humanitarian team
    bridge.service.execute(c.Release("elec-01"))  # not to it

    assert window.feed_keys()[0] == "inject:poc-01"
    assert "inject:elec-01" not in window.feed_keys()
    assert window.unread_keys() == {"inject:poc-01"}
    assert window.windowTitle().startswith("•")
    item = window.feed_list.item(0)
    assert item.font().bold()
    assert "1 new" in window.unread_label.text()

    _select(window, "inject:poc-01")

    assert window.unread_keys() == frozenset()
    assert not window.feed_list.item(0).font().bold()
    assert isinstance(window.feed_list.item(0).font(), QFont)
    assert window.unread_label.text() == ""


def test_the_title_mark_clears_when_the_window_is_focused(
    qtbot: QtBot, window: TeamWindow, bridge: ExerciseBridge
) -> None:
    bridge.service.execute(c.Release("poc-01"))
    assert window.windowTitle().startswith("•")

    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.windowTitle().startswith("•"))


def test_replies_to_the_team_appear_in_time_order(
    window: TeamWindow, bridge: ExerciseBridge
) -> None:
    service = bridge.service
    service.execute(
        c.ReplyAsControl("humanitarian", "ivdf", "Come to the bridge unarmed.", "conv-01")
    )
    service.execute(c.ReplyAsControl("unct", "donor", "The ambassador waits for you."))

    keys = window.feed_keys()
    assert keys[0] == "reply:0"
    assert len(keys) == 3
    shown = _select(window, "reply:0")
    assert "Come to the bridge unarmed." in shown
    assert "IVDF" in shown
    texts = [window.feed_list.item(row).text() for row in range(window.feed_list.count())]
    assert not any("ambassador" in text for text in texts)


def test_the_form_is_the_teams_and_hears_which_inject_is_read(window: TeamWindow) -> None:
    form = window.decision_form
    assert isinstance(form, FormStandIn)
    assert form.team_id == "humanitarian"
    _select(window, "inject:conv-01")
    assert form.inject == "conv-01"


def test_header_shows_the_clock(window: TeamWindow, bridge: ExerciseBridge) -> None:
    assert window.clock_label.text() == bridge.service.clock_status().stamp
    assert window.phase_label.text() == "Stabilization"
    assert window.state_label.text() == "PAUSED"
    bridge.service.execute(c.Resume())
    assert window.state_label.text() == ""


def test_the_real_decision_form_is_the_default(qtbot: QtBot, bridge: ExerciseBridge) -> None:
    from desktop.ui.decisions.decision_form import DecisionForm

    window = TeamWindow(bridge, "unct")
    qtbot.addWidget(window)
    assert isinstance(window.decision_form, DecisionForm)
    assert window.decision_form.team_id() == "unct"
    assert window.feed_keys() == ["inject:donor-01a", "inject:donor-01"]
