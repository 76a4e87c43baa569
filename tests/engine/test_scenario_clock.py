"""The scenario clock: rate, pause, resume, rate changes, jumps and hourly checkpoints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain import commands as c
from desktop.domain.events import CLOCK, Event, EventKind
from desktop.domain.scenario import Scenario
from desktop.domain.times import parse_stamp
from desktop.engine.clock import ScenarioClock
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")


def _started(scenario: Scenario, at: int = START, auto_release: bool = True) -> Exercise:
    exercise = Exercise(scenario)
    exercise.create(WALL0, scenario.teams, auto_release=auto_release)
    exercise.execute(c.Start(at), WALL0)
    return exercise


def _times(events: list[Event], kind: EventKind) -> list[int]:
    return [e.scenario_time for e in events if e.kind is kind]


def test_minutes_at_rate_1() -> None:
    """At rate 1 a wall minute is a scenario minute, counted in whole minutes."""
    clock = ScenarioClock(480, WALL0, 1.0, running=True)
    assert clock.minutes_at(WALL0) == 480
    assert clock.minutes_at(WALL0 + timedelta(seconds=59)) == 480
    assert clock.minutes_at(WALL0 + timedelta(seconds=60)) == 481
    assert clock.minutes_at(WALL0 + timedelta(hours=2, seconds=30)) == 600


def test_minutes_at_rate_60() -> None:
    """At rate 60 one wall minute is one scenario hour; a wall second is a scenario minute."""
    clock = ScenarioClock(480, WALL0, 60.0, running=True)
    assert clock.minutes_at(WALL0 + timedelta(seconds=1)) == 481
    assert clock.minutes_at(WALL0 + timedelta(seconds=30)) == 510
    assert clock.minutes_at(WALL0 + timedelta(minutes=1)) == 540
    assert clock.minutes_at(WALL0 + timedelta(hours=1)) == 480 + 3600


def test_stopped_clock_and_wall_time_before_the_anchor() -> None:
    """A stopped clock stands still; wall time before the anchor never goes back."""
    stopped = ScenarioClock(480, WALL0, 60.0, running=False)
    assert stopped.minutes_at(WALL0 + timedelta(days=3)) == 480
    running = ScenarioClock(480, WALL0, 60.0, running=True)
    assert running.minutes_at(WALL0 - timedelta(minutes=5)) == 480


def test_wall_for_inverts_minutes_at() -> None:
    """wall_for gives the wall time at which a running clock reaches a minute."""
    clock = ScenarioClock(480, WALL0, 60.0, running=True)
    wall = clock.wall_for(540)
    assert wall == WALL0 + timedelta(minutes=1)
    assert clock.minutes_at(wall) == 540
    assert ScenarioClock(480, WALL0, 60.0, running=False).wall_for(540) is None


def test_engine_clock_runs_at_rate_1(mini_scenario: Scenario) -> None:
    """A started exercise is at its start time plus the wall minutes since."""
    exercise = _started(mini_scenario)
    assert exercise.now(WALL0 + timedelta(minutes=45, seconds=20)) == START + 45


def test_pause_freezes_and_resume_continues(mini_scenario: Scenario) -> None:
    """While paused scenario time stands; resume continues from the paused minute."""
    exercise = _started(mini_scenario)
    paused_wall = WALL0 + timedelta(minutes=10)
    events = exercise.execute(c.Pause(), paused_wall)
    assert _times(events, EventKind.CLOCK_PAUSED) == [START + 10]
    assert exercise.now(paused_wall + timedelta(hours=5)) == START + 10
    resumed_wall = paused_wall + timedelta(hours=5)
    events = exercise.execute(c.Resume(), resumed_wall)
    assert _times(events, EventKind.CLOCK_RESUMED) == [START + 10]
    assert exercise.now(resumed_wall + timedelta(minutes=20)) == START + 30


def test_rate_change_applies_from_the_change(mini_scenario: Scenario) -> None:
    """After SetRate(60) each wall second is a scenario minute, from the change on."""
    exercise = _started(mini_scenario)
    changed = WALL0 + timedelta(minutes=10)
    events = exercise.execute(c.SetRate(60), changed)
    assert events[0].kind is EventKind.CLOCK_RATE_CHANGED
    assert events[0].payload == {"rate": 60}
    assert exercise.state.clock.rate == 60
    assert exercise.now(changed + timedelta(seconds=90)) == START + 10 + 90
    exercise.execute(c.SetRate(1), changed + timedelta(minutes=1))
    assert exercise.now(changed + timedelta(minutes=2)) == START + 10 + 60 + 1


def test_rate_change_while_paused_applies_after_resume(mini_scenario: Scenario) -> None:
    """A rate set while paused does not move the clock until it resumes."""
    exercise = _started(mini_scenario)
    exercise.execute(c.Pause(), WALL0)
    exercise.execute(c.SetRate(60), WALL0 + timedelta(minutes=1))
    assert exercise.now(WALL0 + timedelta(minutes=5)) == START
    exercise.execute(c.Resume(), WALL0 + timedelta(minutes=5))
    assert exercise.now(WALL0 + timedelta(minutes=6)) == START + 60


@pytest.mark.parametrize("rate", [0, -1, 3600.5, 10_000])
def test_bad_rates_are_refused(mini_scenario: Scenario, rate: float) -> None:
    """The rate must be above 0 and at most 3600."""
    exercise = _started(mini_scenario)
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(c.SetRate(rate), WALL0)
    assert caught.value.code is Refusal.BAD_RATE
    assert exercise.state.clock.rate == 1.0


def test_jump_forward_moves_the_clock(mini_scenario: Scenario) -> None:
    """Jump logs clock_jumped at the new time, and the clock goes on from there."""
    exercise = _started(mini_scenario)
    target = parse_stamp("D+2 10:00")
    events = exercise.execute(c.Jump(target), WALL0 + timedelta(minutes=5))
    assert [(e.kind, e.scenario_time) for e in events] == [(EventKind.CLOCK_JUMPED, target)]
    assert events[0].payload == {"from": START + 5}
    assert exercise.now(WALL0 + timedelta(minutes=5)) == target
    assert exercise.now(WALL0 + timedelta(minutes=15)) == target + 10


def test_jump_while_paused_stays_paused(mini_scenario: Scenario) -> None:
    """A jump keeps a paused clock paused at the new time."""
    exercise = _started(mini_scenario)
    exercise.execute(c.Pause(), WALL0)
    exercise.execute(c.Jump(START + 600), WALL0)
    assert not exercise.state.clock.running
    assert exercise.now(WALL0 + timedelta(hours=1)) == START + 600


@pytest.mark.parametrize("offset", [0, -1, -480])
def test_jump_backwards_or_to_now_is_refused(mini_scenario: Scenario, offset: int) -> None:
    """The clock only jumps forward, past the present minute."""
    exercise = _started(mini_scenario)
    wall = WALL0 + timedelta(minutes=30)
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(c.Jump(START + 30 + offset), wall)
    assert caught.value.code is Refusal.BAD_TIME
    assert exercise.now(wall) == START + 30


def test_checkpoint_every_full_scenario_hour(mini_scenario: Scenario) -> None:
    """A running clock logs clock_checkpoint at each full hour it passes, by the clock."""
    exercise = _started(mini_scenario, at=START + 15, auto_release=False)
    assert exercise.advance(WALL0 + timedelta(minutes=44)) == []  # 08:59
    events = exercise.advance(WALL0 + timedelta(hours=3, minutes=45))  # 12:00
    assert _times(events, EventKind.CLOCK_CHECKPOINT) == [540, 600, 660, 720]
    assert all(e.by == CLOCK for e in events)


def test_checkpoints_at_rate_60(mini_scenario: Scenario) -> None:
    """At rate 60, three wall minutes give three hourly checkpoints."""
    exercise = _started(mini_scenario, auto_release=False)
    exercise.execute(c.SetRate(60), WALL0)
    events = exercise.advance(WALL0 + timedelta(minutes=3))
    assert _times(events, EventKind.CLOCK_CHECKPOINT) == [540, 600, 660]


def test_no_checkpoints_while_paused(mini_scenario: Scenario) -> None:
    """A paused clock writes nothing, however long the pause; they resume afterwards."""
    exercise = _started(mini_scenario, auto_release=False)
    exercise.execute(c.Pause(), WALL0 + timedelta(minutes=30))
    assert exercise.advance(WALL0 + timedelta(hours=12)) == []
    exercise.execute(c.Resume(), WALL0 + timedelta(hours=12))
    events = exercise.advance(WALL0 + timedelta(hours=13, minutes=40))
    assert _times(events, EventKind.CLOCK_CHECKPOINT) == [540, 600]


def test_no_checkpoints_before_start_or_after_end(mini_scenario: Scenario) -> None:
    """Only a running exercise advances."""
    exercise = Exercise(mini_scenario)
    exercise.create(WALL0, mini_scenario.teams)
    assert exercise.advance(WALL0 + timedelta(days=2)) == []
    exercise.execute(c.Start(START), WALL0)
    exercise.execute(c.End(), WALL0 + timedelta(minutes=10))
    assert exercise.advance(WALL0 + timedelta(days=2)) == []


def test_advance_is_idempotent_for_the_same_wall_time(mini_scenario: Scenario) -> None:
    """Advancing twice to the same wall time logs nothing the second time."""
    exercise = _started(mini_scenario)
    wall = WALL0 + timedelta(hours=2)
    assert exercise.advance(wall) != []
    assert exercise.advance(wall) == []
