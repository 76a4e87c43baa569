"""The exercise lifecycle (created, running, paused, ended), refusals and crash recovery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain import commands as c
from desktop.domain.enums import InjectStatus, Lifecycle
from desktop.domain.events import CLOCK, FACILITATOR, Event, EventKind
from desktop.domain.records import DecisionContent, Participant
from desktop.domain.scenario import Scenario
from desktop.domain.times import parse_stamp
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")


def _created(scenario: Scenario) -> Exercise:
    exercise = Exercise(scenario)
    exercise.create(WALL0, scenario.teams, [Participant("A. Mensah", "unct")])
    return exercise


def _started(scenario: Scenario) -> Exercise:
    exercise = _created(scenario)
    exercise.execute(c.Start(START), WALL0)
    return exercise


def _refused(exercise: Exercise, command: c.Command, wall: datetime, code: Refusal) -> None:
    """The command is refused with `code` and leaves no trace in the state."""
    before = (exercise.state.event_count, exercise.state.lifecycle, exercise.state.clock)
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(command, wall)
    assert caught.value.code is code
    assert (exercise.state.event_count, exercise.state.lifecycle, exercise.state.clock) == before


def _kinds(events: list[Event]) -> list[EventKind]:
    return [e.kind for e in events]


def test_create_logs_exercise_teams_and_participants(mini_scenario: Scenario) -> None:
    """create() returns exercise_created, one team_defined per team, then participants."""
    exercise = Exercise(mini_scenario)
    events = exercise.create(
        WALL0, mini_scenario.teams, [Participant("A. Mensah", "unct")], auto_release=False
    )
    assert _kinds(events) == [
        EventKind.EXERCISE_CREATED,
        EventKind.TEAM_DEFINED,
        EventKind.TEAM_DEFINED,
        EventKind.TEAM_DEFINED,
        EventKind.PARTICIPANT_ADDED,
    ]
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert all(e.scenario_time == 0 and e.by == FACILITATOR for e in events)
    assert events[0].payload["scenario_id"] == "mini"
    state = exercise.state
    assert state.lifecycle is Lifecycle.CREATED
    assert state.auto_release is False
    assert list(state.teams) == ["leadership", "unct", "humanitarian"]
    assert state.teams["unct"].actors == ("dsrsg-rchc", "undp")
    assert state.participants == [Participant("A. Mensah", "unct")]


def test_create_twice_is_refused(mini_scenario: Scenario) -> None:
    """An exercise is created once."""
    exercise = _created(mini_scenario)
    with pytest.raises(CommandRefused) as caught:
        exercise.create(WALL0, mini_scenario.teams)
    assert caught.value.code is Refusal.ALREADY_STARTED


def test_start_runs_the_clock_at_the_given_time(mini_scenario: Scenario) -> None:
    """Start logs exercise_started at its `at` and sets the clock running."""
    exercise = _created(mini_scenario)
    events = exercise.execute(c.Start(START), WALL0)
    assert _kinds(events) == [EventKind.EXERCISE_STARTED]
    assert events[0].scenario_time == START
    assert exercise.state.lifecycle is Lifecycle.RUNNING
    assert exercise.state.clock.running
    assert exercise.now(WALL0 + timedelta(minutes=5)) == START + 5


def test_rate_chosen_at_creation_runs_the_clock_from_the_start(
    mini_scenario: Scenario,
) -> None:
    """A rate set when the exercise is created applies from Start and survives replay."""
    exercise = Exercise(mini_scenario)
    events = exercise.create(WALL0, mini_scenario.teams, rate=60.0)
    events += exercise.execute(c.Start(START), WALL0)
    assert exercise.now(WALL0 + timedelta(minutes=2)) == START + 120
    replayed = Exercise.replay(mini_scenario, events)
    assert replayed.now(WALL0 + timedelta(minutes=2)) == START + 120


def test_create_refuses_an_impossible_rate(mini_scenario: Scenario) -> None:
    """A rate of zero would freeze the clock: refused before anything is logged."""
    exercise = Exercise(mini_scenario)
    with pytest.raises(CommandRefused) as caught:
        exercise.create(WALL0, mini_scenario.teams, rate=0)
    assert caught.value.code is Refusal.BAD_RATE
    assert exercise.state.event_count == 0


def test_pause_resume_end(mini_scenario: Scenario) -> None:
    """running -> paused -> running -> paused -> ended, each with its event."""
    exercise = _started(mini_scenario)
    wall = WALL0 + timedelta(minutes=10)
    steps: list[tuple[c.Command, EventKind, Lifecycle]] = [
        (c.Pause("lunch"), EventKind.CLOCK_PAUSED, Lifecycle.PAUSED),
        (c.Resume(), EventKind.CLOCK_RESUMED, Lifecycle.RUNNING),
        (c.Pause(), EventKind.CLOCK_PAUSED, Lifecycle.PAUSED),
        (c.End(), EventKind.EXERCISE_ENDED, Lifecycle.ENDED),
    ]
    for command, kind, lifecycle in steps:
        events = exercise.execute(command, wall)
        assert [(e.kind, e.scenario_time) for e in events] == [(kind, START + 10)]
        assert exercise.state.lifecycle is lifecycle
        if command == c.Pause("lunch"):
            assert exercise.state.pause_reason == "lunch"
    assert exercise.state.pause_reason == ""
    assert not exercise.state.clock.running
    assert exercise.now(wall + timedelta(hours=1)) == START + 10


def test_end_while_running_stops_the_clock(mini_scenario: Scenario) -> None:
    """Ending a running exercise freezes scenario time where it ended."""
    exercise = _started(mini_scenario)
    exercise.execute(c.End(), WALL0 + timedelta(minutes=20))
    assert exercise.now(WALL0 + timedelta(hours=5)) == START + 20


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (c.Pause(), Refusal.NOT_STARTED),
        (c.Resume(), Refusal.NOT_STARTED),
        (c.SetRate(60), Refusal.NOT_STARTED),
        (c.Jump(2000), Refusal.NOT_STARTED),
        (c.ChangePhase("transition"), Refusal.NOT_STARTED),
        (c.Release("conv-01"), Refusal.NOT_STARTED),
        (c.End(), Refusal.NOT_STARTED),
        (
            c.RecordDecision("unct", "undp", None, DecisionContent("A decision")),
            Refusal.NOT_STARTED,
        ),
    ],
)
def test_commands_before_start_are_refused(
    mini_scenario: Scenario, command: c.Command, code: Refusal
) -> None:
    """Nothing but Start (and set-up) works before the exercise starts."""
    _refused(_created(mini_scenario), command, WALL0, code)


def test_start_twice_is_refused(mini_scenario: Scenario) -> None:
    """Start only once, also after the exercise ended."""
    exercise = _started(mini_scenario)
    _refused(exercise, c.Start(START), WALL0, Refusal.ALREADY_STARTED)
    exercise.execute(c.End(), WALL0)
    _refused(exercise, c.Start(START), WALL0, Refusal.ALREADY_STARTED)


def test_pause_when_not_running_is_refused(mini_scenario: Scenario) -> None:
    """A paused clock cannot be paused again."""
    exercise = _started(mini_scenario)
    exercise.execute(c.Pause(), WALL0)
    _refused(exercise, c.Pause(), WALL0, Refusal.NOT_RUNNING)


def test_resume_when_not_paused_is_refused(mini_scenario: Scenario) -> None:
    """A running clock cannot be resumed."""
    _refused(_started(mini_scenario), c.Resume(), WALL0, Refusal.NOT_PAUSED)


def test_after_end_clock_and_releases_are_refused(mini_scenario: Scenario) -> None:
    """After End: no release, pause, resume, rate, jump, phase change or second End."""
    exercise = _started(mini_scenario)
    exercise.execute(c.End(), WALL0)
    for command in (
        c.Release("flood-01"),
        c.AddInject(mini_scenario.inject_by_id["flood-01"]),
        c.Pause(),
        c.Resume(),
        c.SetRate(60),
        c.Jump(START + 60),
        c.ChangePhase("transition"),
        c.End(),
    ):
        _refused(exercise, command, WALL0, Refusal.ENDED)
    assert exercise.state.msel["flood-01"].status is InjectStatus.PENDING


def test_change_phase_is_logged_and_checked(mini_scenario: Scenario) -> None:
    """ChangePhase records (time, phase); an unknown phase is refused."""
    exercise = _started(mini_scenario)
    exercise.execute(c.ChangePhase("consolidation"), WALL0 + timedelta(minutes=30))
    assert exercise.state.phase_changes == [(START + 30, "consolidation")]
    _refused(exercise, c.ChangePhase("nope"), WALL0, Refusal.UNKNOWN_PHASE)


def test_a_running_clock_sets_the_time_of_commands(mini_scenario: Scenario) -> None:
    """While running, `at` must agree with the clock; while paused it may only move on."""
    exercise = _started(mini_scenario)
    wall = WALL0 + timedelta(minutes=10)
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(c.ChangePhase("transition"), wall, at=START + 11)
    assert caught.value.code is Refusal.BAD_TIME
    exercise.execute(c.Pause(), wall, at=START + 10)
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(c.ChangePhase("transition"), wall, at=START + 9)
    assert caught.value.code is Refusal.BAD_TIME
    events = exercise.execute(c.ChangePhase("transition"), wall, at=START + 90)
    assert events[0].scenario_time == START + 90
    assert exercise.now(wall) == START + 90


def test_recover_pauses_a_running_exercise_at_its_last_event(mini_scenario: Scenario) -> None:
    """recover() logs one clock_paused, reason `recovery`, at the last event's time."""
    exercise = _started(mini_scenario)
    exercise.advance(WALL0 + timedelta(minutes=75))  # conv-01 at 09:00, checkpoint at 09:00
    last = exercise.state.last_time
    assert last == parse_stamp("D+0 09:00")
    crashed_wall = WALL0 + timedelta(hours=6)
    events = exercise.recover(crashed_wall)
    assert _kinds(events) == [EventKind.CLOCK_PAUSED]
    assert events[0].payload == {"reason": "recovery"}
    assert events[0].scenario_time == last
    assert events[0].by == CLOCK
    assert exercise.state.lifecycle is Lifecycle.PAUSED
    assert exercise.now(crashed_wall) == last


def test_no_burst_after_recovery(mini_scenario: Scenario) -> None:
    """After recovery, hours of wall time release nothing; resuming goes on from there."""
    exercise = Exercise(mini_scenario)
    log = exercise.create(WALL0, mini_scenario.teams)
    log += exercise.execute(c.Start(START), WALL0)
    log += exercise.advance(WALL0 + timedelta(minutes=30))
    rebuilt = Exercise.replay(mini_scenario, log)  # as the app reopens the document
    reopened = WALL0 + timedelta(hours=10)
    rebuilt.recover(reopened)
    assert rebuilt.advance(reopened + timedelta(hours=3)) == []
    assert rebuilt.state.msel["conv-01"].status is InjectStatus.PENDING
    resumed_at = reopened + timedelta(hours=4)
    rebuilt.execute(c.Resume(), resumed_at)
    # No event came between 08:00 and the crash, so play goes on from 08:00.
    assert rebuilt.now(resumed_at) == START
    assert rebuilt.advance(resumed_at + timedelta(minutes=59)) == []
    events = rebuilt.advance(resumed_at + timedelta(minutes=60))
    released = [e for e in events if e.kind is EventKind.INJECT_RELEASED]
    assert [(e.payload["inject"], e.scenario_time) for e in released] == [("conv-01", 540)]


def test_recover_from_the_full_log(mini_scenario: Scenario) -> None:
    """A replayed running exercise recovers with the next sequence number."""
    exercise = Exercise(mini_scenario)
    log = exercise.create(WALL0, mini_scenario.teams)
    log += exercise.execute(c.Start(START), WALL0)
    log += exercise.advance(WALL0 + timedelta(minutes=100))
    rebuilt = Exercise.replay(mini_scenario, log)
    assert rebuilt.state.lifecycle is Lifecycle.RUNNING
    events = rebuilt.recover(WALL0 + timedelta(days=1))
    assert [(e.kind, e.seq, e.scenario_time) for e in events] == [
        (EventKind.CLOCK_PAUSED, len(log) + 1, log[-1].scenario_time)
    ]


def test_recover_leaves_paused_and_ended_exercises_alone(mini_scenario: Scenario) -> None:
    """Only a running clock needs recovery."""
    exercise = _started(mini_scenario)
    exercise.execute(c.Pause(), WALL0)
    assert exercise.recover(WALL0 + timedelta(hours=1)) == []
    exercise.execute(c.End(), WALL0)
    assert exercise.recover(WALL0 + timedelta(hours=2)) == []
    assert _created(mini_scenario).recover(WALL0) == []
