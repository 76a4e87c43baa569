"""Checks and events for what teams and evaluators record."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.domain import commands as c
from desktop.domain.codec import content_from_json, content_to_json, improvement_to_json
from desktop.domain.enums import STANDARD_DIMENSIONS, InjectStatus, Lifecycle
from desktop.domain.events import FACILITATOR, EventKind, observer_actor, team_actor
from desktop.domain.records import DecisionContent
from desktop.engine.errors import CommandRefused, Refusal

if TYPE_CHECKING:
    from desktop.engine.exercise import Exercise
    from desktop.engine.state import ExerciseState

CONTROL = "control"
_CHANGEABLE = frozenset(
    {
        "title",
        "rationale",
        "posture",
        "dimensions",
        "venue",
        "consulted",
        "supersedes",
        "taken_at",
        "military_assets",
    }
)


class RecordingRules:
    """Validates decisions, observations, ratings and replies, then emits their events."""

    def __init__(self, exercise: Exercise) -> None:
        self._exercise = exercise

    @property
    def _state(self) -> ExerciseState:
        return self._exercise.state

    def record(self, command: c.Command, wall: datetime, time: int) -> None:
        """Carry out a recording command at scenario time `time`."""
        late = self._state.lifecycle is Lifecycle.ENDED
        if isinstance(command, c.RecordDecision):
            self._decision(command, wall, time, late)
        elif isinstance(command, c.AmendDecision):
            self._amend(command, wall, time, late)
        elif isinstance(command, c.VoidDecision):
            decision = self._existing_decision(command.decision)
            self._exercise.emit(
                EventKind.DECISION_VOIDED,
                wall,
                time,
                team_actor(decision.team),
                {"decision": command.decision, "reason": command.reason, "late": late},
            )
        elif isinstance(command, c.ReplyAsControl):
            self._reply(command, wall, time)
        elif isinstance(command, c.RecordObservation):
            self._observation(command, wall, time, late)
        elif isinstance(command, c.VoidObservation):
            self._void_observation(command, wall, time, late)
        elif isinstance(command, c.RecordRating):
            self._rating(command, wall, time, late)
        elif isinstance(command, c.VoidRating):
            self._void_rating(command, wall, time, late)
        elif isinstance(command, c.SaveImprovementItem):
            self._exercise.emit(
                EventKind.IMPROVEMENT_ITEM_SAVED,
                wall,
                time,
                FACILITATOR,
                improvement_to_json(command.item),
            )
        elif isinstance(command, c.SaveDebriefNote):
            if not command.text.strip():
                raise CommandRefused(Refusal.EMPTY_TEXT, "a debrief note needs text")
            self._exercise.emit(
                EventKind.DEBRIEF_NOTE_SAVED,
                wall,
                time,
                FACILITATOR,
                {"id": command.note_id, "section": command.section, "text": command.text},
            )
        else:  # pragma: no cover - every command type is dispatched somewhere
            raise TypeError(f"not a recording command: {command!r}")

    # Decisions.

    def _decision(self, command: c.RecordDecision, wall: datetime, time: int, late: bool) -> None:
        state = self._state
        team = self._team(command.team)
        if command.acting_actor not in team.actors:
            raise CommandRefused(
                Refusal.ACTOR_NOT_IN_TEAM,
                f"'{command.acting_actor}' is not one of team '{team.id}''s actors "
                f"({', '.join(team.actors)})",
            )
        if command.inject is not None:
            if command.inject not in state.msel:
                raise CommandRefused(Refusal.UNKNOWN_INJECT, f"no inject '{command.inject}'")
            if state.msel[command.inject].status is not InjectStatus.RELEASED:
                raise CommandRefused(
                    Refusal.NOT_RELEASED, f"inject '{command.inject}' has not been released"
                )
        decision_id = command.decision_id or self._exercise.new_record_id()
        if decision_id in state.book.decisions:
            raise CommandRefused(Refusal.DUPLICATE_ID, f"a decision '{decision_id}' exists")
        self._check_content(command.content, command.team, time, None, command.inject)
        payload: dict[str, Any] = {
            "id": decision_id,
            "team": command.team,
            "as": command.acting_actor,
            "inject": command.inject,
            **content_to_json(command.content),
            "late": late,
        }
        self._exercise.emit(
            EventKind.DECISION_RECORDED, wall, time, team_actor(command.team), payload
        )

    def _amend(self, command: c.AmendDecision, wall: datetime, time: int, late: bool) -> None:
        decision = self._existing_decision(command.decision)
        unknown = set(command.changes) - _CHANGEABLE
        if unknown:
            raise CommandRefused(
                Refusal.BAD_FIELD,
                f"an amendment cannot change {', '.join(sorted(unknown))} "
                "(team, acting actor and inject stay; record a new decision instead)",
            )
        base = command.content or decision.content
        content = (
            content_from_json({**content_to_json(base), **command.changes})
            if command.changes
            else base
        )
        if content.supersedes == decision.id:
            raise CommandRefused(Refusal.UNKNOWN_DECISION, "a decision cannot supersede itself")
        self._check_content(
            content, decision.team, decision.recorded_at, decision.recorded_seq, decision.inject
        )
        payload = {"decision": decision.id, **content_to_json(content), "late": late}
        self._exercise.emit(
            EventKind.DECISION_AMENDED, wall, time, team_actor(decision.team), payload
        )

    def _existing_decision(self, decision_id: str) -> Any:
        decision = self._state.book.decisions.get(decision_id)
        if decision is None:
            raise CommandRefused(Refusal.UNKNOWN_DECISION, f"no decision '{decision_id}'")
        if decision.voided:
            raise CommandRefused(Refusal.ALREADY_VOIDED, f"decision '{decision_id}' is void")
        return decision

    def _check_content(
        self,
        content: DecisionContent,
        team_id: str,
        time: int,
        recorded_seq: int | None,
        inject_id: str | None,
    ) -> None:
        """Check the changeable fields; `time` is when the decision was (or is) recorded and
        `recorded_seq` its place in the log (`None` for a new decision)."""
        scenario = self._state.scenario
        if not content.title.strip():
            raise CommandRefused(Refusal.EMPTY_TEXT, "a decision needs a title")
        known_dimensions = set(STANDARD_DIMENSIONS) | set(scenario.dimensions)
        for dimension in content.dimensions:
            if dimension not in known_dimensions:
                raise CommandRefused(Refusal.UNKNOWN_DIMENSION, f"no dimension '{dimension}'")
        if content.venue is not None and content.venue not in scenario.mechanism_by_id:
            raise CommandRefused(
                Refusal.UNKNOWN_MECHANISM, f"no coordination mechanism '{content.venue}'"
            )
        for consultation in content.consulted:
            if consultation.actor not in scenario.actor_by_id:
                raise CommandRefused(
                    Refusal.UNKNOWN_ACTOR, f"consulted actor '{consultation.actor}' is unknown"
                )
        if content.supersedes is not None:
            earlier = self._state.book.decisions.get(content.supersedes)
            if earlier is None:
                raise CommandRefused(
                    Refusal.UNKNOWN_DECISION,
                    f"supersedes '{content.supersedes}', which is not an earlier decision",
                )
            if earlier.team != team_id:
                raise CommandRefused(
                    Refusal.WRONG_TEAM,
                    f"supersedes '{content.supersedes}', a decision of team '{earlier.team}'",
                )
            if recorded_seq is not None and earlier.recorded_seq >= recorded_seq:
                raise CommandRefused(
                    Refusal.UNKNOWN_DECISION,
                    f"supersedes '{content.supersedes}', which was recorded later",
                )
        if content.taken_at is not None:
            self._check_taken_at(content.taken_at, time, inject_id)
        assets = content.military_assets
        if assets is not None and assets.decided_by not in scenario.actor_by_id:
            raise CommandRefused(
                Refusal.UNKNOWN_ACTOR, f"military_assets.decided_by '{assets.decided_by}'"
            )

    def _check_taken_at(self, taken_at: int, recorded_at: int, inject_id: str | None) -> None:
        """A late entry's time lies between the start (or the inject's release) and now."""
        if taken_at > recorded_at:
            raise CommandRefused(
                Refusal.BAD_TIME,
                "the time it was taken (taken_at) is later than the time it is recorded",
            )
        state = self._state
        if state.started_at is not None and taken_at < state.started_at:
            raise CommandRefused(
                Refusal.BAD_TIME, "the time it was taken (taken_at) is before the exercise started"
            )
        released = (
            state.msel[inject_id].released_at
            if inject_id is not None and inject_id in state.msel
            else None
        )
        if released is not None and taken_at < released:
            raise CommandRefused(
                Refusal.BAD_TIME,
                f"the time it was taken (taken_at) is before inject '{inject_id}' was released",
            )

    # Replies, observations and ratings.

    def _reply(self, command: c.ReplyAsControl, wall: datetime, time: int) -> None:
        self._team(command.team)
        if command.sender not in self._state.scenario.actor_by_id:
            raise CommandRefused(Refusal.UNKNOWN_ACTOR, f"no actor '{command.sender}'")
        if command.inject is not None and command.inject not in self._state.msel:
            raise CommandRefused(Refusal.UNKNOWN_INJECT, f"no inject '{command.inject}'")
        if not command.text.strip():
            raise CommandRefused(Refusal.EMPTY_TEXT, "a reply needs text")
        self._exercise.emit(
            EventKind.CONTROL_REPLIED,
            wall,
            time,
            CONTROL,
            {
                "team": command.team,
                "from": command.sender,
                "text": command.text,
                "inject": command.inject,
            },
        )

    def _evaluated(self, observer: str, team: str, objective: str) -> None:
        self._team(team)
        if objective not in self._state.scenario.objective_by_id:
            raise CommandRefused(Refusal.UNKNOWN_OBJECTIVE, f"no objective '{objective}'")
        if not observer.strip():
            raise CommandRefused(Refusal.EMPTY_TEXT, "the observer's name is missing")

    def _observation(
        self, command: c.RecordObservation, wall: datetime, time: int, late: bool
    ) -> None:
        self._evaluated(command.observer, command.team, command.objective)
        book = self._state.book
        if command.inject is not None and command.inject not in self._state.msel:
            raise CommandRefused(Refusal.UNKNOWN_INJECT, f"no inject '{command.inject}'")
        observation_id = command.observation_id or self._exercise.new_record_id()
        if observation_id in book.observations:
            raise CommandRefused(Refusal.DUPLICATE_ID, f"an observation '{observation_id}' exists")
        if not command.text.strip():
            raise CommandRefused(Refusal.EMPTY_TEXT, "an observation needs text")
        self._exercise.emit(
            EventKind.OBSERVATION_RECORDED,
            wall,
            time,
            observer_actor(command.observer),
            {
                "id": observation_id,
                "observer": command.observer,
                "team": command.team,
                "objective": command.objective,
                "kind": command.kind.value,
                "text": command.text,
                "inject": command.inject,
                "late": late,
            },
        )

    def _void_observation(
        self, command: c.VoidObservation, wall: datetime, time: int, late: bool
    ) -> None:
        entry = self._state.book.observations.get(command.observation)
        if entry is None:
            raise CommandRefused(
                Refusal.UNKNOWN_OBSERVATION, f"no observation '{command.observation}'"
            )
        if entry.voided:
            raise CommandRefused(
                Refusal.ALREADY_VOIDED, f"observation '{command.observation}' is void"
            )
        self._exercise.emit(
            EventKind.OBSERVATION_VOIDED,
            wall,
            time,
            observer_actor(entry.observer),
            {"observation": entry.id, "reason": command.reason, "late": late},
        )

    def _rating(self, command: c.RecordRating, wall: datetime, time: int, late: bool) -> None:
        self._evaluated(command.observer, command.team, command.objective)
        rating_id = command.rating_id or self._exercise.new_record_id()
        if rating_id in self._state.book.ratings:
            raise CommandRefused(Refusal.DUPLICATE_ID, f"a rating '{rating_id}' exists")
        self._exercise.emit(
            EventKind.RATING_RECORDED,
            wall,
            time,
            observer_actor(command.observer),
            {
                "id": rating_id,
                "observer": command.observer,
                "team": command.team,
                "objective": command.objective,
                "rating": command.rating.value,
                "final": command.final,
                "note": command.note,
                "late": late,
            },
        )

    def _void_rating(self, command: c.VoidRating, wall: datetime, time: int, late: bool) -> None:
        entry = self._state.book.ratings.get(command.rating)
        if entry is None:
            raise CommandRefused(Refusal.UNKNOWN_RATING, f"no rating '{command.rating}'")
        if entry.voided:
            raise CommandRefused(Refusal.ALREADY_VOIDED, f"rating '{command.rating}' is void")
        self._exercise.emit(
            EventKind.RATING_VOIDED,
            wall,
            time,
            observer_actor(entry.observer),
            {"rating": entry.id, "reason": command.reason, "late": late},
        )

    def _team(self, team_id: str) -> Any:
        team = self._state.teams.get(team_id)
        if team is None:
            known = ", ".join(self._state.teams) or "none"
            raise CommandRefused(Refusal.UNKNOWN_TEAM, f"no team '{team_id}' (teams: {known})")
        return team
