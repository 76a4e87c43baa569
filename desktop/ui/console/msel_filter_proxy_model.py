"""Filtering and sorting the MSEL table by team, phase, status and text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from desktop.services.console_views import InjectDisplayStatus, InjectView
from desktop.ui.console.msel_model import MselModel


class MselFilterProxyModel(QSortFilterProxyModel):
    """Shows the injects that match every filter set; sorts by `MselModel.SortRole`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._team: str | None = None
        self._phase: str | None = None
        self._statuses: frozenset[InjectDisplayStatus] | None = None
        self._text = ""
        self.setSortRole(MselModel.SortRole)
        self.setDynamicSortFilter(True)

    # The filters (None or empty: no filter).

    @property
    def team(self) -> str | None:
        """Only injects sent to this team."""
        return self._team

    def set_team(self, team_id: str | None) -> None:
        """Show only injects sent to `team_id` (all teams with `None`)."""
        if team_id != self._team:
            self.beginFilterChange()
            self._team = team_id
            self._end_filter_change()

    @property
    def phase(self) -> str | None:
        """Only injects of this phase."""
        return self._phase

    def set_phase(self, phase_id: str | None) -> None:
        """Show only injects of phase `phase_id` (all phases with `None`)."""
        if phase_id != self._phase:
            self.beginFilterChange()
            self._phase = phase_id
            self._end_filter_change()

    @property
    def statuses(self) -> frozenset[InjectDisplayStatus] | None:
        """Only injects in one of these statuses."""
        return self._statuses

    def set_statuses(self, statuses: Iterable[InjectDisplayStatus] | None) -> None:
        """Show only injects in one of `statuses` (every status with `None`)."""
        wanted = frozenset(statuses) if statuses is not None else None
        if wanted != self._statuses:
            self.beginFilterChange()
            self._statuses = wanted
            self._end_filter_change()

    @property
    def text(self) -> str:
        """Only injects whose title, body or id contains this text."""
        return self._text

    def set_text(self, text: str) -> None:
        """Show only injects whose title, body or id contains `text` (any case)."""
        wanted = text.strip().casefold()
        if wanted != self._text:
            self.beginFilterChange()
            self._text = wanted
            self._end_filter_change()

    def _end_filter_change(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # Qt's proxy interface.

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        source = self.sourceModel()
        if not isinstance(source, MselModel) or source_parent.isValid():
            return True
        view: InjectView = source.view_at(source_row)
        if self._team is not None and self._team not in view.teams:
            return False
        if self._phase is not None and source.phase_id(view) != self._phase:
            return False
        if self._statuses is not None and view.status not in self._statuses:
            return False
        if self._text:
            haystack = f"{view.id}\n{view.title}\n{view.body}".casefold()
            if self._text not in haystack:
                return False
        return True
