"""The room's screen: the scenario clock, the phase and the in-game news, readable from afar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.events import Event
from desktop.domain.times import format_stamp
from desktop.services.console_views import InjectView
from desktop.ui.exercise_bridge import ExerciseBridge

# Colours of the two themes: (window, text, card, muted text, accent).
_LIGHT = ("#f4f4f0", "#111111", "#ffffff", "#555555", "#1f5fa8")
_DARK = ("#101418", "#f2f2f2", "#1d242c", "#a8b0b8", "#7fb2f0")
_PAUSED = ("#c62828", "#ffffff")

# Point sizes at the reference size of 1280 x 720; everything scales from there.
_REFERENCE = (1280, 720)
_SIZES = {
    "clock": 72.0,
    "date": 22.0,
    "phase": 22.0,
    "badge": 22.0,
    "heading": 18.0,
    "title": 26.0,
    "meta": 16.0,
    "body": 20.0,
}


class ProjectorWindow(QWidget):
    """A second-screen view: the clock, the phase, a pause sign and public media injects.

    Keys: D switches light and dark, F or F11 full screen, Esc leaves full screen.
    """

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._bridge = bridge
        self._dark = False
        self._scale = 1.0
        self._shown_ids: tuple[str, ...] = ()
        self._cards: list[tuple[QFrame, QLabel, QLabel, QLabel]] = []
        self.setWindowTitle(
            self.tr("Coherence: room screen: {title}").format(title=bridge.service.scenario.title)
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Room screen"))

        self.clock_label = QLabel(self)
        self.clock_label.setAccessibleName(self.tr("Scenario time"))
        self.date_label = QLabel(self)
        self.date_label.setAccessibleName(self.tr("Calendar date"))
        self.phase_label = QLabel(self)
        self.phase_label.setAccessibleName(self.tr("Phase"))
        for label in (self.date_label, self.phase_label):
            # Long dates and phase names wrap rather than push the clock off the screen.
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.paused_label = QLabel(self.tr("PAUSED"), self)
        self.paused_label.setAccessibleName(self.tr("Clock state"))
        self.paused_label.setAutoFillBackground(True)
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.heading_label = QLabel(self.tr("NEWS"), self)
        self.empty_label = QLabel(self.tr("No news yet."), self)
        self.empty_label.setAccessibleName(self.tr("News"))

        self._cards_box = QWidget(self)
        self._cards_layout = QVBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.addWidget(self.empty_label)
        self._cards_layout.addStretch(1)
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(self._cards_box)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.viewport().setAutoFillBackground(False)
        self._cards_box.setAutoFillBackground(False)

        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.date_label)
        when.addWidget(self.phase_label)
        top = QHBoxLayout()
        top.addWidget(self.clock_label)
        top.addSpacing(24)
        top.addLayout(when, 1)
        top.addWidget(self.paused_label, 0, Qt.AlignmentFlag.AlignVCenter)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addLayout(top)
        layout.addWidget(rule)
        layout.addWidget(self.heading_label)
        layout.addWidget(self._scroll, 1)

        bridge.sig_ticked.connect(self._on_bridge_ticked)
        bridge.sig_changed.connect(self._on_bridge_changed)
        self.resize(*_REFERENCE)
        self._apply_theme()
        self.refresh()

    # Public.

    def is_dark(self) -> bool:
        """Whether the dark theme is on."""
        return self._dark

    def set_dark(self, dark: bool) -> None:
        """Light text on dark (dim rooms) or dark text on light (bright rooms)."""
        if dark != self._dark:
            self._dark = dark
            self._apply_theme()

    def toggle_dark(self) -> None:
        """Switch between light and dark."""
        self.set_dark(not self._dark)

    def toggle_full_screen(self) -> None:
        """Fill the screen, or go back to a window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def refresh(self) -> None:
        """Read the clock and the public injects again."""
        self._refresh_clock()
        public = [view for view in self._bridge.service.released_injects() if view.public]
        public.sort(key=lambda view: view.released_at or 0, reverse=True)
        ids = tuple(view.id for view in public)
        if ids != self._shown_ids:
            self._shown_ids = ids
            self._rebuild_cards(public)

    def card_titles(self) -> list[str]:
        """The titles of the news cards shown, top first."""
        return [title.text() for _frame, title, _meta, _body in self._cards]

    # Events.

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_D:
            self.toggle_dark()
        elif key in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_Space):
            bar = self._scroll.verticalScrollBar()
            bar.setValue(bar.value() + bar.pageStep() // (1 if key != Qt.Key.Key_Down else 4))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            bar = self._scroll.verticalScrollBar()
            bar.setValue(bar.value() - bar.pageStep() // (1 if key != Qt.Key.Key_Up else 4))
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        scale = min(size.width() / _REFERENCE[0], size.height() / _REFERENCE[1])
        scale = max(0.5, scale)
        if abs(scale - self._scale) > 0.01:
            self._scale = scale
            self._apply_fonts()

    def _on_bridge_ticked(self) -> None:
        self._refresh_clock()

    def _on_bridge_changed(self, events: Sequence[Event]) -> None:
        self.refresh()

    # Drawing.

    def _refresh_clock(self) -> None:
        status = self._bridge.service.clock_status()
        self.clock_label.setText(status.stamp)
        if status.calendar_date is not None:
            day = status.calendar_date
            self.date_label.setText(
                QLocale().toString(
                    QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
                )
            )
        else:
            self.date_label.setText("")
        self.phase_label.setText(status.phase_title)
        badges = {
            "paused": self.tr("PAUSED"),
            "created": self.tr("NOT STARTED"),
            "ended": self.tr("ENDED"),
        }
        badge = badges.get(status.lifecycle)
        self.paused_label.setVisible(badge is not None)
        if badge is not None:
            self.paused_label.setText(badge)

    def _rebuild_cards(self, views: Sequence[InjectView]) -> None:
        for frame, *_labels in self._cards:
            self._cards_layout.removeWidget(frame)
            frame.deleteLater()
        self._cards = []
        self.empty_label.setVisible(not views)
        for position, view in enumerate(views):
            card = self._make_card(view)
            self._cards_layout.insertWidget(position, card[0])
            self._cards.append(card)
        self._apply_theme()
        self._apply_fonts()

    def _make_card(self, view: InjectView) -> tuple[QFrame, QLabel, QLabel, QLabel]:
        frame = QFrame(self._cards_box)
        frame.setAutoFillBackground(True)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(view.title, frame)
        title.setWordWrap(True)
        stamp = format_stamp(view.released_at) if view.released_at is not None else ""
        meta = QLabel(" · ".join(part for part in (view.sender_name, stamp) if part), frame)
        body = QLabel(frame)
        body.setTextFormat(Qt.TextFormat.MarkdownText)
        body.setText(view.body)
        body.setWordWrap(True)
        body.setAccessibleName(view.title)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.addWidget(title)
        layout.addWidget(meta)
        layout.addWidget(body)
        return frame, title, meta, body

    def _apply_fonts(self) -> None:
        def font(name: str, bold: bool = False) -> QFont:
            result = QFont(self.font())
            result.setPointSizeF(max(6.0, _SIZES[name] * self._scale))
            result.setBold(bold)
            return result

        clock = font("clock", bold=True)
        clock.setStyleHint(QFont.StyleHint.Monospace)
        clock.setFixedPitch(True)
        self.clock_label.setFont(clock)
        self.date_label.setFont(font("date"))
        self.phase_label.setFont(font("phase", bold=True))
        self.paused_label.setFont(font("badge", bold=True))
        self.heading_label.setFont(font("heading", bold=True))
        self.empty_label.setFont(font("body"))
        for _frame, title, meta, body in self._cards:
            title.setFont(font("title", bold=True))
            meta.setFont(font("meta"))
            body.setFont(font("body"))
        margin = int(12 * self._scale)
        self.paused_label.setContentsMargins(margin * 2, margin // 2, margin * 2, margin // 2)

    def _apply_theme(self) -> None:
        window, text, card, muted, accent = _DARK if self._dark else _LIGHT
        palette = QPalette(self.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Window, QColor(window))
            palette.setColor(group, QPalette.ColorRole.WindowText, QColor(text))
            palette.setColor(group, QPalette.ColorRole.Base, QColor(window))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(text))
        self.setPalette(palette)
        self._recolour(self.date_label, muted)
        self._recolour(self.heading_label, accent)
        self._recolour(self.empty_label, muted)
        badge = QPalette(self.paused_label.palette())
        badge.setColor(QPalette.ColorRole.Window, QColor(_PAUSED[0]))
        badge.setColor(QPalette.ColorRole.WindowText, QColor(_PAUSED[1]))
        self.paused_label.setPalette(badge)
        for frame, _title, meta, _body in self._cards:
            card_palette = QPalette(frame.palette())
            card_palette.setColor(QPalette.ColorRole.Window, QColor(card))
            frame.setPalette(card_palette)
            self._recolour(meta, muted)

    @staticmethod
    def _recolour(label: QLabel, colour: str) -> None:
        palette = QPalette(label.palette())
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)
