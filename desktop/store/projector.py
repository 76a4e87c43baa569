"""Keeps the projection tables in step with the log, one event at a time (SQLAlchemy Core)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, update

from desktop.domain.events import Event, EventKind
from desktop.store.prepared import PreparedInsert
from desktop.store.tables import (
    PROJECTION_TABLES,
    ConsultationRow,
    DebriefNoteRow,
    DecisionRow,
    ImprovementItemRow,
    InjectStateRow,
    ObservationRow,
    ParticipantRow,
    RatingRow,
    TeamRow,
)


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


TEAM = _table(TeamRow)
PARTICIPANT = _table(ParticipantRow)
INJECT_STATE = _table(InjectStateRow)
DECISION = _table(DecisionRow)
CONSULTATION = _table(ConsultationRow)
OBSERVATION = _table(ObservationRow)
RATING = _table(RatingRow)
IMPROVEMENT = _table(ImprovementItemRow)
DEBRIEF_NOTE = _table(DebriefNoteRow)

_INSERT_DECISION = PreparedInsert(
    DECISION,
    (
        "id",
        "team",
        "acting_actor",
        "inject",
        "title",
        "rationale",
        "posture",
        "dimensions",
        "venue",
        "supersedes",
        "taken_at",
        "military_assets",
        "recorded_at",
        "late",
        "recorded_seq",
        "updated_seq",
        "voided",
        "void_reason",
        "amendments",
    ),
)
_INSERT_CONSULTATION = PreparedInsert(CONSULTATION, ("decision_id", "actor", "mode"))

Handler = Callable[[Connection, Event, Mapping[str, Any]], None]


def project(connection: Connection, event: Event) -> None:
    """Apply one event to the projection tables, inside the caller's transaction."""
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(connection, event, event.payload)


def rebuild(connection: Connection, events: Iterable[Event]) -> None:
    """Empty the projections and rebuild them from `events` (the whole log, in order)."""
    for model in PROJECTION_TABLES:
        connection.execute(delete(_table(model)))
    for event in events:
        project(connection, event)


def _upsert(conn: Connection, table: Table, key: str, values: dict[str, Any]) -> None:
    """Update the row with this key, or insert it (portable; no dialect-specific upsert)."""
    column = table.c[key]
    updated = conn.execute(update(table).where(column == values[key]).values(values))
    if updated.rowcount == 0:
        conn.execute(insert(table), values)


def _team(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _upsert(
        conn,
        TEAM,
        "id",
        {
            "id": p["team"],
            "name": p.get("name", p["team"]),
            "actors": json.dumps(p["actors"]),
            "briefing": p.get("briefing", ""),
            "position": event.seq,
        },
    )


def _participant(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    conn.execute(
        insert(PARTICIPANT),
        {"name": p["name"], "team_id": p["team"], "role": p.get("role", ""), "seq": event.seq},
    )


def _inject_state(conn: Connection, event: Event, inject_id: str, values: dict[str, Any]) -> None:
    _upsert(conn, INJECT_STATE, "inject_id", {"inject_id": inject_id, **values, "seq": event.seq})


def _released(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _inject_state(
        conn,
        event,
        p["inject"],
        {"status": "released", "released_at": event.scenario_time, "cause": p.get("cause")},
    )


def _held(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _inject_state(conn, event, p["inject"], {"status": "held"})


def _skipped(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _inject_state(conn, event, p["inject"], {"status": "skipped", "reason": p.get("reason", "")})


def _added(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    inject = p["inject"]
    _inject_state(conn, event, inject["id"], {"status": "pending", "adhoc": json.dumps(inject)})


def _content_values(p: Mapping[str, Any]) -> dict[str, Any]:
    assets = p.get("military_assets")
    return {
        "title": p["title"],
        "rationale": p.get("rationale", ""),
        "posture": p.get("posture"),
        "dimensions": json.dumps(p.get("dimensions", [])),
        "venue": p.get("venue"),
        "supersedes": p.get("supersedes"),
        "taken_at": p.get("taken_at"),
        "military_assets": json.dumps(assets) if assets else None,
    }


def _consultations(conn: Connection, decision_id: str, p: Mapping[str, Any]) -> None:
    rows = [
        {"decision_id": decision_id, "actor": c["actor"], "mode": c["mode"]}
        for c in p.get("consulted", ())
    ]
    _INSERT_CONSULTATION.run(conn, rows)


def _decision(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _INSERT_DECISION.run(
        conn,
        [
            {
                "id": p["id"],
                "team": p["team"],
                "acting_actor": p["as"],
                "inject": p.get("inject"),
                **_content_values(p),
                "recorded_at": event.scenario_time,
                "late": bool(p.get("late", False)),
                "recorded_seq": event.seq,
                "updated_seq": event.seq,
                "voided": False,
                "void_reason": "",
                "amendments": 0,
            }
        ],
    )
    _consultations(conn, p["id"], p)


def _amended(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    decision_id = p["decision"]
    conn.execute(
        update(DECISION)
        .where(DECISION.c.id == decision_id)
        .values(
            **_content_values(p),
            amendments=DECISION.c.amendments + 1,
            updated_seq=event.seq,
        )
    )
    conn.execute(delete(CONSULTATION).where(CONSULTATION.c.decision_id == decision_id))
    _consultations(conn, decision_id, p)


def _decision_voided(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    conn.execute(
        update(DECISION)
        .where(DECISION.c.id == p["decision"])
        .values(voided=True, void_reason=p.get("reason", ""), updated_seq=event.seq)
    )


def _observation(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    conn.execute(
        insert(OBSERVATION),
        {
            "id": p["id"],
            "observer": p["observer"],
            "team": p["team"],
            "objective": p["objective"],
            "kind": p["kind"],
            "text": p["text"],
            "inject": p.get("inject"),
            "recorded_at": event.scenario_time,
            "late": bool(p.get("late", False)),
            "seq": event.seq,
        },
    )


def _observation_voided(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    conn.execute(
        update(OBSERVATION).where(OBSERVATION.c.id == p["observation"]).values(voided=True)
    )


def _rating(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    conn.execute(
        insert(RATING),
        {
            "id": p["id"],
            "observer": p["observer"],
            "team": p["team"],
            "objective": p["objective"],
            "rating": p["rating"],
            "final": bool(p.get("final", False)),
            "note": p.get("note", ""),
            "recorded_at": event.scenario_time,
            "late": bool(p.get("late", False)),
            "seq": event.seq,
        },
    )


def _rating_voided(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    conn.execute(update(RATING).where(RATING.c.id == p["rating"]).values(voided=True))


def _improvement(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _upsert(
        conn,
        IMPROVEMENT,
        "id",
        {
            "id": p["id"],
            "issue": p["issue"],
            "corrective_action": p["corrective_action"],
            "capability": p.get("capability", ""),
            "objective": p.get("objective"),
            "responsible": p.get("responsible", ""),
            "start": p.get("start"),
            "completion": p.get("completion"),
            "seq": event.seq,
        },
    )


def _debrief_note(conn: Connection, event: Event, p: Mapping[str, Any]) -> None:
    _upsert(
        conn,
        DEBRIEF_NOTE,
        "id",
        {"id": p["id"], "section": p.get("section", ""), "text": p["text"], "seq": event.seq},
    )


_HANDLERS: dict[EventKind, Handler] = {
    EventKind.DEBRIEF_NOTE_SAVED: _debrief_note,
    EventKind.TEAM_DEFINED: _team,
    EventKind.PARTICIPANT_ADDED: _participant,
    EventKind.INJECT_RELEASED: _released,
    EventKind.INJECT_HELD: _held,
    EventKind.INJECT_SKIPPED: _skipped,
    EventKind.INJECT_ADDED: _added,
    EventKind.DECISION_RECORDED: _decision,
    EventKind.DECISION_AMENDED: _amended,
    EventKind.DECISION_VOIDED: _decision_voided,
    EventKind.OBSERVATION_RECORDED: _observation,
    EventKind.OBSERVATION_VOIDED: _observation_voided,
    EventKind.RATING_RECORDED: _rating,
    EventKind.RATING_VOIDED: _rating_voided,
    EventKind.IMPROVEMENT_ITEM_SAVED: _improvement,
}
