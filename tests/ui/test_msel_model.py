# pytest-qt's QtBot and ModelTester methods are untyped (mypy 2 flags calls to them).
"""The MSEL table model and its filter proxy, checked without a view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain import commands as c
from desktop.services.console import ConsoleService
from desktop.services.console_views import InjectDisplayStatus, InjectView
from desktop.ui.console.msel_filter_proxy_model import MselFilterProxyModel
from desktop.ui.console.msel_model import MselColumn, MselModel
from tests.ui.documents import new_console


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ConsoleService]:
    service = new_console(tmp_path)
    yield service
    service.close()


@pytest.fixture
def model(service: ConsoleService) -> MselModel:
    model = MselModel()
    model.set_phases(service.scenario.phases)
    model.set_rows(service.injects())
    return model


def _cell(model: MselModel, inject_id: str, column: MselColumn) -> object:
    return model.data(model.index(model.row_of(inject_id), column))


def _ids(proxy: MselFilterProxyModel) -> list[str]:
    ids = []
    for row in range(proxy.rowCount()):
        view = proxy.data(proxy.index(row, 0), MselModel.ObjectRole)
        assert isinstance(view, InjectView)
        ids.append(view.id)
    return ids


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, model: MselModel) -> None:
    qtmodeltester.check(model)
    assert model.rowCount() == 11
    assert model.columnCount() == len(MselColumn)


def test_cells_say_time_status_and_names(model: MselModel) -> None:
    assert _cell(model, "conv-01", MselColumn.TIME) == "D+0 09:00"
    assert _cell(model, "flood-01", MselColumn.TIME) == "manual"
    assert _cell(model, "conv-01a", MselColumn.TIME) == "on trigger"
    assert _cell(model, "conv-01", MselColumn.STATUS) == "Pending"
    assert _cell(model, "conv-01", MselColumn.SENDER) == "IVDF"
    assert _cell(model, "conv-01", MselColumn.TARGETS) == "Humanitarian agencies"
    assert _cell(model, "donor-01a", MselColumn.TARGETS) == "all teams"
    assert _cell(model, "conv-01", MselColumn.CHANNEL) == "Radio"
    assert _cell(model, "elec-01", MselColumn.PHASE) == "Transition"
    assert _cell(model, "flood-01", MselColumn.PHASE) == "Consolidation"
    row = model.row_of("conv-01")
    view = model.data(model.index(row, MselColumn.TITLE), MselModel.ObjectRole)
    assert isinstance(view, InjectView)
    assert view.id == "conv-01"
    assert model.data(model.index(row, MselColumn.STATUS), Qt.ItemDataRole.DecorationRole)


def test_proxy_with_filters_passes_the_model_tester(
    qtmodeltester: ModelTester, model: MselModel
) -> None:
    proxy = MselFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_team("humanitarian")
    qtmodeltester.check(proxy)
    assert set(_ids(proxy)) == {"conv-01", "conv-01a", "donor-01a", "poc-01", "poc-01a", "flood-01"}

    proxy.set_phase("transition")
    assert _ids(proxy) == ["poc-01"]
    proxy.set_phase(None)

    proxy.set_statuses({InjectDisplayStatus.RELEASED})
    assert _ids(proxy) == []
    proxy.set_statuses(None)

    proxy.set_text("KIVARA")  # any case, title or body
    assert set(_ids(proxy)) == {"conv-01", "conv-01a", "flood-01"}
    proxy.set_text("flood-01")  # the id
    assert _ids(proxy) == ["flood-01"]
    qtmodeltester.check(proxy)


def test_proxy_sorts_by_time_with_manual_injects_last(model: MselModel) -> None:
    proxy = MselFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(MselColumn.TIME, Qt.SortOrder.AscendingOrder)
    ids = _ids(proxy)
    assert ids[:2] == ["conv-01", "donor-01"]
    assert ids.index("au-01") < ids.index("flood-01")
    proxy.sort(MselColumn.STATUS, Qt.SortOrder.AscendingOrder)
    model.set_rows(())
    assert proxy.rowCount() == 0


def test_update_rows_keeps_rows_and_repaints_only_changes(
    qtbot: QtBot, service: ConsoleService, model: MselModel
) -> None:
    row = model.row_of("conv-01")
    kept = QPersistentModelIndex(model.index(row, MselColumn.STATUS))
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))

    service.execute(c.Release("conv-01"))
    model.update_rows(service.injects())

    assert not resets
    assert kept.isValid()
    assert kept.row() == row
    assert kept.data() == "Released"
    # conv-01 and the inject it triggers (conv-01a) changed; nothing else repaints.
    repainted = {r for first, last in changed for r in range(first, last + 1)}
    assert repainted == {row, model.row_of("conv-01a")}

    changed.clear()
    model.update_rows(service.injects())
    assert not changed


def test_update_rows_resets_when_injects_are_added(
    service: ConsoleService, model: MselModel
) -> None:
    from desktop.domain.scenario import Inject

    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    service.execute(c.AddInject(Inject(id="adhoc-x", title="A rumour", to=("unct",), adhoc=True)))
    model.update_rows(service.injects())
    assert resets == [True]
    assert model.rowCount() == 12
    assert _cell(model, "adhoc-x", MselColumn.STATUS) == "Released"
    assert _cell(model, "adhoc-x", MselColumn.TIME) == "D+0 08:00"
