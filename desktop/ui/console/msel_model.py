"""The MSEL as a Qt table: a thin adapter over the console service's inject views."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.domain.phases import phase_in_force
from desktop.domain.scenario import ALL_TEAMS, Phase
from desktop.domain.times import format_stamp
from desktop.services.console_views import InjectDisplayStatus, InjectView

ModelIndex = QModelIndex | QPersistentModelIndex

# Manual and not-yet-triggered injects have no time: they sort after every scheduled one.
_NO_TIME = 10**9

# The order in which the facilitator cares about statuses when sorting by status.
STATUS_ORDER: dict[InjectDisplayStatus, int] = {
    InjectDisplayStatus.DUE: 0,
    InjectDisplayStatus.HELD: 1,
    InjectDisplayStatus.TRIGGERED: 2,
    InjectDisplayStatus.PENDING: 3,
    InjectDisplayStatus.RELEASED: 4,
    InjectDisplayStatus.SKIPPED: 5,
}

STATUS_COLOURS: dict[InjectDisplayStatus, str] = {
    InjectDisplayStatus.PENDING: "#8a94a6",
    InjectDisplayStatus.DUE: "#d97706",
    InjectDisplayStatus.TRIGGERED: "#7c3aed",
    InjectDisplayStatus.RELEASED: "#15803d",
    InjectDisplayStatus.HELD: "#b91c1c",
    InjectDisplayStatus.SKIPPED: "#6b7280",
}


class MselColumn(IntEnum):
    """The columns of the MSEL table."""

    TIME = 0
    STATUS = 1
    TITLE = 2
    SENDER = 3
    TARGETS = 4
    CHANNEL = 5
    PHASE = 6


class MselModel(QAbstractTableModel):
    """Rows of `InjectView`; `update_rows` keeps rows (and the selection) when ids stay."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[InjectView, ...] = ()
        self._phases: tuple[Phase, ...] = ()
        self._headers = {
            MselColumn.TIME: self.tr("Time"),
            MselColumn.STATUS: self.tr("Status"),
            MselColumn.TITLE: self.tr("Title"),
            MselColumn.SENDER: self.tr("From"),
            MselColumn.TARGETS: self.tr("To"),
            MselColumn.CHANNEL: self.tr("Channel"),
            MselColumn.PHASE: self.tr("Phase"),
        }
        self._status_texts = status_texts(self)

    # Feeding the model.

    def set_phases(self, phases: Sequence[Phase]) -> None:
        """The scenario's phases, to name each inject's phase."""
        self._phases = tuple(phases)
        if self._rows:
            self._emit_changed(0, len(self._rows) - 1)

    def set_rows(self, views: Sequence[InjectView]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(views)
        self.endResetModel()

    def update_rows(self, views: Sequence[InjectView]) -> None:
        """Take fresh views; rows whose ids are unchanged stay, only changed cells repaint."""
        views = tuple(views)
        if [v.id for v in views] != [v.id for v in self._rows]:
            self.set_rows(views)
            return
        old, self._rows = self._rows, views
        start: int | None = None
        for row, (before, after) in enumerate(zip(old, views, strict=True)):
            if before != after:
                if start is None:
                    start = row
            elif start is not None:
                self._emit_changed(start, row - 1)
                start = None
        if start is not None:
            self._emit_changed(start, len(views) - 1)

    def _emit_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1), [])

    # Reading rows back.

    def views(self) -> tuple[InjectView, ...]:
        """Every row's view, in row order."""
        return self._rows

    def view_at(self, row: int) -> InjectView:
        """The view shown in `row`."""
        return self._rows[row]

    def row_of(self, inject_id: str) -> int:
        """The row of an inject, or -1."""
        for row, view in enumerate(self._rows):
            if view.id == inject_id:
                return row
        return -1

    def phase_id(self, view: InjectView) -> str | None:
        """The inject's phase: its own, else the phase scheduled at its time."""
        if view.phase is not None:
            return view.phase
        if view.time is None:
            return None
        return phase_in_force(view.time, self._phases)

    def phase_text(self, view: InjectView) -> str:
        """The title of the inject's phase, or an empty string."""
        phase = self.phase_id(view)
        if phase is None:
            return ""
        titles = {p.id: p.title for p in self._phases}
        return titles.get(phase, phase)

    def targets_text(self, view: InjectView) -> str:
        """Whom the inject goes to, by name."""
        names = (
            self.tr("all teams") if target == ALL_TEAMS else name
            for target, name in zip(view.targets, view.target_names, strict=True)
        )
        return ", ".join(names)

    def time_text(self, view: InjectView) -> str:
        """When the inject falls due, as the facilitator reads it."""
        if view.time is not None:
            return format_stamp(view.time)
        if view.adhoc and view.released_at is not None:
            return format_stamp(view.released_at)
        if view.triggered_by is not None:
            return self.tr("on trigger")
        return self.tr("manual")

    # Qt's model interface.

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MselColumn)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(MselColumn)
        ):
            return self._headers[MselColumn(section)]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        column = MselColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == self.SortRole:
            return self._sort_key(view, column)
        if role == self.ObjectRole:
            return view
        if role == Qt.ItemDataRole.DecorationRole and column is MselColumn.STATUS:
            return QColor(STATUS_COLOURS[view.status])
        if role == Qt.ItemDataRole.ForegroundRole and view.status is InjectDisplayStatus.SKIPPED:
            return QColor(STATUS_COLOURS[InjectDisplayStatus.SKIPPED])
        if role == Qt.ItemDataRole.FontRole and view.status is InjectDisplayStatus.DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view, column)
        return None

    def _display(self, view: InjectView, column: MselColumn) -> str:
        if column is MselColumn.TIME:
            return self.time_text(view)
        if column is MselColumn.STATUS:
            return self._status_texts[view.status]
        if column is MselColumn.TITLE:
            return view.title
        if column is MselColumn.SENDER:
            return view.sender_name
        if column is MselColumn.TARGETS:
            return self.targets_text(view)
        if column is MselColumn.CHANNEL:
            return channel_text(self, view.channel.value)
        return self.phase_text(view)

    def _sort_key(self, view: InjectView, column: MselColumn) -> Any:
        if column is MselColumn.TIME:
            if view.time is not None:
                return view.time
            if view.adhoc and view.released_at is not None:
                return view.released_at
            return _NO_TIME
        if column is MselColumn.STATUS:
            return STATUS_ORDER[view.status]
        if column is MselColumn.PHASE:
            phase = self.phase_id(view)
            order = {p.id: index for index, p in enumerate(self._phases)}
            return order.get(phase or "", len(order))
        return self._display(view, column).casefold()

    def _tooltip(self, view: InjectView, column: MselColumn) -> str | None:
        if column is MselColumn.STATUS and view.skip_reason:
            return self.tr("Skipped: {reason}").format(reason=view.skip_reason)
        if column is MselColumn.TIME and view.triggered_by is not None:
            return self.tr("Triggered by {inject}").format(inject=view.triggered_by)
        if column is MselColumn.TITLE:
            return view.id
        return None


def status_texts(owner: QObject) -> dict[InjectDisplayStatus, str]:
    """Each inject status as a word for people."""
    return {
        InjectDisplayStatus.PENDING: owner.tr("Pending"),
        InjectDisplayStatus.DUE: owner.tr("Due"),
        InjectDisplayStatus.TRIGGERED: owner.tr("Triggered"),
        InjectDisplayStatus.RELEASED: owner.tr("Released"),
        InjectDisplayStatus.HELD: owner.tr("Held"),
        InjectDisplayStatus.SKIPPED: owner.tr("Skipped"),
    }


def channel_text(owner: QObject, channel: str) -> str:
    """An inject channel as a word for people."""
    texts = {
        "meeting": owner.tr("Meeting"),
        "email": owner.tr("Email"),
        "phone": owner.tr("Phone"),
        "radio": owner.tr("Radio"),
        "media": owner.tr("Media"),
        "document": owner.tr("Document"),
        "visit": owner.tr("Visit"),
    }
    return texts.get(channel, channel)
