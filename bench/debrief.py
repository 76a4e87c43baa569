"""Debrief figures (and printed reports, when present) for 1,000, 10,000 and 100,000
decisions: time, growth and peak memory, against reading the decision rows raw."""

from __future__ import annotations

import random
import resource
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.fixtures import MINI
from desktop.domain import commands as c
from desktop.domain.enums import ConsultMode, Posture
from desktop.domain.events import Event
from desktop.domain.records import Consultation, DecisionContent
from desktop.scenario.pack import load_scenario
from desktop.services.clocks import SimulatedClock
from desktop.services.debrief import load_record
from desktop.services.session import ExerciseSession
from desktop.store import event_log

SIZES = (1_000, 10_000, 100_000)
TARGET_FIGURES_SECONDS = 3.0


def build(path: Path, decisions: int) -> None:
    """A document with `decisions` decisions spread over the mini pack's teams and injects."""
    loaded = load_scenario(MINI)
    scenario = loaded.scenario
    clock = SimulatedClock(datetime(2031, 3, 1, tzinfo=UTC))
    session = ExerciseSession.create(path, loaded, clock=clock)
    session.execute(c.Start(8 * 60))
    session.execute(c.Pause("bench"))
    exercise = session.exercise
    events: list[Event] = []
    minute = 8 * 60
    for inject in scenario.injects:
        minute += 1
        events += exercise.execute(c.Release(inject.id), clock(), at=minute)
    rng = random.Random(7)
    actors = [a.id for a in scenario.actors]
    modes = list(ConsultMode)
    postures = list(Posture)
    teams = exercise.state.team_list
    injects = [i.id for i in scenario.injects]
    for n in range(decisions):
        if n % 50 == 0:
            minute += 1
        team = teams[n % len(teams)]
        content = DecisionContent(
            title=f"Decision {n}",
            posture=rng.choice(postures),
            consulted=tuple(Consultation(rng.choice(actors), rng.choice(modes)) for _ in range(3)),
        )
        command = c.RecordDecision(team.id, team.actors[0], rng.choice(injects), content)
        events += exercise.execute(command, clock(), at=minute)
    connection = session.document.connection
    with connection.begin():
        event_log.append(connection, events)
    session.document.close()


def _raw_rows(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("SELECT * FROM decision").fetchall()
    raw.execute("SELECT * FROM consultation").fetchall()
    raw.close()


def _seconds(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def run() -> None:
    """Print, per size, the raw read, record load, figures and reports, then the growth."""
    from desktop.services.debrief import figures_of

    print("Debrief at 1,000 / 10,000 / 100,000 decisions (3 consultations each)")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = Path(folder) / f"d{size}.coherence"
            build(path, size)
            raw = _seconds(lambda path=path: _raw_rows(path))
            start = time.perf_counter()
            record = load_record(path)
            loaded = time.perf_counter() - start
            figures = _seconds(lambda record=record: figures_of(record))
            rows.append((size, raw, loaded, figures))
            print(
                f"  {size:>7,}: raw read {raw:.2f} s; load record {loaded:.2f} s; "
                f"figures {figures:.2f} s; load + figures {loaded + figures:.2f} s "
                f"({(loaded + figures) / raw:.1f}x the raw read)"
            )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    small, large = rows[0], rows[-1]
    growth = (large[2] + large[3]) / (small[2] + small[3])
    total = large[2] + large[3]
    ok = total <= TARGET_FIGURES_SECONDS
    print(
        f"  growth 1k -> 100k: {growth:.0f}x for 100x the decisions; peak memory "
        f"{peak_mb:.0f} MB; 100k in {total:.2f} s against a target of "
        f"{TARGET_FIGURES_SECONDS:.0f} s: {'meets target' if ok else 'MISSES target'}"
    )
