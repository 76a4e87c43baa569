"""The decision log a page at a time, filtered and sorted in SQL (SQLAlchemy Core).

The console shows logs of up to 100,000 decisions; it asks for the number of rows that
match and then for the pages the view scrolls to, never for the whole table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, literal_column, or_, select

from desktop.store.tables import ConsultationRow, DecisionRow, table_of

_DECISION = table_of(DecisionRow)
_CONSULTATION = table_of(ConsultationRow)
_ROWID: ColumnElement[Any] = literal_column("decision.rowid")


class DecisionSort(StrEnum):
    """The columns the decision log can be sorted by."""

    RECORDED = "recorded"
    TIME = "time"
    TEAM = "team"
    ACTOR = "actor"
    INJECT = "inject"
    TITLE = "title"
    POSTURE = "posture"


_SORT_COLUMNS: dict[DecisionSort, ColumnElement[Any]] = {
    DecisionSort.RECORDED: _ROWID,
    DecisionSort.TIME: func.coalesce(_DECISION.c.taken_at, _DECISION.c.recorded_at),
    DecisionSort.TEAM: _DECISION.c.team,
    DecisionSort.ACTOR: _DECISION.c.acting_actor,
    DecisionSort.INJECT: _DECISION.c.inject,
    DecisionSort.TITLE: _DECISION.c.title,
    DecisionSort.POSTURE: _DECISION.c.posture,
}


@dataclass(frozen=True)
class DecisionFilter:
    """Which decisions to list: by team, by inject, by words in the title or rationale."""

    teams: tuple[str, ...] = ()
    inject: str | None = None
    text: str = ""
    include_voided: bool = True


def _where(criteria: DecisionFilter) -> ColumnElement[bool]:
    clauses: list[ColumnElement[bool]] = []
    if criteria.teams:
        clauses.append(_DECISION.c.team.in_(criteria.teams))
    if criteria.inject is not None:
        clauses.append(_DECISION.c.inject == criteria.inject)
    if not criteria.include_voided:
        clauses.append(_DECISION.c.voided.is_(False))
    text = criteria.text.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # LIKE ignores case for ASCII letters in SQLite (and ILIKE is lower() on every row).
        clauses.append(
            or_(
                _DECISION.c.title.like(pattern, escape="\\"),
                _DECISION.c.rationale.like(pattern, escape="\\"),
                _DECISION.c.acting_actor.like(pattern, escape="\\"),
            )
        )
    return and_(True, *clauses)


def count_decisions(connection: Connection, criteria: DecisionFilter) -> int:
    """How many decisions match `criteria`."""
    query = select(func.count()).select_from(_DECISION).where(_where(criteria))
    return int(connection.execute(query).scalar() or 0)


def decision_page(
    connection: Connection,
    criteria: DecisionFilter,
    sort: DecisionSort,
    descending: bool,
    offset: int,
    limit: int,
) -> list[dict[str, Any]]:
    """One page of matching decisions, each with its consultations as `(actor, mode)`."""
    key = _SORT_COLUMNS[sort]
    order = [key.desc() if descending else key.asc()]
    if sort is not DecisionSort.RECORDED:
        order.append(_ROWID.desc() if descending else _ROWID.asc())
    query = (
        select(
            _DECISION.c.id,
            _DECISION.c.team,
            _DECISION.c.acting_actor,
            _DECISION.c.inject,
            _DECISION.c.title,
            _DECISION.c.posture,
            _DECISION.c.venue,
            _DECISION.c.recorded_at,
            _DECISION.c.taken_at,
            _DECISION.c.late,
            _DECISION.c.voided,
            _DECISION.c.amendments,
            _DECISION.c.military_assets,
            _DECISION.c.supersedes,
        )
        .where(_where(criteria))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    rows = [dict(row) for row in connection.execute(query).mappings()]
    consulted = _consultations(connection, [row["id"] for row in rows])
    for row in rows:
        row["consulted"] = tuple(consulted.get(row["id"], ()))
        row["has_assets"] = row.pop("military_assets") not in (None, "", "null")
    return rows


def _consultations(connection: Connection, ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if not ids:
        return found
    query = (
        select(_CONSULTATION.c.decision_id, _CONSULTATION.c.actor, _CONSULTATION.c.mode)
        .where(_CONSULTATION.c.decision_id.in_(ids))
        .order_by(_CONSULTATION.c.id)
    )
    for decision_id, actor, mode in connection.execute(query):
        found[decision_id].append((actor, mode))
    return found
