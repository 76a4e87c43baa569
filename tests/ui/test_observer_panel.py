"""The observer's panel: observations and ratings entered by clicking and typing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.domain.enums import ObservationKind, Rating
from desktop.ui.decisions.void_dialog import VoidDialog
from desktop.ui.exercise_bridge import ExerciseBridge
from desktop.ui.observer.observation_model import ObservationModel
from desktop.ui.observer.observer_panel import ObserverPanel
from tests.ui.documents import new_console


@pytest.fixture
def bridge(tmp_path: Path, qapp: QApplication) -> Iterator[ExerciseBridge]:
    service = new_console(tmp_path)
    service.execute(c.Release("conv-01"))
    service.execute(c.Release("donor-01"))
    bridge = ExerciseBridge(service)
    yield bridge
    bridge.close()


@pytest.fixture
def panel(qtbot: QtBot, bridge: ExerciseBridge) -> ObserverPanel:
    panel = ObserverPanel(bridge)
    qtbot.addWidget(panel)
    panel.resize(600, 1200)  # the panel lives in a tall, narrow dock
    panel.show()
    return panel


def _choose(combo: QComboBox, data: str) -> None:
    position = combo.findData(data)
    assert position >= 0, f"{data} is not offered"
    combo.setCurrentIndex(position)


def _type_observer(qtbot: QtBot, panel: ObserverPanel, name: str) -> None:
    line = panel.observer_combo.lineEdit()
    assert isinstance(line, QLineEdit)
    line.clear()
    qtbot.keyClicks(line, name)


def test_records_a_strength_for_a_team_objective_and_inject(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    form = panel.observation_form
    _type_observer(qtbot, panel, "Ana Silva")
    _choose(form.team_combo, "humanitarian")
    _choose(form.objective_combo, "principled-humanitarian")
    # Only the team's released injects are offered.
    offered = [form.inject_combo.itemData(i) for i in range(form.inject_combo.count())]
    assert offered == [None, "conv-01"]
    _choose(form.inject_combo, "conv-01")
    assert not form.record_button.isEnabled()
    qtbot.mouseClick(form.strength_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.text_edit, "OCHA led the access talks.")
    assert form.record_button.isEnabled()

    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    (entry,) = bridge.service.observations()
    assert (entry.observer, entry.team, entry.objective, entry.inject) == (
        "Ana Silva",
        "humanitarian",
        "principled-humanitarian",
        "conv-01",
    )
    assert entry.kind is ObservationKind.STRENGTH
    assert entry.text == "OCHA led the access talks."
    assert panel.observation_model.rowCount() == 1
    assert form.text_edit.toPlainText() == ""
    assert form.kind() is None
    assert panel.observer_combo.findText("Ana Silva") >= 0


def test_an_observation_needs_an_observer_name(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    form = panel.observation_form
    qtbot.mouseClick(form.improvement_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.text_edit, "Nobody consulted UNHCR.")

    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    assert bridge.service.observations() == ()
    assert "name" in panel.status_label.text()
    assert form.text_edit.toPlainText() == "Nobody consulted UNHCR."


def test_records_ratings_with_the_keyboard_and_shows_them_in_the_matrix(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    form = panel.rating_form
    _type_observer(qtbot, panel, "Ben")
    _choose(form.team_combo, "unct")
    _choose(form.objective_combo, "integrated-planning")
    assert not form.record_button.isEnabled()

    for key, expected in (
        (Qt.Key.Key_1, Rating.P),
        (Qt.Key.Key_2, Rating.S),
        (Qt.Key.Key_3, Rating.M),
        (Qt.Key.Key_4, Rating.U),
        (Qt.Key.Key_P, Rating.P),
        (Qt.Key.Key_M, Rating.M),
    ):
        qtbot.keyClick(form.rating_selector, key)
        assert form.rating_selector.rating() is expected
        assert form.rating_selector.button(expected).isChecked()
    qtbot.keyClick(form.rating_selector, Qt.Key.Key_2)
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    qtbot.keyClick(form.rating_selector, Qt.Key.Key_4)
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    ratings = bridge.service.ratings()
    assert [(r.rating, r.final) for r in ratings] == [(Rating.S, False), (Rating.U, False)]
    assert form.rating_selector.rating() is None
    row = [o.id for o in bridge.service.objectives()].index("integrated-planning")
    column = [t.id for t in bridge.service.teams()].index("unct")
    assert panel.matrix_model.index(row, column).data() == "U"


def test_a_final_rating_wins_in_the_matrix(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    form = panel.rating_form
    _type_observer(qtbot, panel, "Lead evaluator")
    _choose(form.team_combo, "humanitarian")
    _choose(form.objective_combo, "principled-humanitarian")
    qtbot.keyClick(form.rating_selector, Qt.Key.Key_S)
    # On the box itself: a check box takes clicks on its box and label, not the empty
    # width beyond them.
    box = QPoint(8, form.final_check.height() // 2)
    qtbot.mouseClick(form.final_check, Qt.MouseButton.LeftButton, pos=box)
    qtbot.keyClicks(form.note_edit, "Consensus after the hotwash")
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.rating_selector.button(Rating.U), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.record_button, Qt.MouseButton.LeftButton)

    first, second = bridge.service.ratings()
    assert (first.rating, first.final, first.note) == (
        Rating.S,
        True,
        "Consensus after the hotwash",
    )
    assert (second.rating, second.final) == (Rating.U, False)
    assert not form.final_check.isChecked()
    row = [o.id for o in bridge.service.objectives()].index("principled-humanitarian")
    column = [t.id for t in bridge.service.teams()].index("humanitarian")
    assert panel.matrix_model.index(row, column).data() == "S ✓"


def test_voids_an_observation_with_a_reason(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    bridge.service.execute(
        c.RecordObservation(
            "Ana", "unct", "integrated-planning", ObservationKind.IMPROVEMENT, "Wrong team"
        )
    )
    assert panel.observation_model.rowCount() == 1
    assert not panel.void_button.isEnabled()
    view = panel.observation_view
    cell = view.visualRect(view.model().index(0, ObservationModel.TEXT))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert panel.void_button.isEnabled()

    answered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VoidDialog):
            QTimer.singleShot(20, answer)
            return
        answered.append(dialog.windowTitle())
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.reason_edit, "Entered for the wrong team")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(panel.void_button, Qt.MouseButton.LeftButton)

    assert answered
    (entry,) = bridge.service.observations()
    assert entry.voided
    assert not panel.void_button.isEnabled()
    font = panel.observation_model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    assert font.strikeOut()


def test_cancelling_the_void_keeps_the_observation(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    bridge.service.execute(
        c.RecordObservation("Ana", "unct", "integrated-planning", ObservationKind.STRENGTH, "Good")
    )
    view = panel.observation_view
    cell = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VoidDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.accept()  # refused without a reason
        assert dialog.isVisible()
        dialog.reject()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(panel.void_button, Qt.MouseButton.LeftButton)

    assert not bridge.service.observations()[0].voided
    assert panel.void_button.isEnabled()


def test_voids_the_rating_a_cell_shows(
    qtbot: QtBot, panel: ObserverPanel, bridge: ExerciseBridge
) -> None:
    service = bridge.service
    service.execute(c.RecordRating("Ana", "unct", "integrated-planning", Rating.S))
    service.execute(c.RecordRating("Lead", "unct", "integrated-planning", Rating.U, final=True))
    row = [o.id for o in service.objectives()].index("integrated-planning")
    column = [t.id for t in service.teams()].index("unct")
    view = panel.matrix_view
    assert not panel.void_rating_button.isEnabled()
    rect = view.visualRect(panel.matrix_model.index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.void_rating_button.isEnabled()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, VoidDialog):
            QTimer.singleShot(20, answer)
            return
        qtbot.keyClicks(dialog.reason_edit, "Not agreed yet")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(panel.void_rating_button, Qt.MouseButton.LeftButton)

    assert [r.voided for r in service.ratings()] == [False, True]
    assert panel.matrix_model.index(row, column).data() == "S"


def test_follows_changes_made_elsewhere(panel: ObserverPanel, bridge: ExerciseBridge) -> None:
    bridge.service.execute(c.Release("poc-01"))
    form = panel.observation_form
    _choose(form.team_combo, "humanitarian")
    offered = [form.inject_combo.itemData(i) for i in range(form.inject_combo.count())]
    assert "poc-01" in offered

    bridge.service.execute(c.RecordRating("Carla", "leadership", "local-ownership", Rating.M))
    assert panel.observer_combo.findText("Carla") >= 0
    row = [o.id for o in bridge.service.objectives()].index("local-ownership")
    column = [t.id for t in bridge.service.teams()].index("leadership")
    assert panel.matrix_model.index(row, column).data() == "M"


def test_every_input_has_an_accessible_name(panel: ObserverPanel) -> None:
    from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QTableView

    inputs = [
        *panel.findChildren(QComboBox),
        *panel.findChildren(QPlainTextEdit),
        *panel.findChildren(QAbstractButton),
        *panel.findChildren(QTableView),
        panel.rating_form.note_edit,
        panel.rating_form.rating_selector,
    ]
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()}"
        for widget in inputs
        if not widget.accessibleName() and not widget.objectName().startswith("qt_")
    ]
    assert unnamed == []
