"""Keeps the projection tables in step with the log, one event at a time.

The statements are SQLAlchemy Core, compiled once and run on the driver connection
(`DriverSql`): this runs inside every command's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, update
from sqlalchemy.sql import ClauseElement

from desktop.domain.events import Event, EventKind
from desktop.store.prepared import DriverSql, insert_statement
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
    table_of,
)

TEAM = table_of(TeamRow)
PARTICIPANT = table_of(ParticipantRow)
INJECT_STATE = table_of(InjectStateRow)
DECISION = table_of(DecisionRow)
CONSULTATION = table_of(ConsultationRow)
OBSERVATION = table_of(ObservationRow)
RATING = table_of(RatingRow)
IMPROVEMENT = table_of(ImprovementItemRow)
DEBRIEF_NOTE = table_of(DebriefNoteRow)

_CONTENT = (
    "title",
    "rationale",
    "posture",
    "dimensions",
    "venue",
    "supersedes",
    "taken_at",
    "military_assets",
)


class _Upsert:
    """Update the row with this key, or insert it (portable; no dialect-specific upsert)."""

    def __init__(self, table: Table, key: str, columns: tuple[str, ...]) -> None:
        self.key = key
        others = [c for c in columns if c != key]
        self.update = (
            update(table)
            .where(table.c[key] == bindparam("match_key"))
            .values({c: bindparam(c) for c in others})
        )
        # A new row needs every column: the ones not given take their declared defaults.
        self.defaults = {
            column.name: getattr(column.default, "arg", None)
            for column in table.columns
            if column.name not in columns
        }
        self.insert = insert_statement(table, (*columns, *self.defaults))

    def __call__(self, sql: DriverSql, values: dict[str, Any]) -> None:
        if sql.run(self.update, {**values, "match_key": values[self.key]}) == 0:
            sql.run(self.insert, {**self.defaults, **values})


_TEAM = _Upsert(TEAM, "id", ("id", "name", "actors", "briefing", "position"))
_PARTICIPANT = insert_statement(PARTICIPANT, ("name", "team_id", "role", "seq"))
_INJECT_RELEASED = _Upsert(
    INJECT_STATE, "inject_id", ("inject_id", "status", "released_at", "cause", "seq")
)
_INJECT_HELD = _Upsert(INJECT_STATE, "inject_id", ("inject_id", "status", "seq"))
_INJECT_SKIPPED = _Upsert(INJECT_STATE, "inject_id", ("inject_id", "status", "reason", "seq"))
_INJECT_ADDED = _Upsert(INJECT_STATE, "inject_id", ("inject_id", "status", "adhoc", "seq"))
_DECISION = insert_statement(
    DECISION,
    (
        "id",
        "team",
        "acting_actor",
        "inject",
        *_CONTENT,
        "recorded_at",
        "late",
        "recorded_seq",
        "updated_seq",
        "voided",
        "void_reason",
        "amendments",
    ),
)
_AMEND = (
    update(DECISION)
    .where(DECISION.c.id == bindparam("match_id"))
    .values(
        {
            **{c: bindparam(c) for c in _CONTENT},
            "amendments": DECISION.c.amendments + 1,
            "updated_seq": bindparam("updated_seq"),
        }
    )
)
_VOID_DECISION = (
    update(DECISION)
    .where(DECISION.c.id == bindparam("match_id"))
    .values(voided=True, void_reason=bindparam("void_reason"), updated_seq=bindparam("seq"))
)
_CONSULTATION = insert_statement(CONSULTATION, ("decision_id", "actor", "mode"))
_CLEAR_CONSULTATIONS = delete(CONSULTATION).where(
    CONSULTATION.c.decision_id == bindparam("match_id")
)
_OBSERVATION = insert_statement(
    OBSERVATION,
    (
        "id",
        "observer",
        "team",
        "objective",
        "kind",
        "text",
        "inject",
        "recorded_at",
        "voided",
        "late",
        "seq",
    ),
)
_VOID_OBSERVATION = (
    update(OBSERVATION).where(OBSERVATION.c.id == bindparam("match_id")).values(voided=True)
)
_RATING = insert_statement(
    RATING,
    (
        "id",
        "observer",
        "team",
        "objective",
        "rating",
        "final",
        "note",
        "recorded_at",
        "voided",
        "late",
        "seq",
    ),
)
_VOID_RATING = update(RATING).where(RATING.c.id == bindparam("match_id")).values(voided=True)
_IMPROVEMENT = _Upsert(
    IMPROVEMENT,
    "id",
    (
        "id",
        "issue",
        "corrective_action",
        "capability",
        "objective",
        "responsible",
        "start",
        "completion",
        "seq",
    ),
)
_DEBRIEF_NOTE = _Upsert(DEBRIEF_NOTE, "id", ("id", "section", "text", "seq"))
_CLEAR: tuple[ClauseElement, ...] = tuple(delete(table_of(m)) for m in PROJECTION_TABLES)

Handler = Callable[[DriverSql, Event, Mapping[str, Any]], None]


def project(sql: DriverSql, event: Event) -> None:
    """Apply one event to the projection tables, inside the caller's transaction."""
    handler = _HANDLERS.get(event.kind)
    if handler is not None:
        handler(sql, event, event.payload)


def rebuild(connection: Connection, events: Iterable[Event]) -> None:
    """Empty the projections and rebuild them from `events` (the whole log, in order).

    Runs inside the caller's transaction on `connection`.
    """
    sql = DriverSql(connection)
    for statement in _CLEAR:
        sql.run(statement)
    for event in events:
        project(sql, event)


def _team(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    _TEAM(
        sql,
        {
            "id": p["team"],
            "name": p.get("name", p["team"]),
            "actors": json.dumps(p["actors"]),
            "briefing": p.get("briefing", ""),
            "position": event.seq,
        },
    )


def _participant(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(
        _PARTICIPANT,
        {"name": p["name"], "team_id": p["team"], "role": p.get("role", ""), "seq": event.seq},
    )


def _released(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    _INJECT_RELEASED(
        sql,
        {
            "inject_id": p["inject"],
            "status": "released",
            "released_at": event.scenario_time,
            "cause": p.get("cause"),
            "seq": event.seq,
        },
    )


def _held(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    _INJECT_HELD(sql, {"inject_id": p["inject"], "status": "held", "seq": event.seq})


def _skipped(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    _INJECT_SKIPPED(
        sql,
        {
            "inject_id": p["inject"],
            "status": "skipped",
            "reason": p.get("reason", ""),
            "seq": event.seq,
        },
    )


def _added(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    inject = p["inject"]
    _INJECT_ADDED(
        sql,
        {
            "inject_id": inject["id"],
            "status": "pending",
            "adhoc": json.dumps(inject),
            "seq": event.seq,
        },
    )


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


def _consultations(sql: DriverSql, decision_id: str, p: Mapping[str, Any]) -> None:
    sql.run_many(
        _CONSULTATION,
        [
            {"decision_id": decision_id, "actor": c["actor"], "mode": c["mode"]}
            for c in p.get("consulted", ())
        ],
    )


def _decision(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(
        _DECISION,
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
        },
    )
    _consultations(sql, p["id"], p)


def _amended(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    decision_id = p["decision"]
    sql.run(_AMEND, {**_content_values(p), "match_id": decision_id, "updated_seq": event.seq})
    sql.run(_CLEAR_CONSULTATIONS, {"match_id": decision_id})
    _consultations(sql, decision_id, p)


def _decision_voided(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(
        _VOID_DECISION,
        {"match_id": p["decision"], "void_reason": p.get("reason", ""), "seq": event.seq},
    )


def _observation(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(
        _OBSERVATION,
        {
            "id": p["id"],
            "observer": p["observer"],
            "team": p["team"],
            "objective": p["objective"],
            "kind": p["kind"],
            "text": p["text"],
            "inject": p.get("inject"),
            "recorded_at": event.scenario_time,
            "voided": False,
            "late": bool(p.get("late", False)),
            "seq": event.seq,
        },
    )


def _observation_voided(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(_VOID_OBSERVATION, {"match_id": p["observation"]})


def _rating(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(
        _RATING,
        {
            "id": p["id"],
            "observer": p["observer"],
            "team": p["team"],
            "objective": p["objective"],
            "rating": p["rating"],
            "final": bool(p.get("final", False)),
            "note": p.get("note", ""),
            "recorded_at": event.scenario_time,
            "voided": False,
            "late": bool(p.get("late", False)),
            "seq": event.seq,
        },
    )


def _rating_voided(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    sql.run(_VOID_RATING, {"match_id": p["rating"]})


def _improvement(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    _IMPROVEMENT(
        sql,
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


def _debrief_note(sql: DriverSql, event: Event, p: Mapping[str, Any]) -> None:
    _DEBRIEF_NOTE(
        sql,
        {"id": p["id"], "section": p.get("section", ""), "text": p["text"], "seq": event.seq},
    )


_HANDLERS: dict[EventKind, Handler] = {
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
    EventKind.DEBRIEF_NOTE_SAVED: _debrief_note,
}
