"""The input of the analysis: everything an exercise produced, as plain frozen values.

The services layer builds an `ExerciseRecord` from a document; tests build one by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from desktop.domain.records import (
    Decision,
    ImprovementItem,
    Observation,
    RatingEntry,
)
from desktop.domain.scenario import Actor, Inject, Scenario, Team


@dataclass(frozen=True)
class InjectRecord:
    """One inject of the exercise (scenario or ad hoc) and when it was released."""

    inject: Inject
    released_at: int | None  # scenario minutes; None if never released


@dataclass(frozen=True)
class ExerciseRecord:
    """One exercise as the debrief sees it.

    `decisions` are as last amended, voided ones included (flag `voided`); the same goes
    for observations and ratings. `injects` hold every inject, scenario order then ad hoc.
    `phase_changes` are the facilitator's `(minute, phase id)` changes in log order.
    """

    scenario: Scenario
    teams: tuple[Team, ...]
    injects: tuple[InjectRecord, ...]
    decisions: tuple[Decision, ...]
    phase_changes: tuple[tuple[int, str], ...] = ()
    observations: tuple[Observation, ...] = ()
    ratings: tuple[RatingEntry, ...] = ()
    improvements: tuple[ImprovementItem, ...] = ()
    participants: int = 0

    @cached_property
    def live_decisions(self) -> tuple[Decision, ...]:
        """The decisions that count: voided ones leave every figure."""
        return tuple(d for d in self.decisions if not d.voided)

    @cached_property
    def actors(self) -> dict[str, Actor]:
        """The scenario's actors by id."""
        return self.scenario.actor_by_id

    @cached_property
    def inject_by_id(self) -> dict[str, Inject]:
        """Every inject of the exercise (scenario and ad hoc) by id."""
        return {r.inject.id: r.inject for r in self.injects}
