"""Judging a team's response to an inject against the inject's `expects`.

The engine uses this at deadlines (for triggers) and the debrief for its figures, so both
read the same rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop.domain.records import Consultation, Decision
from desktop.domain.scenario import Actor, AvoidPattern, Inject


class ExpectationStatus(StrEnum):
    """The outcome of judging a team's response."""

    MET = "met"
    PARTIAL = "partial"
    UNMET = "unmet"
    NOT_APPLICABLE = "n/a"


class ReasonCode(StrEnum):
    """Why an expectation was not met."""

    NO_DECISION_IN_TIME = "no-decision-in-time"
    NOT_CONSULTED = "not-consulted"
    NONE_OF_CONSULT_ANY = "none-of-consult-any"
    NOT_IN_VENUE = "not-in-venue"
    AVOIDED_PATTERN = "avoided-pattern"


@dataclass(frozen=True)
class Reason:
    """A code with the actor, venue or decision it is about."""

    code: ReasonCode
    subject: str = ""

    def __str__(self) -> str:
        return f"{self.code}:{self.subject}" if self.subject else str(self.code)


@dataclass(frozen=True)
class Judgement:
    """The status of one team's response to one inject, with the reasons it fell short."""

    status: ExpectationStatus
    reasons: tuple[Reason, ...] = ()


def avoid_matches(pattern: AvoidPattern, acting: Actor | None, consultation: Consultation) -> bool:
    """Whether a consultation by `acting` matches an `avoid` pattern (absent conditions hold)."""
    if pattern.by_dimension is not None and (
        acting is None or pattern.by_dimension not in acting.dimensions
    ):
        return False
    if pattern.by and (acting is None or acting.id not in pattern.by):
        return False
    if pattern.to and consultation.actor not in pattern.to:
        return False
    return pattern.mode is None or consultation.mode == pattern.mode


def avoided_consultations(
    inject: Inject, decision: Decision, actors: Mapping[str, Actor]
) -> list[Consultation]:
    """The consultations of `decision` that match any `avoid` pattern of `inject`."""
    if inject.expects is None or not inject.expects.avoid:
        return []
    acting = actors.get(decision.acting_actor)
    return [
        c
        for c in decision.content.consulted
        if any(avoid_matches(p, acting, c) for p in inject.expects.avoid)
    ]


def responses_in_time(
    inject: Inject, released_at: int, decisions: Iterable[Decision]
) -> list[Decision]:
    """The decisions that count for the expectation: not voided, within `respond_within`."""
    limit = inject.expects.respond_within if inject.expects is not None else None
    return [
        d
        for d in decisions
        if not d.voided and (limit is None or d.effective_at <= released_at + limit)
    ]


def judge_expectation(
    inject: Inject,
    released_at: int,
    decisions: Iterable[Decision],
    actors: Mapping[str, Actor],
) -> Judgement:
    """Judge one team's decisions that name `inject` against its `expects`.

    `decisions` are the team's decisions naming the inject, as last amended. Voided ones
    are ignored; superseded ones still count. See DESIGN.md, "Per inject and target team".
    """
    expects = inject.expects
    if expects is None:
        return Judgement(ExpectationStatus.NOT_APPLICABLE)
    counted = responses_in_time(inject, released_at, decisions)
    if not counted:
        return Judgement(ExpectationStatus.UNMET, (Reason(ReasonCode.NO_DECISION_IN_TIME),))
    involved: set[str] = set()
    for decision in counted:
        involved.add(decision.acting_actor)
        involved.update(c.actor for c in decision.content.consulted)
    reasons = [Reason(ReasonCode.NOT_CONSULTED, a) for a in expects.consult if a not in involved]
    if expects.consult_any and not involved.intersection(expects.consult_any):
        reasons.append(Reason(ReasonCode.NONE_OF_CONSULT_ANY, ",".join(expects.consult_any)))
    if expects.venue and not any(d.content.venue in expects.venue for d in counted):
        reasons.append(Reason(ReasonCode.NOT_IN_VENUE, ",".join(expects.venue)))
    for decision in counted:
        for consultation in avoided_consultations(inject, decision, actors):
            reasons.append(
                Reason(ReasonCode.AVOIDED_PATTERN, f"{decision.id}->{consultation.actor}")
            )
    if reasons:
        return Judgement(ExpectationStatus.PARTIAL, tuple(reasons))
    return Judgement(ExpectationStatus.MET)
