"""Replaying the log rebuilds the live exercise exactly (DESIGN.md "Exercise log events").

Random sequences of plausible commands drive a live exercise of the mini pack; whatever
the engine refuses is skipped. Replaying every event it returned must give the same
clock, MSEL and record book.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import commands as c
from desktop.domain.enums import (
    Channel,
    ConsultMode,
    InjectStatus,
    ObservationKind,
    Posture,
    Rating,
)
from desktop.domain.events import Event
from desktop.domain.records import Consultation, DecisionContent
from desktop.domain.scenario import Inject, Scenario
from desktop.domain.times import parse_stamp
from desktop.engine.errors import CommandRefused
from desktop.engine.exercise import Exercise
from desktop.scenario.pack import load_scenario

WALL0 = datetime(2031, 4, 14, 8, 0, tzinfo=UTC)
START = parse_stamp("D+0 08:00")
MINI_PACK = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
SCENARIO: Scenario = load_scenario(MINI_PACK).scenario
OPS = (
    "advance",
    "advance",
    "advance",
    "pause",
    "resume",
    "resume",
    "rate",
    "jump",
    "auto",
    "hold",
    "skip",
    "release",
    "decide",
    "decide",
    "decide_at",
    "void",
    "amend",
    "observe",
    "void_observation",
    "rating",
    "void_rating",
    "phase",
    "add",
    "start",
    "end",
    "recover",
)
Op = tuple[str, int, int]


class Driver:
    """Turns (operation, a, b) triples into commands on a live exercise."""

    def __init__(self) -> None:
        self.exercise = Exercise(SCENARIO)
        self.wall = WALL0
        self.log: list[Event] = self.exercise.create(WALL0, SCENARIO.teams)
        self.log += self.exercise.execute(c.Start(START), WALL0)
        self.added = 0

    def run(self, op: Op) -> None:
        name, a, b = op
        try:
            if name == "advance":
                self.wall += timedelta(seconds=1 + a % 1800)
                self.log += self.exercise.advance(self.wall)
            elif name == "recover":
                self.log += self.exercise.recover(self.wall)
            else:
                command, at = self._command(name, a, b)
                self.log += self.exercise.execute(command, self.wall, at)
        except CommandRefused:
            pass

    def _pick(self, items: list[Any], a: int) -> Any:
        return items[a % len(items)] if items else "none"

    def _content(self, team: str, a: int, b: int) -> DecisionContent:
        state = self.exercise.state
        actors = [x.id for x in SCENARIO.actors]
        modes = list(ConsultMode)
        consulted = tuple(
            Consultation(actors[(a + 7 * i) % len(actors)], modes[(b + i) % len(modes)])
            for i in range(b % 4)
        )
        own = [d.id for d in state.book.decisions.values() if d.team == team]
        now = self.exercise.now(self.wall)
        return DecisionContent(
            title=f"Decision {a % 97}",
            posture=list(Posture)[a % 4] if b % 2 else None,
            dimensions=("humanitarian",) if a % 2 else (),
            venue=self._pick([m.id for m in SCENARIO.mechanisms], b) if b % 3 == 0 else None,
            consulted=consulted,
            supersedes=self._pick(own, b) if own and a % 5 == 0 else None,
            taken_at=max(0, now - b % 180) if a % 3 == 0 else None,
        )

    def _command(self, name: str, a: int, b: int) -> tuple[c.Command, int | None]:
        state = self.exercise.state
        injects = list(state.msel.states)
        released = [i.inject.id for i in state.msel if i.status is InjectStatus.RELEASED]
        decisions = sorted(state.book.decisions, key=lambda d: state.book.decisions[d].recorded_seq)
        now = self.exercise.now(self.wall)
        team = SCENARIO.teams[a % len(SCENARIO.teams)]
        simple: dict[str, c.Command] = {
            "pause": c.Pause("break"),
            "resume": c.Resume(),
            "rate": c.SetRate((1, 10, 60, 240)[a % 4]),
            "jump": c.Jump(now + 1 + a % 1440 if b % 5 else now - a % 3),
            "auto": c.SetAutoRelease(bool(a % 2)),
            "hold": c.Hold(self._pick(injects, a)),
            "skip": c.Skip(self._pick(injects, a), "time"),
            "release": c.Release(self._pick(injects, a)),
            "void": c.VoidDecision(self._pick(decisions, a), "error"),
            "phase": c.ChangePhase(self._pick([p.id for p in SCENARIO.phases], a)),
            "start": c.Start(now),
            "end": c.End() if a % 4 == 0 else c.SetAutoRelease(True),  # rarer
            "void_observation": c.VoidObservation(self._pick(sorted(state.book.observations), a)),
            "void_rating": c.VoidRating(self._pick(sorted(state.book.ratings), a)),
        }
        if name in simple:
            return simple[name], None
        if name in ("decide", "decide_at"):
            # Usually a member of the team, sometimes an actor of another team.
            actor = self._pick(list(team.actors) if b % 7 else [x.id for x in SCENARIO.actors], b)
            inject = self._pick(released, b) if released and a % 4 else None
            command = c.RecordDecision(team.id, actor, inject, self._content(team.id, a, b))
            return command, (now + a % 120 if name == "decide_at" else None)
        if name == "amend":
            target = self._pick(decisions, a)
            if b % 2:
                return c.AmendDecision(target, changes={"title": f"Amended {b % 13}"}), None
            owner = state.book.decisions[target].team if decisions else team.id
            return c.AmendDecision(target, content=self._content(owner, b, a)), None
        if name == "observe":
            kind = list(ObservationKind)[b % 2]
            objective = self._pick([o.id for o in SCENARIO.objectives], b)
            return c.RecordObservation("Eval", team.id, objective, kind, "Seen"), None
        if name == "rating":
            objective = self._pick([o.id for o in SCENARIO.objectives], b)
            return c.RecordRating("Eval", team.id, objective, list(Rating)[b % 4], b % 5 == 0), None
        assert name == "add"
        self.added += 1
        inject = Inject(f"adhoc-{self.added}", "Ad hoc", (team.id,), channel=Channel.PHONE)
        return c.AddInject(inject), None


def _snapshot(exercise: Exercise) -> dict[str, Any]:
    """Everything the replay must rebuild."""
    state = exercise.state
    return {
        "lifecycle": state.lifecycle,
        "clock": (
            state.clock.anchor_minutes,
            state.clock.anchor_wall,
            state.clock.rate,
            state.clock.running,
        ),
        "auto_release": state.auto_release,
        "last_time": state.last_time,
        "last_seq": state.last_seq,
        "teams": state.teams,
        "injects": {
            s.inject.id: (s.status, s.due_at, s.released_at, s.dormant, s.deadline_judged)
            for s in state.msel
        },
        "adhoc": {s.inject.id: s.inject for s in state.msel if s.inject.adhoc},
        "decisions": state.book.decisions,
        "observations": state.book.observations,
        "ratings": state.book.ratings,
        "replies": state.book.replies,
        "phase_changes": state.phase_changes,
    }


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(OPS),
            st.integers(min_value=0, max_value=10**6),
            st.integers(min_value=0, max_value=10**6),
        ),
        max_size=45,
    )
)
def test_replay_rebuilds_the_live_exercise(ops: list[Op]) -> None:
    """Exercise.replay over the live log equals the live exercise, state for state."""
    driver = Driver()
    for op in ops:
        driver.run(op)
    log = driver.log
    assert [e.seq for e in log] == list(range(1, len(log) + 1))
    times = [e.scenario_time for e in log]
    assert times == sorted(times)
    assert len({e.id for e in log}) == len(log)
    rebuilt = Exercise.replay(SCENARIO, log)
    assert _snapshot(rebuilt) == _snapshot(driver.exercise)
    assert rebuilt.state.event_count == len(log)


def test_replay_of_a_busy_run() -> None:
    """A fixed, eventful run (triggers, deadlines, jump, amendments, end) replays exactly."""
    driver = Driver()
    ops: list[Op] = [("rate", 2, 0), ("advance", 299, 0)]  # rate 60: 5 min -> 13:00
    ops += [("decide", 2, 1), ("decide", 2, 3), ("amend", 0, 1), ("void", 1, 0)]
    ops += [("add", 0, 0), ("observe", 1, 1), ("rating", 1, 5), ("advance", 899, 0)]
    ops += [("jump", 100, 1), ("advance", 599, 0), ("phase", 2, 0), ("end", 0, 0)]
    ops += [("decide", 1, 2), ("void_rating", 0, 0)]
    for op in ops:
        driver.run(op)
    kinds = {e.kind for e in driver.log}
    assert {"inject_released", "deadline_reached", "clock_jumped", "exercise_ended"} <= kinds
    assert _snapshot(Exercise.replay(SCENARIO, driver.log)) == _snapshot(driver.exercise)
