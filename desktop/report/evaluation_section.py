"""View model of the report's evaluation sections: the objectives-by-teams P/S/M/U
matrix, the observations by objective and team, and the improvement plan (HSEEP AAR/IP)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.analysis.evaluation import EvaluationFigures, RatingCounts
from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import Rating
from desktop.domain.records import Observation
from desktop.report import labels
from desktop.report.naming import Names


@dataclass(frozen=True)
class RatingCell:
    """A team's overall rating against an objective, with the ratings entered."""

    overall: str
    meaning: str
    counts: str
    final: bool


@dataclass(frozen=True)
class MatrixRow:
    """An objective and each team's rating (None where no rating was entered)."""

    objective: str
    capability: str
    cells: tuple[RatingCell | None, ...]


@dataclass(frozen=True)
class Note:
    """An evaluator's observation, as printed."""

    text: str
    observer: str
    time: str
    inject: str
    late: bool


@dataclass(frozen=True)
class TeamNotes:
    """A team's strengths and areas for improvement against one objective."""

    team: str
    rating: str
    strengths: tuple[Note, ...]
    improvements: tuple[Note, ...]


@dataclass(frozen=True)
class ObjectiveNotes:
    """The observations against one objective, team by team."""

    objective: str
    capability: str
    teams: tuple[TeamNotes, ...]


@dataclass(frozen=True)
class PlanRow:
    """A row of the improvement plan."""

    issue: str
    action: str
    capability: str
    objective: str
    responsible: str
    start: str
    completion: str


@dataclass(frozen=True)
class EvaluationView:
    """The P/S/M/U matrix, observations by objective, and the improvement plan."""

    teams: tuple[str, ...]
    matrix: tuple[MatrixRow, ...]
    notes: tuple[ObjectiveNotes, ...]
    plan: tuple[PlanRow, ...]
    ratings: int


def _note(observation: Observation, names: Names) -> Note:
    return Note(
        text=observation.text,
        observer=observation.observer,
        time=names.stamp(observation.recorded_at),
        inject=observation.inject or "",
        late=observation.late,
    )


def evaluation_view(
    record: ExerciseRecord, figures: EvaluationFigures, names: Names
) -> EvaluationView:
    """Ratings as an objectives-by-teams matrix, notes grouped by objective then team."""
    team_ids = [t.id for t in record.teams]
    team_ids += sorted({r.team for r in figures.ratings} - set(team_ids))
    cells = {
        (r.team, r.objective): RatingCell(
            overall=str(r.overall),
            meaning=labels.label(labels.RATING, r.overall),
            counts=_counts(r.counts),
            final=str(r.source) == "final",
        )
        for r in figures.ratings
    }
    objective_ids = [o.id for o in record.scenario.objectives]
    objective_ids += sorted({o for _, o in cells} - set(objective_ids))
    matrix = tuple(
        MatrixRow(
            objective=names.objective(o),
            capability=_capability(record, o),
            cells=tuple(cells.get((t, o)) for t in team_ids),
        )
        for o in objective_ids
    )
    grouped: dict[str, list[TeamNotes]] = {}
    for group in figures.observations:
        cell = cells.get((group.team, group.objective))
        grouped.setdefault(group.objective, []).append(
            TeamNotes(
                team=names.team(group.team),
                rating=cell.overall if cell is not None else "",
                strengths=tuple(_note(o, names) for o in group.strengths),
                improvements=tuple(_note(o, names) for o in group.improvements),
            )
        )
    order = {o: i for i, o in enumerate(objective_ids)}
    notes = tuple(
        ObjectiveNotes(names.objective(o), _capability(record, o), tuple(teams))
        for o, teams in sorted(grouped.items(), key=lambda item: order.get(item[0], len(order)))
    )
    plan = tuple(
        PlanRow(
            issue=i.issue,
            action=i.corrective_action,
            capability=i.capability,
            objective=names.objective(i.objective) if i.objective else "",
            responsible=i.responsible,
            start=i.start.isoformat() if i.start else "",
            completion=i.completion.isoformat() if i.completion else "",
        )
        for i in figures.improvement_plan
    )
    return EvaluationView(
        teams=tuple(names.team(t) for t in team_ids),
        matrix=matrix,
        notes=notes,
        plan=plan,
        ratings=sum(1 for r in record.ratings if not r.voided),
    )


def _counts(counts: RatingCounts) -> str:
    return " · ".join(f"{counts.of(r)} {r}" for r in Rating if counts.of(r))


def _capability(record: ExerciseRecord, objective_id: str) -> str:
    objective = record.scenario.objective_by_id.get(objective_id)
    return "" if objective is None else objective.capability
