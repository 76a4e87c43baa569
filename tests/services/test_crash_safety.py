"""A simulation killed with SIGKILL at random moments leaves a sound document holding
exactly a prefix of the play, which opens again (paused for recovery)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.domain.enums import Lifecycle
from desktop.domain.events import Event, EventKind
from desktop.services.session import ExerciseSession
from desktop.services.simulate import STEPS_DONE_KEY, simulate
from desktop.store.snapshot import get_info

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
PACK = TESTS / "data" / "packs" / "mini"
KILLS = 12
MAX_KILLS = 30  # a loaded machine may need more tries to land kills mid-run
LONG_STEPS = 600
OBJECTIVE = "principled-humanitarian"


def _long_play(folder: Path) -> Path:
    """A play long enough for kills to land in the middle of it."""
    lines = [
        "format: coherence-play/1",
        "scenario: mini",
        "auto_release: true",
        "steps:",
        "  - {at: D+0 08:00, start: {}}",
    ]
    teams = [("leadership", "srsg"), ("unct", "dsrsg-rchc"), ("humanitarian", "ocha")]
    for n in range(LONG_STEPS):
        minutes = 8 * 60 + 10 * (n + 1)
        at = f"D+{minutes // 1440} {minutes % 1440 // 60:02d}:{minutes % 60:02d}"
        team, actor = teams[n % 3]
        if n % 3 == 0:
            lines.append(
                f"  - {{at: {at}, id: s{n}, decision: {{team: {team}, as: {actor}, "
                f"title: Step {n}, consulted: [{{actor: unhcr, mode: consult}}]}}}}"
            )
        elif n % 3 == 1:
            lines.append(f"  - {{at: {at}, reply: {{team: {team}, from: nec, text: Reply {n}}}}}")
        else:
            lines.append(
                f"  - {{at: {at}, observation: {{observer: Eval 1, team: {team}, "
                f"objective: {OBJECTIVE}, kind: strength, text: Note {n}}}}}"
            )
    minutes = 8 * 60 + 10 * (LONG_STEPS + 1)
    lines.append(
        f"  - {{at: D+{minutes // 1440} {minutes % 1440 // 60:02d}:{minutes % 60:02d}, end: {{}}}}"
    )
    play = folder / "long-play.yaml"
    play.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return play


def _signature(event: Event) -> tuple[object, ...]:
    """What must match between two runs of the same play (ids and wall times differ)."""
    payload = event.payload
    return (
        event.seq,
        event.kind,
        event.scenario_time,
        event.by,
        payload.get("inject"),
        payload.get("title"),
        payload.get("team"),
    )


def _reference(tmp_path: Path, play: Path) -> tuple[list[tuple[object, ...]], dict[int, int]]:
    """The full run's events and, for each number of steps done, the events logged by then."""
    boundaries: dict[int, int] = {}
    out = tmp_path / "reference.coherence"

    def on_step(done: int, _total: int) -> None:
        boundaries[done] = seen[0]

    seen = [0]

    # Count events as they are committed by reading the document after each step.
    def counting(done: int, total: int) -> None:
        raw = sqlite3.connect(out)
        try:
            seen[0] = raw.execute("SELECT COUNT(*) FROM event").fetchall()[0][0]
        finally:
            raw.close()
        on_step(done, total)

    simulate(PACK, play, out, on_step=counting)
    with ExerciseSession.open(out, read_only=True) as session:
        events = [_signature(e) for e in session.events()]
    with sqlite3.connect(out) as raw:
        created = raw.execute(
            "SELECT COUNT(*) FROM event WHERE seq <= (SELECT MIN(seq) FROM event "
            "WHERE kind = 'exercise_started') - 1"
        ).fetchone()[0]
    boundaries[0] = created
    return events, boundaries


def _run_and_kill(out: Path, play: Path, delay: float) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.cli.main",
            "simulate",
            str(PACK),
            "--play",
            str(play),
            "--out",
            str(out),
            "--force",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def _full_run_seconds(tmp_path: Path, play: Path) -> float:
    start = time.perf_counter()
    _run_and_kill(tmp_path / "timing.coherence", play, 120.0)
    return time.perf_counter() - start


@pytest.mark.slow
def test_killed_simulation_leaves_a_prefix_of_the_play(tmp_path: Path) -> None:
    """SIGKILL at random moments: integrity holds, the log is a step-aligned prefix."""
    play = _long_play(tmp_path)
    reference, boundaries = _reference(tmp_path, play)
    duration = _full_run_seconds(tmp_path, play)
    rng = random.Random(20261122)
    prefixes: set[int] = set()
    for attempt in range(MAX_KILLS):
        if attempt >= KILLS and len(prefixes) >= 3:
            break
        out = tmp_path / f"killed-{attempt}.coherence"
        # Start-up takes part of the run: most kills should land while steps are written.
        _run_and_kill(out, play, rng.uniform(0.25 * duration, 0.95 * duration))
        if not out.exists():
            # Killed before the document was complete: nothing half-made is left in place.
            continue
        with sqlite3.connect(out) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with ExerciseSession.open(out, read_only=True) as session:
            events = [_signature(e) for e in session.events()]
            steps_done = int(get_info(session.document.connection, STEPS_DONE_KEY) or 0)
        assert events == reference[: len(events)], f"attempt {attempt}: not a prefix"
        assert len(events) == boundaries[steps_done], (
            f"attempt {attempt}: {len(events)} events after {steps_done} steps, "
            f"expected {boundaries[steps_done]}"
        )
        prefixes.add(steps_done)
        with ExerciseSession.open(out) as session:
            state = session.exercise.state
            assert state.lifecycle is not Lifecycle.RUNNING
        with sqlite3.connect(out) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The kills must have landed at different points for the test to mean anything.
    assert len(prefixes) >= 3, f"kills landed at too few points: {sorted(prefixes)}"


def test_reopening_a_crashed_running_exercise_pauses_it_for_recovery(tmp_path: Path) -> None:
    """A document left running reopens paused at its last event; time passing releases nothing."""
    from datetime import UTC, datetime, timedelta

    from desktop.domain import commands as c
    from desktop.scenario.pack import load_scenario
    from desktop.services.clocks import SimulatedClock

    clock = SimulatedClock(datetime(2031, 3, 1, 8, tzinfo=UTC))
    loaded = load_scenario(PACK)
    out = tmp_path / "crash.coherence"
    session = ExerciseSession.create(out, loaded, clock=clock)
    session.execute(c.Start(8 * 60))
    clock.tick(30)
    session.tick()
    last = session.exercise.state.last_time
    # Simulate a crash: drop the connection without the clean close; the operating
    # system would drop the writer lock of a dead process.
    session.document.connection.close()
    session.document.engine.dispose()
    session.document._lock.release()  # type: ignore[union-attr]

    clock.set(clock() + timedelta(hours=6))
    with ExerciseSession.open(out, clock=clock) as reopened:
        state = reopened.exercise.state
        assert reopened.recovered
        assert state.lifecycle is Lifecycle.PAUSED
        assert state.pause_reason == "recovery"
        assert state.last_time == last
        events = list(reopened.events())
        assert events[-1].kind is EventKind.CLOCK_PAUSED
        assert events[-1].scenario_time == last
        before = len(events)
        clock.tick(3600)
        assert reopened.tick() == []
        assert len(list(reopened.events())) == before
