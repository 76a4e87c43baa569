"""The lazy decision log model: pages fetched on demand, sorted and filtered in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from desktop.domain import commands as c
from desktop.domain.enums import ConsultMode, Posture
from desktop.domain.records import Consultation, DecisionContent
from desktop.services.console import ConsoleService, DecisionPage
from desktop.services.console_views import DecisionListItem
from desktop.store.decision_pages import DecisionFilter, DecisionSort
from desktop.ui.decisions.decision_log_model import Column, DecisionLogModel
from tests.ui.documents import new_console

TEAMS = (("unct", "dsrsg-rchc"), ("humanitarian", "ocha"), ("leadership", "srsg"))


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ConsoleService]:
    console = new_console(tmp_path)
    console.execute(c.Release("conv-01"))
    yield console
    console.close()


def record(service: ConsoleService, count: int, start: int = 0) -> list[str]:
    """Record `count` decisions through the service, spread over the teams."""
    ids = []
    for n in range(start, start + count):
        team, actor = TEAMS[n % len(TEAMS)]
        content = DecisionContent(
            title=f"Decision {n:04d}",
            posture=list(Posture)[n % 4],
            consulted=(Consultation("ocha", ConsultMode.JOINT),) if n % 5 == 0 else (),
        )
        events = service.execute(c.RecordDecision(team, actor, None, content))
        ids.append(str(events[0].payload["id"]))
    return ids


class Counting:
    """Counts the service's page queries (with or without a count) and what they asked for."""

    def __init__(self, service: ConsoleService, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[Any, ...]] = []
        original = service.decision_page
        original_rows = service.decision_rows

        def decision_page(
            criteria: DecisionFilter,
            sort: DecisionSort = DecisionSort.RECORDED,
            descending: bool = False,
            offset: int = 0,
            limit: int = 200,
        ) -> DecisionPage:
            self.calls.append((criteria, sort, descending, offset, limit))
            return original(criteria, sort, descending, offset, limit)

        def decision_rows(
            criteria: DecisionFilter,
            sort: DecisionSort = DecisionSort.RECORDED,
            descending: bool = False,
            offset: int = 0,
            limit: int = 200,
        ) -> tuple[DecisionListItem, ...]:
            self.calls.append((criteria, sort, descending, offset, limit))
            return original_rows(criteria, sort, descending, offset, limit)

        monkeypatch.setattr(service, "decision_page", decision_page)
        monkeypatch.setattr(service, "decision_rows", decision_rows)

    @property
    def offsets(self) -> list[int]:
        return [call[3] for call in self.calls]


def cell(model: DecisionLogModel, row: int, column: Column, role: int | None = None) -> Any:
    return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)


def test_model_passes_the_model_tester(service: ConsoleService, qtmodeltester: Any) -> None:
    ids = record(service, 30)
    service.execute(c.VoidDecision(ids[3], "wrong team"))
    model = DecisionLogModel(service)
    qtmodeltester.check(model, force_py=True)
    model.set_filter(DecisionFilter(teams=("unct",), include_voided=False))
    qtmodeltester.check(model, force_py=True)


def test_only_the_pages_asked_for_are_fetched(
    service: ConsoleService, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(service, 1000)
    counting = Counting(service, monkeypatch)
    model = DecisionLogModel(service)
    assert model.rowCount() == 1000
    assert counting.offsets == [0]  # the first page comes with the count

    assert cell(model, 5, Column.TITLE) == "Decision 0005"
    assert cell(model, 199, Column.TITLE) == "Decision 0199"
    assert counting.offsets == [0]
    assert cell(model, 450, Column.TITLE) == "Decision 0450"
    assert cell(model, 999, Column.TITLE) == "Decision 0999"
    assert counting.offsets == [0, 400, 800]
    for role in (Qt.ItemDataRole.DisplayRole, DecisionLogModel.ObjectRole):
        cell(model, 460, Column.TEAM, role)
    assert counting.offsets == [0, 400, 800]
    assert model.cached_pages() == (0, 4, 2)  # least recently used first
    assert all(limit == DecisionLogModel.PAGE_SIZE for *_, limit in counting.calls)


def test_the_page_cache_is_bounded(
    service: ConsoleService, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(service, 100)
    monkeypatch.setattr(DecisionLogModel, "PAGE_SIZE", 10)
    monkeypatch.setattr(DecisionLogModel, "MAX_PAGES", 3)
    counting = Counting(service, monkeypatch)
    model = DecisionLogModel(service)
    for row in (15, 25, 5, 35):  # pages 1, 2, 0 (cached, now most recent), 3
        cell(model, row, Column.TITLE)
    assert model.cached_pages() == (2, 0, 3)
    cell(model, 15, Column.TITLE)
    assert counting.offsets == [0, 10, 20, 30, 10]


def test_sorting_asks_the_database_again(
    service: ConsoleService, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(service, 450)
    counting = Counting(service, monkeypatch)
    model = DecisionLogModel(service)
    with_reset = []
    model.modelReset.connect(lambda: with_reset.append(True))

    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert counting.calls[-1][1:4] == (DecisionSort.TITLE, True, 0)
    assert cell(model, 0, Column.TITLE) == "Decision 0449"
    assert cell(model, 449, Column.TITLE) == "Decision 0000"
    assert model.sort_column() == Column.TITLE

    calls = len(counting.calls)
    model.sort(Column.CONSULTED)  # not sortable in SQL: nothing happens
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)  # already so
    assert len(counting.calls) == calls

    model.sort(Column.TEAM)
    assert counting.calls[-1][1:3] == (DecisionSort.TEAM, False)
    assert cell(model, 0, Column.TEAM) == "Humanitarian agencies"
    model.sort(-1)
    assert model.sort_key == (DecisionSort.RECORDED, False)
    assert cell(model, 0, Column.TITLE) == "Decision 0000"
    assert len(with_reset) == 3


def test_filtering_asks_the_database_again(service: ConsoleService) -> None:
    record(service, 90)
    model = DecisionLogModel(service)
    totals: list[int] = []
    model.sig_total_changed.connect(totals.append)
    model.set_filter(DecisionFilter(teams=("unct",)))
    assert model.rowCount() == 30
    assert {cell(model, row, Column.TEAM) for row in range(30)} == {"UN Country Team"}
    model.set_filter(DecisionFilter(text="decision 001"))
    assert [cell(model, row, Column.TITLE) for row in range(model.rowCount())] == [
        f"Decision 001{n}" for n in range(10)
    ]
    model.set_filter(DecisionFilter(text="decision 001"))  # the same: no query
    assert totals == [30, 10]


def test_cells_show_time_consultations_and_flags(service: ConsoleService) -> None:
    service.execute(c.Jump(10 * 60))
    content = DecisionContent(
        title="Negotiate access",
        posture=Posture.COORDINATE,
        consulted=(
            Consultation("ocha", ConsultMode.JOINT),
            Consultation("wfp", ConsultMode.CONSULT),
        ),
        taken_at=9 * 60 + 30,
    )
    events = service.execute(c.RecordDecision("humanitarian", "ocha", "conv-01", content))
    decision_id = str(events[0].payload["id"])
    service.execute(c.AmendDecision(decision_id, changes={"rationale": "Talk first"}))
    model = DecisionLogModel(service)
    assert cell(model, 0, Column.TIME) == "D+0 09:30"
    assert "recorded at D+0 10:00" in cell(model, 0, Column.TIME, Qt.ItemDataRole.ToolTipRole)
    assert cell(model, 0, Column.TEAM) == "Humanitarian agencies"
    assert cell(model, 0, Column.ACTOR) == "OCHA"
    assert cell(model, 0, Column.INJECT) == "conv-01"
    assert cell(model, 0, Column.INJECT, Qt.ItemDataRole.ToolTipRole).startswith("Food convoy")
    assert cell(model, 0, Column.POSTURE) == "coordinate"
    assert cell(model, 0, Column.CONSULTED) == "OCHA (joint), WFP (consult)"
    assert cell(model, 0, Column.FLAGS) == "amended ×1"
    assert cell(model, 0, Column.TITLE, DecisionLogModel.IdRole) == decision_id
    assert cell(model, 0, Column.TITLE, DecisionLogModel.ObjectRole).title == "Negotiate access"
    assert cell(model, 0, Column.TIME, DecisionLogModel.SortRole) == 9 * 60 + 30
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time"
    assert model.data(QModelIndex()) is None


def test_voided_rows_are_struck_out_or_left_out(service: ConsoleService) -> None:
    ids = record(service, 5)
    model = DecisionLogModel(service)
    changed: list[int] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append(last.row()))
    events = service.execute(c.VoidDecision(ids[1], "entered twice"))
    model.refresh(events)
    assert changed == [4]
    font = cell(model, 1, Column.TITLE, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont)
    assert font.strikeOut()
    assert isinstance(cell(model, 1, Column.TITLE, Qt.ItemDataRole.ForegroundRole), QBrush)
    assert cell(model, 1, Column.FLAGS) == "void"
    assert cell(model, 0, Column.TITLE, Qt.ItemDataRole.FontRole) is None
    model.set_filter(DecisionFilter(include_voided=False))
    assert model.rowCount() == 4
    assert ids[1] not in {
        cell(model, row, Column.TITLE, DecisionLogModel.IdRole) for row in range(4)
    }


def test_new_decisions_are_inserted_not_reset(service: ConsoleService) -> None:
    record(service, 3)
    model = DecisionLogModel(service)
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(True))
    content = DecisionContent(title="A late thought")
    model.refresh(service.execute(c.RecordDecision("unct", "undp", None, content)))
    assert inserted == [(3, 3)]
    assert cell(model, 3, Column.TITLE) == "A late thought"

    model.sort(-1, Qt.SortOrder.DescendingOrder)
    content = DecisionContent(title="Newest")
    model.refresh(service.execute(c.RecordDecision("unct", "undp", None, content)))
    assert inserted[-1] == (0, 0)
    assert cell(model, 0, Column.TITLE) == "Newest"

    model.set_filter(DecisionFilter(teams=("leadership",)))
    before = model.rowCount()
    model.refresh(service.execute(c.RecordDecision("unct", "undp", None, content)))
    assert model.rowCount() == before  # not in the filter
    assert len(resets) == 2  # the sort and the filter, never the inserts

    model.sort(Column.TITLE)
    model.refresh(service.execute(c.RecordDecision("leadership", "srsg", None, content)))
    assert model.rowCount() == before + 1
    assert len(resets) == 4


def test_events_without_decisions_change_nothing(service: ConsoleService) -> None:
    record(service, 2)
    model = DecisionLogModel(service)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.refresh(service.execute(c.Release("conv-02")))
    assert resets == []
    model.refresh()
    assert resets == [True]
    assert model.item(5) is None
