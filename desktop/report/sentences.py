"""The report's sentences: reason codes, checklist items and figures turned into words.

Every sentence a reader sees that is built from data is written here (fixed prose lives in
the templates), so that wording stays consistent between the HTML and the PDF and a
translation has one place to go. Functions return plain strings; the templates escape
them, so names from a scenario can never inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.analysis.humanitarian import AssetAssessment, BreachReason, Concern, RedFlag
from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import AssetTask, AssetUniqueness
from desktop.domain.expectations import Reason, ReasonCode
from desktop.domain.records import Decision
from desktop.domain.scenario import AvoidPattern, Expects, Inject
from desktop.report import labels
from desktop.report.naming import Names, duration, join_words


def reason_sentence(
    reason: Reason,
    inject: Inject,
    first_response: int | None,
    names: Names,
    decisions: dict[str, Decision],
) -> str:
    """Why a team's response fell short of the inject's expectation, as a sentence."""
    expects = inject.expects
    subject = reason.subject
    if reason.code == ReasonCode.NO_DECISION_IN_TIME:
        limit = expects.respond_within if expects is not None else None
        if first_response is None:
            return "No decision of the team named this inject."
        if limit is not None:
            return (
                f"The first decision came after {duration(first_response)}, "
                f"later than the expected {duration(limit)}."
            )
        return "No decision of the team named this inject in time."
    if reason.code == ReasonCode.NOT_CONSULTED:
        return f"{names.actor_full(subject)} was not involved, though the scenario expected it."
    if reason.code == ReasonCode.NONE_OF_CONSULT_ANY:
        options = names.actors(subject.split(","), "or")
        return f"None of {options} was involved; the scenario expected at least one."
    if reason.code == ReasonCode.NOT_IN_VENUE:
        forums = names.mechanisms(subject.split(","), "or")
        return f"No decision was taken in {forums}, the expected forum."
    if reason.code == ReasonCode.AVOIDED_PATTERN:
        decision_id, _, actor_id = subject.partition("->")
        return avoided_sentence(decision_id, actor_id, names, decisions)
    return str(reason)


def avoided_sentence(
    decision_id: str, actor_id: str, names: Names, decisions: dict[str, Decision]
) -> str:
    """`In decision d03, the FC tasked WFP, a contact the scenario asks teams to avoid.`"""
    decision = decisions.get(decision_id)
    if decision is None:
        return (
            f"Decision {decision_id} engaged {names.actor(actor_id)} in a way the scenario "
            "asks teams to avoid."
        )
    modes = [c.mode for c in decision.content.consulted if c.actor == actor_id]
    verb = labels.label(labels.MODE, modes[0]) if modes else "engaged"
    return (
        f"In decision {decision_id}, {names.actor(decision.acting_actor)} {verb} "
        f"{names.actor(actor_id)}, a contact the scenario asks teams to avoid."
    )


def expectation_text(expects: Expects | None, names: Names) -> str:
    """What a good response looks like, in one sentence; empty without `expects`."""
    if expects is None:
        return ""
    parts: list[str] = []
    if expects.consult:
        parts.append(f"involve {names.actors(expects.consult)}")
    if expects.consult_any:
        parts.append(f"involve at least one of {names.actors(expects.consult_any, 'or')}")
    if expects.venue:
        parts.append(f"decide in {names.mechanisms(expects.venue)}")
    parts.extend(f"avoid {avoid_text(p, names)}" for p in expects.avoid)
    lead = (
        f"Respond within {duration(expects.respond_within)}"
        if expects.respond_within is not None
        else "Respond"
    )
    text = lead + (": " + "; ".join(parts) if parts else "")
    return text + "."


def avoid_text(pattern: AvoidPattern, names: Names) -> str:
    """`security actors tasking OCHA, UNHCR or WFP`."""
    if pattern.by:
        who = names.actors(pattern.by, "or")
    elif pattern.by_dimension:
        who = f"{pattern.by_dimension} actors"
    else:
        who = "any actor"
    if pattern.by and pattern.by_dimension:
        who += f" (acting on {pattern.by_dimension})"
    verb = {
        "inform": "informing",
        "consult": "consulting",
        "joint": "acting jointly with",
        "request": "making requests to",
        "task": "tasking",
    }.get(str(pattern.mode), "engaging")
    whom = names.actors(pattern.to, "or") if pattern.to else "anyone"
    return f"{who} {verb} {whom}"


BREACH: dict[str, str] = {
    BreachReason.TASKED_ACROSS_FIREWALL: (
        "{sender}, a political or security actor outside the firewall, tasked {to}, "
        "an actor behind it."
    ),
    BreachReason.AVOID_PATTERN: (
        "The contact matches a pattern that inject {inject} asks teams to avoid."
    ),
}


def breach_sentences(
    reasons: tuple[BreachReason, ...], sender: str, to: str, inject: str | None, names: Names
) -> tuple[str, ...]:
    """Why a consultation breached the humanitarian firewall, one sentence per reason."""
    return tuple(
        BREACH.get(str(r), str(r)).format(
            sender=names.actor(sender), to=names.actor(to), inject=inject or "?"
        )
        for r in reasons
    )


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the military-asset checklist: the question, its status and the answer.

    `status` is `ok`, `red-flag`, `concern` or `not-checked`.
    """

    question: str
    status: str
    answer: str


def checklist(assessment: AssetAssessment, record: ExerciseRecord) -> tuple[ChecklistItem, ...]:
    """The checklist of one request, item by item, from the flags the analysis raised."""
    names = Names(record)
    assets = assessment.assets
    red = set(assessment.red_flags)
    concerns = set(assessment.concerns)

    def status(flag: RedFlag | Concern) -> str:
        if flag in red:
            return "red-flag"
        return "concern" if flag in concerns else "ok"

    decider = names.actor_full(assets.decided_by)
    items = [
        ChecklistItem(
            "Decided by an actor with humanitarian authority",
            status(RedFlag.NOT_DECIDED_BY_HUMANITARIAN_AUTHORITY),
            f"Decided by {decider}, who holds humanitarian authority."
            if RedFlag.NOT_DECIDED_BY_HUMANITARIAN_AUTHORITY not in red
            else f"Decided by {decider}, who has no humanitarian authority: the decision "
            "belongs to the Humanitarian Coordinator and the humanitarian organisations.",
        ),
        ChecklistItem(
            "Civilian alternatives considered",
            status(RedFlag.NO_CIVILIAN_ALTERNATIVES),
            f"Alternatives recorded: {join_words(list(assets.civilian_alternatives))}."
            if assets.civilian_alternatives
            else "No civilian alternative was recorded; military assets are a last resort.",
        ),
        ChecklistItem(
            "Under humanitarian control",
            status(RedFlag.NOT_UNDER_HUMANITARIAN_CONTROL),
            "The operation stays under humanitarian control."
            if assets.humanitarian_control
            else "The operation would not be under humanitarian control.",
        ),
        ChecklistItem(
            "No direct delivery by the military",
            status(RedFlag.DIRECT_DELIVERY),
            "Military personnel would hand assistance to people directly, which the "
            "guidelines rule out."
            if assets.task == AssetTask.DIRECT
            else f"Task: {labels.label(labels.TASK, assets.task)}.",
        ),
        ChecklistItem(
            "Critical need",
            status(Concern.NO_CRITICAL_NEED),
            "A critical humanitarian need was shown."
            if assets.critical_need
            else "No critical need was shown.",
        ),
        ChecklistItem(
            "Unique capability or timeliness",
            status(Concern.NOT_UNIQUE),
            f"The asset is {labels.label(labels.UNIQUE, assets.unique)}."
            if assets.unique != AssetUniqueness.NONE
            else "The asset is neither unique in capability nor in timeliness: a civilian "
            "means could do the work.",
        ),
    ]
    if assets.task == AssetTask.ESCORT:
        items.append(
            ChecklistItem(
                "Unarmed",
                "not-checked",
                "Not checked: an armed escort is armed by nature (IASC guidelines on "
                "armed escorts, 2013).",
            )
        )
        items.append(
            ChecklistItem(
                "Common humanitarian position on the escort",
                status(Concern.NO_COMMON_HUMANITARIAN_POSITION),
                "Decided in a forum with humanitarian members, so the position is common."
                if Concern.NO_COMMON_HUMANITARIAN_POSITION not in concerns
                else "Decided outside any forum with a member behind the humanitarian "
                "firewall: no common humanitarian position on the escort.",
            )
        )
    else:
        items.append(
            ChecklistItem(
                "Unarmed",
                status(Concern.ARMED),
                "The assets are unarmed." if assets.unarmed else "The assets would be armed.",
            )
        )
    items.append(
        ChecklistItem(
            "Limited in time",
            status(Concern.NOT_TIME_LIMITED),
            "The use is limited in time." if assets.time_limited else "The use has no time limit.",
        )
    )
    exit_plan = assets.exit_plan.strip()
    items.append(
        ChecklistItem(
            "Exit plan back to civilian means",
            status(Concern.NO_EXIT_PLAN),
            f"Exit plan: {exit_plan}" if exit_plan else "No exit plan was recorded.",
        )
    )
    return tuple(items)


NOT_APPLICABLE = (
    "Not applicable: the request is for peacebuilding work. The humanitarian\N{EN DASH}military "
    "guidelines were written to protect humanitarian space, not for DDR, security sector "
    "reform, rule of law or electoral support, and applying them there is itself a known "
    "error. Judge such a request on the mandate and the mission's own rules instead."
)
