"""The full record of an exercise as JSON (`coherence export --format json`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.domain.codec import assets_to_json, improvement_to_json
from desktop.domain.records import Decision
from desktop.domain.times import format_stamp
from desktop.services.session import ExerciseSession
from desktop.store.snapshot import load_snapshot

EXPORT_FORMAT = "coherence-export/1"


def export_record(path: Path) -> dict[str, Any]:
    """Read a document without changing it and return its whole record."""
    with ExerciseSession.open(path, read_only=True) as session:
        return record_of(session)


def _stamp(minutes: int | None) -> str | None:
    return None if minutes is None else format_stamp(minutes)


def _decision(decision: Decision) -> dict[str, Any]:
    content = decision.content
    return {
        "id": decision.id,
        "team": decision.team,
        "as": decision.acting_actor,
        "inject": decision.inject,
        "title": content.title,
        "rationale": content.rationale,
        "posture": content.posture.value if content.posture else None,
        "dimensions": list(content.dimensions),
        "venue": content.venue,
        "consulted": [{"actor": c.actor, "mode": c.mode.value} for c in content.consulted],
        "supersedes": content.supersedes,
        "taken_at": _stamp(content.taken_at),
        "recorded_at": format_stamp(decision.recorded_at),
        "military_assets": (
            assets_to_json(content.military_assets) if content.military_assets else None
        ),
        "amendments": decision.amendments,
        "voided": decision.voided,
        "void_reason": decision.void_reason,
        "late": decision.late,
    }


def record_of(session: ExerciseSession) -> dict[str, Any]:
    """The record of an open exercise: snapshot facts, teams, MSEL, entries and events."""
    state = session.exercise.state
    scenario = session.scenario
    stored = load_snapshot(session.document.connection)
    book = state.book
    return {
        "format": EXPORT_FORMAT,
        "exported_by": f"coherence {__version__}",
        "scenario": {
            "id": scenario.id,
            "title": scenario.title,
            "sha256": stored.sha256 if stored else None,
            "yaml": stored.yaml_text.decode("utf-8") if stored else None,
            "media": list(scenario.media),
        },
        "exercise": {
            "lifecycle": state.lifecycle.value,
            "scenario_time": format_stamp(state.last_time),
            "auto_release": state.auto_release,
            "rate": state.clock.rate,
            "phase_changes": [
                {"at": format_stamp(at), "phase": phase} for at, phase in state.phase_changes
            ],
        },
        "teams": [{"id": t.id, "name": t.name, "actors": list(t.actors)} for t in state.team_list],
        "participants": [
            {"name": p.name, "team": p.team, "role": p.role} for p in state.participants
        ],
        "injects": [
            {
                "id": item.inject.id,
                "title": item.inject.title,
                "origin": item.origin.value,
                "phase": item.inject.phase,
                "status": item.status.value,
                "released_at": _stamp(item.released_at),
                "release_cause": item.release_cause,
                "skip_reason": item.skip_reason,
                "dormant": item.dormant,
            }
            for item in state.msel
        ],
        "decisions": [_decision(d) for d in book.decisions.values()],
        "observations": [
            {
                "id": o.id,
                "observer": o.observer,
                "team": o.team,
                "objective": o.objective,
                "kind": o.kind.value,
                "text": o.text,
                "inject": o.inject,
                "recorded_at": format_stamp(o.recorded_at),
                "voided": o.voided,
                "late": o.late,
            }
            for o in book.observations.values()
        ],
        "ratings": [
            {
                "id": r.id,
                "observer": r.observer,
                "team": r.team,
                "objective": r.objective,
                "rating": r.rating.value,
                "final": r.final,
                "note": r.note,
                "recorded_at": format_stamp(r.recorded_at),
                "voided": r.voided,
                "late": r.late,
            }
            for r in book.ratings.values()
        ],
        "replies": [
            {
                "team": r.team,
                "from": r.sender,
                "text": r.text,
                "at": format_stamp(r.at),
                "inject": r.inject,
            }
            for r in book.replies
        ],
        "improvement_plan": [improvement_to_json(i) for i in book.improvements.values()],
        "debrief_notes": [
            {"id": n.id, "section": n.section, "text": n.text} for n in book.debrief_notes.values()
        ],
        "events": [
            {
                "seq": e.seq,
                "id": e.id,
                "kind": e.kind.value,
                "wall_time": e.wall_time.isoformat(),
                "scenario_time": format_stamp(e.scenario_time),
                "by": e.by,
                "payload": dict(e.payload),
                "v": e.v,
            }
            for e in session.events()
        ],
    }
