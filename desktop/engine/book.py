"""The record book: decisions, observations, ratings, replies and the improvement plan."""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.domain.records import (
    DebriefNote,
    Decision,
    DecisionContent,
    ImprovementItem,
    Observation,
    RatingEntry,
)


@dataclass(frozen=True)
class Reply:
    """Control's answer to a team in the role of a simulated actor."""

    team: str
    sender: str
    text: str
    at: int
    inject: str | None = None


class RecordBook:
    """Everything teams and evaluators entered, as last amended, voided entries included."""

    def __init__(self) -> None:
        self.decisions: dict[str, Decision] = {}
        self.by_inject_team: dict[tuple[str, str], list[str]] = {}
        self.observations: dict[str, Observation] = {}
        self.ratings: dict[str, RatingEntry] = {}
        self.replies: list[Reply] = []
        self.improvements: dict[str, ImprovementItem] = {}
        self.debrief_notes: dict[str, DebriefNote] = {}

    def add_decision(self, decision: Decision) -> None:
        """Record a new decision."""
        self.decisions[decision.id] = decision
        if decision.inject is not None:
            key = (decision.inject, decision.team)
            self.by_inject_team.setdefault(key, []).append(decision.id)

    def amend_decision(self, decision_id: str, content: DecisionContent) -> None:
        """Replace a decision's changeable fields."""
        old = self.decisions[decision_id]
        self.decisions[decision_id] = replace(old, content=content, amendments=old.amendments + 1)

    def void_decision(self, decision_id: str, reason: str) -> None:
        """Mark a decision void; it stays in the book."""
        self.decisions[decision_id] = replace(
            self.decisions[decision_id], voided=True, void_reason=reason
        )

    def responses(self, inject_id: str, team_id: str) -> list[Decision]:
        """The team's decisions that name the inject, in recording order, voided included."""
        return [self.decisions[d] for d in self.by_inject_team.get((inject_id, team_id), ())]

    def void_observation(self, observation_id: str) -> None:
        """Mark an observation void."""
        self.observations[observation_id] = replace(self.observations[observation_id], voided=True)

    def void_rating(self, rating_id: str) -> None:
        """Mark a rating void."""
        self.ratings[rating_id] = replace(self.ratings[rating_id], voided=True)
