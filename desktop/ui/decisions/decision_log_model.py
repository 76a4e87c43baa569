"""The decision log as a lazy table: the database filters and sorts, the model pages.

A log may hold 100,000 decisions. The model keeps only the number of matching rows and
a few pages of 200 rows; a page is fetched from the service the first time the view asks
for one of its rows, and the least recently used pages are dropped beyond `MAX_PAGES`.
Sorting and filtering are new queries, never a proxy model over loaded rows.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.events import Event, EventKind
from desktop.domain.times import format_stamp
from desktop.services.console import ConsoleService, DecisionFilter, DecisionSort
from desktop.services.console_views import DecisionListItem

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

_DECISION_KINDS = frozenset(
    {EventKind.DECISION_RECORDED, EventKind.DECISION_AMENDED, EventKind.DECISION_VOIDED}
)
_NAME_KINDS = frozenset({EventKind.TEAM_DEFINED, EventKind.INJECT_ADDED})


class Column(IntEnum):
    """The columns of the decision log, left to right."""

    TIME = 0
    TEAM = 1
    ACTOR = 2
    INJECT = 3
    TITLE = 4
    POSTURE = 5
    CONSULTED = 6
    FLAGS = 7


_SORTS: dict[Column, DecisionSort] = {
    Column.TIME: DecisionSort.TIME,
    Column.TEAM: DecisionSort.TEAM,
    Column.ACTOR: DecisionSort.ACTOR,
    Column.INJECT: DecisionSort.INJECT,
    Column.TITLE: DecisionSort.TITLE,
    Column.POSTURE: DecisionSort.POSTURE,
}


class DecisionLogModel(QAbstractTableModel):
    """The decisions matching a `DecisionFilter`, sorted in SQL and fetched a page at a time."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2
    IdRole = Qt.ItemDataRole.UserRole + 3

    PAGE_SIZE = 200
    MAX_PAGES = 20

    sig_total_changed = Signal(int)  # rows matching the filter, after every re-query

    def __init__(self, service: ConsoleService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._filter = DecisionFilter()
        self._sort = DecisionSort.RECORDED
        self._descending = False
        self._total = 0
        self._pages: OrderedDict[int, tuple[DecisionListItem, ...]] = OrderedDict()
        self._last_row = -1
        self._last_item: DecisionListItem | None = None
        self._team_names: dict[str, str] | None = None
        self._inject_titles: dict[str, str] | None = None
        self._struck = QFont()
        self._struck.setStrikeOut(True)
        self._grey = QBrush(QColor(Qt.GlobalColor.gray))
        self._headers = (
            self.tr("Time"),
            self.tr("Team"),
            self.tr("Acting actor"),
            self.tr("Inject"),
            self.tr("Decision"),
            self.tr("Posture"),
            self.tr("Consulted"),
            self.tr("Flags"),
        )
        self._postures = {
            "cooperate": self.tr("cooperate"),
            "coordinate": self.tr("coordinate"),
            "coexist": self.tr("coexist"),
            "decline": self.tr("decline"),
        }
        self._modes = {
            "inform": self.tr("inform"),
            "consult": self.tr("consult"),
            "joint": self.tr("joint"),
            "request": self.tr("request"),
            "task": self.tr("task"),
        }
        self._load()

    # What is shown.

    @property
    def criteria(self) -> DecisionFilter:
        """The filter in force."""
        return self._filter

    @property
    def sort_key(self) -> tuple[DecisionSort, bool]:
        """The sort in force and whether it is descending."""
        return self._sort, self._descending

    @property
    def total(self) -> int:
        """How many decisions match the filter."""
        return self._total

    def cached_pages(self) -> tuple[int, ...]:
        """The page numbers held in memory, least recently used first."""
        return tuple(self._pages)

    def set_filter(self, criteria: DecisionFilter) -> None:
        """Show the decisions matching `criteria` (a new query)."""
        if criteria == self._filter:
            return
        self._filter = criteria
        self._reset()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in SQL; column -1 is the order of recording.

        The consulted and flags columns cannot be sorted; asking for them changes nothing.
        """
        if column < 0:
            sort = DecisionSort.RECORDED
        elif column in _SORTS:
            sort = _SORTS[Column(column)]
        else:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = sort, descending
        self._reset()

    def sort_column(self) -> int:
        """The column sorted on, or -1 for the order of recording."""
        for column, sort in _SORTS.items():
            if sort is self._sort:
                return int(column)
        return -1

    def refresh(self, events: Sequence[Event] | None = None) -> None:
        """Catch up with committed `events` (or with anything, when `None`).

        New decisions in recording order are inserted as rows; amendments and voids that
        keep the row count repaint the rows; anything else re-runs the query.
        """
        if events is None:
            self._team_names = self._inject_titles = None
            self._reset()
            return
        kinds = {event.kind for event in events}
        if kinds & _NAME_KINDS:
            self._team_names = self._inject_titles = None
        if not kinds & _DECISION_KINDS:
            return
        if self._sort is not DecisionSort.RECORDED:
            self._reset()
            return
        old = self._total
        new = self._service.count_decisions(self._filter)
        if new == old:
            self._forget()
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(Column) - 1), [])
            return
        if new > old and kinds <= {EventKind.DECISION_RECORDED}:
            self._forget()
            first, last = (0, new - old - 1) if self._descending else (old, new - 1)
            self.beginInsertRows(QModelIndex(), first, last)
            self._total = new
            self.endInsertRows()
            self.sig_total_changed.emit(new)
            return
        self._reset()

    def item(self, row: int) -> DecisionListItem | None:
        """The decision at `row`, fetching its page if needed."""
        if row == self._last_row:
            # A view asks for every column and role of a row in turn.
            return self._last_item
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        item = page[offset] if offset < len(page) else None
        self._last_row, self._last_item = row, item
        return item

    def row_of(self, decision_id: str) -> int | None:
        """The row of a decision, if its page is in memory (no query)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.id == decision_id:
                    return number * self.PAGE_SIZE + offset
        return None

    # Qt's side.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, Column(index.column()))
        if role == Qt.ItemDataRole.FontRole:
            return self._struck if item.voided else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._grey if item.voided else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, Column(index.column()))
        if role == self.ObjectRole:
            return item
        if role == self.IdRole:
            return item.id
        if role == self.SortRole:
            return self._sort_value(item, Column(index.column()))
        return None

    # Inside.

    def _load(self) -> None:
        self._forget()
        first = self._service.decision_page(
            self._filter, self._sort, self._descending, 0, self.PAGE_SIZE
        )
        self._total = first.total
        if first.rows:
            self._pages[0] = first.rows

    def _forget(self) -> None:
        self._pages.clear()
        self._last_row, self._last_item = -1, None

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()
        self.sig_total_changed.emit(self._total)

    def _fetch(self, number: int) -> tuple[DecisionListItem, ...]:
        # The total is known already: fetch the rows only (no count over the whole log).
        rows = self._service.decision_rows(
            self._filter, self._sort, self._descending, number * self.PAGE_SIZE, self.PAGE_SIZE
        )
        self._pages[number] = rows
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _display(self, item: DecisionListItem, column: Column) -> str:
        if column is Column.TIME:
            return format_stamp(item.time)
        if column is Column.TEAM:
            return self._team_name(item.team)
        if column is Column.ACTOR:
            return self._service.actor_name(item.acting_actor)
        if column is Column.INJECT:
            return item.inject or ""
        if column is Column.TITLE:
            return item.title
        if column is Column.POSTURE:
            return self._postures.get(item.posture or "", item.posture or "")
        if column is Column.CONSULTED:
            return self._consulted(item)
        return self._flags(item)

    def _tooltip(self, item: DecisionListItem, column: Column) -> str | None:
        if column is Column.TIME and item.taken_at is not None:
            return self.tr("Taken at {taken}, recorded at {recorded}").format(
                taken=format_stamp(item.taken_at), recorded=format_stamp(item.recorded_at)
            )
        if column is Column.INJECT and item.inject:
            return self._inject_title(item.inject)
        if column in (Column.TITLE, Column.CONSULTED):
            return self._display(item, column) or None
        if column is Column.FLAGS and item.voided:
            return self.tr("Void: left out of every figure")
        return None

    def _sort_value(self, item: DecisionListItem, column: Column) -> Any:
        if column is Column.TIME:
            return item.time
        if column is Column.FLAGS:
            return (item.voided, item.late, item.amendments)
        if column is Column.CONSULTED:
            return len(item.consulted)
        return self._display(item, column).casefold()

    def _consulted(self, item: DecisionListItem) -> str:
        name = self._service.actor_name
        return ", ".join(
            f"{name(actor)} ({self._modes.get(mode, mode)})" for actor, mode in item.consulted
        )

    def _flags(self, item: DecisionListItem) -> str:
        flags: list[str] = []
        if item.voided:
            flags.append(self.tr("void"))
        if item.late:
            flags.append(self.tr("late"))
        if item.amendments:
            flags.append(self.tr("amended ×{count}").format(count=item.amendments))
        if item.supersedes:
            flags.append(self.tr("supersedes"))
        if item.has_assets:
            flags.append(self.tr("assets"))
        return ", ".join(flags)

    def _team_name(self, team_id: str) -> str:
        if self._team_names is None:
            self._team_names = {team.id: team.name for team in self._service.teams()}
        return self._team_names.get(team_id, team_id)

    def _inject_title(self, inject_id: str) -> str:
        if self._inject_titles is None:
            self._inject_titles = {view.id: view.title for view in self._service.injects()}
        return self._inject_titles.get(inject_id, inject_id)
