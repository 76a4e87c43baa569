"""The service behind the facilitator console and the team views.

Windows never touch the engine or the store: they send commands here and read frozen
views back. Every command is committed before `execute` returns, and then every
listener hears which events were committed, so a second window (or, later, a team
station on the network) stays current without knowing about the first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.domain import commands as c
from desktop.domain.enums import InjectStatus, Lifecycle
from desktop.domain.events import Event
from desktop.domain.phases import phase_in_force
from desktop.domain.records import Decision, Observation, RatingEntry
from desktop.domain.scenario import Actor, Inject, Objective, Scenario, Team, target_teams
from desktop.domain.times import format_duration, format_stamp
from desktop.engine.book import Reply
from desktop.engine.msel import InjectState
from desktop.services.clocks import WallClock, system_clock
from desktop.services.console_views import (
    ClockStatus,
    DecisionListItem,
    InjectDisplayStatus,
    InjectView,
)
from desktop.services.session import ExerciseSession
from desktop.store import decision_pages
from desktop.store.decision_pages import DecisionFilter, DecisionSort
from desktop.store.snapshot import load_media

log = logging.getLogger(__name__)

# The decision log's query terms, for the interface (which does not import the store).
__all__ = ["ConsoleService", "DecisionFilter", "DecisionPage", "DecisionSort", "Listener"]

Listener = Callable[[Sequence[Event]], None]


@dataclass(frozen=True)
class DecisionPage:
    """A slice of the decision log and how many rows match in all."""

    total: int
    offset: int
    rows: tuple[DecisionListItem, ...]


class ConsoleService:
    """Commands and views over one open exercise, with notice of every committed change."""

    def __init__(self, session: ExerciseSession) -> None:
        self._session = session
        self._listeners: list[Listener] = []
        self._actors = {actor.id: actor for actor in session.scenario.actors}
        self._views: dict[tuple[object, ...], InjectView] = {}

    @classmethod
    def open(cls, path: Path, *, clock: WallClock = system_clock) -> ConsoleService:
        """Open a document for play (a crashed one reopens paused, for recovery)."""
        return cls(ExerciseSession.open(path, clock=clock))

    # The document.

    @property
    def path(self) -> Path:
        """Where the document is."""
        return self._session.document.path

    @property
    def scenario(self) -> Scenario:
        """The scenario as played (ad-hoc injects are listed by `injects`)."""
        return self._session.scenario

    @property
    def recovered(self) -> bool:
        """Whether opening found the exercise left running and paused it for recovery."""
        return self._session.recovered

    @property
    def upgrade_backup(self) -> Path | None:
        """The copy kept when opening upgraded an older document, else `None`."""
        return self._session.document.upgrade_backup

    @property
    def read_only(self) -> bool:
        """Whether the document was opened for reading only."""
        return self._session.document.read_only

    def close(self) -> None:
        """Pause a running clock, fold the journal into the file and release the lock."""
        self._session.close()

    def backup_to(self, destination: Path) -> None:
        """Write a consistent copy of the document to `destination` (SQLite backup API)."""
        self._session.document.backup_to(destination)

    # Listening.

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with the events of every commit; returns the way to stop."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _notify(self, events: Sequence[Event]) -> None:
        if not events:
            return
        for listener in list(self._listeners):
            listener(events)

    # Commands.

    def execute(self, command: c.Command, *, at: int | None = None) -> list[Event]:
        """Carry out `command`; returns once its events are committed, then notifies."""
        events = self._session.execute(command, at=at)
        self._notify(events)
        return events

    def tick(self) -> list[Event]:
        """Commit whatever the running clock has brought due (called every second)."""
        events = self._session.tick()
        self._notify(events)
        return events

    def new_id(self) -> str:
        """A fresh id for an entry."""
        return self._session.exercise.new_record_id()

    # The clock.

    def clock_status(self) -> ClockStatus:
        """The clock, the phase in force and the lifecycle now."""
        session = self._session
        state = session.exercise.state
        wall = session.clock()
        minutes = session.exercise.now(wall)
        phases = self.scenario.phases
        phase_id = phase_in_force(minutes, phases, state.phase_changes)
        titles = {phase.id: phase.title for phase in phases}
        start = self.scenario.setting.start
        calendar = start + timedelta(days=minutes // (24 * 60)) if start else None
        started_wall = state.started_wall
        elapsed = 0
        if started_wall is not None:
            until = state.ended_wall or wall
            elapsed = max(0, int((until - started_wall).total_seconds()))
        return ClockStatus(
            lifecycle=state.lifecycle.value,
            pause_reason=state.pause_reason,
            minutes=minutes,
            stamp=format_stamp(minutes),
            calendar_date=calendar,
            phase_id=phase_id,
            phase_title=titles.get(phase_id or "", phase_id or ""),
            rate=state.clock.rate,
            auto_release=state.auto_release,
            started_wall=started_wall,
            elapsed_seconds=elapsed,
            recovered=session.recovered,
        )

    @property
    def lifecycle(self) -> Lifecycle:
        """Created, running, paused or ended."""
        return self._session.exercise.state.lifecycle

    # Teams and actors.

    def teams(self) -> tuple[Team, ...]:
        """The exercise's teams, as set up for this run."""
        return tuple(self._session.exercise.state.team_list)

    def team(self, team_id: str) -> Team:
        """One team."""
        return self._session.exercise.state.teams[team_id]

    def actor(self, actor_id: str) -> Actor | None:
        """An actor of the scenario, or `None` for a team or an unknown id."""
        return self._actors.get(actor_id)

    def actor_name(self, actor_id: str) -> str:
        """The short name people know an actor (or team) by."""
        actor = self._actors.get(actor_id)
        if actor is not None:
            return actor.short or actor.name
        teams = self._session.exercise.state.teams
        if actor_id in teams:
            return teams[actor_id].name
        return actor_id

    def objectives(self) -> tuple[Objective, ...]:
        """The exercise objectives evaluators rate against."""
        return self.scenario.objectives

    def participants(self, team_id: str | None = None) -> tuple[str, ...]:
        """Names of the trainees (of one team, if given)."""
        return tuple(
            p.name
            for p in self._session.exercise.state.participants
            if team_id is None or p.team == team_id
        )

    # The MSEL.

    def injects(self) -> tuple[InjectView, ...]:
        """Every inject, scheduled and ad hoc, with where it stands now."""
        now = self._session.exercise.now(self._session.clock())
        return tuple(self._view(state, now) for state in self._session.exercise.state.msel)

    def inject_definitions(self) -> tuple[Inject, ...]:
        """Every inject as played, scenario and ad hoc, in MSEL order (for printing)."""
        return tuple(state.inject for state in self._session.exercise.state.msel)

    def inject(self, inject_id: str) -> InjectView:
        """One inject's view."""
        now = self._session.exercise.now(self._session.clock())
        return self._view(self._session.exercise.state.msel[inject_id], now)

    def released_injects(self, team_id: str | None = None) -> tuple[InjectView, ...]:
        """Released injects in release order; only those sent to `team_id`, if given."""
        views = [
            view
            for view in self.injects()
            if view.status is InjectDisplayStatus.RELEASED
            and (team_id is None or team_id in view.teams)
        ]
        return tuple(sorted(views, key=lambda view: view.released_at or 0))

    def due_injects(self) -> tuple[InjectView, ...]:
        """Injects whose time has come but that wait for the facilitator to release them."""
        return tuple(v for v in self.injects() if v.status is InjectDisplayStatus.DUE)

    def _view(self, state: InjectState, now: int) -> InjectView:
        # The MSEL is asked for every second by several panels: a view is built once per
        # inject and state, then reused (names, targets and expectations never change).
        status = _display_status(state, now, self._session.exercise.state.auto_release)
        key = (state.inject.id, status, state.due_at, state.released_at, state.skip_reason)
        view = self._views.get(key)
        if view is None:
            view = self._build_view(state, status)
            self._views[key] = view
        return view

    def _build_view(self, state: InjectState, status: InjectDisplayStatus) -> InjectView:
        inject = state.inject
        return InjectView(
            id=inject.id,
            title=inject.title,
            status=status,
            time=state.due_at if state.due_at is not None else inject.at,
            released_at=state.released_at,
            sender=inject.sender,
            sender_name=self.actor_name(inject.sender) if inject.sender else "",
            targets=inject.to,
            target_names=tuple(self.actor_name(target) for target in inject.to),
            teams=target_teams(inject, self.teams()),
            channel=inject.channel,
            phase=inject.phase,
            public=inject.public,
            manual=inject.manual,
            adhoc=inject.adhoc,
            triggered_by=inject.trigger.inject if inject.trigger else None,
            body=inject.body,
            attachments=inject.attachments,
            expectation=_expectation_text(inject, self.actor_name),
            evaluator_notes=inject.expects.notes if inject.expects else "",
            skip_reason=state.skip_reason,
            objectives=inject.objectives,
        )

    def media(self, name: str) -> bytes | None:
        """An attachment's bytes from the document's scenario snapshot."""
        with self._session.reading() as connection:
            return load_media(connection, name)

    # Records.

    def decision(self, decision_id: str) -> Decision:
        """A decision as last amended."""
        return self._session.exercise.state.book.decisions[decision_id]

    def decision_page(
        self,
        criteria: DecisionFilter,
        sort: DecisionSort = DecisionSort.RECORDED,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> DecisionPage:
        """A page of the decision log, filtered and sorted by the document's database."""
        rows = self._decision_rows(criteria, sort, descending, offset, limit)
        return DecisionPage(self.count_decisions(criteria), offset, rows)

    def decision_rows(
        self,
        criteria: DecisionFilter,
        sort: DecisionSort = DecisionSort.RECORDED,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> tuple[DecisionListItem, ...]:
        """A page of the decision log without counting the matches (for scrolling)."""
        return self._decision_rows(criteria, sort, descending, offset, limit)

    def _decision_rows(
        self,
        criteria: DecisionFilter,
        sort: DecisionSort,
        descending: bool,
        offset: int,
        limit: int,
    ) -> tuple[DecisionListItem, ...]:
        with self._session.reading() as connection:
            rows = decision_pages.decision_page(
                connection, criteria, sort, descending, offset, limit
            )
        return tuple(_decision_item(row) for row in rows)

    def count_decisions(self, criteria: DecisionFilter) -> int:
        """How many decisions match `criteria`."""
        with self._session.reading() as connection:
            return decision_pages.count_decisions(connection, criteria)

    def observations(self) -> tuple[Observation, ...]:
        """Every observation, in the order entered (voided ones included)."""
        return tuple(self._session.exercise.state.book.observations.values())

    def ratings(self) -> tuple[RatingEntry, ...]:
        """Every rating, in the order entered (voided ones included)."""
        return tuple(self._session.exercise.state.book.ratings.values())

    def replies(self, team_id: str | None = None) -> tuple[Reply, ...]:
        """Control's replies (to one team, if given), in the order sent."""
        return tuple(
            reply
            for reply in self._session.exercise.state.book.replies
            if team_id is None or reply.team == team_id
        )


def _display_status(state: InjectState, now: int, auto_release: bool) -> InjectDisplayStatus:
    """Due means waiting for the facilitator: its time has come and it will not go out by
    itself (automatic release is off). With it on, an inject whose time has come while
    the clock stands goes out as soon as the clock runs, so it is still pending."""
    if state.status is InjectStatus.RELEASED:
        return InjectDisplayStatus.RELEASED
    if state.status is InjectStatus.SKIPPED:
        return InjectDisplayStatus.SKIPPED
    if state.status is InjectStatus.HELD:
        return InjectDisplayStatus.HELD
    if state.due_at is not None and state.due_at <= now and not auto_release:
        return InjectDisplayStatus.DUE
    if state.inject.trigger is not None and state.due_at is not None:
        return InjectDisplayStatus.TRIGGERED
    return InjectDisplayStatus.PENDING


def _expectation_text(inject: Inject, name: Callable[[str], str]) -> str:
    expects = inject.expects
    if expects is None:
        return ""
    lines: list[str] = []
    if expects.respond_within is not None:
        lines.append(f"respond within {format_duration(expects.respond_within)}")
    if expects.consult:
        lines.append("consult all of: " + ", ".join(name(a) for a in expects.consult))
    if expects.consult_any:
        lines.append("consult at least one of: " + ", ".join(name(a) for a in expects.consult_any))
    if expects.venue:
        lines.append("through: " + ", ".join(expects.venue))
    for pattern in expects.avoid:
        parts = []
        if pattern.by:
            parts.append("by " + ", ".join(name(a) for a in pattern.by))
        if pattern.by_dimension:
            parts.append(f"by any {pattern.by_dimension} actor")
        if pattern.mode:
            parts.append(f"mode {pattern.mode.value}")
        if pattern.to:
            parts.append("to " + ", ".join(name(a) for a in pattern.to))
        lines.append("avoid: " + " ".join(parts))
    return "\n".join(lines)


def _decision_item(row: Mapping[str, Any]) -> DecisionListItem:
    taken_at: int | None = row["taken_at"]
    recorded_at: int = row["recorded_at"]
    return DecisionListItem(
        id=row["id"],
        team=row["team"],
        acting_actor=row["acting_actor"],
        inject=row["inject"],
        title=row["title"],
        posture=row["posture"],
        venue=row["venue"],
        time=taken_at if taken_at is not None else recorded_at,
        recorded_at=recorded_at,
        taken_at=taken_at,
        late=bool(row["late"]),
        voided=bool(row["voided"]),
        amendments=int(row["amendments"]),
        consulted=tuple(row["consulted"]),
        has_assets=bool(row["has_assets"]),
        supersedes=row["supersedes"],
    )
