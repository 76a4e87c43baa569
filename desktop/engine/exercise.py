"""The exercise engine: checks commands, turns them into events, advances the clock.

The engine is pure: wall time comes in as an argument and events go out as values. The
caller (a service) appends the events to the log in one transaction; if that fails it
rebuilds the engine from the log, so the engine never runs ahead of the document.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from desktop.domain import commands as c
from desktop.domain.enums import Lifecycle
from desktop.domain.events import CLOCK, FACILITATOR, Event, EventKind
from desktop.domain.records import Participant
from desktop.domain.scenario import Scenario, Team
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.recording import RecordingRules
from desktop.engine.scheduling import MAX_RATE, Scheduler
from desktop.engine.state import ExerciseState


def new_event_id() -> str:
    """A fresh random event id."""
    return uuid.uuid4().hex


class Exercise:
    """One exercise of one scenario: its state and the rules for changing it."""

    def __init__(self, scenario: Scenario, new_id: Callable[[], str] = new_event_id) -> None:
        self.state = ExerciseState(scenario)
        self._new_id = new_id
        self._pending: list[Event] = []
        self._scheduler = Scheduler(self)
        self._recording = RecordingRules(self)

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.state.scenario

    @classmethod
    def replay(cls, scenario: Scenario, events: Iterable[Event]) -> Exercise:
        """Rebuild an exercise from its log."""
        exercise = cls(scenario)
        exercise.state.apply_all(events)
        return exercise

    # Emitting events: every event is applied at once, so later checks in the same
    # command see it, and collected for the caller to store.

    def emit(
        self, kind: EventKind, wall: datetime, at: int, by: str, payload: dict[str, Any]
    ) -> Event:
        """Create an event, apply it, and queue it for the caller."""
        event = Event(self._new_id(), kind, wall, at, by, payload, seq=self.state.last_seq + 1)
        self.state.apply(event)
        self._pending.append(event)
        return event

    def new_record_id(self) -> str:
        """A fresh id for a decision, observation or rating entered without one."""
        return self._new_id()

    def _take(self) -> list[Event]:
        events, self._pending = self._pending, []
        return events

    # Reading the clock.

    def now(self, wall: datetime) -> int:
        """Scenario time at wall time `wall`: the clock if it runs, else where it stands."""
        state = self.state
        if state.clock.running:
            return max(state.clock.minutes_at(wall), state.last_time)
        return max(state.clock.anchor_minutes, state.last_time)

    def _time_for(self, wall: datetime, at: int | None) -> int:
        """The scenario time of a command: the clock's, or `at` while the clock stands."""
        now = self.now(wall)
        if at is None:
            return now
        if self.state.clock.running and at != now:
            raise CommandRefused(
                Refusal.BAD_TIME, "the clock is running: a command cannot choose its time"
            )
        if at < now:
            raise CommandRefused(Refusal.BAD_TIME, "time cannot go backwards in the log")
        return at

    # Set-up, before the exercise starts.

    def create(
        self,
        wall: datetime,
        teams: Iterable[Team],
        participants: Iterable[Participant] = (),
        auto_release: bool = True,
        scenario_sha256: str = "",
        app_version: str = "",
        rate: float = 1.0,
    ) -> list[Event]:
        """The events that open a new exercise: its creation, its teams and participants.

        `rate` is how fast the clock will run once started (scenario minutes per minute).
        """
        if self.state.event_count:
            raise CommandRefused(Refusal.ALREADY_STARTED, "the exercise already exists")
        if not 0 < rate <= MAX_RATE:
            raise CommandRefused(
                Refusal.BAD_RATE, f"the rate must be above 0 and at most {MAX_RATE:g}"
            )
        scenario = self.scenario
        teams = list(teams)
        participants = list(participants)
        # Check everything before emitting anything: a refusal must leave no trace.
        team_ids = set()
        for team in teams:
            unknown = [a for a in team.actors if a not in scenario.actor_by_id]
            if unknown:
                raise CommandRefused(
                    Refusal.UNKNOWN_ACTOR, f"team '{team.id}' names unknown actors {unknown}"
                )
            if team.id in team_ids:
                raise CommandRefused(Refusal.DUPLICATE_ID, f"team '{team.id}' is defined twice")
            team_ids.add(team.id)
        for person in participants:
            if person.team not in team_ids:
                raise CommandRefused(
                    Refusal.UNKNOWN_TEAM, f"participant '{person.name}': no team '{person.team}'"
                )
        self.emit(
            EventKind.EXERCISE_CREATED,
            wall,
            0,
            FACILITATOR,
            {
                "scenario_id": scenario.id,
                "title": scenario.title,
                "sha256": scenario_sha256,
                "auto_release": auto_release,
                "app_version": app_version,
                "rate": rate,
            },
        )
        for team in teams:
            payload = {"team": team.id, "name": team.name, "actors": list(team.actors)}
            if team.briefing:
                payload["briefing"] = team.briefing
            self.emit(EventKind.TEAM_DEFINED, wall, 0, FACILITATOR, payload)
        for person in participants:
            self.emit(
                EventKind.PARTICIPANT_ADDED,
                wall,
                0,
                FACILITATOR,
                {"name": person.name, "team": person.team, "role": person.role},
            )
        return self._take()

    # Time.

    def advance(self, wall: datetime) -> list[Event]:
        """Everything that falls due up to wall time `wall`: releases, deadlines, checkpoints."""
        self._scheduler.advance_to(self.now(wall), wall)
        return self._take()

    def recover(self, wall: datetime) -> list[Event]:
        """After a crash: stop a running clock where the log ends, with reason `recovery`.

        No time passes for the downtime, so nothing falls due in a burst.
        """
        state = self.state
        if state.lifecycle is Lifecycle.RUNNING:
            self.emit(EventKind.CLOCK_PAUSED, wall, state.last_time, CLOCK, {"reason": "recovery"})
        return self._take()

    def execute(self, command: c.Command, wall: datetime, at: int | None = None) -> list[Event]:
        """Check a command and return its events (already applied).

        `at` sets the scenario time while the clock stands (play scripts do this); a
        running clock gives the time itself. Raises `CommandRefused` and records nothing
        when the command is not possible.
        """
        try:
            self._dispatch(command, wall, at)
        except CommandRefused:
            if self._pending:
                # Events of a refused command were applied: the caller must rebuild.
                raise RuntimeError("a command was refused after emitting events") from None
            raise
        return self._take()

    def _dispatch(self, command: c.Command, wall: datetime, at: int | None) -> None:
        state = self.state
        if isinstance(command, c.Start):
            if state.lifecycle is not Lifecycle.CREATED:
                raise CommandRefused(Refusal.ALREADY_STARTED, "the exercise has already started")
            if command.at < state.last_time:
                raise CommandRefused(
                    Refusal.BAD_TIME, "the exercise cannot start before entries already logged"
                )
            self.emit(EventKind.EXERCISE_STARTED, wall, command.at, FACILITATOR, {})
            return
        time = self._time_for(wall, at)
        if isinstance(
            command, c.Pause | c.Resume | c.SetRate | c.Jump | c.ChangePhase | c.SetAutoRelease
        ):
            self._scheduler.clock_command(command, wall, time)
        elif isinstance(command, c.Release | c.Hold | c.Skip | c.AddInject):
            self._scheduler.msel_command(command, wall, time)
        elif isinstance(command, c.End):
            self._require_started()
            if state.lifecycle is Lifecycle.ENDED:
                raise CommandRefused(Refusal.ENDED, "the exercise has already ended")
            self.emit(EventKind.EXERCISE_ENDED, wall, time, FACILITATOR, {})
        else:
            self._require_started()
            self._recording.record(command, wall, time)

    def _require_started(self) -> None:
        if self.state.lifecycle is Lifecycle.CREATED:
            raise CommandRefused(Refusal.NOT_STARTED, "the exercise has not started yet")
