"""The Network tab: the coordination network filtered by phase and team, its figures
beside it and the brokers of the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.report.naming import Names
from desktop.services.debrief_view import DebriefData, network_picture, select_decisions
from desktop.ui.debrief.category_legend import CategoryLegendWidget
from desktop.ui.debrief.network_view import NetworkView

BROKERS = 5


class NetworkWidget(QWidget):
    """Filters on top, the drawing in the middle, figures on the right, the key below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: DebriefData | None = None
        self.phase_combo = QComboBox(self)
        self.phase_combo.setAccessibleName(self.tr("Phase"))
        self.team_combo = QComboBox(self)
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.view = NetworkView(self)
        self.legend = CategoryLegendWidget(self)
        self.figures = QLabel(self)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.figures.setWordWrap(True)

        filters = QHBoxLayout()
        phase_label = QLabel(self.tr("&Phase:"), self)
        phase_label.setBuddy(self.phase_combo)
        filters.addWidget(phase_label)
        filters.addWidget(self.phase_combo)
        filters.addSpacing(16)
        team_label = QLabel(self.tr("&Team:"), self)
        team_label.setBuddy(self.team_combo)
        filters.addWidget(team_label)
        filters.addWidget(self.team_combo)
        filters.addStretch(1)
        hint = QLabel(self.tr("Hover over an actor for its numbers."), self)
        hint.setStyleSheet("color: #6b7480")
        filters.addWidget(hint)

        panel = QFrame(self)
        panel.setObjectName("networkFigures")
        panel.setFixedWidth(250)
        panel.setStyleSheet(
            "#networkFigures { background: #f6f8fa; border: 1px solid #d5d9de;"
            " border-radius: 6px; }"
        )
        side = QFormLayout(panel)
        side.addRow(self.figures)

        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(middle, 1)
        layout.addWidget(self.legend)
        self.phase_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.team_combo.currentIndexChanged.connect(self._on_filter_changed)

    def set_data(self, data: DebriefData) -> None:
        """Show the network of a document (all phases and teams to begin with)."""
        self._data = data
        record = data.record
        for combo in (self.phase_combo, self.team_combo):
            combo.blockSignals(True)
            combo.clear()
        self.phase_combo.addItem(self.tr("All phases"), None)
        for phase in record.scenario.phases:
            self.phase_combo.addItem(phase.title, phase.id)
        self.team_combo.addItem(self.tr("All teams"), None)
        for team in record.teams:
            self.team_combo.addItem(team.name, team.id)
        for combo in (self.phase_combo, self.team_combo):
            combo.blockSignals(False)
        self.view.set_layout(record, data.positions)
        self.legend.set_categories(str(a.category) for a in record.scenario.actors)
        self._on_filter_changed()

    def _on_filter_changed(self) -> None:
        data = self._data
        if data is None:
            return
        record = data.record
        decisions = select_decisions(
            record, phase=self.phase_combo.currentData(), team=self.team_combo.currentData()
        )
        picture = network_picture(record, decisions)
        self.view.show_network(picture)
        summary = picture.summary
        names = Names(record)
        brokers = sorted(
            (s for s in picture.stats.values() if s.betweenness > 0),
            key=lambda s: (-s.betweenness, s.actor),
        )[:BROKERS]
        rows = [
            (self.tr("Decisions"), f"{summary.decisions:,}"),
            (self.tr("Ties (distinct arrows)"), f"{summary.edges:,}"),
            (self.tr("Consultations"), f"{summary.consultations:,}"),
            (self.tr("Density"), f"{summary.density:.3f}"),
            (
                self.tr("Reciprocity"),
                "\N{EM DASH}" if summary.reciprocity is None else f"{summary.reciprocity:.2f}",
            ),
            (self.tr("E\N{EN DASH}I index (categories)"), f"{summary.ei_index_category:+.2f}"),
            (self.tr("Actors engaged"), f"{len(picture.engaged)} / {len(record.scenario.actors)}"),
        ]
        html = ["<table cellspacing='4'>"]
        html += [f"<tr><td>{k}</td><td align='right'><b>{v}</b></td></tr>" for k, v in rows]
        html.append("</table>")
        html.append(f"<p><b>{self.tr('Brokers (betweenness)')}</b><br>")
        if brokers:
            html.append(
                "<br>".join(
                    f"{_escape(names.actor(s.actor))}: {s.betweenness:.3f}" for s in brokers
                )
            )
        else:
            html.append(self.tr("No actor lies between two others."))
        html.append("</p>")
        html.append(
            "<p style='color:#6b7480'>"
            + self.tr(
                "Small numbers move a lot: one extra consultation can change the density or "
                "reorder the brokers. Read the counts before the ratios."
            )
            + "</p>"
        )
        self.figures.setText("".join(html))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
