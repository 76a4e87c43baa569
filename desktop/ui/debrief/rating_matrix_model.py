"""The P/S/M/U matrix: exercise objectives down, teams across, the overall rating in each
cell with the count of every rating entered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.debrief import texts
from desktop.ui.debrief.roles import OBJECT_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

RATING_ORDER = ("P", "S", "M", "U")
RATING_COLOURS: dict[str, tuple[str, str]] = {
    "P": ("#1e5b36", "#dcefe2"),
    "S": ("#3d5a1e", "#eef4dc"),
    "M": ("#7a4d00", "#fbeccc"),
    "U": ("#8a1c1c", "#f6dada"),
}


@dataclass(frozen=True)
class MatrixCell:
    """One team against one objective: its rating summary (None if unrated) and how many
    observations evaluators wrote."""

    team: str
    objective: str
    rating: Mapping[str, Any] | None
    observations: int


class RatingMatrixModel(QAbstractTableModel):
    """A thin adapter over the report's `evaluation.ratings`; `ObjectRole` gives a
    `MatrixCell`."""

    SortRole = SORT_ROLE
    ObjectRole = OBJECT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._objectives: list[tuple[str, str]] = []
        self._teams: list[tuple[str, str]] = []
        self._cells: dict[tuple[str, str], MatrixCell] = {}

    def set_matrix(
        self,
        objectives: Sequence[tuple[str, str]],
        teams: Sequence[tuple[str, str]],
        evaluation: Mapping[str, Any],
    ) -> None:
        """Objectives and teams as `(id, title)`; `evaluation` is the report's section."""
        self.beginResetModel()
        self._objectives = list(objectives)
        self._teams = list(teams)
        notes: dict[tuple[str, str], int] = {}
        for group in evaluation.get("observations", ()):
            key = (group["team"], group["objective"])
            notes[key] = len(group["strengths"]) + len(group["improvements"])
        ratings = {(r["team"], r["objective"]): r for r in evaluation.get("ratings", ())}
        self._cells = {
            (team, objective): MatrixCell(
                team, objective, ratings.get((team, objective)), notes.get((team, objective), 0)
            )
            for objective, _ in self._objectives
            for team, _ in self._teams
        }
        self.endResetModel()

    def cell(self, row: int, column: int) -> MatrixCell | None:
        """The cell at a row and column, if there is one."""
        if not (0 <= row < len(self._objectives) and 0 <= column < len(self._teams)):
            return None
        return self._cells.get((self._teams[column][0], self._objectives[row][0]))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._objectives)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._teams)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = self._teams if orientation == Qt.Orientation.Horizontal else self._objectives
        if not 0 <= section < len(headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return headers[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return headers[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.cell(index.row(), index.column())
        if cell is None:
            return None
        rating = cell.rating
        overall = None if rating is None else str(rating["overall"])
        if role == OBJECT_ROLE:
            return cell
        if role == SORT_ROLE:
            return RATING_ORDER.index(overall) if overall in RATING_ORDER else len(RATING_ORDER)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            if rating is None:
                return self.tr("No rating entered")
            text = f"{overall}: {texts.rating_label(overall or '')}"
            if rating.get("overall_from") == "final":
                return text + "\n" + self.tr("The lead evaluator's final rating")
            return text + "\n" + self.tr("The most frequent rating (ties go to the worse)")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if overall in RATING_COLOURS and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            ink, paper = RATING_COLOURS[overall]
            return QBrush(QColor(ink if role == Qt.ItemDataRole.ForegroundRole else paper))
        return None

    def _display(self, cell: MatrixCell) -> str:
        if cell.observations == 1:
            notes = self.tr("1 note")
        elif cell.observations:
            notes = self.tr("{n} notes").format(n=cell.observations)
        else:
            notes = ""
        if cell.rating is None:
            return notes or "\N{EM DASH}"
        counts = cell.rating["counts"]
        entered = " ".join(
            f"{r}\N{MULTIPLICATION SIGN}{counts[r]}" for r in RATING_ORDER if counts.get(r)
        )
        text = f"{cell.rating['overall']}   ({entered})"
        return f"{text}\n{notes}" if notes else text
