"""Reading an exercise's records from the projection tables, in bulk (SQLAlchemy Core).

The debrief reads everything at once; the ORM would take seconds for 100,000 decisions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from sqlalchemy import Connection, func, select

from desktop.domain.codec import assets_from_json, inject_from_json
from desktop.domain.enums import ConsultMode, ObservationKind, Posture, Rating
from desktop.domain.events import EventKind
from desktop.domain.records import (
    Consultation,
    Decision,
    DecisionContent,
    ImprovementItem,
    Observation,
    RatingEntry,
)
from desktop.domain.scenario import Inject, Team
from desktop.store.event_log import EVENT
from desktop.store.prepared import DriverSql
from desktop.store.tables import (
    ConsultationRow,
    DecisionRow,
    ImprovementItemRow,
    InjectStateRow,
    ObservationRow,
    ParticipantRow,
    RatingRow,
    TeamRow,
    table_of,
)


def load_teams(connection: Connection) -> tuple[Team, ...]:
    """The exercise's teams, in the order they were defined."""
    table = table_of(TeamRow)
    rows = connection.execute(select(table).order_by(table.c.position)).mappings()
    return tuple(
        Team(r["id"], r["name"], tuple(json.loads(r["actors"])), r["briefing"]) for r in rows
    )


def count_participants(connection: Connection) -> int:
    """How many trainees the exercise has."""
    table = table_of(ParticipantRow)
    return int(connection.execute(select(func.count()).select_from(table)).scalar() or 0)


def load_inject_states(
    connection: Connection,
) -> tuple[dict[str, int | None], list[Inject]]:
    """Release times by inject id, and the ad-hoc injects' definitions in the order added."""
    table = table_of(InjectStateRow)
    released: dict[str, int | None] = {}
    adhoc: list[tuple[int, Inject]] = []
    for row in connection.execute(select(table)).mappings():
        if row["status"] == "released":
            released[row["inject_id"]] = row["released_at"]
        if row["adhoc"]:
            adhoc.append((row["seq"], inject_from_json(json.loads(row["adhoc"]))))
    return released, [inject for _, inject in sorted(adhoc, key=lambda item: item[0])]


_CONSULTATION_TABLE = table_of(ConsultationRow)
_CONSULTATIONS = select(
    _CONSULTATION_TABLE.c.decision_id, _CONSULTATION_TABLE.c.actor, _CONSULTATION_TABLE.c.mode
).order_by(_CONSULTATION_TABLE.c.id)
_DECISION_COLUMNS = table_of(DecisionRow).c
_DECISIONS = select(
    *(
        _DECISION_COLUMNS[name]
        for name in (
            "id", "team", "acting_actor", "inject", "title", "rationale", "posture",
            "dimensions", "venue", "supersedes", "taken_at", "military_assets", "recorded_at",
            "recorded_seq", "voided", "void_reason", "amendments", "late",
        )
    )
).order_by(_DECISION_COLUMNS.recorded_seq)  # fmt: skip


def load_decisions(connection: Connection) -> tuple[Decision, ...]:
    """Every decision as last amended, voided ones included, in recording order.

    Reads 100,000 decisions in about a second: plain row tuples, and repeated values
    (consultations, dimension lists) built once and shared, which frozen values allow.
    """
    modes = {mode.value: mode for mode in ConsultMode}
    shared: dict[tuple[str, str], Consultation] = {}
    consultations: dict[str, list[Consultation]] = defaultdict(list)
    sql = DriverSql(connection)
    for decision_id, actor, mode in sql.fetch_all(_CONSULTATIONS):
        consultation = shared.get((actor, mode))
        if consultation is None:
            consultation = shared[(actor, mode)] = Consultation(actor, modes[mode])
        consultations[decision_id].append(consultation)
    postures: dict[str | None, Posture | None] = {p.value: p for p in Posture}
    postures[None] = None
    dimension_lists: dict[str, tuple[str, ...]] = {}
    no_consultations: tuple[Consultation, ...] = ()
    new = object.__new__
    result = []
    for row in sql.fetch_all(_DECISIONS):
        (decision_id, team, acting, inject, title, rationale, posture, dimensions, venue,
         supersedes, taken_at, assets, recorded_at, recorded_seq, voided, void_reason,
         amendments, late) = row  # fmt: skip
        parsed = dimension_lists.get(dimensions)
        if parsed is None:
            parsed = dimension_lists[dimensions] = tuple(json.loads(dimensions))
        consulted = consultations.get(decision_id)
        # Frozen dataclasses set each field through object.__setattr__; filling the
        # instance dictionary at once builds the same values three times faster, which
        # is a second at 100,000 decisions. They have no __post_init__ to skip.
        content = new(DecisionContent)
        content.__dict__.update(
            title=title,
            rationale=rationale,
            posture=postures[posture or None],
            dimensions=parsed,
            venue=venue,
            consulted=tuple(consulted) if consulted else no_consultations,
            supersedes=supersedes,
            taken_at=taken_at,
            military_assets=assets_from_json(json.loads(assets)) if assets else None,
        )
        decision = new(Decision)
        decision.__dict__.update(
            id=decision_id,
            team=team,
            acting_actor=acting,
            inject=inject,
            content=content,
            recorded_at=recorded_at,
            recorded_seq=recorded_seq,
            voided=bool(voided),
            void_reason=void_reason,
            amendments=amendments,
            late=bool(late),
        )
        result.append(decision)
    return tuple(result)


def load_observations(connection: Connection) -> tuple[Observation, ...]:
    """Every observation, voided ones included, in recording order."""
    table = table_of(ObservationRow)
    return tuple(
        Observation(
            id=r["id"],
            observer=r["observer"],
            team=r["team"],
            objective=r["objective"],
            kind=ObservationKind(r["kind"]),
            text=r["text"],
            recorded_at=r["recorded_at"],
            inject=r["inject"],
            voided=bool(r["voided"]),
            late=bool(r["late"]),
        )
        for r in connection.execute(select(table).order_by(table.c.seq)).mappings()
    )


def load_ratings(connection: Connection) -> tuple[RatingEntry, ...]:
    """Every rating, voided ones included, in recording order."""
    table = table_of(RatingRow)
    return tuple(
        RatingEntry(
            id=r["id"],
            observer=r["observer"],
            team=r["team"],
            objective=r["objective"],
            rating=Rating(r["rating"]),
            recorded_at=r["recorded_at"],
            final=bool(r["final"]),
            note=r["note"],
            voided=bool(r["voided"]),
            late=bool(r["late"]),
        )
        for r in connection.execute(select(table).order_by(table.c.seq)).mappings()
    )


def load_improvements(connection: Connection) -> tuple[ImprovementItem, ...]:
    """The improvement plan, in the order items were first saved."""
    table = table_of(ImprovementItemRow)
    return tuple(
        ImprovementItem(
            id=r["id"],
            issue=r["issue"],
            corrective_action=r["corrective_action"],
            capability=r["capability"],
            objective=r["objective"],
            responsible=r["responsible"],
            start=date.fromisoformat(r["start"]) if r["start"] else None,
            completion=date.fromisoformat(r["completion"]) if r["completion"] else None,
        )
        for r in connection.execute(select(table).order_by(table.c.seq)).mappings()
    )


def load_phase_changes(connection: Connection) -> tuple[tuple[int, str], ...]:
    """The facilitator's phase changes, in log order."""
    query = (
        select(EVENT.c.scenario_time, EVENT.c.payload)
        .where(EVENT.c.kind == EventKind.PHASE_CHANGED.value)
        .order_by(EVENT.c.seq)
    )
    return tuple(
        (time, json.loads(payload)["phase"]) for time, payload in connection.execute(query)
    )
