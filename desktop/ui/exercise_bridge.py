"""The one object windows share for an open exercise: commands, change signals, the ticker.

Windows get the bridge through their constructors. They send commands with `execute`,
which commits before it returns, and refresh when `sig_changed` says events were
committed, whichever window caused them. A team view needs nothing else, so it could
later run against a service on another machine.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain import commands as c
from desktop.domain.events import Event
from desktop.services.console import ConsoleService
from desktop.ui.messages import explain_failure
from desktop.ui.workers import report_uncaught

log = logging.getLogger(__name__)

TICK_MS = 1000


class ExerciseBridge(QObject):
    """Qt signals over a `ConsoleService`, and the timer that moves the clock."""

    sig_changed = Signal(list)  # the committed events
    sig_ticked = Signal()  # once a second, for clocks to redraw

    def __init__(self, service: ConsoleService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._unsubscribe = service.subscribe(self._on_service_committed)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._failed = False

    def start_ticking(self) -> None:
        """Let the running clock bring injects due (every second)."""
        self._timer.start()

    def stop_ticking(self) -> None:
        """Stop the ticker (before closing)."""
        self._timer.stop()

    def execute(
        self, command: c.Command, parent: QWidget | None, *, at: int | None = None
    ) -> list[Event] | None:
        """Carry out `command`; on refusal or a document problem, explain and return `None`."""
        try:
            return self.service.execute(command, at=at)
        except Exception as error:
            if not explain_failure(parent, self.tr("Not recorded"), error):
                raise
            return None

    def close(self) -> None:
        """Stop ticking and close the document (the clock is paused first)."""
        self.stop_ticking()
        self._unsubscribe()
        self.service.close()

    def _on_service_committed(self, events: Sequence[Event]) -> None:
        self.sig_changed.emit(list(events))

    def _on_timer_timeout(self) -> None:
        try:
            self.service.tick()
        except Exception as error:
            # A document that cannot be written (USB stick pulled) must not raise a
            # dialog every second: say it once, keep ticking, and recover when it can.
            if not self._failed:
                self._failed = True
                if not explain_failure(None, self.tr("The clock cannot be saved"), error):
                    report_uncaught(error)
            return
        self._failed = False
        self.sig_ticked.emit()
