"""P/S/M/U ratings as a matrix: exercise objectives down, teams across."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.analysis.evaluation import OverallSource, overall_rating
from desktop.domain.enums import Rating
from desktop.domain.records import RatingEntry
from desktop.domain.scenario import Objective, Team
from desktop.domain.times import format_stamp

Index = QModelIndex | QPersistentModelIndex

# Background and text colours of each rating: green to red, readable on screen and print.
RATING_COLOURS: dict[Rating, tuple[str, str]] = {
    Rating.P: ("#2e7d32", "#ffffff"),
    Rating.S: ("#9ccc65", "#1b1b1b"),
    Rating.M: ("#ffb300", "#1b1b1b"),
    Rating.U: ("#c62828", "#ffffff"),
}

_ORDER = {rating: position for position, rating in enumerate(Rating)}


def rating_meaning(rating: Rating) -> str:
    """The HSEEP meaning of a rating, for tooltips and legends."""
    meanings = {
        Rating.P: QCoreApplication.translate("RatingMatrixModel", "Performed without challenges"),
        Rating.S: QCoreApplication.translate("RatingMatrixModel", "Performed with some challenges"),
        Rating.M: QCoreApplication.translate(
            "RatingMatrixModel", "Performed with major challenges"
        ),
        Rating.U: QCoreApplication.translate("RatingMatrixModel", "Unable to be performed"),
    }
    return meanings[rating]


def cell_rating(entries: Sequence[RatingEntry]) -> RatingEntry | None:
    """The rating a cell shows, by the debrief's rule (DESIGN.md): the lead's final rating
    if any, else the most frequent, ties to the worse; voided ones never. Of the entries
    giving that rating, the latest stands for the cell (it is the one "Void" withdraws).
    """
    standing = [entry for entry in entries if not entry.voided]
    if not standing:
        return None
    rating, source = overall_rating(standing)
    if source is OverallSource.FINAL:
        return max(
            (item for item in enumerate(standing) if item[1].final),
            key=lambda item: (item[1].recorded_at, item[0]),
        )[1]
    return [entry for entry in standing if entry.rating is rating][-1]


class RatingMatrixModel(QAbstractTableModel):
    """One row per objective, one column per team; each cell the rating that stands."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    ObjectRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._objectives: tuple[Objective, ...] = ()
        self._teams: tuple[Team, ...] = ()
        self._cells: dict[tuple[str, str], list[RatingEntry]] = {}

    def set_axes(self, objectives: Sequence[Objective], teams: Sequence[Team]) -> None:
        """The objectives (rows) and teams (columns) of the matrix."""
        self.beginResetModel()
        self._objectives = tuple(objectives)
        self._teams = tuple(teams)
        self.endResetModel()

    def set_rows(self, ratings: Sequence[RatingEntry]) -> None:
        """Every rating entered, in the order entered (voided ones included)."""
        self.beginResetModel()
        self._cells = {}
        for entry in ratings:
            self._cells.setdefault((entry.objective, entry.team), []).append(entry)
        self.endResetModel()

    def entries(self, row: int, column: int) -> tuple[RatingEntry, ...]:
        """Every rating entered for the cell, voided ones included."""
        key = (self._objectives[row].id, self._teams[column].id)
        return tuple(self._cells.get(key, ()))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._objectives)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._teams)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._teams):
                return None
            team = self._teams[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return team.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return team.id
            return None
        if not 0 <= section < len(self._objectives):
            return None
        objective = self._objectives[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return objective.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return objective.capability
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < len(self._objectives) and 0 <= index.column() < len(self._teams)
        ):
            return None
        entries = self.entries(index.row(), index.column())
        shown = cell_rating(entries)
        if role == self.ObjectRole:
            return shown
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entries) if entries else None
        if shown is None:
            if role == self.SortRole:
                return len(_ORDER)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown.rating.value + (" ✓" if shown.final else "")
        if role == self.SortRole:
            return _ORDER[shown.rating]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(RATING_COLOURS[shown.rating][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(RATING_COLOURS[shown.rating][1])
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, entries: Sequence[RatingEntry]) -> str:
        lines = []
        for entry in entries:
            line = self.tr("{time}  {rating} ({meaning}) by {observer}").format(
                time=format_stamp(entry.recorded_at),
                rating=entry.rating.value,
                meaning=rating_meaning(entry.rating),
                observer=entry.observer,
            )
            if entry.final:
                line += self.tr(", final")
            if entry.voided:
                line += self.tr(", void")
            if entry.note:
                line += f": {entry.note}"
            lines.append(line)
        return "\n".join(lines)
