"""Recording, amending and voiding decisions (DESIGN.md "Decisions", "Exercise log events")."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop.domain import commands as c
from desktop.domain.enums import AssetPurpose, AssetTask, ConsultMode, Posture
from desktop.domain.events import EventKind
from desktop.domain.records import Consultation, DecisionContent, MilitaryAssets
from desktop.domain.scenario import Scenario
from desktop.domain.times import parse_stamp
from desktop.engine.errors import CommandRefused, Refusal
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")
NOW = parse_stamp("D+0 10:00")  # conv-01 (to humanitarian) went out at 09:00
WALL_NOW = WALL0 + timedelta(minutes=NOW - START)

CONTENT = DecisionContent(
    title="Negotiate access through OCHA",
    rationale="Talk first.",
    posture=Posture.COORDINATE,
    dimensions=("humanitarian", "protection"),
    venue="hct",
    consulted=(Consultation("wfp", ConsultMode.CONSULT), Consultation("ihc", ConsultMode.INFORM)),
)


@pytest.fixture
def exercise(mini_scenario: Scenario) -> Exercise:
    """The mini exercise at D+0 10:00, conv-01 and conv-01a released, clock running."""
    exercise = Exercise(mini_scenario)
    exercise.create(WALL0, mini_scenario.teams)
    exercise.execute(c.Start(START), WALL0)
    exercise.advance(WALL_NOW)
    return exercise


def _decide(
    exercise: Exercise,
    content: DecisionContent = CONTENT,
    team: str = "humanitarian",
    actor: str = "ocha",
    inject: str | None = "conv-01",
    decision_id: str | None = None,
) -> str:
    command = c.RecordDecision(team, actor, inject, content, decision_id)
    events = exercise.execute(command, WALL_NOW)
    assert [e.kind for e in events] == [EventKind.DECISION_RECORDED]
    return str(events[0].payload["id"])


def _refusal(exercise: Exercise, command: c.Command) -> Refusal:
    decisions = dict(exercise.state.book.decisions)
    count = exercise.state.event_count
    with pytest.raises(CommandRefused) as caught:
        exercise.execute(command, WALL_NOW)
    assert exercise.state.event_count == count
    assert exercise.state.book.decisions == decisions
    return caught.value.code


def test_decision_is_recorded_with_its_fields(exercise: Exercise) -> None:
    """The decision keeps team, acting actor, inject, content and recording time."""
    events = exercise.execute(
        c.RecordDecision("humanitarian", "ocha", "conv-01", CONTENT, "d1"), WALL_NOW
    )
    assert events[0].by == "team:humanitarian"
    assert events[0].scenario_time == NOW
    assert events[0].payload["as"] == "ocha"
    assert events[0].payload["late"] is False
    decision = exercise.state.book.decisions["d1"]
    assert (decision.team, decision.acting_actor, decision.inject) == (
        "humanitarian",
        "ocha",
        "conv-01",
    )
    assert decision.content == CONTENT
    assert (decision.recorded_at, decision.effective_at, decision.recorded_seq) == (
        NOW,
        NOW,
        events[0].seq,
    )
    assert (decision.voided, decision.amendments, decision.late) == (False, 0, False)
    assert exercise.state.book.responses("conv-01", "humanitarian") == [decision]


def test_engine_names_decisions_without_an_id(exercise: Exercise) -> None:
    """A decision entered without an id gets a fresh one."""
    first, second = _decide(exercise), _decide(exercise)
    assert first != second
    assert set(exercise.state.book.decisions) == {first, second}


def test_decision_without_inject(exercise: Exercise) -> None:
    """A decision need not answer an inject."""
    decision_id = _decide(exercise, inject=None)
    assert exercise.state.book.decisions[decision_id].inject is None


@pytest.mark.parametrize(
    ("team", "actor", "inject", "code"),
    [
        ("humanitarian", "srsg", "conv-01", Refusal.ACTOR_NOT_IN_TEAM),
        ("humanitarian", "ghost", "conv-01", Refusal.ACTOR_NOT_IN_TEAM),
        ("nobody", "ocha", "conv-01", Refusal.UNKNOWN_TEAM),
        ("humanitarian", "ocha", "nope", Refusal.UNKNOWN_INJECT),
        ("humanitarian", "ocha", "poc-01", Refusal.NOT_RELEASED),
        ("humanitarian", "ocha", "flood-01", Refusal.NOT_RELEASED),
    ],
)
def test_who_and_what_are_checked(
    exercise: Exercise, team: str, actor: str, inject: str, code: Refusal
) -> None:
    """The acting actor must belong to the team; the inject must exist and be released."""
    assert _refusal(exercise, c.RecordDecision(team, actor, inject, CONTENT)) is code


def test_held_inject_cannot_be_answered(exercise: Exercise) -> None:
    """A held inject is not released, so no decision can name it."""
    exercise.execute(c.Hold("poc-01"), WALL_NOW)
    command = c.RecordDecision("humanitarian", "ocha", "poc-01", CONTENT)
    assert _refusal(exercise, command) is Refusal.NOT_RELEASED


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": "  "}, Refusal.EMPTY_TEXT),
        ({"consulted": (Consultation("ghost", ConsultMode.CONSULT),)}, Refusal.UNKNOWN_ACTOR),
        ({"venue": "nowhere"}, Refusal.UNKNOWN_MECHANISM),
        ({"dimensions": ("humanitarian", "astrology")}, Refusal.UNKNOWN_DIMENSION),
        ({"supersedes": "nope"}, Refusal.UNKNOWN_DECISION),
        ({"taken_at": NOW + 1}, Refusal.BAD_TIME),
        (
            {
                "military_assets": MilitaryAssets(
                    "Heli", AssetPurpose.HUMANITARIAN, AssetTask.INDIRECT, "ghost"
                )
            },
            Refusal.UNKNOWN_ACTOR,
        ),
    ],
)
def test_content_is_checked(exercise: Exercise, changes: dict[str, Any], code: Refusal) -> None:
    """Consulted actors, venue, dimensions, supersedes, taken_at and assets must be valid."""
    content = replace(CONTENT, **changes)
    assert _refusal(exercise, c.RecordDecision("humanitarian", "ocha", "conv-01", content)) is code


def test_taken_at_now_or_earlier_is_accepted(exercise: Exercise) -> None:
    """A scribe may record a decision taken earlier, or at this very minute."""
    earlier = _decide(exercise, replace(CONTENT, taken_at=NOW - 50))
    at_now = _decide(exercise, replace(CONTENT, taken_at=NOW))
    book = exercise.state.book.decisions
    assert (book[earlier].effective_at, book[earlier].recorded_at) == (NOW - 50, NOW)
    assert book[at_now].effective_at == NOW


def test_supersedes_an_earlier_decision_of_the_same_team(exercise: Exercise) -> None:
    """Supersedes must name an existing decision of the same team."""
    first = _decide(exercise)
    second = _decide(exercise, replace(CONTENT, supersedes=first))
    assert exercise.state.book.decisions[second].content.supersedes == first
    other_team = _decide(exercise, team="unct", actor="dsrsg-rchc", inject="conv-01a")
    command = c.RecordDecision(
        "humanitarian", "ocha", "conv-01", replace(CONTENT, supersedes=other_team)
    )
    assert _refusal(exercise, command) is Refusal.WRONG_TEAM


def test_duplicate_decision_id_is_refused(exercise: Exercise) -> None:
    """A decision id is used once."""
    _decide(exercise, decision_id="d1")
    command = c.RecordDecision("humanitarian", "wfp", None, CONTENT, "d1")
    assert _refusal(exercise, command) is Refusal.DUPLICATE_ID


def test_amend_with_json_changes(exercise: Exercise) -> None:
    """`changes` replaces only the fields it names; team, actor and inject stay."""
    decision_id = _decide(exercise)
    changes = {"title": "Barge trial", "consulted": [{"actor": "unhcr", "mode": "joint"}]}
    events = exercise.execute(c.AmendDecision(decision_id, changes=changes), WALL_NOW)
    assert [e.kind for e in events] == [EventKind.DECISION_AMENDED]
    assert events[0].by == "team:humanitarian"
    decision = exercise.state.book.decisions[decision_id]
    assert decision.content == replace(
        CONTENT, title="Barge trial", consulted=(Consultation("unhcr", ConsultMode.JOINT),)
    )
    assert decision.amendments == 1
    assert (decision.team, decision.acting_actor, decision.inject) == (
        "humanitarian",
        "ocha",
        "conv-01",
    )
    assert decision.recorded_at == NOW


def test_amendment_cannot_move_team_actor_or_inject(exercise: Exercise) -> None:
    """Naming team, acting actor or inject in `changes` never moves the decision."""
    decision_id = _decide(exercise)
    changes = {"team": "unct", "as": "undp", "inject": None, "title": "Moved?"}
    with contextlib.suppress(CommandRefused):
        exercise.execute(c.AmendDecision(decision_id, changes=changes), WALL_NOW)
    decision = exercise.state.book.decisions[decision_id]
    assert (decision.team, decision.acting_actor, decision.inject) == (
        "humanitarian",
        "ocha",
        "conv-01",
    )
    assert exercise.state.book.responses("conv-01", "humanitarian") == [decision]
    assert exercise.state.book.responses("conv-01", "unct") == []


def test_amend_with_full_content_and_count(exercise: Exercise) -> None:
    """A full `content` replaces every changeable field; amendments add up."""
    decision_id = _decide(exercise)
    new = DecisionContent("Wait for the HCT", posture=Posture.COEXIST, taken_at=NOW - 10)
    exercise.execute(c.AmendDecision(decision_id, content=new), WALL_NOW)
    exercise.execute(c.AmendDecision(decision_id, changes={"rationale": "Why"}), WALL_NOW)
    decision = exercise.state.book.decisions[decision_id]
    assert decision.content == replace(new, rationale="Why")
    assert decision.amendments == 2
    assert decision.effective_at == NOW - 10
    assert len(exercise.state.book.decisions) == 1


def test_amendments_are_checked_like_new_decisions(exercise: Exercise) -> None:
    """Amended content is validated; a decision cannot supersede itself."""
    decision_id = _decide(exercise)
    for changes, code in (
        ({"venue": "nowhere"}, Refusal.UNKNOWN_MECHANISM),
        ({"consulted": [{"actor": "ghost", "mode": "consult"}]}, Refusal.UNKNOWN_ACTOR),
        ({"supersedes": decision_id}, Refusal.UNKNOWN_DECISION),
        ({"taken_at": NOW + 5}, Refusal.BAD_TIME),
    ):
        assert _refusal(exercise, c.AmendDecision(decision_id, changes=changes)) is code
    assert exercise.state.book.decisions[decision_id].amendments == 0
    assert _refusal(exercise, c.AmendDecision("nope", changes={"title": "x"})) is (
        Refusal.UNKNOWN_DECISION
    )


def test_void_keeps_the_decision_marked(exercise: Exercise) -> None:
    """A voided decision stays in the book with its reason."""
    decision_id = _decide(exercise)
    events = exercise.execute(c.VoidDecision(decision_id, "wrong team"), WALL_NOW)
    assert [e.kind for e in events] == [EventKind.DECISION_VOIDED]
    decision = exercise.state.book.decisions[decision_id]
    assert (decision.voided, decision.void_reason) == (True, "wrong team")
    assert decision.content == CONTENT


def test_voided_decisions_cannot_be_amended_or_voided(exercise: Exercise) -> None:
    """Amend or void of a voided decision is refused; an unknown one too."""
    decision_id = _decide(exercise)
    exercise.execute(c.VoidDecision(decision_id), WALL_NOW)
    assert _refusal(exercise, c.VoidDecision(decision_id)) is Refusal.ALREADY_VOIDED
    amend = c.AmendDecision(decision_id, changes={"title": "x"})
    assert _refusal(exercise, amend) is Refusal.ALREADY_VOIDED
    assert _refusal(exercise, c.VoidDecision("nope")) is Refusal.UNKNOWN_DECISION


def test_entries_after_end_are_late(exercise: Exercise) -> None:
    """After End decisions, amendments and voids still go in, marked late."""
    before = _decide(exercise)
    exercise.execute(c.End(), WALL_NOW)
    typed_in = WALL_NOW + timedelta(days=1)
    events = exercise.execute(
        c.RecordDecision("humanitarian", "wfp", "conv-01", CONTENT, "paper"), typed_in
    )
    assert events[0].payload["late"] is True
    assert events[0].scenario_time == NOW
    book = exercise.state.book.decisions
    assert book["paper"].late is True
    assert book[before].late is False
    amended = exercise.execute(c.AmendDecision(before, changes={"title": "T2"}), typed_in)
    assert amended[0].payload["late"] is True
    voided = exercise.execute(c.VoidDecision("paper"), typed_in)
    assert voided[0].payload["late"] is True


def test_late_entry_may_carry_a_later_time_after_end(exercise: Exercise) -> None:
    """After End the clock stands, so a paper form can give its own (later) time."""
    exercise.execute(c.End(), WALL_NOW)
    command = c.RecordDecision("humanitarian", "wfp", None, CONTENT, "paper")
    events = exercise.execute(command, WALL_NOW, at=NOW + 30)
    assert events[0].scenario_time == NOW + 30
    assert exercise.state.book.decisions["paper"].recorded_at == NOW + 30
