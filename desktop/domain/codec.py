"""Plain-JSON forms of the records carried in event payloads (version 1)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    AssetUniqueness,
    Channel,
    ConsultMode,
    Posture,
    TriggerWhen,
)
from desktop.domain.records import (
    Consultation,
    DecisionContent,
    ImprovementItem,
    MilitaryAssets,
)
from desktop.domain.scenario import AvoidPattern, Expects, Inject, Trigger

Json = dict[str, Any]


def assets_to_json(assets: MilitaryAssets) -> Json:
    """The JSON form of a military-asset request."""
    return {
        "asset": assets.asset,
        "purpose": assets.purpose.value,
        "task": assets.task.value,
        "decided_by": assets.decided_by,
        "civilian_alternatives": list(assets.civilian_alternatives),
        "critical_need": assets.critical_need,
        "unique": assets.unique.value,
        "humanitarian_control": assets.humanitarian_control,
        "unarmed": assets.unarmed,
        "time_limited": assets.time_limited,
        "exit_plan": assets.exit_plan,
    }


def assets_from_json(data: Mapping[str, Any]) -> MilitaryAssets:
    """A military-asset request from its JSON form."""
    return MilitaryAssets(
        asset=data["asset"],
        purpose=AssetPurpose(data["purpose"]),
        task=AssetTask(data["task"]),
        decided_by=data["decided_by"],
        civilian_alternatives=tuple(data.get("civilian_alternatives", ())),
        critical_need=bool(data.get("critical_need", False)),
        unique=AssetUniqueness(data.get("unique", "none")),
        humanitarian_control=bool(data.get("humanitarian_control", False)),
        unarmed=bool(data.get("unarmed", False)),
        time_limited=bool(data.get("time_limited", False)),
        exit_plan=data.get("exit_plan", ""),
    )


def content_to_json(content: DecisionContent) -> Json:
    """The JSON form of a decision's changeable fields."""
    return {
        "title": content.title,
        "rationale": content.rationale,
        "posture": content.posture.value if content.posture else None,
        "dimensions": list(content.dimensions),
        "venue": content.venue,
        "consulted": [{"actor": c.actor, "mode": c.mode.value} for c in content.consulted],
        "supersedes": content.supersedes,
        "taken_at": content.taken_at,
        "military_assets": (
            assets_to_json(content.military_assets) if content.military_assets else None
        ),
    }


# Replays read these for every decision: a dict lookup is much cheaper than Enum(value).
_POSTURES = {posture.value: posture for posture in Posture}
_MODES = {mode.value: mode for mode in ConsultMode}


def content_from_json(data: Mapping[str, Any]) -> DecisionContent:
    """A decision's changeable fields from their JSON form."""
    posture = data.get("posture")
    assets = data.get("military_assets")
    return DecisionContent(
        title=data["title"],
        rationale=data.get("rationale", ""),
        posture=_POSTURES[posture] if posture else None,
        dimensions=tuple(data.get("dimensions", ())),
        venue=data.get("venue"),
        consulted=tuple(
            Consultation(c["actor"], _MODES[c["mode"]]) for c in data.get("consulted", ())
        ),
        supersedes=data.get("supersedes"),
        taken_at=data.get("taken_at"),
        military_assets=assets_from_json(assets) if assets else None,
    )


def inject_to_json(inject: Inject) -> Json:
    """The JSON form of an inject (used for ad-hoc injects, which exist only in the log)."""
    expects = inject.expects
    return {
        "id": inject.id,
        "title": inject.title,
        "to": list(inject.to),
        "body": inject.body,
        "at": inject.at,
        "manual": inject.manual,
        "trigger": (
            {
                "inject": inject.trigger.inject,
                "when": inject.trigger.when.value,
                "delay": inject.trigger.delay,
            }
            if inject.trigger
            else None
        ),
        "from": inject.sender,
        "channel": inject.channel.value,
        "public": inject.public,
        "phase": inject.phase,
        "dimensions": list(inject.dimensions),
        "objectives": list(inject.objectives),
        "attachments": list(inject.attachments),
        "expects": (
            {
                "respond_within": expects.respond_within,
                "consult": list(expects.consult),
                "consult_any": list(expects.consult_any),
                "venue": list(expects.venue),
                "avoid": [
                    {
                        "by_dimension": p.by_dimension,
                        "by": list(p.by),
                        "to": list(p.to),
                        "mode": p.mode.value if p.mode else None,
                    }
                    for p in expects.avoid
                ],
                "notes": expects.notes,
            }
            if expects
            else None
        ),
        "adhoc": inject.adhoc,
    }


def inject_from_json(data: Mapping[str, Any]) -> Inject:
    """An inject from its JSON form."""
    trigger = data.get("trigger")
    expects = data.get("expects")
    return Inject(
        id=data["id"],
        title=data["title"],
        to=tuple(data.get("to", ())),
        body=data.get("body", ""),
        at=data.get("at"),
        manual=bool(data.get("manual", False)),
        trigger=(
            Trigger(trigger["inject"], TriggerWhen(trigger["when"]), trigger.get("delay", 0))
            if trigger
            else None
        ),
        sender=data.get("from"),
        channel=Channel(data.get("channel", "document")),
        public=bool(data.get("public", False)),
        phase=data.get("phase"),
        dimensions=tuple(data.get("dimensions", ())),
        objectives=tuple(data.get("objectives", ())),
        attachments=tuple(data.get("attachments", ())),
        expects=(
            Expects(
                respond_within=expects.get("respond_within"),
                consult=tuple(expects.get("consult", ())),
                consult_any=tuple(expects.get("consult_any", ())),
                venue=tuple(expects.get("venue", ())),
                avoid=tuple(
                    AvoidPattern(
                        by_dimension=p.get("by_dimension"),
                        by=tuple(p.get("by", ())),
                        to=tuple(p.get("to", ())),
                        mode=ConsultMode(p["mode"]) if p.get("mode") else None,
                    )
                    for p in expects.get("avoid", ())
                ),
                notes=expects.get("notes", ""),
            )
            if expects
            else None
        ),
        adhoc=bool(data.get("adhoc", False)),
    )


def improvement_to_json(item: ImprovementItem) -> Json:
    """The JSON form of an improvement-plan row."""
    return {
        "id": item.id,
        "issue": item.issue,
        "corrective_action": item.corrective_action,
        "capability": item.capability,
        "objective": item.objective,
        "responsible": item.responsible,
        "start": item.start.isoformat() if item.start else None,
        "completion": item.completion.isoformat() if item.completion else None,
    }


def improvement_from_json(data: Mapping[str, Any]) -> ImprovementItem:
    """An improvement-plan row from its JSON form."""
    start, completion = data.get("start"), data.get("completion")
    return ImprovementItem(
        id=data["id"],
        issue=data["issue"],
        corrective_action=data["corrective_action"],
        capability=data.get("capability", ""),
        objective=data.get("objective"),
        responsible=data.get("responsible", ""),
        start=date.fromisoformat(start) if start else None,
        completion=date.fromisoformat(completion) if completion else None,
    )
