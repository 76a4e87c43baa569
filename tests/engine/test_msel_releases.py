"""The master events list: automatic and manual releases, hold, skip, ad-hoc injects, jumps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain import commands as c
from desktop.domain.enums import Channel, InjectOrigin, InjectStatus
from desktop.domain.events import CLOCK, FACILITATOR, Event, EventKind
from desktop.domain.scenario import Inject, Scenario
from desktop.domain.times import parse_stamp
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")
CONV_01 = parse_stamp("D+0 09:00")


def _started(scenario: Scenario, auto_release: bool = True) -> Exercise:
    exercise = Exercise(scenario)
    exercise.create(WALL0, scenario.teams, auto_release=auto_release)
    exercise.execute(c.Start(START), WALL0)
    return exercise


def _wall(minutes: int) -> datetime:
    """The wall time at which a rate-1 clock started at 08:00 reads `minutes`."""
    return WALL0 + timedelta(minutes=minutes - START)


def _releases(events: list[Event]) -> list[tuple[str, int]]:
    return [
        (e.payload["inject"], e.scenario_time)
        for e in events
        if e.kind is EventKind.INJECT_RELEASED
    ]


def _refusal(exercise: Exercise, command: c.Command, wall: datetime = WALL0) -> Refusal:
    count = exercise.state.event_count
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(command, wall)
    assert exercise.state.event_count == count
    return caught.value.code


def test_scheduled_inject_is_released_at_its_time(mini_scenario: Scenario) -> None:
    """With auto_release, conv-01 is released by the clock exactly at its `at`."""
    exercise = _started(mini_scenario)
    assert _releases(exercise.advance(_wall(CONV_01 - 1))) == []
    events = exercise.advance(_wall(CONV_01))
    release = next(e for e in events if e.kind is EventKind.INJECT_RELEASED)
    assert (release.payload["inject"], release.scenario_time) == ("conv-01", CONV_01)
    assert release.payload["cause"] == "schedule"
    assert release.by == CLOCK
    state = exercise.state.msel["conv-01"]
    assert (state.status, state.released_at, state.release_cause) == (
        InjectStatus.RELEASED,
        CONV_01,
        "schedule",
    )


def test_overdue_releases_carry_their_own_times(mini_scenario: Scenario) -> None:
    """One long advance logs each release at its own time, in time order."""
    exercise = _started(mini_scenario)
    exercise.execute(c.SetRate(600), WALL0)
    events = exercise.advance(WALL0 + timedelta(minutes=5))  # to D+2 10:00
    assert _releases(events) == [
        ("conv-01", CONV_01),
        ("conv-01a", CONV_01 + 30),
        ("donor-01", parse_stamp("D+1 10:00")),
        ("donor-01a", parse_stamp("D+1 18:00")),
    ]


def test_no_automatic_release_when_turned_off(mini_scenario: Scenario) -> None:
    """After SetAutoRelease(False) nothing is released by the clock."""
    exercise = _started(mini_scenario)
    events = exercise.execute(c.SetAutoRelease(False), WALL0)
    assert events[0].kind is EventKind.AUTO_RELEASE_CHANGED
    assert not exercise.state.auto_release
    assert _releases(exercise.advance(_wall(CONV_01 + 600))) == []
    assert exercise.state.msel["conv-01"].status is InjectStatus.PENDING


def test_created_without_auto_release(mini_scenario: Scenario) -> None:
    """auto_release=False at creation: scheduled injects wait for a hand."""
    exercise = _started(mini_scenario, auto_release=False)
    assert _releases(exercise.advance(_wall(CONV_01 + 60))) == []
    events = exercise.execute(c.Release("conv-01"), _wall(CONV_01 + 60))
    assert _releases(events) == [("conv-01", CONV_01 + 60)]
    assert events[0].by == FACILITATOR
    assert events[0].payload["cause"] == "facilitator"


def test_turning_auto_release_back_on_releases_what_is_overdue(mini_scenario: Scenario) -> None:
    """Overdue injects go out at the time auto release is switched back on."""
    exercise = _started(mini_scenario)
    exercise.execute(c.SetAutoRelease(False), WALL0)
    exercise.advance(_wall(CONV_01 + 20))
    exercise.execute(c.SetAutoRelease(True), _wall(CONV_01 + 20))
    assert _releases(exercise.advance(_wall(CONV_01 + 20))) == [("conv-01", CONV_01 + 20)]


def test_manual_inject_is_never_released_automatically(mini_scenario: Scenario) -> None:
    """flood-01 (`at: manual`) stays pending through the whole exercise."""
    exercise = _started(mini_scenario)
    exercise.execute(c.SetRate(3600), WALL0)
    events = exercise.advance(WALL0 + timedelta(minutes=10))  # ten days
    assert "flood-01" not in {name for name, _ in _releases(events)}
    assert exercise.state.msel["flood-01"].status is InjectStatus.PENDING
    assert exercise.state.msel["flood-01"].origin is InjectOrigin.MANUAL
    released = exercise.execute(c.Release("flood-01"), WALL0 + timedelta(minutes=10))
    assert _releases(released) == [("flood-01", START + 36_000)]


def test_hold_prevents_automatic_release_until_released(mini_scenario: Scenario) -> None:
    """A held inject passes its time unreleased; Release sends it at that moment."""
    exercise = _started(mini_scenario)
    events = exercise.execute(c.Hold("conv-01"), _wall(500))
    assert [(e.kind, e.payload["inject"]) for e in events] == [(EventKind.INJECT_HELD, "conv-01")]
    assert _releases(exercise.advance(_wall(CONV_01 + 120))) == []
    assert exercise.state.msel["conv-01"].status is InjectStatus.HELD
    assert _releases(exercise.execute(c.Release("conv-01"), _wall(700))) == [("conv-01", 700)]
    assert exercise.state.msel["conv-01"].released_at == 700


def test_hold_before_start(mini_scenario: Scenario) -> None:
    """An inject can be held while the exercise is being set up."""
    exercise = Exercise(mini_scenario)
    exercise.create(WALL0, mini_scenario.teams)
    exercise.execute(c.Hold("conv-01"), WALL0)
    exercise.execute(c.Start(START), WALL0)
    assert _releases(exercise.advance(_wall(CONV_01 + 10))) == []


def test_skip_with_reason(mini_scenario: Scenario) -> None:
    """A skipped inject keeps its reason and is never released automatically."""
    exercise = _started(mini_scenario)
    events = exercise.execute(c.Skip("au-01", "time"), WALL0)
    assert events[0].kind is EventKind.INJECT_SKIPPED
    assert events[0].payload == {"inject": "au-01", "reason": "time"}
    exercise.execute(c.Jump(parse_stamp("D+8 00:00")), WALL0)
    assert "au-01" not in {name for name, _ in _releases(exercise.advance(WALL0))}
    state = exercise.state.msel["au-01"]
    assert (state.status, state.skip_reason, state.released_at) == (
        InjectStatus.SKIPPED,
        "time",
        None,
    )


def test_releasing_twice_is_refused(mini_scenario: Scenario) -> None:
    """Release, hold and skip of a released inject are refused."""
    exercise = _started(mini_scenario)
    exercise.execute(c.Release("flood-01"), WALL0)
    for command in (c.Release("flood-01"), c.Hold("flood-01"), c.Skip("flood-01")):
        assert _refusal(exercise, command) is Refusal.ALREADY_RELEASED


def test_hold_twice_and_unknown_injects_are_refused(mini_scenario: Scenario) -> None:
    """A held inject cannot be held again; unknown inject ids are refused."""
    exercise = _started(mini_scenario)
    exercise.execute(c.Hold("au-01"), WALL0)
    assert _refusal(exercise, c.Hold("au-01")) is Refusal.ALREADY_HELD
    for command in (c.Release("nope"), c.Hold("nope"), c.Skip("nope")):
        assert _refusal(exercise, command) is Refusal.UNKNOWN_INJECT


def _adhoc(inject_id: str = "adhoc-1", to: tuple[str, ...] = ("humanitarian",)) -> Inject:
    return Inject(
        inject_id, "IVDF offers safe passage", to, body="...", sender="ivdf", channel=Channel.PHONE
    )


def test_adhoc_inject_is_released_at_once(mini_scenario: Scenario) -> None:
    """AddInject logs inject_added then inject_released, both now, cause `adhoc`."""
    exercise = _started(mini_scenario)
    events = exercise.execute(c.AddInject(_adhoc()), _wall(600))
    assert [e.kind for e in events] == [EventKind.INJECT_ADDED, EventKind.INJECT_RELEASED]
    assert all(e.scenario_time == 600 for e in events)
    assert events[1].payload["cause"] == "adhoc"
    state = exercise.state.msel["adhoc-1"]
    assert state.origin is InjectOrigin.ADHOC
    assert (state.status, state.released_at) == (InjectStatus.RELEASED, 600)
    assert state.inject.sender == "ivdf"
    assert state.inject.to == ("humanitarian",)


def test_adhoc_inject_may_target_actors_and_all(mini_scenario: Scenario) -> None:
    """`to` may name teams, actors or `all`."""
    exercise = _started(mini_scenario)
    exercise.execute(c.AddInject(_adhoc("a1", ("ocha", "unct"))), WALL0)
    exercise.execute(c.AddInject(_adhoc("a2", ("all",))), WALL0)
    assert exercise.state.msel["a2"].status is InjectStatus.RELEASED


@pytest.mark.parametrize(
    ("inject", "code"),
    [
        (_adhoc(to=("nobody",)), Refusal.UNKNOWN_TEAM),
        (_adhoc(to=()), Refusal.UNKNOWN_TEAM),
        (_adhoc("conv-01"), Refusal.DUPLICATE_ID),
        (Inject("a3", "T", ("unct",), sender="ghost"), Refusal.UNKNOWN_ACTOR),
    ],
)
def test_bad_adhoc_injects_are_refused(
    mini_scenario: Scenario, inject: Inject, code: Refusal
) -> None:
    """Unknown targets or sender and reused ids are refused; nothing is added."""
    exercise = _started(mini_scenario)
    assert _refusal(exercise, c.AddInject(inject)) is code
    assert ("a3" in exercise.state.msel) is False


def test_adhoc_inject_before_start_is_refused(mini_scenario: Scenario) -> None:
    """Ad-hoc injects are released at once, so only during play."""
    exercise = Exercise(mini_scenario)
    exercise.create(WALL0, mini_scenario.teams)
    assert _refusal(exercise, c.AddInject(_adhoc())) is Refusal.NOT_STARTED


def test_after_a_jump_overdue_injects_are_released_at_the_jump_time(
    mini_scenario: Scenario,
) -> None:
    """Injects due before the jump target are released at the jump time, not earlier."""
    exercise = _started(mini_scenario)
    target = parse_stamp("D+1 12:00")
    jumped = exercise.execute(c.Jump(target), _wall(500))
    events = exercise.advance(_wall(500))
    assert jumped[0].scenario_time == target
    assert ("conv-01", target) in _releases(events)
    assert ("donor-01", target) in _releases(events)
    # The released-trigger child counts from its parent's (late) release.
    assert ("conv-01a", target + 30) not in _releases(events)
    assert all(e.scenario_time >= target for e in events)
    later = exercise.advance(_wall(530))
    assert ("conv-01a", target + 30) in _releases(later)
