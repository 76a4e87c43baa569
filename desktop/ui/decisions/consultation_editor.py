"""Who a team consulted, and how, entered from the keyboard.

Type an actor's short name or id (completion helps) and press Enter: the actor is added
and its mode list takes the focus, where one letter picks the mode (i, c, j, r, t) and
Enter goes back to the entry line. `ocha:joint` (or `ocha:j`) adds with the mode at once.
Delete on a row's mode list removes the row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import ConsultMode
from desktop.domain.records import Consultation
from desktop.domain.scenario import Actor

DEFAULT_MODE = ConsultMode.CONSULT


class _Row(QWidget):
    """One consulted actor: its name, its mode and a remove button."""

    def __init__(self, actor: Actor, mode: ConsultMode, labels: dict[ConsultMode, str]) -> None:
        super().__init__()
        self.actor = actor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QLabel(actor.short or actor.name)
        self.name.setToolTip(actor.name)
        self.mode = QComboBox()
        for value in ConsultMode:
            self.mode.addItem(labels[value], value)
        self.mode.setCurrentIndex(self.mode.findData(mode))
        self.mode.setAccessibleName(self.tr("How {actor} was engaged").format(actor=actor.short))
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.setToolTip(self.tr("Remove (Delete on the mode list)"))
        self.remove.setAccessibleName(self.tr("Remove {actor}").format(actor=actor.short))
        layout.addWidget(self.name, 1)
        layout.addWidget(self.mode)
        layout.addWidget(self.remove)

    def consultation(self) -> Consultation:
        return Consultation(self.actor.id, ConsultMode(self.mode.currentData()))


class ConsultationEditor(QWidget):
    """A list of (actor, mode) pairs with a quick entry line."""

    sig_edited = Signal()

    def __init__(self, actors: Sequence[Actor] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actors: tuple[Actor, ...] = ()
        self._rows: list[_Row] = []
        self._labels = {
            ConsultMode.INFORM: self.tr("inform"),
            ConsultMode.CONSULT: self.tr("consult"),
            ConsultMode.JOINT: self.tr("joint"),
            ConsultMode.REQUEST: self.tr("request"),
            ConsultMode.TASK: self.tr("task"),
        }
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("Actor, Enter (e.g. ocha or ocha:joint)"))
        self.entry.setAccessibleName(self.tr("Add a consulted actor"))
        self.entry.setClearButtonEnabled(True)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)
        self.entry.returnPressed.connect(self._on_entry_return_pressed)
        self.entry.textEdited.connect(self._on_entry_text_edited)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addLayout(self._list)
        self.set_actors(actors)

    # Public.

    def set_actors(self, actors: Sequence[Actor]) -> None:
        """The actors that may be consulted (the scenario's)."""
        self._actors = tuple(actors)
        names: list[str] = []
        for actor in self._actors:
            names.append(actor.short or actor.name)
            if actor.id.casefold() != (actor.short or actor.name).casefold():
                names.append(actor.id)
        self._names.setStringList(names)

    def consultations(self) -> tuple[Consultation, ...]:
        """The entered pairs, in the order added."""
        return tuple(row.consultation() for row in self._rows)

    def set_consultations(self, consultations: Sequence[Consultation]) -> None:
        """Replace the list (unknown actors are left out)."""
        self.clear()
        for consultation in consultations:
            actor = self._by_id(consultation.actor)
            if actor is not None:
                self.add(actor, consultation.mode)

    def add(self, actor: Actor, mode: ConsultMode = DEFAULT_MODE) -> QComboBox:
        """Add an actor (or change its mode if listed); returns the row's mode list."""
        for row in self._rows:
            if row.actor.id == actor.id:
                row.mode.setCurrentIndex(row.mode.findData(mode))
                self.sig_edited.emit()
                return row.mode
        row = _Row(actor, mode, self._labels)
        row.mode.installEventFilter(self)
        row.mode.currentIndexChanged.connect(self._on_row_mode_changed)
        row.remove.clicked.connect(lambda _checked=False, row=row: self._remove(row))
        self._rows.append(row)
        self._list.addWidget(row)
        previous = self._rows[-2].mode if len(self._rows) > 1 else self.entry
        QWidget.setTabOrder(previous, row.mode)
        self.sig_edited.emit()
        return row.mode

    def clear(self) -> None:
        """Remove every row and empty the entry line."""
        for row in list(self._rows):
            self._remove(row, focus=False)
        self.entry.clear()
        self.message.hide()

    def resolve(self, text: str) -> Actor | None:
        """The actor an entry names: exact id, short or full name, else a unique prefix."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        for actor in self._actors:
            if wanted in (actor.id.casefold(), actor.short.casefold(), actor.name.casefold()):
                return actor
        matches = [
            actor
            for actor in self._actors
            if actor.id.casefold().startswith(wanted) or actor.short.casefold().startswith(wanted)
        ]
        return matches[0] if len(matches) == 1 else None

    def resolve_mode(self, text: str) -> ConsultMode | None:
        """The mode a (possibly abbreviated, possibly translated) word names."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        for mode, label in self._labels.items():
            if mode.value.startswith(wanted) or label.casefold().startswith(wanted):
                return mode
        return None

    # Events.

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            row = next((r for r in self._rows if r.mode is watched), None)
            if row is not None:
                key = event.key()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                    self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
                if key == Qt.Key.Key_Delete:
                    self._remove(row)
                    return True
        return super().eventFilter(watched, event)

    def _on_entry_return_pressed(self) -> None:
        text = self.entry.text()
        name, _, mode_text = text.partition(":")
        if not name.strip():
            return
        actor = self.resolve(name)
        if actor is None:
            self._complain(self.tr("No actor '{name}'").format(name=name.strip()))
            return
        mode = self.resolve_mode(mode_text) if mode_text.strip() else None
        if mode_text.strip() and mode is None:
            self._complain(
                self.tr("No mode '{mode}' (inform, consult, joint, request, task)").format(
                    mode=mode_text.strip()
                )
            )
            return
        # The keyboard stays in the entry line, so actors typed one after another are all
        # added; a mode is typed after a colon, or chosen later in the row's list.
        self.add(actor, mode or DEFAULT_MODE)
        self.entry.clear()
        self.message.hide()

    def _on_entry_text_edited(self, _text: str) -> None:
        self.message.hide()

    def _on_row_mode_changed(self, _index: int) -> None:
        self.sig_edited.emit()

    # Inside.

    def _complain(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _remove(self, row: _Row, *, focus: bool = True) -> None:
        position = self._rows.index(row)
        self._rows.remove(row)
        self._list.removeWidget(row)
        row.mode.removeEventFilter(self)
        row.hide()
        row.deleteLater()
        if focus:
            target = self._rows[min(position, len(self._rows) - 1)].mode if self._rows else None
            (target or self.entry).setFocus(Qt.FocusReason.OtherFocusReason)
        self.sig_edited.emit()

    def _by_id(self, actor_id: str) -> Actor | None:
        return next((actor for actor in self._actors if actor.id == actor_id), None)
