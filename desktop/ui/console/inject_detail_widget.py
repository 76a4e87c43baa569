"""One inject in full, for the facilitator: what the teams get, and what control expects."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.times import format_stamp
from desktop.services.console_views import InjectView
from desktop.ui.console.msel_model import (
    STATUS_COLOURS,
    MselModel,
    channel_text,
    status_texts,
)
from desktop.ui.exercise_bridge import ExerciseBridge

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"})
IMAGE_MAX_WIDTH = 380


class InjectDetailWidget(QWidget):
    """Shows the inject chosen with `show_inject`, kept current as the exercise moves."""

    def __init__(self, bridge: ExerciseBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._view: InjectView | None = None
        self._shown_attachments: tuple[str, ...] | None = None
        self._status_texts = status_texts(self)
        # Only for the phase and time wording, so both panels say the same.
        self._wording = MselModel(self)
        self._wording.set_phases(bridge.service.scenario.phases)

        self._empty_label = QLabel(self.tr("Select an inject to see its details."))
        self._empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty_label.setWordWrap(True)

        self.title_label = QLabel()
        self.title_label.setObjectName("injectTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)

        self.status_label = QLabel()
        self.time_label = QLabel()
        self.sender_label = QLabel()
        self.targets_label = QLabel()
        self.channel_label = QLabel()
        self.phase_label = QLabel()
        self.targets_label.setWordWrap(True)
        meta = QFormLayout()
        meta.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        meta.addRow(self.tr("Status:"), self.status_label)
        meta.addRow(self.tr("Time:"), self.time_label)
        meta.addRow(self.tr("From:"), self.sender_label)
        meta.addRow(self.tr("To:"), self.targets_label)
        meta.addRow(self.tr("Channel:"), self.channel_label)
        meta.addRow(self.tr("Phase:"), self.phase_label)

        self.body_browser = QTextBrowser()
        self.body_browser.setAccessibleName(self.tr("Inject text"))
        self.body_browser.setOpenLinks(False)
        self.body_browser.setOpenExternalLinks(False)
        self.body_browser.setMinimumHeight(140)

        self.attachments_heading = QLabel(self.tr("Attachments"))
        self.attachments_heading.setStyleSheet("font-weight: bold;")
        self._attachments_box = QWidget()
        self._attachments_layout = QVBoxLayout(self._attachments_box)
        self._attachments_layout.setContentsMargins(0, 0, 0, 0)

        self.control_frame = QFrame()
        self.control_frame.setObjectName("controlOnlyFrame")
        self.control_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.control_frame.setStyleSheet(
            "#controlOnlyFrame { background: #fdf2d0; border: 1px solid #d9b44a;"
            " border-radius: 4px; } #controlOnlyFrame QLabel { color: #3b2f07; }"
        )
        control_heading = QLabel(self.tr("CONTROL ONLY: not for the teams"))
        control_heading.setStyleSheet("font-weight: bold; letter-spacing: 1px;")
        self.expectation_label = QLabel()
        self.expectation_label.setObjectName("expectationLabel")
        self.expectation_label.setWordWrap(True)
        self.expectation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("evaluatorNotesLabel")
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        control = QVBoxLayout(self.control_frame)
        control.addWidget(control_heading)
        control.addWidget(_small_heading(self.tr("Expected reaction")))
        control.addWidget(self.expectation_label)
        control.addWidget(_small_heading(self.tr("Evaluator notes")))
        control.addWidget(self.notes_label)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.title_label)
        column.addLayout(meta)
        column.addWidget(self.body_browser, 1)
        column.addWidget(self.control_frame)
        column.addWidget(self.attachments_heading)
        column.addWidget(self._attachments_box)
        column.addStretch(0)
        scroll = QScrollArea()
        self._scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._empty_label)
        self._stack.addWidget(scroll)

        bridge.sig_changed.connect(self._on_bridge_changed)
        bridge.sig_ticked.connect(self._on_bridge_ticked)

    @property
    def inject_id(self) -> str | None:
        """The inject shown, if any."""
        return self._view.id if self._view is not None else None

    def show_inject(self, inject_id: str | None) -> None:
        """Show one inject (nothing with `None` or an empty id)."""
        if not inject_id:
            self._view = None
            self._shown_attachments = None
            self._stack.setCurrentIndex(0)
            return
        changed = self._view is None or self._view.id != inject_id
        self._render(self._bridge.service.inject(inject_id))
        self._stack.setCurrentIndex(1)
        if changed:  # another inject starts at its title, not where the last one was read
            self._scroll.verticalScrollBar().setValue(0)

    def _refresh(self) -> None:
        if self._view is None:
            return
        view = self._bridge.service.inject(self._view.id)
        if view != self._view:
            self._render(view)

    def _render(self, view: InjectView) -> None:
        self._view = view
        self.title_label.setText(view.title)
        colour = STATUS_COLOURS[view.status]
        status = self._status_texts[view.status]
        if view.skip_reason:
            status = self.tr("{status} ({reason})").format(status=status, reason=view.skip_reason)
        self.status_label.setText(f'<span style="color:{colour}">●</span> {_escape(status)}')
        self.time_label.setText(self._time_text(view))
        self.sender_label.setText(view.sender_name or self.tr("(no sender)"))
        self.targets_label.setText(self._wording.targets_text(view))
        channel = channel_text(self, view.channel.value)
        if view.public:
            channel = self.tr("{channel}, public").format(channel=channel)
        self.channel_label.setText(channel)
        self.phase_label.setText(self._wording.phase_text(view) or "—")
        self.body_browser.setMarkdown(view.body)
        if view.attachments != self._shown_attachments:
            self._show_attachments(view.attachments)
        self.expectation_label.setText(view.expectation or self.tr("No expected reaction set."))
        self.notes_label.setText(view.evaluator_notes or self.tr("No notes."))

    def _time_text(self, view: InjectView) -> str:
        text = self._wording.time_text(view)
        if view.triggered_by is not None:
            text = self.tr("{time} (triggered by {inject})").format(
                time=text, inject=view.triggered_by
            )
        if view.adhoc:
            text = self.tr("{time} (ad hoc)").format(time=text)
        if view.released_at is not None and view.released_at != view.time and not view.adhoc:
            text = self.tr("{time}; released {released}").format(
                time=text, released=format_stamp(view.released_at)
            )
        return text

    def _show_attachments(self, names: tuple[str, ...]) -> None:
        self._shown_attachments = names
        while self._attachments_layout.count():
            item = self._attachments_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.attachments_heading.setVisible(bool(names))
        self._attachments_box.setVisible(bool(names))
        for name in names:
            self._attachments_layout.addWidget(self._attachment_widget(name))

    def _attachment_widget(self, name: str) -> QWidget:
        file_name = PurePosixPath(name).name
        data = None
        if PurePosixPath(name).suffix.lower() in IMAGE_SUFFIXES:
            data = self._bridge.service.media(name)
        pixmap = QPixmap()
        if data is not None and pixmap.loadFromData(data):
            if pixmap.width() > IMAGE_MAX_WIDTH:
                pixmap = pixmap.scaledToWidth(
                    IMAGE_MAX_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            image = QLabel()
            image.setObjectName("attachmentImage")
            image.setPixmap(pixmap)
            image.setAccessibleName(file_name)
            image.setToolTip(name)
            caption = QLabel(file_name)
            caption.setStyleSheet("color: palette(mid);")
            enlarge = QPushButton(self.tr("View full size…"))
            enlarge.setObjectName("attachmentEnlarge")
            enlarge.setAccessibleName(self.tr("View {name} full size").format(name=file_name))
            enlarge.clicked.connect(lambda _=False, n=name, d=data: self._enlarge(n, d))
            row = QHBoxLayout()
            row.addWidget(caption)
            row.addStretch(1)
            row.addWidget(enlarge)
            layout.addWidget(image)
            layout.addLayout(row)
            return box
        label = QLabel("📎 " + file_name)
        label.setObjectName("attachmentFile")
        label.setToolTip(name)
        return label

    def _enlarge(self, name: str, data: bytes) -> None:
        from desktop.ui.console.attachment_viewer import AttachmentViewer

        viewer = AttachmentViewer(PurePosixPath(name).name, data, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()

    def _on_bridge_changed(self, _events: list[object]) -> None:
        self._refresh()

    def _on_bridge_ticked(self) -> None:
        self._refresh()


def _small_heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; margin-top: 4px;")
    return label


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
