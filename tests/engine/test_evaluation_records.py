"""Observations, ratings and their voids; control replies; improvement plan; debrief notes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain import commands as c
from desktop.domain.enums import ObservationKind, Rating
from desktop.domain.events import FACILITATOR, EventKind
from desktop.domain.records import DebriefNote, ImprovementItem, Observation, RatingEntry
from desktop.domain.scenario import Scenario
from desktop.domain.times import parse_stamp
from desktop.engine.book import Reply
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")
WALL = WALL0 + timedelta(minutes=90)
NOW = START + 90
OBJECTIVE = "principled-humanitarian"


@pytest.fixture
def exercise(mini_scenario: Scenario) -> Exercise:
    """The mini exercise running since 08:00, read at 09:30."""
    exercise = Exercise(mini_scenario)
    exercise.create(WALL0, mini_scenario.teams)
    exercise.execute(c.Start(START), WALL0)
    exercise.advance(WALL)
    return exercise


def _refusal(exercise: Exercise, command: c.Command) -> Refusal:
    count = exercise.state.event_count
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(command, WALL)
    assert exercise.state.event_count == count
    return caught.value.code


def _observe(
    exercise: Exercise, observation_id: str = "o1", team: str = "unct"
) -> c.RecordObservation:
    command = c.RecordObservation(
        "Eval 1", team, OBJECTIVE, ObservationKind.STRENGTH, "Good call", "conv-01", observation_id
    )
    exercise.execute(command, WALL)
    return command


def test_observation_is_recorded(exercise: Exercise) -> None:
    """An observation keeps observer, team, objective, kind, text, inject and time."""
    events = exercise.execute(
        c.RecordObservation(
            "Eval 1", "unct", OBJECTIVE, ObservationKind.IMPROVEMENT, "Missed HCT", "conv-01", "o1"
        ),
        WALL,
    )
    assert [e.kind for e in events] == [EventKind.OBSERVATION_RECORDED]
    assert events[0].by == "observer:Eval 1"
    assert exercise.state.book.observations["o1"] == Observation(
        "o1", "Eval 1", "unct", OBJECTIVE, ObservationKind.IMPROVEMENT, "Missed HCT", NOW, "conv-01"
    )


@pytest.mark.parametrize(
    ("observer", "team", "objective", "text", "inject", "code"),
    [
        ("Eval 1", "nobody", OBJECTIVE, "t", None, Refusal.UNKNOWN_TEAM),
        ("Eval 1", "unct", "nope", "t", None, Refusal.UNKNOWN_OBJECTIVE),
        ("  ", "unct", OBJECTIVE, "t", None, Refusal.EMPTY_TEXT),
        ("Eval 1", "unct", OBJECTIVE, " ", None, Refusal.EMPTY_TEXT),
        ("Eval 1", "unct", OBJECTIVE, "t", "nope", Refusal.UNKNOWN_INJECT),
    ],
)
def test_bad_observations_are_refused(
    exercise: Exercise,
    observer: str,
    team: str,
    objective: str,
    text: str,
    inject: str | None,
    code: Refusal,
) -> None:
    """Team, objective, observer, text and inject are checked."""
    command = c.RecordObservation(observer, team, objective, ObservationKind.STRENGTH, text, inject)
    assert _refusal(exercise, command) is code


def test_observation_void(exercise: Exercise) -> None:
    """Voiding marks the observation; a second void or an unknown id is refused."""
    _observe(exercise)
    events = exercise.execute(c.VoidObservation("o1", "duplicate"), WALL)
    assert [e.kind for e in events] == [EventKind.OBSERVATION_VOIDED]
    assert events[0].payload["reason"] == "duplicate"
    assert exercise.state.book.observations["o1"].voided
    assert _refusal(exercise, c.VoidObservation("o1")) is Refusal.ALREADY_VOIDED
    assert _refusal(exercise, c.VoidObservation("nope")) is Refusal.UNKNOWN_OBSERVATION


def test_duplicate_observation_id_is_refused(exercise: Exercise) -> None:
    """An observation id is used once."""
    command = _observe(exercise)
    assert _refusal(exercise, command) is Refusal.DUPLICATE_ID


def test_ratings_with_final_flag(exercise: Exercise) -> None:
    """Ratings keep their value and the lead's `final` mark."""
    exercise.execute(c.RecordRating("Eval 1", "unct", OBJECTIVE, Rating.S, rating_id="r1"), WALL)
    events = exercise.execute(
        c.RecordRating("Lead", "unct", OBJECTIVE, Rating.M, True, "consensus", "r2"), WALL
    )
    assert events[0].kind is EventKind.RATING_RECORDED
    assert events[0].by == "observer:Lead"
    ratings = exercise.state.book.ratings
    assert ratings["r1"] == RatingEntry("r1", "Eval 1", "unct", OBJECTIVE, Rating.S, NOW)
    assert ratings["r2"] == RatingEntry(
        "r2", "Lead", "unct", OBJECTIVE, Rating.M, NOW, final=True, note="consensus"
    )


def test_bad_ratings_are_refused(exercise: Exercise) -> None:
    """Unknown team or objective, no observer, or a reused id are refused."""
    exercise.execute(c.RecordRating("E", "unct", OBJECTIVE, Rating.P, rating_id="r1"), WALL)
    for command, code in (
        (c.RecordRating("E", "nobody", OBJECTIVE, Rating.P), Refusal.UNKNOWN_TEAM),
        (c.RecordRating("E", "unct", "nope", Rating.P), Refusal.UNKNOWN_OBJECTIVE),
        (c.RecordRating("", "unct", OBJECTIVE, Rating.P), Refusal.EMPTY_TEXT),
        (c.RecordRating("E", "unct", OBJECTIVE, Rating.U, rating_id="r1"), Refusal.DUPLICATE_ID),
    ):
        assert _refusal(exercise, command) is code


def test_rating_void(exercise: Exercise) -> None:
    """Voiding a rating marks it; a second void or an unknown id is refused."""
    exercise.execute(c.RecordRating("E", "unct", OBJECTIVE, Rating.P, rating_id="r1"), WALL)
    events = exercise.execute(c.VoidRating("r1", "wrong team"), WALL)
    assert [e.kind for e in events] == [EventKind.RATING_VOIDED]
    assert exercise.state.book.ratings["r1"].voided
    assert _refusal(exercise, c.VoidRating("r1")) is Refusal.ALREADY_VOIDED
    assert _refusal(exercise, c.VoidRating("nope")) is Refusal.UNKNOWN_RATING


def test_observations_and_ratings_after_end_are_late(exercise: Exercise) -> None:
    """Paper forms typed in after End are marked late."""
    _observe(exercise, "before")
    exercise.execute(c.End(), WALL)
    later = WALL + timedelta(hours=2)
    exercise.execute(
        c.RecordObservation("E", "unct", OBJECTIVE, ObservationKind.STRENGTH, "t", None, "after"),
        later,
    )
    events = exercise.execute(
        c.RecordRating("E", "unct", OBJECTIVE, Rating.S, rating_id="r"), later
    )
    assert events[0].payload["late"] is True
    book = exercise.state.book
    assert (book.observations["before"].late, book.observations["after"].late) == (False, True)
    assert book.ratings["r"].late
    voided = exercise.execute(c.VoidObservation("after"), later)
    assert voided[0].payload["late"] is True


def test_control_reply(exercise: Exercise) -> None:
    """Control answers a team as a role-player; the reply is kept with its time."""
    events = exercise.execute(
        c.ReplyAsControl("unct", "donor", "We are disappointed.", "conv-01"), WALL
    )
    assert [e.kind for e in events] == [EventKind.CONTROL_REPLIED]
    assert events[0].by == "control"
    assert exercise.state.book.replies == [
        Reply("unct", "donor", "We are disappointed.", NOW, "conv-01")
    ]


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (c.ReplyAsControl("nobody", "donor", "t"), Refusal.UNKNOWN_TEAM),
        (c.ReplyAsControl("unct", "ghost", "t"), Refusal.UNKNOWN_ACTOR),
        (c.ReplyAsControl("unct", "donor", "t", "nope"), Refusal.UNKNOWN_INJECT),
        (c.ReplyAsControl("unct", "donor", "   "), Refusal.EMPTY_TEXT),
    ],
)
def test_bad_replies_are_refused(exercise: Exercise, command: c.Command, code: Refusal) -> None:
    """Team, sender, inject and text are checked."""
    assert _refusal(exercise, command) is code


def test_improvement_items_are_saved_and_replaced(exercise: Exercise) -> None:
    """Saving an item with an existing id replaces it."""
    item = ImprovementItem(
        "ip-1", "Escort decided outside the HCT", "HCT escort protocol", start=date(2031, 6, 1)
    )
    events = exercise.execute(c.SaveImprovementItem(item), WALL)
    assert [(e.kind, e.by) for e in events] == [(EventKind.IMPROVEMENT_ITEM_SAVED, FACILITATOR)]
    assert exercise.state.book.improvements == {"ip-1": item}
    revised = ImprovementItem("ip-1", "Escort", "Protocol", responsible="OCHA")
    exercise.execute(c.SaveImprovementItem(revised), WALL)
    assert exercise.state.book.improvements == {"ip-1": revised}


def test_debrief_notes_are_saved_and_replaced(exercise: Exercise) -> None:
    """Notes are kept by id under a section; empty text is refused."""
    exercise.execute(c.SaveDebriefNote("n1", "First", "Hotwash"), WALL)
    exercise.execute(c.SaveDebriefNote("n1", "Second", "Hotwash"), WALL)
    exercise.execute(c.SaveDebriefNote("n2", "Other"), WALL)
    assert exercise.state.book.debrief_notes == {
        "n1": DebriefNote("n1", "Second", "Hotwash"),
        "n2": DebriefNote("n2", "Other", ""),
    }
    assert _refusal(exercise, c.SaveDebriefNote("n3", " ")) is Refusal.EMPTY_TEXT


def test_recording_before_start_is_refused(mini_scenario: Scenario) -> None:
    """Evaluators and control wait for the start."""
    exercise = Exercise(mini_scenario)
    exercise.create(WALL0, mini_scenario.teams)
    for command in (
        c.RecordRating("E", "unct", OBJECTIVE, Rating.P),
        c.ReplyAsControl("unct", "donor", "t"),
        c.SaveDebriefNote("n1", "t"),
    ):
        with pytest.raises(CommandRefused) as caught:
            exercise.execute(command, WALL0)
        assert caught.value.code is Refusal.NOT_STARTED
