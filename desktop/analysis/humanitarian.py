"""Humanitarian space: firewall breaches and the military-asset checklist.

See DESIGN.md, "Humanitarian space", and domain/PRIMER.md §5 for the checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import AssetPurpose, AssetTask, AssetUniqueness, ConsultMode
from desktop.domain.expectations import avoided_consultations
from desktop.domain.records import Decision, MilitaryAssets

# Dimensions whose holders must not task actors behind the firewall.
FIREWALL_DIMENSIONS = frozenset({"security", "political"})


class BreachReason(StrEnum):
    """Why a consultation breaches the humanitarian firewall."""

    TASKED_ACROSS_FIREWALL = "tasked-across-firewall"
    AVOID_PATTERN = "avoid-pattern"


class RedFlag(StrEnum):
    """A red flag of the military-asset checklist."""

    NOT_DECIDED_BY_HUMANITARIAN_AUTHORITY = "not-decided-by-humanitarian-authority"
    NO_CIVILIAN_ALTERNATIVES = "no-civilian-alternatives"
    NOT_UNDER_HUMANITARIAN_CONTROL = "not-under-humanitarian-control"
    DIRECT_DELIVERY = "direct-delivery"


class Concern(StrEnum):
    """A concern of the military-asset checklist."""

    NO_CRITICAL_NEED = "no-critical-need"
    NOT_UNIQUE = "not-unique"
    ARMED = "armed"
    NO_COMMON_HUMANITARIAN_POSITION = "no-common-humanitarian-position"
    NOT_TIME_LIMITED = "not-time-limited"
    NO_EXIT_PLAN = "no-exit-plan"


class Verdict(StrEnum):
    """The checklist's overall answer for one request."""

    RED_FLAG = "red-flag"
    CONCERNS = "concerns"
    COMPLIANT = "compliant"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class FirewallBreach:
    """A decision's consultation of an actor behind the firewall that breaks principles."""

    decision: str
    sender: str  # the acting actor ("from" in the report)
    to: str
    reasons: tuple[BreachReason, ...]


@dataclass(frozen=True)
class AssetAssessment:
    """The checklist applied to one decision's request for military assets."""

    decision: str
    assets: MilitaryAssets
    verdict: Verdict
    red_flags: tuple[RedFlag, ...]
    concerns: tuple[Concern, ...]


@dataclass(frozen=True)
class HumanitarianSpace:
    """Firewall breaches and military-asset requests, in decision order."""

    firewall_breaches: tuple[FirewallBreach, ...]
    military_asset_requests: tuple[AssetAssessment, ...]


def firewall_breaches(record: ExerciseRecord) -> tuple[FirewallBreach, ...]:
    """Task-mode consultations by a political or security actor outside the firewall of an
    actor behind it, plus consultations matching an `avoid` pattern of the inject the
    decision names; each (decision, consulted actor) pair once, with all its reasons.
    """
    actors = record.actors
    behind = {a.id for a in actors.values() if a.firewall}
    # Actors that must not task across the firewall: outside it, political or security.
    restricted = {
        a.id
        for a in actors.values()
        if not a.firewall and FIREWALL_DIMENSIONS.intersection(a.dimensions)
    }
    breaches: list[FirewallBreach] = []
    for decision in record.live_decisions:
        inject = record.inject_by_id.get(decision.inject) if decision.inject else None
        avoided = (
            avoided_consultations(inject, decision, actors)
            if inject is not None and inject.expects is not None and inject.expects.avoid
            else []
        )
        tasks_across = decision.acting_actor in restricted
        if not (tasks_across or avoided):
            continue
        found: dict[str, list[BreachReason]] = {}
        for consultation in decision.content.consulted:
            if (
                tasks_across
                and consultation.mode == ConsultMode.TASK
                and consultation.actor in behind
            ):
                _add(found, consultation.actor, BreachReason.TASKED_ACROSS_FIREWALL)
            if consultation in avoided:
                _add(found, consultation.actor, BreachReason.AVOID_PATTERN)
        breaches.extend(
            FirewallBreach(decision.id, decision.acting_actor, to, tuple(reasons))
            for to, reasons in found.items()
        )
    return tuple(breaches)


def _add(found: dict[str, list[BreachReason]], actor: str, reason: BreachReason) -> None:
    reasons = found.setdefault(actor, [])
    if reason not in reasons:
        reasons.append(reason)


def assess_assets(record: ExerciseRecord, decision: Decision) -> AssetAssessment | None:
    """Apply the military-asset checklist to a decision; None if it requests no assets.

    With purpose `peacebuilding` the verdict is `not-applicable` and no item is checked:
    the humanitarian-military guidelines were not written for that work.
    """
    assets = decision.content.military_assets
    if assets is None:
        return None
    if assets.purpose == AssetPurpose.PEACEBUILDING:
        return AssetAssessment(decision.id, assets, Verdict.NOT_APPLICABLE, (), ())
    deciding = record.actors.get(assets.decided_by)
    red: list[RedFlag] = []
    if deciding is None or not deciding.humanitarian_authority:
        red.append(RedFlag.NOT_DECIDED_BY_HUMANITARIAN_AUTHORITY)
    if not assets.civilian_alternatives:
        red.append(RedFlag.NO_CIVILIAN_ALTERNATIVES)
    if not assets.humanitarian_control:
        red.append(RedFlag.NOT_UNDER_HUMANITARIAN_CONTROL)
    if assets.task == AssetTask.DIRECT:
        red.append(RedFlag.DIRECT_DELIVERY)
    concerns: list[Concern] = []
    if not assets.critical_need:
        concerns.append(Concern.NO_CRITICAL_NEED)
    if assets.unique == AssetUniqueness.NONE:
        concerns.append(Concern.NOT_UNIQUE)
    if assets.task == AssetTask.ESCORT:
        # Armed by nature (IASC armed-escort guidelines, 2013): needs a common
        # humanitarian position, i.e. a venue with a member behind the firewall.
        if not _venue_has_firewall_member(record, decision.content.venue):
            concerns.append(Concern.NO_COMMON_HUMANITARIAN_POSITION)
    elif not assets.unarmed:
        concerns.append(Concern.ARMED)
    if not assets.time_limited:
        concerns.append(Concern.NOT_TIME_LIMITED)
    if not assets.exit_plan.strip():
        concerns.append(Concern.NO_EXIT_PLAN)
    verdict = Verdict.RED_FLAG if red else Verdict.CONCERNS if concerns else Verdict.COMPLIANT
    return AssetAssessment(decision.id, assets, verdict, tuple(red), tuple(concerns))


def _venue_has_firewall_member(record: ExerciseRecord, venue: str | None) -> bool:
    mechanism = record.scenario.mechanism_by_id.get(venue) if venue is not None else None
    if mechanism is None:
        return False
    return any(
        (actor := record.actors.get(member)) is not None and actor.firewall
        for member in mechanism.members
    )


def military_asset_requests(record: ExerciseRecord) -> tuple[AssetAssessment, ...]:
    """The checklist for every live decision that requests military assets."""
    assessed = (assess_assets(record, d) for d in record.live_decisions)
    return tuple(a for a in assessed if a is not None)


def humanitarian_space(record: ExerciseRecord) -> HumanitarianSpace:
    """Compute firewall breaches and the military-asset checklist."""
    return HumanitarianSpace(firewall_breaches(record), military_asset_requests(record))
