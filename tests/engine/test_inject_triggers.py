"""The five trigger conditions, with delays, as DESIGN.md "Triggers" defines them.

A small scenario: `parent` is released at 10:00 to teams alpha and bravo and expects a
response within an hour that involves `b1`; `child` is triggered by it 30 minutes after
its condition. Team charlie is not a target. The clock runs at rate 1 from 09:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.domain import commands as c
from desktop.domain.enums import Category, ConsultMode, InjectStatus, TriggerWhen
from desktop.domain.events import Event, EventKind
from desktop.domain.records import Consultation, DecisionContent
from desktop.domain.scenario import (
    Actor,
    Expects,
    Inject,
    Phase,
    Scenario,
    Setting,
    Team,
    Trigger,
)
from desktop.engine.exercise import Exercise

WALL0 = datetime(2031, 4, 14, 9, 0, tzinfo=UTC)
START = 540
RELEASE = 600
DEADLINE = 660
DELAY = 30


def _actor(actor_id: str) -> Actor:
    return Actor(
        actor_id, actor_id, actor_id, Category.UN_MISSION, "UN", ("political",), False, False
    )


def _scenario(when: TriggerWhen, delay: int = DELAY, manual_parent: bool = False) -> Scenario:
    parent = Inject(
        "parent",
        "Parent",
        ("alpha", "bravo"),
        at=None if manual_parent else RELEASE,
        manual=manual_parent,
        expects=Expects(respond_within=DEADLINE - RELEASE, consult=("b1",)),
    )
    child = Inject("child", "Child", ("alpha",), trigger=Trigger("parent", when, delay))
    return Scenario(
        id="t",
        title="Triggers",
        language="en",
        summary="",
        setting=Setting("Country", "Mission", "one-foot-in", None, ""),  # type: ignore[arg-type]
        phases=(Phase("only", "Only", 0),),
        actors=tuple(_actor(a) for a in ("a1", "a2", "b1", "c1")),
        teams=(
            Team("alpha", "Alpha", ("a1", "a2")),
            Team("bravo", "Bravo", ("b1",)),
            Team("charlie", "Charlie", ("c1",)),
        ),
        injects=(parent, child),
    )


def _started(when: TriggerWhen, delay: int = DELAY, manual_parent: bool = False) -> Exercise:
    scenario = _scenario(when, delay, manual_parent)
    exercise = Exercise(scenario)
    exercise.create(WALL0, scenario.teams)
    exercise.execute(c.Start(START), WALL0)
    return exercise


def _wall(minutes: int) -> datetime:
    return WALL0 + timedelta(minutes=minutes - START)


def _advance(exercise: Exercise, minutes: int) -> list[Event]:
    events = exercise.advance(_wall(minutes))
    assert exercise.now(_wall(minutes)) == minutes
    return events


def _decide(
    exercise: Exercise, minutes: int, team: str, actor: str, consult: tuple[str, ...] = ()
) -> str:
    """Record a decision naming `parent` at `minutes`, after advancing the clock there."""
    _advance(exercise, minutes)
    content = DecisionContent(
        "Respond", consulted=tuple(Consultation(a, ConsultMode.CONSULT) for a in consult)
    )
    events = exercise.execute(c.RecordDecision(team, actor, "parent", content), _wall(minutes))
    return str(events[0].payload["id"])


def _released(events: list[Event], inject: str = "child") -> list[int]:
    return [
        e.scenario_time
        for e in events
        if e.kind is EventKind.INJECT_RELEASED and e.payload["inject"] == inject
    ]


def _deadline(events: list[Event]) -> Event:
    (event,) = [e for e in events if e.kind is EventKind.DEADLINE_REACHED]
    return event


def _meet_both(exercise: Exercise) -> None:
    _decide(exercise, 610, "alpha", "a1", consult=("b1",))
    _decide(exercise, 620, "bravo", "b1")


# released


def test_released_trigger_fires_delay_after_the_parent_release() -> None:
    """`released`: the child goes out at the parent's release + delay."""
    exercise = _started(TriggerWhen.RELEASED)
    assert _released(_advance(exercise, RELEASE)) == []
    assert _released(_advance(exercise, RELEASE + DELAY - 1)) == []
    events = _advance(exercise, RELEASE + DELAY)
    assert _released(events) == [RELEASE + DELAY]
    release = next(e for e in events if e.kind is EventKind.INJECT_RELEASED)
    assert release.payload["cause"] == "trigger"
    assert release.payload["trigger"] == {"inject": "parent", "when": "released"}


def test_released_trigger_follows_a_manual_release() -> None:
    """A parent released by hand at 11:00 releases the child at 11:30."""
    exercise = _started(TriggerWhen.RELEASED, manual_parent=True)
    _advance(exercise, 660)
    exercise.execute(c.Release("parent"), _wall(660))
    assert _released(_advance(exercise, 689)) == []
    assert _released(_advance(exercise, 690)) == [690]


def test_zero_delay_releases_with_the_parent() -> None:
    """With no delay the child is released at the same minute, after its parent."""
    exercise = _started(TriggerWhen.RELEASED, delay=0)
    events = _advance(exercise, RELEASE)
    releases = [e.payload["inject"] for e in events if e.kind is EventKind.INJECT_RELEASED]
    assert releases == ["parent", "child"]
    assert _released(events) == [RELEASE]


def test_armed_child_waits_while_held_or_auto_release_is_off() -> None:
    """An armed child is not released while held, nor while automatic release is off."""
    held = _started(TriggerWhen.RELEASED)
    held.execute(c.Hold("child"), WALL0)
    assert _released(_advance(held, 700)) == []
    assert held.state.msel["child"].status is InjectStatus.HELD
    manual = _started(TriggerWhen.RELEASED)
    _advance(manual, RELEASE)
    manual.execute(c.SetAutoRelease(False), _wall(RELEASE))
    assert _released(_advance(manual, 700)) == []
    assert manual.state.msel["child"].due_at == RELEASE + DELAY


# decision


def test_decision_trigger_fires_after_a_target_team_decision() -> None:
    """`decision`: the first decision naming the parent by a target team, plus delay."""
    exercise = _started(TriggerWhen.DECISION)
    _decide(exercise, 620, "alpha", "a1")
    assert exercise.state.msel["child"].due_at == 620 + DELAY
    assert _released(_advance(exercise, 620 + DELAY - 1)) == []
    assert _released(_advance(exercise, 620 + DELAY)) == [620 + DELAY]


def test_decision_by_a_non_target_team_does_not_arm() -> None:
    """A decision by a team the parent was not sent to leaves the child waiting."""
    exercise = _started(TriggerWhen.DECISION)
    _decide(exercise, 610, "charlie", "c1")
    assert exercise.state.msel["child"].due_at is None
    assert _released(_advance(exercise, 700)) == []
    _decide(exercise, 705, "bravo", "b1")
    assert _released(_advance(exercise, 705 + DELAY)) == [705 + DELAY]


def test_only_the_first_target_decision_counts() -> None:
    """A second decision does not move the child's time."""
    exercise = _started(TriggerWhen.DECISION)
    _decide(exercise, 610, "alpha", "a1")
    _decide(exercise, 630, "bravo", "b1")
    assert _released(_advance(exercise, 700)) == [610 + DELAY]


def test_decision_trigger_ignores_the_deadline() -> None:
    """A decision long after the deadline still fires a `decision` trigger."""
    exercise = _started(TriggerWhen.DECISION)
    _decide(exercise, 900, "alpha", "a2")
    assert _released(_advance(exercise, 900 + DELAY)) == [900 + DELAY]


# no-response


def test_no_response_is_judged_at_the_deadline_and_released_after_the_delay() -> None:
    """`no-response`: nothing before the deadline, deadline_reached at it, child at +delay."""
    exercise = _started(TriggerWhen.NO_RESPONSE)
    early = _advance(exercise, DEADLINE - 1)
    assert [e for e in early if e.kind is EventKind.DEADLINE_REACHED] == []
    assert exercise.state.msel["child"].due_at is None
    events = _advance(exercise, DEADLINE + 1)
    deadline = _deadline(events)
    assert deadline.scenario_time == DEADLINE
    assert deadline.payload["inject"] == "parent"
    assert deadline.payload["deadline"] == DEADLINE
    assert deadline.payload["teams"] == {"alpha": "unmet", "bravo": "unmet"}
    assert deadline.payload["responded"] == []
    assert deadline.payload["armed"] == ["child"]
    assert _released(_advance(exercise, DEADLINE + DELAY - 1)) == []
    assert _released(_advance(exercise, DEADLINE + DELAY)) == [DEADLINE + DELAY]


def test_no_response_fails_when_one_target_team_responded() -> None:
    """One target team's decision (good or not) leaves the child dormant for ever."""
    exercise = _started(TriggerWhen.NO_RESPONSE)
    _decide(exercise, 650, "alpha", "a1")
    deadline = _deadline(_advance(exercise, DEADLINE + 1))
    assert deadline.payload["responded"] == ["alpha"]
    assert deadline.payload["dormant"] == ["child"]
    assert deadline.payload["armed"] == []
    assert exercise.state.msel["child"].dormant
    assert _released(_advance(exercise, DEADLINE + 24 * 60)) == []
    assert exercise.state.msel["child"].status is InjectStatus.PENDING


def test_no_response_ignores_other_teams_and_voided_decisions() -> None:
    """A non-target team's decision and a voided decision are no response."""
    exercise = _started(TriggerWhen.NO_RESPONSE)
    _decide(exercise, 610, "charlie", "c1")
    voided = _decide(exercise, 620, "bravo", "b1")
    exercise.execute(c.VoidDecision(voided, "wrong sheet"), _wall(620))
    assert _deadline(_advance(exercise, DEADLINE + 1)).payload["armed"] == ["child"]
    assert _released(_advance(exercise, DEADLINE + DELAY)) == [DEADLINE + DELAY]


def test_a_decision_after_the_deadline_does_not_undo_no_response() -> None:
    """Once judged, the armed child goes out even if a response follows."""
    exercise = _started(TriggerWhen.NO_RESPONSE)
    _advance(exercise, DEADLINE)
    _decide(exercise, DEADLINE + 5, "alpha", "a1")
    assert _released(_advance(exercise, DEADLINE + DELAY)) == [DEADLINE + DELAY]


# expectation-met


def test_expectation_met_waits_for_the_deadline_even_when_already_clear() -> None:
    """Both teams meet it at 10:20, yet nothing is judged or released before 11:00."""
    exercise = _started(TriggerWhen.EXPECTATION_MET)
    _meet_both(exercise)
    early = _advance(exercise, DEADLINE - 1)
    assert [e for e in early if e.kind is EventKind.DEADLINE_REACHED] == []
    assert exercise.state.msel["child"].due_at is None
    deadline = _deadline(_advance(exercise, DEADLINE + 1))
    assert deadline.payload["teams"] == {"alpha": "met", "bravo": "met"}
    assert deadline.payload["responded"] == ["alpha", "bravo"]
    assert deadline.payload["armed"] == ["child"]
    assert _released(_advance(exercise, DEADLINE + DELAY - 1)) == []
    assert _released(_advance(exercise, DEADLINE + DELAY)) == [DEADLINE + DELAY]


def test_expectation_met_fails_on_partial() -> None:
    """One team only partial: `expectation-met` does not hold; the child sleeps."""
    exercise = _started(TriggerWhen.EXPECTATION_MET)
    _decide(exercise, 610, "alpha", "a1")  # b1 not involved: partial
    _decide(exercise, 620, "bravo", "b1")
    deadline = _deadline(_advance(exercise, DEADLINE + 1))
    assert deadline.payload["teams"] == {"alpha": "partial", "bravo": "met"}
    assert deadline.payload["dormant"] == ["child"]
    assert _released(_advance(exercise, DEADLINE + 600)) == []


def test_expectation_met_fails_when_a_team_is_silent() -> None:
    """Every target team must meet it: a silent team is unmet."""
    exercise = _started(TriggerWhen.EXPECTATION_MET)
    _decide(exercise, 620, "bravo", "b1")
    deadline = _deadline(_advance(exercise, DEADLINE + 1))
    assert deadline.payload["teams"] == {"alpha": "unmet", "bravo": "met"}
    assert deadline.payload["dormant"] == ["child"]


def test_expectation_met_uses_amendments_and_skips_voided() -> None:
    """Judged on decisions as last amended; a voided one leaves the figures."""
    exercise = _started(TriggerWhen.EXPECTATION_MET)
    alpha = _decide(exercise, 610, "alpha", "a1")
    exercise.execute(
        c.AmendDecision(alpha, changes={"consulted": [{"actor": "b1", "mode": "inform"}]}),
        _wall(610),
    )
    bravo = _decide(exercise, 620, "bravo", "b1")
    _decide(exercise, 630, "bravo", "b1")
    exercise.execute(c.VoidDecision(bravo), _wall(630))
    assert _deadline(_advance(exercise, DEADLINE + 1)).payload["armed"] == ["child"]


# expectation-unmet


def test_expectation_unmet_fires_on_partial() -> None:
    """`expectation-unmet` holds when any team is not met; partial counts as not met."""
    exercise = _started(TriggerWhen.EXPECTATION_UNMET)
    _decide(exercise, 610, "alpha", "a1")
    _decide(exercise, 620, "bravo", "b1")
    assert _released(_advance(exercise, DEADLINE - 1)) == []
    deadline = _deadline(_advance(exercise, DEADLINE + 1))
    assert deadline.payload["teams"] == {"alpha": "partial", "bravo": "met"}
    assert deadline.payload["armed"] == ["child"]
    assert _released(_advance(exercise, DEADLINE + DELAY)) == [DEADLINE + DELAY]


def test_expectation_unmet_fires_without_any_decision() -> None:
    """No decisions at all: unmet, so the child is released."""
    exercise = _started(TriggerWhen.EXPECTATION_UNMET)
    assert _released(_advance(exercise, DEADLINE + DELAY)) == [DEADLINE + DELAY]


def test_expectation_unmet_sleeps_when_every_team_met_it() -> None:
    """All teams met: the child stays dormant and is never released."""
    exercise = _started(TriggerWhen.EXPECTATION_UNMET)
    _meet_both(exercise)
    assert _deadline(_advance(exercise, DEADLINE + 1)).payload["dormant"] == ["child"]
    assert _released(_advance(exercise, DEADLINE + 24 * 60)) == []
    assert exercise.state.msel["child"].dormant


def test_child_released_by_hand_is_left_alone_at_the_deadline() -> None:
    """A child already released by hand is neither armed nor put to sleep, nor sent again."""
    exercise = _started(TriggerWhen.EXPECTATION_UNMET)
    _advance(exercise, 620)
    exercise.execute(c.Release("child"), _wall(620))
    deadline = _deadline(_advance(exercise, DEADLINE + 1))
    assert deadline.payload["armed"] == []
    assert deadline.payload["dormant"] == []
    assert _released(_advance(exercise, DEADLINE + 600)) == []
    assert exercise.state.msel["child"].released_at == 620


def test_deadline_after_a_jump_is_judged_at_the_jump_time() -> None:
    """Jumping past the deadline judges it at the jump time; the child then follows."""
    exercise = _started(TriggerWhen.NO_RESPONSE)
    _advance(exercise, RELEASE)
    exercise.execute(c.Jump(900), _wall(RELEASE))
    events = exercise.advance(_wall(RELEASE))
    deadline = _deadline(events)
    assert (deadline.scenario_time, deadline.payload["deadline"]) == (900, DEADLINE)
    # Due at deadline + delay, which is already past: released at once, at 900.
    assert _released(events) == [900]
