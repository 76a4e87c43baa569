"""The Summary tab: the debrief's headline counts as cards, and the four coherence
indicators as "N of M (x%)" with what each one counts.

Descriptions of coordination, never grades: the wording says what happened and how
often, and the note under the indicators says why a low figure may be right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.debrief import texts

CARD_STYLE = (
    "#card { background: #f6f8fa; border: 1px solid #d5d9de; border-radius: 8px; }"
    "#cardValue { font-size: 22pt; font-weight: 600; color: #1f4e8c; }"
    "#cardTitle { font-weight: 600; color: #1d2430; }"
    "#cardDetail { color: #4a525c; }"
)
INDICATORS = ("agency", "whole_of_un", "harmonization", "alignment", "alignment_society")


class SummaryWidget(QScrollArea):
    """The scorecard of one document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget(self)
        self._body.setStyleSheet(CARD_STYLE)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self._layout.setSpacing(14)
        self.setWidget(self._body)
        self.cards: dict[str, QFrame] = {}

    def set_figures(self, figures: Mapping[str, Any], title: str) -> None:
        """Show the scorecard of a `coherence-report/1` dict."""
        heading = QLabel(f"<h2 style='margin:0'>{_escape(title)}</h2>", self._body)
        self._layout.addWidget(heading)
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, (key, value, label, detail) in enumerate(self._card_rows(figures)):
            card = self._card(key, value, label, detail)
            grid.addWidget(card, index // 4, index % 4)
        self._layout.addLayout(grid)
        self._layout.addWidget(self._indicators(figures["coherence"]))
        self._layout.addStretch(1)

    def card_text(self, key: str) -> str:
        """Every text of a card, for tests and screen readers."""
        card = self.cards[key]
        return " ".join(label.text() for label in card.findChildren(QLabel))

    def _card_rows(self, figures: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
        network = figures["network"]
        teams = figures["teams"]
        released = [i for i in figures["injects"] if i["released_minute"] is not None]
        pairs = [t for i in released for t in i["targets"]]
        answered = sum(1 for t in pairs if t["first_response_minutes"] is not None)
        met = sum(t["expectations"]["met"] for t in teams)
        partial = sum(t["expectations"]["partial"] for t in teams)
        unmet = sum(t["expectations"]["unmet"] for t in teams)
        space = figures["humanitarian_space"]
        breaches = len(space["firewall_breaches"])
        requests = space["military_asset_requests"]
        red = sum(1 for r in requests if r["verdict"] == "red-flag")
        concerns = sum(1 for r in requests if r["verdict"] == "concerns")
        return [
            (
                "decisions",
                f"{network['decisions']:,}",
                self.tr("Decisions"),
                self.tr("recorded by {n} of {total} teams").format(
                    n=sum(1 for t in teams if t["decisions"]), total=len(teams)
                ),
            ),
            (
                "consultations",
                f"{network['consultations']:,}",
                self.tr("Consultations"),
                self.tr("on {n} distinct ties between actors").format(n=network["edges"]),
            ),
            (
                "answered",
                self.tr("{a} of {b}").format(a=answered, b=len(pairs)),
                self.tr("Injects answered"),
                self.tr(
                    "requests for a response that received a decision; {r} injects released"
                ).format(r=len(released)),
            ),
            (
                "expectations",
                self.tr("{met} \N{MIDDLE DOT} {partial} \N{MIDDLE DOT} {unmet}").format(
                    met=met, partial=partial, unmet=unmet
                ),
                self.tr("Expectations met \N{MIDDLE DOT} partly \N{MIDDLE DOT} not met"),
                self.tr("{met} met, {partial} partly met, {unmet} not met").format(
                    met=met, partial=partial, unmet=unmet
                ),
            ),
            (
                "breaches",
                str(breaches),
                self.tr("Firewall breaches"),
                self.tr("consultations that crossed the humanitarian firewall"),
            ),
            (
                "assets",
                str(len(requests)),
                self.tr("Military-asset requests"),
                self.tr("{red} with red flags, {concerns} with concerns").format(
                    red=red, concerns=concerns
                )
                if requests
                else self.tr("no decision asked for military assets"),
            ),
            (
                "isolates",
                str(len(network["isolates"])),
                self.tr("Actors in no decision"),
                self.tr("of the scenario's actors (often normal)"),
            ),
            (
                "participants",
                str(figures["scenario"]["participants"]),
                self.tr("Participants"),
                self.tr("across the exercise's {n} teams").format(n=len(teams)),
            ),
        ]

    def _card(self, key: str, value: str, title: str, detail: str) -> QFrame:
        card = QFrame(self._body)
        card.setObjectName("card")
        card.setAccessibleName(title)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 12)
        for name, text in (("cardValue", value), ("cardTitle", title), ("cardDetail", detail)):
            label = QLabel(text, card)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)
        self.cards[key] = card
        return card

    def _indicators(self, coherence: Mapping[str, Any]) -> QFrame:
        frame = QFrame(self._body)
        frame.setObjectName("card")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 12, 14, 12)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        title = QLabel(f"<b>{self.tr('Coherence: the four elements')}</b>", frame)
        grid.addWidget(title, 0, 0, 1, 3)
        names = {
            "agency": self.tr("Agency"),
            "whole_of_un": self.tr("Whole-of-UN"),
            "harmonization": self.tr("Harmonization"),
            "alignment": self.tr("Alignment"),
            "alignment_society": self.tr("Alignment with society"),
        }
        explanations = {
            "agency": self.tr(
                "decisions that did not reverse an earlier decision of the same team"
            ),
            "whole_of_un": self.tr(
                "decisions by UN actors that engaged another part of the UN system"
            ),
            "harmonization": self.tr(
                "decisions by international actors that engaged an international actor of "
                "another organisation"
            ),
            "alignment": self.tr(
                "decisions by international actors that engaged a national or local actor"
            ),
            "alignment_society": self.tr(
                "the same decisions, counting only civil society, community and displaced "
                "people's leaders"
            ),
        }
        for row, key in enumerate(INDICATORS, start=1):
            ratio = coherence[key]
            name = QLabel(names[key], frame)
            name.setObjectName("cardTitle")
            value = QLabel(texts.share(ratio["numerator"], ratio["denominator"]), frame)
            value.setObjectName("indicator_" + key)
            value.setStyleSheet("font-weight: 600; color: #1f4e8c")
            explanation = QLabel(explanations[key], frame)
            explanation.setObjectName("cardDetail")
            explanation.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(explanation, row, 2)
        note = QLabel(
            self.tr(
                "These figures describe how the teams coordinated; they are not grades. A "
                "principled humanitarian actor keeping its distance from the mission lowers "
                "several of them for good reasons. Read the counts before the percentages: "
                "in a small exercise one decision moves a share a lot."
            ),
            frame,
        )
        note.setObjectName("cardDetail")
        note.setWordWrap(True)
        grid.addWidget(note, len(INDICATORS) + 1, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        return frame


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
