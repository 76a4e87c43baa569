"""One team's window: what the team has been sent, what control answered, and its decisions.

It reads only what the team may see (its released injects and control's replies to it,
never expectations or evaluator notes) and talks only to the bridge, so the same window
could later run on a team's own laptop against a service on another machine.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel
from desktop.domain.events import Event
from desktop.domain.times import format_stamp
from desktop.services.console_views import InjectView
from desktop.ui.exercise_bridge import ExerciseBridge

DecisionFormFactory = Callable[[ExerciseBridge, str], QWidget]

_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_MEDIA_SCHEME = "coherence-media"
_MAX_IMAGE_WIDTH = 640
_ATTENTION = "• "


def _decision_form(bridge: ExerciseBridge, team_id: str) -> QWidget:
    # Imported here: the form is heavy and the window must open without it in tests.
    from desktop.ui.decisions.decision_form import DecisionForm

    return DecisionForm(bridge, team_id=team_id)


@dataclass(frozen=True)
class _FeedEntry:
    key: str
    time: int
    order: int
    heading: str
    meta: str


class TeamWindow(QWidget):
    """The team's injects and replies, newest first, beside the team's decision form."""

    sig_inject_selected = Signal(str)  # the id of the inject the team is reading

    def __init__(
        self,
        bridge: ExerciseBridge,
        team_id: str,
        parent: QWidget | None = None,
        decision_form_factory: DecisionFormFactory | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._bridge = bridge
        self._team_id = team_id
        self._team_name = bridge.service.team(team_id).name
        self._known: set[str] | None = None
        self._unread: set[str] = set()
        self._attention = False
        self._injects: dict[str, InjectView] = {}
        self._entries: tuple[_FeedEntry, ...] = ()
        self.setAccessibleName(self.tr("Team window: {team}").format(team=self._team_name))

        self.team_label = QLabel(self._team_name, self)
        self.clock_label = QLabel(self)
        self.clock_label.setAccessibleName(self.tr("Scenario time"))
        self.phase_label = QLabel(self)
        self.phase_label.setAccessibleName(self.tr("Phase"))
        self.state_label = QLabel(self)
        self.state_label.setAccessibleName(self.tr("Clock state"))
        self.unread_label = QLabel(self)
        self.unread_label.setAccessibleName(self.tr("New messages"))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.team_label.setFont(big)
        self.clock_label.setFont(big)
        self.state_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.unread_label.setStyleSheet("color: #1f5fa8; font-weight: bold;")

        self.feed_list = QListWidget(self)
        self.feed_list.setAccessibleName(self.tr("Injects and replies received, newest first"))
        self.feed_list.setWordWrap(True)
        self.feed_list.setAlternatingRowColors(True)
        self.feed_list.setSpacing(2)
        self.detail_view = QTextBrowser(self)
        self.detail_view.setAccessibleName(self.tr("Message"))
        self.detail_view.setOpenLinks(False)
        self.detail_view.setOpenExternalLinks(False)
        self.detail_view.setPlaceholderText(self.tr("Choose a message to read it."))

        factory = decision_form_factory or _decision_form
        self.decision_form = factory(bridge, team_id)
        # A form that can preset the inject it answers gets the one the team is reading.
        set_inject = getattr(self.decision_form, "set_inject", None)
        if callable(set_inject):
            self.sig_inject_selected.connect(set_inject)

        self._build_layout()
        self.feed_list.currentItemChanged.connect(self._on_feed_list_current_changed)
        bridge.sig_ticked.connect(self._on_bridge_ticked)
        bridge.sig_changed.connect(self._on_bridge_changed)
        self.resize(1200, 760)
        self.refresh()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.team_label)
        header.addStretch(1)
        header.addWidget(self.unread_label)
        header.addSpacing(16)
        header.addWidget(self.state_label)
        header.addSpacing(16)
        header.addWidget(self.phase_label)
        header.addSpacing(16)
        header.addWidget(self.clock_label)

        reading = QSplitter(Qt.Orientation.Vertical, self)
        reading.addWidget(self.feed_list)
        reading.addWidget(self.detail_view)
        reading.setStretchFactor(0, 2)
        reading.setStretchFactor(1, 3)
        form_scroll = QScrollArea(self)
        form_scroll.setWidget(self.decision_form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(reading)
        main.addWidget(form_scroll)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 1)
        main.setSizes([620, 580])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(main, 1)
        QWidget.setTabOrder(self.feed_list, self.detail_view)
        QWidget.setTabOrder(self.detail_view, self.decision_form)

    # Public.

    @property
    def team_id(self) -> str:
        """The team this window is for."""
        return self._team_id

    def refresh(self) -> None:
        """Read the clock, the team's injects and control's replies again."""
        self._refresh_header()
        service = self._bridge.service
        injects = service.released_injects(self._team_id)
        self._injects = {view.id: view for view in injects}
        entries = [self._inject_entry(order, view) for order, view in enumerate(injects)]
        replies = service.replies(self._team_id)
        for order, reply in enumerate(replies):
            first_line = reply.text.strip().splitlines()[0] if reply.text.strip() else ""
            entries.append(
                _FeedEntry(
                    key=f"reply:{order}",
                    time=reply.at,
                    order=order,
                    heading=_shorten(first_line, 90),
                    meta=self.tr("{time} · Reply from {sender}").format(
                        time=format_stamp(reply.at), sender=service.actor_name(reply.sender)
                    ),
                )
            )
        # Newest first; replies after the injects they may answer when both share a minute.
        entries.sort(key=lambda e: (e.time, e.key.startswith("reply:"), e.order), reverse=True)
        keys = {entry.key for entry in entries}
        if self._known is not None:
            fresh = keys - self._known
            if fresh:
                self._unread |= fresh
                if not self.isActiveWindow():
                    self._attention = True
        self._known = keys
        if tuple(entries) != self._entries:
            self._entries = tuple(entries)
            self._fill_feed()
        self._refresh_title()

    def unread_keys(self) -> frozenset[str]:
        """Feed entries not opened since they arrived (`inject:<id>` or `reply:<n>`)."""
        return frozenset(self._unread)

    def feed_keys(self) -> list[str]:
        """The feed's entries, top (newest) first."""
        return [entry.key for entry in self._entries]

    # Events.

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._attention = False
            self._refresh_title()

    def _on_bridge_ticked(self) -> None:
        self._refresh_header()

    def _on_bridge_changed(self, events: Sequence[Event]) -> None:
        self.refresh()

    def _on_feed_list_current_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            self.detail_view.clear()
            return
        key = str(current.data(_KEY_ROLE))
        if key in self._unread:
            self._unread.discard(key)
            self._style_item(current, unread=False)
            self._refresh_title()
        if key.startswith("inject:"):
            view = self._injects[key.removeprefix("inject:")]
            self._show_inject(view)
            self.sig_inject_selected.emit(view.id)
        else:
            self._show_reply(int(key.removeprefix("reply:")))

    # Drawing.

    def _inject_entry(self, order: int, view: InjectView) -> _FeedEntry:
        time = view.released_at if view.released_at is not None else 0
        parts = [format_stamp(time), self._channel_label(view.channel)]
        if view.sender_name:
            parts.append(self.tr("from {sender}").format(sender=view.sender_name))
        return _FeedEntry(f"inject:{view.id}", time, order, view.title, " · ".join(parts))

    def _fill_feed(self) -> None:
        current = self.feed_list.currentItem()
        chosen = current.data(_KEY_ROLE) if current is not None else None
        self.feed_list.blockSignals(True)
        self.feed_list.clear()
        for entry in self._entries:
            item = QListWidgetItem(f"{entry.heading}\n{entry.meta}")
            item.setData(_KEY_ROLE, entry.key)
            self._style_item(item, unread=entry.key in self._unread)
            self.feed_list.addItem(item)
            if entry.key == chosen:
                self.feed_list.setCurrentItem(item)
        self.feed_list.blockSignals(False)

    def _style_item(self, item: QListWidgetItem, *, unread: bool) -> None:
        font = QFont(self.feed_list.font())
        font.setBold(unread)
        item.setFont(font)
        heading, _, meta = item.text().partition("\n")
        new = self.tr("NEW")
        heading = heading.removeprefix(f"{new} · ")
        item.setText((f"{new} · " if unread else "") + heading + "\n" + meta)

    def _channel_label(self, channel: Channel) -> str:
        labels = {
            Channel.MEETING: self.tr("Meeting"),
            Channel.EMAIL: self.tr("E-mail"),
            Channel.PHONE: self.tr("Phone"),
            Channel.RADIO: self.tr("Radio"),
            Channel.MEDIA: self.tr("Media"),
            Channel.DOCUMENT: self.tr("Document"),
            Channel.VISIT: self.tr("Visit"),
        }
        return labels.get(channel, channel.value)

    def _refresh_header(self) -> None:
        status = self._bridge.service.clock_status()
        self.clock_label.setText(status.stamp)
        self.phase_label.setText(status.phase_title)
        states = {
            "paused": self.tr("PAUSED"),
            "created": self.tr("NOT STARTED"),
            "ended": self.tr("ENDED"),
        }
        self.state_label.setText(states.get(status.lifecycle, ""))

    def _refresh_title(self) -> None:
        count = len(self._unread)
        self.unread_label.setText(self.tr("{count} new").format(count=count) if count else "")
        title = self.tr("Coherence: {team}").format(team=self._team_name)
        self.setWindowTitle((_ATTENTION if self._attention else "") + title)

    def _show_inject(self, view: InjectView) -> None:
        document = self.detail_view.document()
        stamp = format_stamp(view.released_at) if view.released_at is not None else ""
        meta = " · ".join(
            part
            for part in (
                stamp,
                self._channel_label(view.channel),
                self.tr("from {sender}").format(sender=view.sender_name)
                if view.sender_name
                else "",
                self.tr("to {targets}").format(targets=", ".join(view.target_names)),
            )
            if part
        )
        parts = [f"<h2>{html.escape(view.title)}</h2>", f"<p><i>{html.escape(meta)}</i></p>"]
        parts.append(_markdown_html(view.body))
        images: list[tuple[QUrl, QImage]] = []
        for name in view.attachments:
            image = QImage.fromData(self._bridge.service.media(name) or b"")
            if image.isNull():
                parts.append(
                    "<p>"
                    + html.escape(self.tr("Attachment (cannot be shown): {name}").format(name=name))
                    + "</p>"
                )
                continue
            url = QUrl(f"{_MEDIA_SCHEME}:{name}")
            room = self.detail_view.viewport().width() - 24
            width = min(image.width(), _MAX_IMAGE_WIDTH, max(240, room))
            images.append((url, image))
            parts.append(
                f'<p><img src="{html.escape(url.toString())}" width="{width}"'
                f' alt="{html.escape(name)}"></p><p><small>{html.escape(name)}</small></p>'
            )
        document.clear()
        for url, image in images:
            document.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        document.setHtml("".join(parts))

    def _show_reply(self, order: int) -> None:
        service = self._bridge.service
        reply = service.replies(self._team_id)[order]
        sender = service.actor_name(reply.sender)
        meta = format_stamp(reply.at)
        if reply.inject and reply.inject in self._injects:
            meta += " · " + self.tr("about: {title}").format(
                title=self._injects[reply.inject].title
            )
        self.detail_view.document().clear()
        self.detail_view.document().setHtml(
            f"<h2>{html.escape(self.tr('Reply from {sender}').format(sender=sender))}</h2>"
            f"<p><i>{html.escape(meta)}</i></p>" + _markdown_html(reply.text)
        )


def _markdown_html(text: str) -> str:
    converter = QTextDocument()
    converter.setMarkdown(text)
    body = converter.toHtml()
    start = body.find("<body")
    start = body.find(">", start) + 1 if start >= 0 else 0
    end = body.rfind("</body>")
    return body[start : end if end >= 0 else len(body)]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
