"""The projection tables are exactly what replaying the log gives, and agree with the engine."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from desktop.domain import commands as c
from desktop.domain.enums import InjectStatus, ObservationKind, Rating
from desktop.engine.state import ExerciseState
from desktop.services.session import ExerciseSession
from desktop.store import event_log, projector
from desktop.store.document import open_document
from desktop.store.tables import PROJECTION_TABLES

# Autoincrement ids depend on insertion history, not on the log: leave them out.
WITHOUT_ID = {"consultation", "participant"}

Snapshot = dict[str, list[tuple[Any, ...]]]


def projection_names() -> list[str]:
    """The names of every projection table."""
    return [model.__tablename__ for model in PROJECTION_TABLES]


def snapshot(path: Path) -> Snapshot:
    """Every projection table's rows (sorted tuples), read with plain sqlite3."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result: Snapshot = {}
        for name in projection_names():
            columns = [row[1] for row in raw.execute(f"PRAGMA table_info({name})")]
            if name in WITHOUT_ID:
                columns.remove("id")
            listed = ", ".join(f'"{column}"' for column in columns)
            rows = raw.execute(f"SELECT {listed} FROM {name}").fetchall()
            result[name] = sorted(rows, key=repr)
        return result
    finally:
        raw.close()


def rebuild_in_place(path: Path) -> None:
    """Rebuild the projections of a document from its log, in one transaction."""
    document = open_document(path)
    try:
        connection = document.connection
        with connection.begin():
            projector.rebuild(connection, event_log.read_events(connection))
    finally:
        document.close()


def rows(path: Path, sql: str) -> list[sqlite3.Row]:
    """Rows of a query, by column name."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    raw.row_factory = sqlite3.Row
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def replayed_state(path: Path) -> ExerciseState:
    """The engine state rebuilt from the document's log."""
    with ExerciseSession.open(path, read_only=True) as session:
        return session.exercise.state


def test_rebuild_reproduces_the_projections(simulated_run: Path) -> None:
    """Emptying and replaying the projections from the log gives back the same rows."""
    before = snapshot(simulated_run)
    assert before["decision"]
    assert before["consultation"]
    assert before["inject_state"]

    rebuild_in_place(simulated_run)

    assert snapshot(simulated_run) == before


def test_rebuild_repairs_damaged_projections(simulated_run: Path) -> None:
    """Projections changed behind the program's back are restored from the log."""
    before = snapshot(simulated_run)
    raw = sqlite3.connect(simulated_run)
    try:
        raw.execute("DELETE FROM consultation")
        raw.execute("UPDATE decision SET title = 'tampered', voided = 0")
        raw.execute("DELETE FROM inject_state WHERE status = 'skipped'")
        raw.execute(
            "INSERT INTO rating (id, observer, team, objective, rating, final, note,"
            " recorded_at, voided, late, seq) VALUES"
            " ('ghost', 'x', 'unct', 'y', 'P', 0, '', 0, 0, 0, 9999)"
        )
        raw.commit()
    finally:
        raw.close()
    assert snapshot(simulated_run) != before

    rebuild_in_place(simulated_run)

    assert snapshot(simulated_run) == before


def test_rebuild_covers_every_kind_of_record(fresh_session: ExerciseSession) -> None:
    """Held, skipped and ad-hoc injects, voids and re-saved notes all replay identically."""
    session = fresh_session
    session.execute(c.Start(8 * 60))
    session.execute(c.Pause("lunch"))
    session.execute(c.Hold("donor-01"))
    session.execute(c.Skip("au-01", "no time"))
    session.execute(
        c.RecordObservation(
            "Eval 1",
            "unct",
            "principled-humanitarian",
            ObservationKind.IMPROVEMENT,
            "Slow.",
            observation_id="o1",
        )
    )
    session.execute(c.VoidObservation("o1", "wrong team"))
    session.execute(
        c.RecordRating("Eval 1", "unct", "principled-humanitarian", Rating.S, rating_id="r1")
    )
    session.execute(c.VoidRating("r1", "typo"))
    session.execute(c.SaveDebriefNote("n1", "First draft", "opening"))
    session.execute(c.SaveDebriefNote("n1", "Second draft", "opening"))
    path = session.document.path
    session.close()

    before = snapshot(path)
    assert [r[1:3] for r in before["debrief_note"]] == [("opening", "Second draft")]
    assert {r[0]: r[1] for r in before["inject_state"]} == {
        "donor-01": "held",
        "au-01": "skipped",
    }
    rebuild_in_place(path)
    assert snapshot(path) == before


def test_decisions_agree_with_the_engine(simulated_run: Path) -> None:
    """Decision rows match the replayed record book: count, voids, amendments, content."""
    state = replayed_state(simulated_run)
    book = state.book
    table = {row["id"]: row for row in rows(simulated_run, "SELECT * FROM decision")}
    assert set(table) == set(book.decisions)
    assert len(table) == 14

    for decision_id, decision in book.decisions.items():
        row = table[decision_id]
        assert (row["team"], row["acting_actor"], row["inject"]) == (
            decision.team,
            decision.acting_actor,
            decision.inject,
        )
        assert row["title"] == decision.content.title
        assert bool(row["voided"]) == decision.voided
        assert row["void_reason"] == decision.void_reason
        assert row["amendments"] == decision.amendments
        assert row["taken_at"] == decision.content.taken_at
        assert row["supersedes"] == decision.content.supersedes
        assert row["recorded_at"] == decision.recorded_at
        assert row["recorded_seq"] == decision.recorded_seq
        assert json.loads(row["dimensions"]) == list(decision.content.dimensions)
        assert (row["military_assets"] is None) == (decision.content.military_assets is None)

    assert table["d5"]["voided"]
    assert table["d5"]["void_reason"] == "entered for the wrong team"
    assert table["d1"]["amendments"] == 1
    assert table["d1"]["title"].startswith("Negotiate access with the IVDF through OCHA")
    assert table["d3"]["taken_at"] is not None
    assert table["d4"]["supersedes"] == "d2"


def test_consultations_agree_with_the_engine(simulated_run: Path) -> None:
    """Each decision's consultation rows are the actors and modes of its latest content."""
    state = replayed_state(simulated_run)
    found: dict[str, list[tuple[str, str]]] = {}
    for row in rows(simulated_run, "SELECT decision_id, actor, mode FROM consultation"):
        found.setdefault(row["decision_id"], []).append((row["actor"], row["mode"]))
    for decision_id, decision in state.book.decisions.items():
        expected = sorted((x.actor, x.mode.value) for x in decision.content.consulted)
        assert sorted(found.get(decision_id, [])) == expected, decision_id


def test_injects_agree_with_the_engine(simulated_run: Path) -> None:
    """Inject rows carry the MSEL status and release time; untouched injects have none."""
    state = replayed_state(simulated_run)
    table = {row["inject_id"]: row for row in rows(simulated_run, "SELECT * FROM inject_state")}
    touched = {s.inject.id for s in state.msel if s.status is not InjectStatus.PENDING}
    assert set(table) == touched
    for inject_id, row in table.items():
        live = state.msel[inject_id]
        assert row["status"] == live.status.value, inject_id
        assert row["released_at"] == live.released_at, inject_id
    assert table["au-01"]["status"] == "skipped"
    assert table["au-01"]["released_at"] is None
    assert table["poc-01"]["status"] == "released"
    assert table["adhoc-1"]["adhoc"] is not None
    assert table["conv-01"]["cause"] == "schedule"


def test_other_records_agree_with_the_engine(simulated_run: Path) -> None:
    """Teams, participants, observations, ratings and the improvement plan match the engine."""
    state = replayed_state(simulated_run)
    book = state.book

    teams = rows(simulated_run, "SELECT id, actors FROM team ORDER BY position")
    assert [(r["id"], json.loads(r["actors"])) for r in teams] == [
        (t.id, list(t.actors)) for t in state.team_list
    ]
    people = rows(simulated_run, "SELECT name, team_id, role FROM participant ORDER BY seq")
    assert [tuple(r) for r in people] == [(p.name, p.team, p.role) for p in state.participants]

    observations = {r["id"]: r for r in rows(simulated_run, "SELECT * FROM observation")}
    assert set(observations) == set(book.observations)
    assert (
        {i for i, r in observations.items() if r["voided"]}
        == {i for i, o in book.observations.items() if o.voided}
        == {"o3"}
    )

    ratings = {r["id"]: r for r in rows(simulated_run, "SELECT * FROM rating")}
    assert set(ratings) == set(book.ratings)
    for rating_id, entry in book.ratings.items():
        row = ratings[rating_id]
        assert (row["rating"], bool(row["final"]), bool(row["voided"])) == (
            entry.rating.value,
            entry.final,
            entry.voided,
        )

    items = {r["id"]: r["issue"] for r in rows(simulated_run, "SELECT * FROM improvement_item")}
    assert items == {i: item.issue for i, item in book.improvements.items()}
    assert len(items) == 2
