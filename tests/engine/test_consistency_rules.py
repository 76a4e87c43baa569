"""Consistency rules: refusals leave no trace, time never runs backwards, amendments stay
within what the decision was, and a decision in the deadline minute counts for triggers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain import commands as c
from desktop.domain.events import EventKind
from desktop.domain.expectations import ExpectationStatus, judge_expectation
from desktop.domain.records import DecisionContent
from desktop.domain.scenario import Scenario, Team
from desktop.domain.times import parse_stamp
from desktop.engine.errors import CommandRefused
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")


def _started(scenario: Scenario, at: int = START) -> Exercise:
    exercise = Exercise(scenario)
    exercise.create(WALL0, scenario.teams)
    exercise.execute(c.Start(at), WALL0)
    return exercise


def test_refused_create_leaves_no_trace(mini_scenario: Scenario) -> None:
    """A refused create() records nothing, so a corrected create() can follow.

    engine/exercise.py `create`: exercise_created and the valid teams are applied to the
    state before an unknown actor is found; `_pending.clear()` drops the events but not
    their effect, so the state holds teams no log holds and every retry is refused
    ALREADY_STARTED.
    """
    exercise = Exercise(mini_scenario)
    with pytest.raises(CommandRefused):
        exercise.create(WALL0, [mini_scenario.teams[0], Team("bad", "Bad", ("ghost",))])
    assert exercise.state.event_count == 0
    assert exercise.state.teams == {}
    events = exercise.create(WALL0, mini_scenario.teams)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))


def test_amendment_cannot_supersede_a_later_decision(mini_scenario: Scenario) -> None:
    """`supersedes` replaces an EARLIER decision of the same team (DESIGN.md "Decisions").

    engine/recording.py `_check_content` only checks that the named decision exists and
    belongs to the team; through AmendDecision an earlier decision can be made to
    supersede a later one, and two decisions can supersede each other (a cycle).
    """
    exercise = _started(mini_scenario)
    wall = WALL0 + timedelta(minutes=60)
    exercise.advance(wall)  # conv-01 released at 09:00
    for decision_id in ("d1", "d2"):
        command = c.RecordDecision(
            "humanitarian", "ocha", "conv-01", DecisionContent("A"), decision_id
        )
        exercise.execute(command, wall)
    with pytest.raises(CommandRefused):
        exercise.execute(c.AmendDecision("d1", changes={"supersedes": "d2"}), wall)


def test_amended_taken_at_is_not_after_the_recording(mini_scenario: Scenario) -> None:
    """`taken_at` is when the team decided, for an entry recorded late, so never after it.

    RecordDecision refuses a taken_at later than the recording time, but
    engine/recording.py `_amend` checks taken_at against the time of the AMENDMENT: an
    amendment hours later can move the decision after the moment it was entered, which
    moves it out of `respond_within` in the figures.
    """
    exercise = _started(mini_scenario)
    wall = WALL0 + timedelta(minutes=60)
    exercise.advance(wall)
    content = DecisionContent("Negotiate")
    exercise.execute(c.RecordDecision("humanitarian", "ocha", "conv-01", content, "d1"), wall)
    later = wall + timedelta(hours=5)
    exercise.advance(later)
    try:
        exercise.execute(c.AmendDecision("d1", changes={"taken_at": START + 300}), later)
    except CommandRefused:
        return
    decision = exercise.state.book.decisions["d1"]
    assert decision.effective_at <= decision.recorded_at


def test_start_does_not_go_back_in_time(mini_scenario: Scenario) -> None:
    """Log times never decrease ("time cannot go backwards in the log").

    engine/exercise.py `_dispatch`: Start logs exercise_started at `Start.at` without the
    check `_time_for` applies to every other command, so after a set-up entry given a
    later `at` (a hold at 10:00) the exercise can start at 08:00, earlier in the log.
    """
    exercise = Exercise(mini_scenario)
    log = exercise.create(WALL0, mini_scenario.teams)
    log += exercise.execute(c.Hold("conv-01"), WALL0, at=parse_stamp("D+0 10:00"))
    try:
        log += exercise.execute(c.Start(START), WALL0)
    except CommandRefused:
        return
    times = [e.scenario_time for e in log]
    assert times == sorted(times)


def test_decision_at_the_deadline_minute_counts_for_triggers(mini_scenario: Scenario) -> None:
    """A decision exactly at release + respond_within counts, for triggers as for figures.

    DESIGN.md: `no-response` holds "if no target team has a decision naming the parent
    by then", and the expectation takes decisions "within respond_within of the
    release, the deadline included". engine/scheduling.py `advance_to` judges a deadline
    as soon as the clock reaches its minute, and the session always advances before it
    carries out a command, so a decision entered in the deadline minute is never seen by
    the trigger: donor-01a goes out although the debrief counts unct's answer in time.
    """
    exercise = _started(mini_scenario, at=parse_stamp("D+1 09:59"))
    exercise.advance(WALL0 + timedelta(minutes=1))
    donor = exercise.state.msel["donor-01"]
    assert donor.released_at == parse_stamp("D+1 10:00")
    deadline = parse_stamp("D+1 16:00")
    at_deadline = WALL0 + timedelta(minutes=deadline - parse_stamp("D+1 09:59"))
    # What ExerciseSession.execute does: advance to now, then carry out the command.
    exercise.advance(at_deadline)
    content = DecisionContent("Separate the grant from humanitarian aid")
    events = exercise.execute(c.RecordDecision("unct", "undp", "donor-01", content), at_deadline)
    assert events[0].scenario_time == deadline
    figures = judge_expectation(
        donor.inject,
        deadline - 360,
        exercise.state.book.responses("donor-01", "unct"),
        mini_scenario.actor_by_id,
    )
    assert figures.status is not ExpectationStatus.UNMET  # the debrief counts it in time
    later = exercise.advance(at_deadline + timedelta(hours=3))
    released = [e.payload["inject"] for e in later if e.kind is EventKind.INJECT_RELEASED]
    assert "donor-01a" not in released


def test_taken_at_lies_between_the_release_and_the_recording(mini_scenario: Scenario) -> None:
    """A late entry cannot claim a time before the inject it answers was released, or
    before the exercise started; the release minute itself is accepted."""
    from desktop.domain.records import DecisionContent
    from desktop.domain.times import parse_stamp
    from desktop.engine.errors import CommandRefused, Refusal
    from desktop.engine.exercise import Exercise

    wall = datetime(2031, 3, 1, 8, tzinfo=UTC)
    exercise = Exercise(mini_scenario)
    exercise.create(wall, mini_scenario.teams)
    exercise.execute(c.Start(parse_stamp("D+0 08:00")), wall)
    exercise.execute(c.Pause(), wall)
    exercise.execute(c.Release("conv-01"), wall, at=parse_stamp("D+0 09:00"))
    team = next(t for t in mini_scenario.teams if "ocha" in t.actors)

    def decide(taken_at: str) -> None:
        content = DecisionContent(title="Late entry", taken_at=parse_stamp(taken_at))
        exercise.execute(
            c.RecordDecision(team.id, "ocha", "conv-01", content), wall, at=parse_stamp("D+0 12:00")
        )

    for too_early in ("D+0 08:59", "D+0 07:00"):
        with pytest.raises(CommandRefused) as caught:
            decide(too_early)
        assert caught.value.code is Refusal.BAD_TIME
    decide("D+0 09:00")
    assert len(exercise.state.book.decisions) == 1
