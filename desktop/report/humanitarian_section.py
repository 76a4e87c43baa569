"""View model of the report's humanitarian-space section: firewall breaches with the
actors' names and the military-asset checklist of every request, item by item."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.analysis.humanitarian import HumanitarianSpace, Verdict
from desktop.analysis.record import ExerciseRecord
from desktop.domain.records import Decision
from desktop.report import labels, sentences
from desktop.report.naming import Names

BREACHES_MAX = 200
ASSET_REQUESTS_MAX = 100


@dataclass(frozen=True)
class BreachRow:
    """A firewall breach: who engaged whom, in which decision, and why it breaches."""

    decision: str
    title: str
    team: str
    sender: str
    to: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AssetView:
    """A military-asset request and its checklist."""

    decision: str
    title: str
    team: str
    time: str
    asset: str
    purpose: str
    task: str
    decided_by: str
    verdict: str
    verdict_label: str
    items: tuple[sentences.ChecklistItem, ...]
    not_applicable: str


@dataclass(frozen=True)
class HumanitarianView:
    """Firewall breaches and military-asset requests (capped lists with totals)."""

    breaches: tuple[BreachRow, ...]
    breaches_total: int
    requests: tuple[AssetView, ...]
    requests_total: int


def humanitarian_view(
    record: ExerciseRecord,
    space: HumanitarianSpace,
    names: Names,
    decisions: Mapping[str, Decision],
) -> HumanitarianView:
    """Breaches with the actors' names and the checklist of each asset request."""
    breaches = []
    for breach in space.firewall_breaches[:BREACHES_MAX]:
        decision = decisions.get(breach.decision)
        inject = decision.inject if decision is not None else None
        breaches.append(
            BreachRow(
                decision=breach.decision,
                title=decision.content.title if decision is not None else "",
                team=names.team(decision.team) if decision is not None else "",
                sender=names.actor_full(breach.sender),
                to=names.actor_full(breach.to),
                reasons=sentences.breach_sentences(
                    breach.reasons, breach.sender, breach.to, inject, names
                ),
            )
        )
    requests = []
    for assessment in space.military_asset_requests[:ASSET_REQUESTS_MAX]:
        decision = decisions.get(assessment.decision)
        assets = assessment.assets
        applicable = assessment.verdict != Verdict.NOT_APPLICABLE
        requests.append(
            AssetView(
                decision=assessment.decision,
                title=decision.content.title if decision is not None else "",
                team=names.team(decision.team) if decision is not None else "",
                time=names.stamp(decision.effective_at) if decision is not None else "",
                asset=assets.asset,
                purpose=labels.label(labels.PURPOSE, assets.purpose),
                task=labels.label(labels.TASK, assets.task),
                decided_by=names.actor_full(assets.decided_by),
                verdict=str(assessment.verdict),
                verdict_label=labels.label(labels.VERDICT, assessment.verdict),
                items=sentences.checklist(assessment, record) if applicable else (),
                not_applicable="" if applicable else sentences.NOT_APPLICABLE,
            )
        )
    return HumanitarianView(
        tuple(breaches),
        len(space.firewall_breaches),
        tuple(requests),
        len(space.military_asset_requests),
    )
