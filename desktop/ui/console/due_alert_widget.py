"""A banner over the console for injects whose time has come but wait for a release."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import commands as c
from desktop.services.console_views import InjectView
from desktop.ui.console.msel_model import MselModel
from desktop.ui.exercise_bridge import ExerciseBridge


class DueAlertWidget(QFrame):
    """Lists the due injects, each with Release and Show; hidden while none is due."""

    sig_inject_requested = Signal(str)  # the inject id the facilitator wants to see

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._shown: tuple[tuple[str, str, int | None], ...] = ()
        self._release_buttons: dict[str, QPushButton] = {}
        self._show_buttons: dict[str, QPushButton] = {}
        self._wording = MselModel(self)
        self.setObjectName("dueAlert")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#dueAlert { background: #fff4d6; border: 1px solid #d97706; border-radius: 4px; }"
            " #dueAlert QLabel { color: #3d2a00; }"
            " #dueAlertShow { border: none; color: #1d4ed8; text-decoration: underline;"
            " background: transparent; padding: 0 4px; }"
        )
        self.heading_label = QLabel()
        self.heading_label.setObjectName("dueAlertHeading")
        self.heading_label.setStyleSheet("font-weight: bold;")
        self._rows = QGridLayout()
        self._rows.setColumnStretch(1, 1)
        self._rows.setHorizontalSpacing(12)
        heading = QHBoxLayout()
        icon = QLabel()
        size = self.fontMetrics().height()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        heading.addWidget(icon)
        heading.addWidget(self.heading_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(heading)
        layout.addLayout(self._rows)
        self.setVisible(False)

        bridge.sig_changed.connect(self._on_bridge_changed)
        bridge.sig_ticked.connect(self._on_bridge_ticked)
        self.refresh()

    def due_ids(self) -> tuple[str, ...]:
        """The injects listed, in order."""
        return tuple(key[0] for key in self._shown)

    def release_button(self, inject_id: str) -> QPushButton:
        """The Release button of a listed inject."""
        return self._release_buttons[inject_id]

    def show_button(self, inject_id: str) -> QPushButton:
        """The Show link of a listed inject."""
        return self._show_buttons[inject_id]

    def refresh(self) -> None:
        """Read the due injects again; rebuilds the list only when it changed."""
        due = sorted(
            self._bridge.service.due_injects(),
            key=lambda view: (view.time if view.time is not None else 0, view.id),
        )
        key = tuple((view.id, view.title, view.time) for view in due)
        if key == self._shown:
            return
        self._shown = key
        self._rebuild(due)

    def _rebuild(self, due: list[InjectView]) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._release_buttons.clear()
        self._show_buttons.clear()
        count = len(due)
        if count == 1:
            heading = self.tr("1 inject is due and waits for you to release it")
        else:
            heading = self.tr("{count} injects are due and wait for you to release them")
        self.heading_label.setText(heading.format(count=count))
        for row, view in enumerate(due):
            time = QLabel(self._wording.time_text(view))
            title = QLabel(view.title)
            title.setToolTip(view.id)
            show = QPushButton(self.tr("Show"))
            show.setObjectName("dueAlertShow")
            show.setFlat(True)
            show.setAccessibleName(self.tr("Show {title}").format(title=view.title))
            show.clicked.connect(lambda _=False, i=view.id: self.sig_inject_requested.emit(i))
            release = QPushButton(self.tr("Release"))
            release.setAccessibleName(self.tr("Release {title}").format(title=view.title))
            release.clicked.connect(lambda _=False, i=view.id: self._release(i))
            self._rows.addWidget(time, row, 0)
            self._rows.addWidget(title, row, 1)
            self._rows.addWidget(show, row, 2)
            self._rows.addWidget(release, row, 3)
            self._show_buttons[view.id] = show
            self._release_buttons[view.id] = release
        self.setVisible(count > 0)

    def _release(self, inject_id: str) -> None:
        self._bridge.execute(c.Release(inject_id), self)

    def _on_bridge_changed(self, _events: list[object]) -> None:
        self.refresh()

    def _on_bridge_ticked(self) -> None:
        self.refresh()
