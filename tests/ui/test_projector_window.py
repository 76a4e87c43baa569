"""The room's screen: clock, phase, pause sign and public news only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.services.clocks import SimulatedClock
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.projector_window import ProjectorWindow
from tests.ui.documents import new_console


@pytest.fixture
def clock() -> SimulatedClock:
    return SimulatedClock()


@pytest.fixture
def bridge(tmp_path: Path, clock: SimulatedClock, qapp: QApplication) -> Iterator[ExerciseBridge]:
    bridge = ExerciseBridge(new_console(tmp_path, clock=clock))
    yield bridge
    bridge.close()


@pytest.fixture
def window(qtbot: QtBot, bridge: ExerciseBridge) -> ProjectorWindow:
    window = ProjectorWindow(bridge)
    qtbot.addWidget(window)
    window.show()
    return window


def test_shows_the_scenario_clock_date_and_phase(
    window: ProjectorWindow, bridge: ExerciseBridge, clock: SimulatedClock
) -> None:
    service = bridge.service
    assert "Coherence" in window.windowTitle()
    assert window.clock_label.text() == service.clock_status().stamp == "D+0 08:00"
    assert "2031" in window.date_label.text()
    assert window.phase_label.text() == "Stabilization"

    service.execute(c.Resume())
    clock.tick(25 * 60)
    service.tick()
    bridge.sig_ticked.emit()

    assert window.clock_label.text() == service.clock_status().stamp == "D+0 08:25"


def test_the_paused_sign_follows_the_clock(window: ProjectorWindow, bridge: ExerciseBridge) -> None:
    assert window.paused_label.isVisible()
    assert window.paused_label.text() == "PAUSED"

    bridge.service.execute(c.Resume())
    assert not window.paused_label.isVisible()

    bridge.service.execute(c.Pause("lunch"))
    assert window.paused_label.isVisible()


def test_shows_only_released_public_injects_newest_first(
    window: ProjectorWindow, bridge: ExerciseBridge
) -> None:
    service = bridge.service
    assert window.card_titles() == []
    assert window.empty_label.isVisible()

    service.execute(c.Release("conv-01"))  # sent to one team, not public
    assert window.card_titles() == []

    service.execute(c.Release("donor-01a"))
    public = service.inject("donor-01a")
    assert public.public
    assert window.card_titles() == [public.title]
    assert not window.empty_label.isVisible()
    texts = [label.text() for label in window.findChildren(type(window.clock_label))]
    assert not any(service.inject("conv-01").title in text for text in texts)
    assert not any(public.evaluator_notes[:30] in text for text in texts)


def test_dark_switch_changes_the_palette(qtbot: QtBot, window: ProjectorWindow) -> None:
    light = window.palette().color(QPalette.ColorRole.Window)
    assert not window.is_dark()

    qtbot.keyClick(window, Qt.Key.Key_D)

    assert window.is_dark()
    dark = window.palette().color(QPalette.ColorRole.Window)
    assert dark != light
    assert dark.lightness() < light.lightness()

    window.set_dark(False)
    assert window.palette().color(QPalette.ColorRole.Window) == light


def test_fonts_grow_with_the_window(qtbot: QtBot, window: ProjectorWindow) -> None:
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.size().width() == 1280)
    small = window.clock_label.font().pointSizeF()

    window.resize(2560, 1440)
    qtbot.waitUntil(lambda: window.clock_label.font().pointSizeF() > small * 1.5)


def test_full_screen_keys(qtbot: QtBot, window: ProjectorWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
