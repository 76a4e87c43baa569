"""The clock and the MSEL: automatic releases, triggers, deadlines and checkpoints."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.domain import commands as c
from desktop.domain.codec import inject_to_json
from desktop.domain.enums import InjectStatus, Lifecycle, TriggerWhen
from desktop.domain.events import CLOCK, FACILITATOR, EventKind
from desktop.domain.expectations import ExpectationStatus, judge_expectation
from desktop.domain.inject_refs import inject_reference_problems
from desktop.domain.scenario import target_teams
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.msel import InjectState

if TYPE_CHECKING:
    from desktop.engine.exercise import Exercise
    from desktop.engine.state import ExerciseState

MAX_RATE = 3600.0
CHECKPOINT_MINUTES = 60


class Scheduler:
    """Carries out clock and MSEL commands and everything that falls due with time."""

    def __init__(self, exercise: Exercise) -> None:
        self._exercise = exercise

    @property
    def _state(self) -> ExerciseState:
        return self._exercise.state

    # Advancing time.

    def advance_to(self, target: int, wall: datetime) -> None:
        """Process, in time order, everything due at or before scenario minute `target`.

        Only a running clock advances. Each occurrence is logged at its own time, or at
        the current time if it fell due earlier (after a jump or a pause).
        """
        state = self._state
        if state.lifecycle is not Lifecycle.RUNNING:
            return
        while True:
            floor = state.last_time
            candidates: list[tuple[int, int, Any]] = []
            deadline = state.msel.next_deadline()
            if deadline is not None:
                # Judged once the clock is past the deadline minute, so that a decision
                # taken in that minute still counts (the deadline is included); logged at it.
                candidates.append((deadline[0] + 1, 0, deadline[1]))
            if state.auto_release:
                due = state.msel.next_due()
                if due is not None:
                    candidates.append((due[0], 1, due[1]))
            next_hour = (floor // CHECKPOINT_MINUTES + 1) * CHECKPOINT_MINUTES
            candidates.append((next_hour, 2, None))
            when, kind, item = min(candidates, key=lambda entry: (entry[0], entry[1]))
            if when > target:
                return
            at = max(when, floor)
            if kind == 0:
                self._judge_deadline(item, wall, max(when - 1, floor))
            elif kind == 1:
                cause = "trigger" if item.inject.trigger is not None else "schedule"
                self._release(item, wall, at, CLOCK, cause)
            else:
                self._exercise.emit(EventKind.CLOCK_CHECKPOINT, wall, at, CLOCK, {})

    def _judge_deadline(self, parent: InjectState, wall: datetime, at: int) -> None:
        """Judge a released inject at its deadline and arm or put to sleep its follow-ups."""
        state = self._state
        deadline = state.msel.deadline_of(parent)
        released_at = parent.released_at
        assert deadline is not None
        assert released_at is not None
        teams = target_teams(parent.inject, state.team_list)
        actors = state.scenario.actor_by_id
        statuses: dict[str, str] = {}
        responded: list[str] = []
        for team in teams:
            decisions = state.book.responses(parent.inject.id, team)
            judgement = judge_expectation(parent.inject, released_at, decisions, actors)
            statuses[team] = judgement.status.value
            if any(not d.voided and d.effective_at <= deadline for d in decisions):
                responded.append(team)
        conditions = {
            TriggerWhen.NO_RESPONSE: bool(teams) and not responded,
            TriggerWhen.EXPECTATION_MET: bool(teams)
            and all(s == ExpectationStatus.MET for s in statuses.values()),
            TriggerWhen.EXPECTATION_UNMET: bool(teams)
            and any(s != ExpectationStatus.MET for s in statuses.values()),
        }
        armed: list[str] = []
        dormant: list[str] = []
        for when, holds in conditions.items():
            for child in state.msel.triggered_by(parent.inject.id, when):
                if not child.open or child.due_at is not None or child.dormant:
                    continue
                (armed if holds else dormant).append(child.inject.id)
        self._exercise.emit(
            EventKind.DEADLINE_REACHED,
            wall,
            at,
            CLOCK,
            {
                "inject": parent.inject.id,
                "deadline": deadline,
                "teams": statuses,
                "responded": responded,
                "armed": armed,
                "dormant": dormant,
            },
        )

    def _release(self, item: InjectState, wall: datetime, at: int, by: str, cause: str) -> None:
        payload: dict[str, Any] = {"inject": item.inject.id, "cause": cause}
        trigger = item.inject.trigger
        if cause == "trigger" and trigger is not None:
            payload["trigger"] = {"inject": trigger.inject, "when": trigger.when.value}
        self._exercise.emit(EventKind.INJECT_RELEASED, wall, at, by, payload)

    # Clock commands.

    def clock_command(self, command: c.Command, wall: datetime, time: int) -> None:
        """Pause, resume, rate, jump, phase and automatic-release commands."""
        state = self._state
        emit = self._exercise.emit
        if state.lifecycle is Lifecycle.CREATED and not isinstance(command, c.SetAutoRelease):
            raise CommandRefused(Refusal.NOT_STARTED, "the exercise has not started yet")
        if state.lifecycle is Lifecycle.ENDED and not isinstance(command, c.SetAutoRelease):
            raise CommandRefused(Refusal.ENDED, "the exercise has ended")
        if isinstance(command, c.Pause):
            if state.lifecycle is not Lifecycle.RUNNING:
                raise CommandRefused(Refusal.NOT_RUNNING, "the clock is not running")
            emit(EventKind.CLOCK_PAUSED, wall, time, FACILITATOR, {"reason": command.reason})
        elif isinstance(command, c.Resume):
            if state.lifecycle is not Lifecycle.PAUSED:
                raise CommandRefused(Refusal.NOT_PAUSED, "the clock is not paused")
            emit(EventKind.CLOCK_RESUMED, wall, time, FACILITATOR, {})
        elif isinstance(command, c.SetRate):
            if not 0 < command.rate <= MAX_RATE:
                raise CommandRefused(
                    Refusal.BAD_RATE, f"the rate must be above 0 and at most {MAX_RATE:g}"
                )
            emit(EventKind.CLOCK_RATE_CHANGED, wall, time, FACILITATOR, {"rate": command.rate})
        elif isinstance(command, c.Jump):
            if command.to <= time:
                raise CommandRefused(
                    Refusal.BAD_TIME, "the clock can only jump forward, past the present time"
                )
            emit(EventKind.CLOCK_JUMPED, wall, command.to, FACILITATOR, {"from": time})
        elif isinstance(command, c.ChangePhase):
            if command.phase not in state.scenario.phase_by_id:
                raise CommandRefused(Refusal.UNKNOWN_PHASE, f"no phase '{command.phase}'")
            emit(EventKind.PHASE_CHANGED, wall, time, FACILITATOR, {"phase": command.phase})
        elif isinstance(command, c.SetAutoRelease):
            emit(
                EventKind.AUTO_RELEASE_CHANGED,
                wall,
                time,
                FACILITATOR,
                {"enabled": command.enabled},
            )

    # MSEL commands.

    def msel_command(self, command: c.Command, wall: datetime, time: int) -> None:
        """Release, hold, skip and ad-hoc injects."""
        state = self._state
        if isinstance(command, c.AddInject):
            self._add(command, wall, time)
            return
        assert isinstance(command, c.Release | c.Hold | c.Skip)
        if state.lifecycle is Lifecycle.ENDED:
            raise CommandRefused(Refusal.ENDED, "the exercise has ended")
        if command.inject not in state.msel:
            raise CommandRefused(Refusal.UNKNOWN_INJECT, f"no inject '{command.inject}'")
        item = state.msel[command.inject]
        if item.status is InjectStatus.RELEASED:
            raise CommandRefused(
                Refusal.ALREADY_RELEASED, f"inject '{command.inject}' is already released"
            )
        if isinstance(command, c.Release):
            self._require_playing()
            self._release(item, wall, time, FACILITATOR, "facilitator")
        elif isinstance(command, c.Hold):
            if item.status is InjectStatus.SKIPPED:
                raise CommandRefused(
                    Refusal.SKIPPED,
                    f"inject '{command.inject}' is skipped; release it by hand to play it",
                )
            if item.status is InjectStatus.HELD:
                raise CommandRefused(
                    Refusal.ALREADY_HELD, f"inject '{command.inject}' is already held"
                )
            self._exercise.emit(
                EventKind.INJECT_HELD, wall, time, FACILITATOR, {"inject": command.inject}
            )
        else:
            self._exercise.emit(
                EventKind.INJECT_SKIPPED,
                wall,
                time,
                FACILITATOR,
                {"inject": command.inject, "reason": command.reason},
            )

    def _require_playing(self) -> None:
        lifecycle = self._state.lifecycle
        if lifecycle is Lifecycle.CREATED:
            raise CommandRefused(Refusal.NOT_STARTED, "the exercise has not started yet")
        if lifecycle is Lifecycle.ENDED:
            raise CommandRefused(Refusal.ENDED, "the exercise has ended")

    def _add(self, command: c.AddInject, wall: datetime, time: int) -> None:
        self._require_playing()
        state = self._state
        inject = command.inject
        if inject.id in state.msel:
            raise CommandRefused(Refusal.DUPLICATE_ID, f"an inject '{inject.id}' already exists")
        problems = inject_reference_problems(inject, state.scenario, state.teams)
        if problems:
            path, message = problems[0]
            field = ".".join(str(part) for part in path)
            code = {"to": Refusal.UNKNOWN_TEAM, "from": Refusal.UNKNOWN_ACTOR}.get(
                str(path[0]), Refusal.BAD_FIELD
            )
            raise CommandRefused(code, f"ad-hoc inject '{inject.id}': {field}: {message}")
        data = inject_to_json(inject)
        data.update(adhoc=True, at=None, trigger=None, manual=True)
        self._exercise.emit(EventKind.INJECT_ADDED, wall, time, FACILITATOR, {"inject": data})
        self._release(state.msel[inject.id], wall, time, FACILITATOR, "adhoc")
