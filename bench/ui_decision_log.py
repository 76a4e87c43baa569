"""The decision log model over 100,000 decisions: filter changes, sort changes and scroll
jumps, each as a view would see them (the query, then the cells of one screen of rows).

Run alone with `python -m bench.ui_decision_log [DECISIONS]`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.debrief import build
from bench.timing import verdict
from desktop.store.decision_pages import DecisionFilter

DECISIONS = 100_000
TARGET_MS = 50.0
SCREEN_ROWS = 40  # rows a maximised log shows at once
JUMPS = 40


def _screen(model: object, first: int) -> None:
    """Ask for every cell of one screen of rows, as a view painting them would."""
    from PySide6.QtCore import Qt

    from desktop.ui.decisions.decision_log_model import DecisionLogModel

    assert isinstance(model, DecisionLogModel)
    last = min(first + SCREEN_ROWS, model.rowCount())
    for row in range(first, last):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            model.data(index, Qt.ItemDataRole.DisplayRole)
            model.data(index, Qt.ItemDataRole.FontRole)
            model.data(index, Qt.ItemDataRole.ForegroundRole)


def _times(actions: list[Callable[[], object]]) -> list[float]:
    times = []
    for action in actions:
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _line(label: str, times: list[float]) -> str:
    median, worst = statistics.median(times), max(times)
    return (
        f"  {label:<34} median {median:6.1f} ms, max {worst:6.1f} ms "
        f"({len(times)} events; target {TARGET_MS:.0f} ms: {verdict(worst < TARGET_MS)})"
    )


def run(decisions: int = DECISIONS) -> None:
    """Print the median and worst time per filter change, sort change and scroll jump."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.services.console import ConsoleService
    from desktop.ui.decisions.decision_log_model import Column, DecisionLogModel

    app = QApplication.instance() or QApplication([])
    print(f"Decision log model over {decisions:,} decisions (cells of {SCREEN_ROWS} rows)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.coherence"
        start = time.perf_counter()
        build(path, decisions)
        built = time.perf_counter() - start
        start = time.perf_counter()
        service = ConsoleService.open(path)
        opened = time.perf_counter() - start
        print(f"  document built in {built:.1f} s, opened in {opened:.1f} s")
        try:
            model = DecisionLogModel(service)
            rng = random.Random(11)
            injects = [inject.id for inject in service.scenario.injects]
            filters = [DecisionFilter(teams=(team.id,)) for team in service.teams()] + [
                DecisionFilter(inject=rng.choice(injects)),
                DecisionFilter(teams=("unct",), inject=rng.choice(injects)),
                DecisionFilter(include_voided=False),
                DecisionFilter(text="Decision 4242"),
                DecisionFilter(text="no such words"),
                DecisionFilter(teams=("unct",), text="Decision 9"),
                DecisionFilter(),
            ]

            def apply(criteria: DecisionFilter) -> None:
                model.set_filter(criteria)
                _screen(model, 0)

            print(_line("filter change", _times([partial(apply, f) for f in filters])))

            def jumps() -> list[Callable[[], object]]:
                rows = [rng.randrange(model.rowCount()) for _ in range(JUMPS)]
                return [partial(_screen, model, row) for row in rows]

            print(_line("scroll jump, recording order", _times(jumps())))

            sorts: list[tuple[int, Qt.SortOrder]] = []
            for column in (Column.TIME, Column.TEAM, Column.ACTOR, Column.INJECT, Column.TITLE):
                sorts += [
                    (column, Qt.SortOrder.AscendingOrder),
                    (column, Qt.SortOrder.DescendingOrder),
                ]
            sorts.append((-1, Qt.SortOrder.AscendingOrder))

            def sort(column: int, order: Qt.SortOrder) -> None:
                model.sort(column, order)
                _screen(model, 0)

            print(_line("sort change", _times([partial(sort, *s) for s in sorts])))
            model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
            print(_line("scroll jump, sorted by title", _times(jumps())))
            model.sort(-1)
            model.set_filter(DecisionFilter(teams=("unct",)))
            print(_line("scroll jump, one team", _times(jumps())))
        finally:
            service.close()
    del app


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else DECISIONS)
