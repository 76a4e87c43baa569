"""Replaying 100,000 events into the engine, against reading the same rows raw."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.fixtures import MINI
from bench.timing import median_seconds, verdict
from desktop.domain import commands as c
from desktop.domain.events import Event
from desktop.domain.records import DecisionContent
from desktop.scenario.pack import load_scenario
from desktop.services.clocks import SimulatedClock
from desktop.services.session import ExerciseSession
from desktop.store import event_log

EVENTS = 100_000
TARGET_SECONDS = 3.0


def build(path: Path) -> None:
    """A document with EVENTS events, mostly decisions and replies, written in bulk."""
    loaded = load_scenario(MINI)
    clock = SimulatedClock(datetime(2031, 3, 1, tzinfo=UTC))
    session = ExerciseSession.create(path, loaded, clock=clock)
    session.execute(c.Start(8 * 60))
    session.execute(c.Pause("bench"))
    exercise = session.exercise
    events: list[Event] = []
    minute = 8 * 60
    while exercise.state.event_count < EVENTS:
        clock.tick(1)
        minute += 1
        for command in (
            c.RecordDecision("unct", "dsrsg-rchc", None, DecisionContent(title=f"D {minute}")),
            c.ReplyAsControl("unct", "nec", f"Noted at {minute}"),
        ):
            events += exercise.execute(command, clock(), at=minute)
    connection = session.document.connection
    with connection.begin():
        event_log.append(connection, events)
    session.document.close()


def _raw_read(path: Path) -> None:
    raw = sqlite3.connect(path)
    for row in raw.execute("SELECT seq, kind, wall_time, scenario_time, payload FROM event"):
        json.loads(row[4])
        datetime.fromisoformat(row[2])
    raw.close()


def run() -> None:
    """Print replay time and its ratio to reading and decoding the rows alone."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "replay.coherence"
        start = time.perf_counter()
        build(path)
        built = time.perf_counter() - start
        baseline = median_seconds(lambda: _raw_read(path), 3)

        def replay() -> None:
            with ExerciseSession.open(path, read_only=True) as session:
                assert session.exercise.state.event_count >= EVENTS

        replayed = median_seconds(replay, 3)
    print(f"Replay {EVENTS:,} events (document built in {built:.1f} s)")
    print(f"  raw read + JSON decode of the rows: {baseline:.2f} s")
    print(f"  open read-only + replay into the engine: {replayed:.2f} s")
    print(
        f"  ratio {replayed / baseline:.1f}x; {replayed:.2f} s against a target under "
        f"{TARGET_SECONDS:.0f} s: {verdict(replayed < TARGET_SECONDS)}"
    )
