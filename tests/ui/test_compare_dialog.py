"""File → Compare exercises: runs of one scenario side by side, refusals, exports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.services.debrief import debrief_report
from desktop.ui.debrief.compare_dialog import CompareDialog

ROOT = Path(__file__).resolve().parents[2]


def two_runs(simulated_run: Path, tmp_path: Path) -> list[Path]:
    other = tmp_path / "cohort-b.coherence"
    shutil.copyfile(simulated_run, other)
    return [simulated_run, other]


def test_compares_two_runs_side_by_side(qtbot: Any, simulated_run: Path, tmp_path: Path) -> None:
    dialog = CompareDialog(two_runs(simulated_run, tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.compare_button.isEnabled()
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=20_000)
    assert dialog.table_titles()[0] == "Overview"
    headers = [
        dialog.model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(dialog.model.columnCount())
    ]
    assert headers == ["Figure", "run.coherence", "cohort-b.coherence"]
    decisions = debrief_report(simulated_run)["network"]["decisions"]
    row = next(
        r for r in range(dialog.model.rowCount()) if dialog.model.index(r, 0).data() == "decisions"
    )
    assert dialog.model.index(row, 1).data() == str(decisions)
    assert dialog.model.index(row, 2).data() == str(decisions)
    dialog.group.setCurrentIndex(dialog.group.findText("Coherence"))
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Indicator"
    assert "2 runs" in dialog.message.text()


def test_one_document_is_not_enough(qtbot: Any, simulated_run: Path) -> None:
    dialog = CompareDialog([simulated_run])
    qtbot.addWidget(dialog)
    assert not dialog.compare_button.isEnabled()
    assert "two or more" in dialog.message.text()


def test_runs_of_other_scenarios_are_refused_clearly(
    qtbot: Any, simulated_run: Path, tmp_path: Path
) -> None:
    from desktop.services.simulate import simulate

    pack = ROOT / "scenarios" / "integrated-mission-exercise"
    other = tmp_path / "other.coherence"
    simulate(pack, pack / "demo-play.yaml", other)
    dialog = CompareDialog([simulated_run, other])
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be compared" in dialog.message.text(), timeout=30_000)
    assert "same scenario" in dialog.message.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.exports.buttons["xlsx"].isEnabled()


def test_add_and_remove_documents(
    qtbot: Any, simulated_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = two_runs(simulated_run, tmp_path)
    monkeypatch.setattr(
        "desktop.ui.debrief.compare_dialog.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(p) for p in runs], ""),
    )
    dialog = CompareDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # no duplicates
    assert dialog.paths() == runs
    dialog.files.item(1).setSelected(True)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.paths() == runs[:1]
    assert not dialog.compare_button.isEnabled()


@pytest.mark.parametrize("fmt", ["html", "xlsx", "json"])
def test_export_the_comparison(
    qtbot: Any,
    simulated_run: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    out = tmp_path / f"comparison.{fmt}"
    monkeypatch.setattr(
        "desktop.ui.debrief.export_bar.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(out), ""),
    )
    dialog = CompareDialog(two_runs(simulated_run, tmp_path))
    qtbot.addWidget(dialog)
    dialog.compare()
    qtbot.waitUntil(lambda: dialog.exports.buttons[fmt].isEnabled(), timeout=20_000)
    with qtbot.waitSignal(dialog.exports.sig_exported, timeout=30_000):
        qtbot.mouseClick(dialog.exports.buttons[fmt], Qt.MouseButton.LeftButton)
    assert out.exists()
    if fmt == "json":
        assert json.loads(out.read_text(encoding="utf-8"))["format"] == "coherence-comparison/1"
    if fmt == "html":
        html = out.read_text(encoding="utf-8")
        assert "Comparison of runs" in html
        assert "cohort-b.coherence" in html
