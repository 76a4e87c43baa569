"""Four toggle buttons for P, S, M and U, chosen by click or by keyboard (1-4 or the letter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from desktop.domain.enums import Rating
from desktop.ui.observer.rating_matrix_model import RATING_COLOURS, rating_meaning

_RATINGS = tuple(Rating)
_KEYS = {
    Qt.Key.Key_1: Rating.P,
    Qt.Key.Key_2: Rating.S,
    Qt.Key.Key_3: Rating.M,
    Qt.Key.Key_4: Rating.U,
    Qt.Key.Key_P: Rating.P,
    Qt.Key.Key_S: Rating.S,
    Qt.Key.Key_M: Rating.M,
    Qt.Key.Key_U: Rating.U,
}


class RatingSelectorWidget(QFrame):
    """One tab stop holding the four ratings; the chosen one stays pressed."""

    sig_rating_changed = Signal(object)  # Rating | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingSelector")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Rating"))
        self.setAccessibleDescription(
            self.tr("Press 1 to 4, or P, S, M or U, to choose; arrows move between ratings.")
        )
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # exclusive groups cannot return to no choice
        self._buttons: dict[Rating, QToolButton] = {}
        self._rating: Rating | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        styles = [
            "QFrame#ratingSelector:focus { border: 2px solid palette(highlight);"
            " border-radius: 4px; }"
        ]
        for number, rating in enumerate(_RATINGS, start=1):
            button = QToolButton(self)
            button.setObjectName(f"rating{rating.value}")
            button.setText(rating.value)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(44, 36)
            button.setToolTip(
                self.tr("{letter}: {meaning} (key {number} or {letter})").format(
                    letter=rating.value, meaning=rating_meaning(rating), number=number
                )
            )
            button.setAccessibleName(rating_meaning(rating))
            background, text = RATING_COLOURS[rating]
            styles.append(
                f"QToolButton#rating{rating.value}:checked {{ background: {background};"
                f" color: {text}; font-weight: bold; }}"
            )
            self._group.addButton(button)
            self._buttons[rating] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.setStyleSheet("\n".join(styles))
        self._group.buttonClicked.connect(self._on_group_clicked)

    def rating(self) -> Rating | None:
        """The chosen rating, if any."""
        return self._rating

    def set_rating(self, rating: Rating | None) -> None:
        """Choose `rating` (or nothing)."""
        changed = rating != self._rating
        self._rating = rating
        for each, button in self._buttons.items():
            button.setChecked(each == rating)
        if changed:
            self.sig_rating_changed.emit(rating)

    def button(self, rating: Rating) -> QToolButton:
        """The button of one rating."""
        return self._buttons[rating]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_rating(_KEYS[key])
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            current = self.rating()
            step = 1 if key is Qt.Key.Key_Right else -1
            position = _RATINGS.index(current) + step if current else 0
            self.set_rating(_RATINGS[max(0, min(len(_RATINGS) - 1, position))])
            return
        super().keyPressEvent(event)

    def _on_group_clicked(self, button: QAbstractButton) -> None:
        chosen = next(rating for rating, each in self._buttons.items() if each is button)
        self.set_rating(chosen if button.isChecked() else None)
