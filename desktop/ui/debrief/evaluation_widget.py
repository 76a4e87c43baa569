"""The Evaluation tab: the P/S/M/U matrix (objectives × teams) and the evaluators'
observations for the selected cell."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.record import ExerciseRecord
from desktop.ui.debrief.rating_matrix_model import MatrixCell, RatingMatrixModel


class EvaluationWidget(QWidget):
    """The matrix above, the observations of the chosen team and objective below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._observations: dict[tuple[str, str], Mapping[str, Any]] = {}
        self._record: ExerciseRecord | None = None
        self.model = RatingMatrixModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Ratings by objective and team"))
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMaximumWidth(380)
        self.notes = QTextBrowser(self)
        self.notes.setAccessibleName(self.tr("Observations"))
        self.notes.setOpenLinks(False)
        key = QLabel(
            self.tr(
                "P: performed without challenges \N{MIDDLE DOT} S: with some challenges "
                "\N{MIDDLE DOT} M: with major challenges \N{MIDDLE DOT} U: unable to be "
                "performed. The overall rating is the lead evaluator's final one, else the most "
                "frequent; the counts of every rating entered follow it."
            ),
            self,
        )
        key.setWordWrap(True)
        key.setStyleSheet("color: #4a525c")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.notes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(key)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    def set_evaluation(self, record: ExerciseRecord, evaluation: Mapping[str, Any]) -> None:
        """Show the report's evaluation section for a record's objectives and teams."""
        self._record = record
        objectives = [(o.id, o.title) for o in record.scenario.objectives]
        known = {o for o, _ in objectives}
        extra = {r["objective"] for r in evaluation.get("ratings", ())} - known
        objectives += [(o, o) for o in sorted(extra)]
        teams = [(t.id, t.name) for t in record.teams]
        self._observations = {
            (g["team"], g["objective"]): g for g in evaluation.get("observations", ())
        }
        self.model.set_matrix(objectives, teams, evaluation)
        self.notes.setHtml(
            "<p style='color:#6b7480'>"
            + html.escape(self.tr("Select a cell to read the evaluators' observations."))
            + "</p>"
        )

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        cell = self.model.data(indexes[0], RatingMatrixModel.ObjectRole)
        if isinstance(cell, MatrixCell):
            self.show_cell(cell)

    def show_cell(self, cell: MatrixCell) -> None:
        """List the strengths and areas for improvement noted for one cell."""
        record = self._record
        team = cell.team
        objective = cell.objective
        if record is not None:
            team = next((t.name for t in record.teams if t.id == cell.team), cell.team)
            found = record.scenario.objective_by_id.get(cell.objective)
            objective = cell.objective if found is None else found.title
        parts = [f"<h3>{html.escape(team)} \N{EM DASH} {html.escape(objective)}</h3>"]
        group = self._observations.get((cell.team, cell.objective))
        for key, heading in (
            ("strengths", self.tr("Strengths")),
            ("improvements", self.tr("Areas for improvement")),
        ):
            notes = [] if group is None else group[key]
            parts.append(f"<p><b>{html.escape(heading)}</b></p>")
            if not notes:
                parts.append(f"<p style='color:#6b7480'>{html.escape(self.tr('None noted.'))}</p>")
                continue
            parts.append("<ul>")
            parts += [
                f"<li>{html.escape(n['text'])} <span style='color:#6b7480'>"
                f"({html.escape(n['observer'])}, {html.escape(n['recorded_at'])})</span></li>"
                for n in notes
            ]
            parts.append("</ul>")
        self.notes.setHtml("".join(parts))

    def notes_text(self) -> str:
        """The observations shown, as plain text."""
        return self.notes.toPlainText()
