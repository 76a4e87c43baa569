"""Writing and reading the exercise log (SQLAlchemy Core: the hot path)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from desktop.domain.events import Event, EventKind
from desktop.store.errors import NewerEntry
from desktop.store.prepared import DriverSql, insert_statement
from desktop.store.projector import project
from desktop.store.tables import EventRow, table_of

EVENT = table_of(EventRow)

PAYLOAD_VERSION = 1
"""The newest payload version this program reads; entries above it come from a newer one."""

_INSERT_EVENT = insert_statement(
    EVENT, ("seq", "id", "kind", "wall_time", "scenario_time", "by", "payload", "v")
)

_SELECT = (
    select(
        EVENT.c.seq,
        EVENT.c.id,
        EVENT.c.kind,
        EVENT.c.wall_time,
        EVENT.c.scenario_time,
        EVENT.c.by,
        EVENT.c.payload,
        EVENT.c.v,
    )
    .where(EVENT.c.seq > bindparam("after"))
    .order_by(EVENT.c.seq)
)


def event_row(event: Event) -> dict[str, Any]:
    """The table row of an event."""
    return {
        "seq": event.seq,
        "id": event.id,
        "kind": event.kind.value,
        "wall_time": event.wall_time.isoformat(),
        "scenario_time": event.scenario_time,
        "by": event.by,
        "payload": json.dumps(event.payload, ensure_ascii=False, separators=(",", ":")),
        "v": event.v,
    }


def append(connection: Connection, events: Sequence[Event]) -> None:
    """Append events and update the projections, inside the caller's transaction."""
    if not events:
        return
    sql = DriverSql(connection)
    sql.run_many(_INSERT_EVENT, [event_row(e) for e in events])
    for event in events:
        project(sql, event)


def commit_events(connection: Connection, events: Sequence[Event]) -> None:
    """Append events and their projections in a write transaction of their own.

    The hot path of every command: the transaction is begun and committed on the driver
    connection, bypassing SQLAlchemy's transaction bookkeeping. `connection` must not be
    in a SQLAlchemy transaction.
    """
    if not events:
        return
    assert not connection.in_transaction()
    sql = DriverSql(connection)
    sql.begin_write()
    try:
        sql.run_many(_INSERT_EVENT, [event_row(e) for e in events])
        for event in events:
            project(sql, event)
        sql.commit()
    except BaseException:
        sql.rollback()
        raise


def read_events(connection: Connection, after_seq: int = 0) -> Iterator[Event]:
    """The log in order, from the event after `after_seq`."""
    kinds = {kind.value: kind for kind in EventKind}
    loads = json.loads
    parse = datetime.fromisoformat
    # Straight from the driver's cursor: SQLAlchemy's per-row fetching would cost more
    # than everything else in a replay of 100,000 events.
    cursor = DriverSql(connection).cursor(_SELECT, {"after": after_seq})
    for seq, event_id, kind, wall, scenario_time, by, payload, version in cursor:
        known = kinds.get(kind)
        if known is None or version > PAYLOAD_VERSION:
            raise NewerEntry(f"log entry {seq} is a '{kind}' (version {version})")
        yield Event(
            id=event_id,
            kind=known,
            wall_time=parse(wall),
            scenario_time=scenario_time,
            by=by,
            payload=loads(payload),
            v=version,
            seq=seq,
        )


def last_seq(connection: Connection) -> int:
    """The sequence number of the last event (0 for an empty log)."""
    value = connection.execute(select(func.max(EVENT.c.seq))).scalar()
    return int(value or 0)


def log_span(connection: Connection) -> tuple[int, str | None, str | None]:
    """How many events the log holds, and the wall times of its first and last."""
    count, first, last = connection.execute(
        select(func.count(), func.min(EVENT.c.seq), func.max(EVENT.c.seq))
    ).one()
    walls = dict(
        connection.execute(
            select(EVENT.c.seq, EVENT.c.wall_time).where(EVENT.c.seq.in_([first, last]))
        ).all()
    )
    return int(count), walls.get(first), walls.get(last)


def count_events(connection: Connection) -> int:
    """How many events the log holds."""
    return int(connection.execute(select(func.count()).select_from(EVENT)).scalar() or 0)
