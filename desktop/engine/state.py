"""The exercise state as a fold over the log: `apply` is the only thing that changes it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from desktop.domain.codec import content_from_json, improvement_from_json, inject_from_json
from desktop.domain.enums import (
    InjectStatus,
    Lifecycle,
    ObservationKind,
    Rating,
    TriggerWhen,
)
from desktop.domain.events import Event, EventKind
from desktop.domain.records import (
    DebriefNote,
    Decision,
    Observation,
    Participant,
    RatingEntry,
)
from desktop.domain.scenario import Scenario, Team, target_teams
from desktop.engine.book import RecordBook, Reply
from desktop.engine.clock import ScenarioClock
from desktop.engine.msel import Msel


class ExerciseState:
    """Lifecycle, clock, teams, the MSEL and the record book, rebuilt event by event."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.lifecycle = Lifecycle.CREATED
        self.clock = ScenarioClock()
        self.auto_release = True
        self.teams: dict[str, Team] = {}
        self.participants: list[Participant] = []
        self.phase_changes: list[tuple[int, str]] = []
        self.msel = Msel(scenario.injects)
        self.book = RecordBook()
        self.last_time = 0
        self.last_seq = 0
        self.event_count = 0
        self.pause_reason = ""
        self.started_at: int | None = None
        self.started_wall: datetime | None = None
        self.ended_wall: datetime | None = None
        self.created_with = ""
        self._handlers: dict[EventKind, Callable[[Event, dict[str, Any]], None]] = {
            EventKind.EXERCISE_CREATED: self._on_created,
            EventKind.TEAM_DEFINED: self._on_team_defined,
            EventKind.PARTICIPANT_ADDED: self._on_participant_added,
            EventKind.EXERCISE_STARTED: self._on_started,
            EventKind.CLOCK_PAUSED: self._on_paused,
            EventKind.CLOCK_RESUMED: self._on_resumed,
            EventKind.CLOCK_RATE_CHANGED: self._on_rate_changed,
            EventKind.CLOCK_JUMPED: self._on_jumped,
            EventKind.CLOCK_CHECKPOINT: _ignore,
            EventKind.PHASE_CHANGED: self._on_phase_changed,
            EventKind.AUTO_RELEASE_CHANGED: self._on_auto_release_changed,
            EventKind.INJECT_RELEASED: self._on_released,
            EventKind.INJECT_HELD: self._on_held,
            EventKind.INJECT_SKIPPED: self._on_skipped,
            EventKind.INJECT_ADDED: self._on_added,
            EventKind.DEADLINE_REACHED: self._on_deadline,
            EventKind.DECISION_RECORDED: self._on_decision,
            EventKind.DECISION_AMENDED: self._on_amended,
            EventKind.DECISION_VOIDED: self._on_decision_voided,
            EventKind.CONTROL_REPLIED: self._on_replied,
            EventKind.OBSERVATION_RECORDED: self._on_observation,
            EventKind.OBSERVATION_VOIDED: self._on_observation_voided,
            EventKind.RATING_RECORDED: self._on_rating,
            EventKind.RATING_VOIDED: self._on_rating_voided,
            EventKind.IMPROVEMENT_ITEM_SAVED: self._on_improvement,
            EventKind.DEBRIEF_NOTE_SAVED: self._on_debrief_note,
            EventKind.EXERCISE_ENDED: self._on_ended,
        }

    @property
    def team_list(self) -> list[Team]:
        """The exercise's teams in the order they were defined."""
        return list(self.teams.values())

    def apply(self, event: Event) -> None:
        """Fold one event into the state."""
        self._handlers[event.kind](event, dict(event.payload))
        self.last_time = max(self.last_time, event.scenario_time)
        self.last_seq = max(self.last_seq, event.seq)
        self.event_count += 1

    def apply_all(self, events: Iterable[Event]) -> None:
        """Fold events in order."""
        for event in events:
            self.apply(event)

    # Set-up and clock.

    def _on_created(self, event: Event, p: dict[str, Any]) -> None:
        self.auto_release = bool(p.get("auto_release", True))
        self.created_with = str(p.get("app_version", ""))
        self.clock = replace(self.clock, rate=float(p.get("rate", self.clock.rate)))

    def _on_team_defined(self, event: Event, p: dict[str, Any]) -> None:
        self.teams[p["team"]] = Team(
            p["team"], p.get("name", p["team"]), tuple(p["actors"]), p.get("briefing", "")
        )

    def _on_participant_added(self, event: Event, p: dict[str, Any]) -> None:
        self.participants.append(Participant(p["name"], p["team"], p.get("role", "")))

    def _on_started(self, event: Event, p: dict[str, Any]) -> None:
        self.lifecycle = Lifecycle.RUNNING
        self.started_at = event.scenario_time
        self.started_wall = event.wall_time
        rate = float(p.get("rate", self.clock.rate))
        self.clock = replace(self.clock, rate=rate).started(event.wall_time, event.scenario_time)

    def _on_paused(self, event: Event, p: dict[str, Any]) -> None:
        self.lifecycle = Lifecycle.PAUSED
        self.pause_reason = p.get("reason", "")
        self.clock = self.clock.stopped(event.wall_time, event.scenario_time)

    def _on_resumed(self, event: Event, p: dict[str, Any]) -> None:
        self.lifecycle = Lifecycle.RUNNING
        self.pause_reason = ""
        self.clock = self.clock.started(event.wall_time, event.scenario_time)

    def _on_rate_changed(self, event: Event, p: dict[str, Any]) -> None:
        self.clock = self.clock.with_rate(event.wall_time, event.scenario_time, float(p["rate"]))

    def _on_jumped(self, event: Event, p: dict[str, Any]) -> None:
        self.clock = self.clock.jumped(event.wall_time, event.scenario_time)

    def _on_phase_changed(self, event: Event, p: dict[str, Any]) -> None:
        self.phase_changes.append((event.scenario_time, p["phase"]))

    def _on_auto_release_changed(self, event: Event, p: dict[str, Any]) -> None:
        self.auto_release = bool(p["enabled"])

    def _on_ended(self, event: Event, p: dict[str, Any]) -> None:
        self.lifecycle = Lifecycle.ENDED
        self.ended_wall = event.wall_time
        self.clock = self.clock.stopped(event.wall_time, event.scenario_time)

    # The MSEL.

    def _on_released(self, event: Event, p: dict[str, Any]) -> None:
        state = self.msel[p["inject"]]
        state.status = InjectStatus.RELEASED
        state.released_at = event.scenario_time
        state.release_cause = p.get("cause", "facilitator")
        self.msel.track_deadline(state)
        for child in self.msel.triggered_by(state.inject.id, TriggerWhen.RELEASED):
            self.msel.arm(child, event.scenario_time)

    def _on_held(self, event: Event, p: dict[str, Any]) -> None:
        self.msel[p["inject"]].status = InjectStatus.HELD

    def _on_skipped(self, event: Event, p: dict[str, Any]) -> None:
        state = self.msel[p["inject"]]
        state.status = InjectStatus.SKIPPED
        state.skip_reason = p.get("reason", "")

    def _on_added(self, event: Event, p: dict[str, Any]) -> None:
        self.msel.add(inject_from_json(p["inject"]))

    def _on_deadline(self, event: Event, p: dict[str, Any]) -> None:
        self.msel[p["inject"]].deadline_judged = True
        for child_id in p.get("armed", ()):
            self.msel.arm(self.msel[child_id], int(p["deadline"]))
        for child_id in p.get("dormant", ()):
            self.msel[child_id].dormant = True

    # The record book.

    def _on_decision(self, event: Event, p: dict[str, Any]) -> None:
        decision = Decision(
            id=p["id"],
            team=p["team"],
            acting_actor=p["as"],
            inject=p.get("inject"),
            content=content_from_json(p),
            recorded_at=event.scenario_time,
            recorded_seq=event.seq,
            late=bool(p.get("late", False)),
        )
        self.book.add_decision(decision)
        if decision.inject is None or decision.inject not in self.msel:
            return
        parent = self.msel[decision.inject]
        if decision.team in target_teams(parent.inject, self.team_list):
            for child in self.msel.triggered_by(decision.inject, TriggerWhen.DECISION):
                self.msel.arm(child, max(decision.effective_at, parent.released_at or 0))

    def _on_amended(self, event: Event, p: dict[str, Any]) -> None:
        self.book.amend_decision(p["decision"], content_from_json(p))

    def _on_decision_voided(self, event: Event, p: dict[str, Any]) -> None:
        self.book.void_decision(p["decision"], p.get("reason", ""))

    def _on_replied(self, event: Event, p: dict[str, Any]) -> None:
        self.book.replies.append(
            Reply(p["team"], p["from"], p["text"], event.scenario_time, p.get("inject"))
        )

    def _on_observation(self, event: Event, p: dict[str, Any]) -> None:
        self.book.observations[p["id"]] = Observation(
            id=p["id"],
            observer=p["observer"],
            team=p["team"],
            objective=p["objective"],
            kind=ObservationKind(p["kind"]),
            text=p["text"],
            recorded_at=event.scenario_time,
            inject=p.get("inject"),
            late=bool(p.get("late", False)),
        )

    def _on_observation_voided(self, event: Event, p: dict[str, Any]) -> None:
        self.book.void_observation(p["observation"])

    def _on_rating(self, event: Event, p: dict[str, Any]) -> None:
        self.book.ratings[p["id"]] = RatingEntry(
            id=p["id"],
            observer=p["observer"],
            team=p["team"],
            objective=p["objective"],
            rating=Rating(p["rating"]),
            recorded_at=event.scenario_time,
            final=bool(p.get("final", False)),
            note=p.get("note", ""),
            late=bool(p.get("late", False)),
        )

    def _on_rating_voided(self, event: Event, p: dict[str, Any]) -> None:
        self.book.void_rating(p["rating"])

    def _on_improvement(self, event: Event, p: dict[str, Any]) -> None:
        item = improvement_from_json(p)
        self.book.improvements[item.id] = item

    def _on_debrief_note(self, event: Event, p: dict[str, Any]) -> None:
        self.book.debrief_notes[p["id"]] = DebriefNote(p["id"], p["text"], p.get("section", ""))


def _ignore(event: Event, payload: dict[str, Any]) -> None:
    """Events that only mark time."""
