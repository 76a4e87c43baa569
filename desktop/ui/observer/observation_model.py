"""Evaluators' observations as a table: one row per observation, voided ones struck out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette

from desktop.domain.enums import ObservationKind
from desktop.domain.records import Observation
from desktop.domain.times import format_stamp

Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: ObservationKind) -> str:
    """What evaluators call a kind of observation (HSEEP wording)."""
    if kind is ObservationKind.STRENGTH:
        return QCoreApplication.translate("ObservationModel", "Strength")
    return QCoreApplication.translate("ObservationModel", "Area for improvement")


class ObservationModel(QAbstractTableModel):
    """A thin table over `Observation` records, in the order given."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2

    TIME, OBSERVER, TEAM, OBJECTIVE, KIND, INJECT, TEXT = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Observation, ...] = ()
        self._team_names: Mapping[str, str] = {}
        self._objective_titles: Mapping[str, str] = {}
        self._headers = (
            self.tr("Time"),
            self.tr("Observer"),
            self.tr("Team"),
            self.tr("Objective"),
            self.tr("Kind"),
            self.tr("Inject"),
            self.tr("Observation"),
        )

    def set_names(self, team_names: Mapping[str, str], objective_titles: Mapping[str, str]) -> None:
        """How to show team and objective ids (ids are shown when a name is missing)."""
        self._team_names = dict(team_names)
        self._objective_titles = dict(objective_titles)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.TEXT))

    def set_rows(self, rows: Sequence[Observation]) -> None:
        """Show `rows` instead of what was shown."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def observation(self, row: int) -> Observation:
        """The record shown in `row`."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == self.SortRole:
            if column == self.TIME:
                # Entry order breaks ties: many notes share a minute while the clock is paused.
                return entry.recorded_at * 1_000_000 + index.row()
            return self._text(entry, column).casefold()
        if role == self.ObjectRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and entry.voided:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and entry.voided:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.KIND:
            return QColor("#2e7d32" if entry.kind is ObservationKind.STRENGTH else "#ef6c00")
        return None

    def _text(self, entry: Observation, column: int) -> str:
        if column == self.TIME:
            return format_stamp(entry.recorded_at)
        if column == self.OBSERVER:
            return entry.observer
        if column == self.TEAM:
            return self._team_names.get(entry.team, entry.team)
        if column == self.OBJECTIVE:
            return self._objective_titles.get(entry.objective, entry.objective)
        if column == self.KIND:
            return kind_label(entry.kind)
        if column == self.INJECT:
            return entry.inject or ""
        if column == self.TEXT:
            return " ".join(entry.text.split())
        return ""

    def _tooltip(self, entry: Observation, column: int) -> str | None:
        notes: list[str] = []
        if column == self.TEXT:
            notes.append(entry.text)
        if entry.voided:
            notes.append(self.tr("Void: left out of the debrief."))
        if entry.late:
            notes.append(self.tr("Entered after the exercise ended."))
        return "\n".join(notes) or None
