"""The new-exercise wizard, driven page by page through its widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from desktop.services.summary import summarize
from desktop.ui.settings import AppSettings
from desktop.ui.wizard.new_exercise_wizard import NewExerciseWizard
from desktop.ui.wizard.teams_page import IdRole

# The offscreen platform says this whenever a top-level window is shown.

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def wizard(qtbot: QtBot) -> Iterator[NewExerciseWizard]:
    shown = NewExerciseWizard(AppSettings())
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: shown.pack_page.loaded() is not None, timeout=20_000)
    yield shown
    shown.close()


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, LEFT)


def press(wizard: NewExerciseWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{button.text()} is disabled"
    click(button)


def click_item(
    view: QListWidget, item: QListWidgetItem, modifier: Qt.KeyboardModifier = NONE
) -> None:
    view.scrollToItem(item)
    QTest.mouseClick(view.viewport(), LEFT, modifier, view.visualItemRect(item).center())


def find_item(view: QListWidget, actor: str) -> QListWidgetItem:
    for row in range(view.count()):
        item = view.item(row)
        if item is not None and item.data(IdRole) == actor:
            return item
    raise AssertionError(f"{actor} is not listed")


def actors_in(view: QListWidget) -> set[str]:
    return {str(view.item(row).data(IdRole)) for row in range(view.count())}


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)


def choose_pack(qtbot: QtBot, wizard: NewExerciseWizard, pack_id: str) -> None:
    view = wizard.pack_page.pack_list
    for row in range(view.count()):
        item = view.item(row)
        assert item is not None
        if item.data(Qt.ItemDataRole.UserRole).id == pack_id:
            click_item(view, item)
            break
    else:
        raise AssertionError(f"pack {pack_id} is not listed")
    qtbot.waitUntil(
        lambda: (loaded := wizard.pack_page.loaded()) is not None and loaded.scenario.id == pack_id,
        timeout=20_000,
    )


def choose_other_team(wizard: NewExerciseWizard, team_id: str) -> None:
    combo = wizard.teams_page.other_combo
    index = combo.findData(team_id)
    assert index >= 0
    combo.setFocus()
    while combo.currentIndex() != index:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)


def write_csv(folder: Path, text: str) -> Path:
    path = folder / "participants.csv"
    path.write_text(text, encoding="utf-8")
    return path


def finish(qtbot: QtBot, wizard: NewExerciseWizard) -> list[object]:
    with qtbot.waitSignal(wizard.sig_created, timeout=20_000) as blocker:
        press(wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    return list(blocker.args or [])


def test_bundled_pack_end_to_end(
    qtbot: QtBot, wizard: NewExerciseWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (a) The bundled packs are listed, with details.
    listed = {
        wizard.pack_page.pack_list.item(row).data(Qt.ItemDataRole.UserRole).id
        for row in range(wizard.pack_page.pack_list.count())
    }
    assert {"integrated-mission-exercise", "civmil-snap-situations"} <= listed
    choose_pack(qtbot, wizard, "integrated-mission-exercise")
    assert "Nurenda" in wizard.pack_page.details.toPlainText()
    assert "injects" in wizard.pack_page.details.toPlainText()
    press(wizard, QWizard.WizardButton.NextButton)

    # (b) Rename the first team, move one of its actors out and another in.
    teams = wizard.teams_page
    assert wizard.currentPage() is teams
    draft = teams.current_draft()
    assert draft is not None
    assert draft.id == "leadership"
    type_into(teams.name_edit, "SRSG's office")
    assert "SRSG's office" in teams.team_list.item(0).text()
    click_item(teams.member_list, find_item(teams.member_list, "pio"))
    click(teams.remove_button)
    assert "pio" not in actors_in(teams.member_list)
    assert "pio" in actors_in(teams.other_list)  # now in no team
    choose_other_team(wizard, "force-police")
    click_item(teams.other_list, find_item(teams.other_list, "undss"))
    click(teams.add_button)
    assert "undss" in actors_in(teams.member_list)
    press(wizard, QWizard.WizardButton.NextButton)

    # (c) One participant typed in, two from a CSV file (one row has a problem).
    people = wizard.participants_page
    assert wizard.currentPage() is people
    type_into(people.name_edit, "A. Mensah")
    people.team_combo.setFocus()
    QTest.keyClick(people.team_combo, Qt.Key.Key_Down)  # the second team
    assert people.team_combo.currentData() == "rchc-unct"
    type_into(people.role_edit, "Scribe")
    QTest.keyClick(people.role_edit, Qt.Key.Key_Return)
    assert people.table.rowCount() == 1
    assert wizard.currentPage() is people  # Enter added the row, it did not go on
    csv_file = write_csv(
        tmp_path,
        "name;team;role\nB. Okafor;SRSG's office;Lead\nC. Diallo;force-polic;\n"
        "D. Haile;Force-Police;\n",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(csv_file), ""))
    click(people.import_button)
    assert people.table.rowCount() == 3
    problems = people.problems_label.text()
    assert "2 participant(s) imported" in problems
    assert "participants.csv:3: unknown team 'force-polic' (did you mean 'force-police'?)" in (
        problems
    )
    press(wizard, QWizard.WizardButton.NextButton)

    # (d) Clock.
    clock = wizard.clock_page
    assert wizard.currentPage() is clock
    type_into(clock.rate_spin, "120")
    assert clock.rate() == 120.0
    assert "2 scenario hours" in clock.rate_label.text()
    clock.auto_check.setFocus()
    QTest.keyClick(clock.auto_check, Qt.Key.Key_Space)
    assert not clock.auto_release()
    press(wizard, QWizard.WizardButton.NextButton)

    # (e) Save: the path is typed; the summary shows the teams.
    save = wizard.save_page
    assert wizard.currentPage() is save
    assert save.path_edit.text().endswith(".coherence")
    assert "integrated-mission-exercise-" in save.path_edit.text()
    assert "SRSG&#x27;s office" in save.summary_label.text()
    target = tmp_path / "nurenda-cohort"
    type_into(save.path_edit, str(target))
    path, rate = finish(qtbot, wizard)
    assert path == str(tmp_path / "nurenda-cohort.coherence")
    assert rate == 120.0
    assert wizard.result() == QWizard.DialogCode.Accepted.value

    summary = summarize(Path(str(path)))
    assert summary.scenario_id == "integrated-mission-exercise"
    assert summary.auto_release is False
    assert summary.rate == 120.0  # the clock will run at the chosen rate once started
    by_id = {team.id: team for team in summary.teams}
    assert by_id["leadership"].name == "SRSG's office"
    assert "pio" not in by_id["leadership"].actors
    assert "undss" in by_id["leadership"].actors
    assert "undss" not in by_id["force-police"].actors
    assert by_id["leadership"].participants == 1  # B. Okafor, by team name
    assert by_id["rchc-unct"].participants == 1  # A. Mensah
    assert by_id["force-police"].participants == 1  # D. Haile, by id in another case
    assert AppSettings().recent_documents() == [path]


def test_other_pack_folder_end_to_end(
    qtbot: QtBot, wizard: NewExerciseWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(MINI))
    before = wizard.pack_page.pack_list.count()
    click(wizard.pack_page.other_button)
    qtbot.waitUntil(
        lambda: (loaded := wizard.pack_page.loaded()) is not None and loaded.scenario.id == "mini",
        timeout=20_000,
    )
    assert wizard.pack_page.pack_list.count() == before + 1
    assert "Lomara" in wizard.pack_page.details.toPlainText()
    press(wizard, QWizard.WizardButton.NextButton)

    teams = wizard.teams_page
    teams.team_list.setCurrentRow(2)  # humanitarian: ocha, unhcr, wfp
    type_into(teams.name_edit, "Humanitarian country team")
    choose_other_team(wizard, "unct")
    click_item(teams.member_list, find_item(teams.member_list, "wfp"))
    click(teams.remove_button)  # straight into the UN Country Team
    assert "wfp" in actors_in(teams.other_list)
    press(wizard, QWizard.WizardButton.NextButton)

    people = wizard.participants_page
    type_into(people.name_edit, "E. Banda")
    click(people.add_button)
    csv_file = write_csv(tmp_path, "Team,Name\nhumanitarian country team,F. Sesay\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(csv_file), ""))
    click(people.import_button)
    assert [(p.name, p.team) for p in people.participants()] == [
        ("E. Banda", "leadership"),
        ("F. Sesay", "humanitarian"),
    ]
    press(wizard, QWizard.WizardButton.NextButton)
    type_into(wizard.clock_page.rate_spin, "30")
    press(wizard, QWizard.WizardButton.NextButton)

    target = tmp_path / "mini-run.coherence"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    click(wizard.save_page.browse_button)
    assert wizard.save_page.path() == target
    path, rate = finish(qtbot, wizard)
    assert (path, rate) == (str(target), 30.0)

    summary = summarize(target)
    assert summary.scenario_id == "mini"
    assert summary.auto_release is True
    by_id = {team.id: team for team in summary.teams}
    assert by_id["humanitarian"].name == "Humanitarian country team"
    assert by_id["humanitarian"].actors == ("ocha", "unhcr")
    assert by_id["unct"].actors == ("dsrsg-rchc", "undp", "wfp")
    assert by_id["leadership"].participants == 1
    assert by_id["humanitarian"].participants == 1


def test_a_bad_pack_shows_its_problems(
    qtbot: QtBot, wizard: NewExerciseWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: coherence-scenario/1\nid: bad\ntitle: Bad\nfoo: 1\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bad), ""))
    wizard.pack_page.file_action.trigger()
    qtbot.waitUntil(
        lambda: (
            wizard.pack_page.problems_dialog is not None
            and wizard.pack_page.problems_dialog.isVisible()
        ),
        timeout=20_000,
    )
    dialog = wizard.pack_page.problems_dialog
    assert dialog is not None
    assert any("bad.yaml:4:" in line and "foo" in line for line in dialog.problems)
    dialog.reject()
    # The good pack chosen before is still chosen.
    assert wizard.pack_page.loaded() is not None
    assert wizard.pack_page.isComplete()


def test_a_team_keeps_at_least_one_actor(qtbot: QtBot, wizard: NewExerciseWizard) -> None:
    choose_pack(qtbot, wizard, "civmil-snap-situations")
    press(wizard, QWizard.WizardButton.NextButton)
    teams = wizard.teams_page
    teams.member_list.setFocus()
    QTest.keyClick(teams.member_list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    count = teams.member_list.count()
    assert len(teams.member_list.selectedItems()) == count
    click(teams.remove_button)
    assert teams.member_list.count() == count
    assert "at least one actor" in teams.hint_label.text()
    # Emptying the other team by taking all its actors is refused too.
    choose_other_team(wizard, "ngos")
    teams.other_list.setFocus()
    QTest.keyClick(teams.other_list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    click(teams.add_button)
    assert teams.member_list.count() == count
    # A team without a name cannot go on.
    type_into(teams.name_edit, "")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_into(teams.name_edit, "Leaders")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # Nor can two teams share a name (participants are assigned by team name).
    teams.team_list.setCurrentRow(1)
    type_into(teams.name_edit, "leaders")
    assert "already has this name" in teams.hint_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    type_into(teams.name_edit, "Field")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def go_to_save_page(qtbot: QtBot, wizard: NewExerciseWizard) -> None:
    choose_pack(qtbot, wizard, "civmil-snap-situations")
    for _ in range(4):
        press(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.save_page


def test_replacing_a_file_is_confirmed(
    qtbot: QtBot, wizard: NewExerciseWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_to_save_page(qtbot, wizard)
    target = tmp_path / "existing.coherence"
    target.write_bytes(b"old")
    type_into(wizard.save_page.path_edit, str(target))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: QWidget, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    click(wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.isVisible()
    assert target.read_bytes() == b"old"
    path, _rate = finish(qtbot, wizard)
    assert len(asked) == 2
    assert "existing.coherence" in asked[0]
    assert summarize(Path(str(path))).scenario_id == "civmil-snap-situations"


def test_a_document_error_keeps_the_wizard_open(
    qtbot: QtBot, wizard: NewExerciseWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.session import ExerciseSession
    from desktop.store.errors import DocumentError, DocumentProblem

    go_to_save_page(qtbot, wizard)
    target = tmp_path / "run.coherence"
    type_into(wizard.save_page.path_edit, str(target))
    real_create = ExerciseSession.create

    def refuse(path: Path, *args: object, **kwargs: object) -> ExerciseSession:
        raise DocumentError(DocumentProblem.READ_ONLY, path, "read-only file system")

    shown: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(ExerciseSession, "create", refuse)
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    click(wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "cannot be written" in shown[0]
    assert wizard.isVisible()
    assert wizard.currentPage() is wizard.save_page
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not target.exists()

    monkeypatch.setattr(ExerciseSession, "create", real_create)
    path, _rate = finish(qtbot, wizard)
    assert Path(str(path)) == target
    assert target.is_file()


def test_inputs_have_accessible_names(wizard: NewExerciseWizard) -> None:
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        inputs = [
            widget
            for widget in page.findChildren(QWidget)
            if widget.parent() is page
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(widget, QLabel)
        ]
        assert inputs
        for widget in inputs:
            assert widget.accessibleName(), f"{type(widget).__name__} on {page.title()}"
