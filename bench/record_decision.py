"""Recording one decision durably through the services, against a raw sqlite3 commit."""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from bench.fixtures import MINI
from bench.timing import verdict
from desktop.domain import commands as c
from desktop.domain.enums import ConsultMode, Posture
from desktop.domain.records import Consultation, DecisionContent
from desktop.scenario.pack import load_scenario
from desktop.services.session import ExerciseSession
from desktop.store.migrate import upgrade

ROUNDS = 300
TARGET = 1.5


def _raw_baseline(folder: Path) -> list[float]:
    """Insert+commit of a similar row, WAL and synchronous=FULL, plain sqlite3.

    The row goes into a table with the same schema as the exercise log's.
    """
    path = folder / "raw.db"
    upgrade(path)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    payload = json.dumps({"team": "unct", "title": "Phased returns", "consulted": ["unhcr"]})
    times = []
    for n in range(ROUNDS):
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO event VALUES (?, ?, 'decision_recorded', ?, ?, 'team:unct', ?, 1)",
            (n + 1, uuid.uuid4().hex, "2031-03-01T08:00:00+00:00", n, payload),
        )
        raw.execute("COMMIT")
        times.append(time.perf_counter() - start)
    raw.close()
    return times


def _service(folder: Path) -> list[float]:
    """`ExerciseSession.execute(RecordDecision)`: engine checks, event, projections, commit."""
    loaded = load_scenario(MINI)
    session = ExerciseSession.create(folder / "bench.coherence", loaded)
    session.execute(c.Start(8 * 60))
    session.execute(c.Pause("bench"))
    content = DecisionContent(
        title="Phased returns",
        posture=Posture.COORDINATE,
        consulted=(Consultation("unhcr", ConsultMode.CONSULT),),
    )
    times = []
    for _ in range(ROUNDS):
        command = c.RecordDecision("unct", "dsrsg-rchc", None, content)
        start = time.perf_counter()
        session.execute(command)
        times.append(time.perf_counter() - start)
    session.close()
    return times


def run() -> None:
    """Print the median cost of each and their ratio."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        # Interleave so that the shared machine's noise falls on both alike.
        raw_times: list[float] = []
        service_times: list[float] = []
        for round_ in range(3):
            sub = Path(folder) / str(round_)
            sub.mkdir()
            raw_times += _raw_baseline(sub)
            service_times += _service(sub)
    raw = statistics.median(raw_times)
    service = statistics.median(service_times)
    ratio = service / raw
    print("Record one decision durably (median of", len(raw_times), "each)")
    print(f"  raw sqlite3 insert+commit (WAL, synchronous=FULL): {raw * 1000:.3f} ms")
    print(f"  services (engine + event + projections + commit):  {service * 1000:.3f} ms")
    print(f"  ratio {ratio:.2f}x (target {TARGET}x or less): {verdict(ratio <= TARGET)}")
