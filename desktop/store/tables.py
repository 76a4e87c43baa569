"""The tables of an exercise document.

`event` is the exercise log, append-only and the single source of truth. The other
tables are projections of it (written in the same transaction as each event) or the
scenario snapshot the exercise was created from.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Index, LargeBinary, Table
from sqlmodel import Field, SQLModel


def table_of(model: Any) -> Table:
    """The Core table of a table model (for SQLAlchemy Core statements)."""
    table: Table = model.__table__
    return table


class DocumentInfo(SQLModel, table=True):
    """Key/value facts about the document itself (application, versions, play progress)."""

    __tablename__ = "document_info"

    key: str = Field(primary_key=True)
    value: str


class ScenarioSnapshot(SQLModel, table=True):
    """The scenario pack's YAML as it was when the exercise was created (one row)."""

    __tablename__ = "scenario_snapshot"

    id: int = Field(default=1, primary_key=True)
    scenario_id: str
    title: str
    source_name: str
    yaml_text: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    sha256: str


class ScenarioMedia(SQLModel, table=True):
    """A media file of the pack (map, attachment, README), by its path in the pack."""

    __tablename__ = "scenario_media"

    path: str = Field(primary_key=True)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    sha256: str


class EventRow(SQLModel, table=True):
    """One event of the exercise log."""

    __tablename__ = "event"

    seq: int = Field(primary_key=True)
    id: str = Field(unique=True)
    kind: str
    wall_time: str
    scenario_time: int
    by: str
    payload: str
    v: int = 1


class TeamRow(SQLModel, table=True):
    """A team of the exercise (projection of `team_defined`)."""

    __tablename__ = "team"

    id: str = Field(primary_key=True)
    name: str
    actors: str  # JSON list of actor ids
    briefing: str = ""
    position: int


class ParticipantRow(SQLModel, table=True):
    """A trainee (projection of `participant_added`)."""

    __tablename__ = "participant"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    team_id: str = Field(foreign_key="team.id", index=True)
    role: str = ""
    seq: int


class InjectStateRow(SQLModel, table=True):
    """Where an inject stands: held, skipped or released (projection of the MSEL events).

    Injects never touched by an event have no row; ad-hoc injects keep their definition.
    """

    __tablename__ = "inject_state"

    inject_id: str = Field(primary_key=True)
    status: str
    released_at: int | None = None
    cause: str | None = None
    reason: str = ""
    adhoc: str | None = None  # JSON definition of an ad-hoc inject
    seq: int


class DecisionRow(SQLModel, table=True):
    """A decision as last amended (projection of `decision_*` events)."""

    __tablename__ = "decision"
    # The decision log filters and sorts by these; `ix_decision_time`, on
    # coalesce(taken_at, recorded_at), exists only in the migration (an expression index).
    __table_args__ = (
        Index("ix_decision_team_inject", "team", "inject"),
        Index("ix_decision_team", "team"),
        Index("ix_decision_inject", "inject"),
        Index("ix_decision_title", "title"),
        Index("ix_decision_acting_actor", "acting_actor"),
        Index("ix_decision_posture", "posture"),
    )

    id: str = Field(primary_key=True)
    team: str
    acting_actor: str
    inject: str | None = None
    title: str
    rationale: str = ""
    posture: str | None = None
    dimensions: str = "[]"  # JSON list
    venue: str | None = None
    supersedes: str | None = None
    taken_at: int | None = None
    recorded_at: int
    military_assets: str | None = None  # JSON object
    voided: bool = False
    void_reason: str = ""
    amendments: int = 0
    late: bool = False
    recorded_seq: int
    updated_seq: int


class ConsultationRow(SQLModel, table=True):
    """An actor a decision consulted, and how (projection, rewritten on amendment)."""

    __tablename__ = "consultation"

    id: int | None = Field(default=None, primary_key=True)
    decision_id: str = Field(foreign_key="decision.id", index=True)
    actor: str
    mode: str


class ObservationRow(SQLModel, table=True):
    """An evaluator's observation (projection)."""

    __tablename__ = "observation"

    id: str = Field(primary_key=True)
    observer: str
    team: str
    objective: str
    kind: str
    text: str
    inject: str | None = None
    recorded_at: int
    voided: bool = False
    late: bool = False
    seq: int


class RatingRow(SQLModel, table=True):
    """A P/S/M/U rating (projection)."""

    __tablename__ = "rating"

    id: str = Field(primary_key=True)
    observer: str
    team: str
    objective: str
    rating: str
    final: bool = False
    note: str = ""
    recorded_at: int
    voided: bool = False
    late: bool = False
    seq: int


class ImprovementItemRow(SQLModel, table=True):
    """A row of the improvement plan (projection of `improvement_item_saved`)."""

    __tablename__ = "improvement_item"

    id: str = Field(primary_key=True)
    issue: str
    corrective_action: str
    capability: str = ""
    objective: str | None = None
    responsible: str = ""
    start: str | None = None
    completion: str | None = None
    seq: int


class DebriefNoteRow(SQLModel, table=True):
    """A note for the debrief (hotwash), by section (projection of `debrief_note_saved`)."""

    __tablename__ = "debrief_note"

    id: str = Field(primary_key=True)
    section: str = ""
    text: str
    seq: int


PROJECTION_TABLES = (
    DebriefNoteRow,
    ConsultationRow,
    DecisionRow,
    ObservationRow,
    RatingRow,
    ImprovementItemRow,
    InjectStateRow,
    ParticipantRow,
    TeamRow,
)
"""Projection tables, children before parents (the order to empty them in)."""
