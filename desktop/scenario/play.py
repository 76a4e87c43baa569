"""Loading a play script and checking it against its scenario."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.domain import commands as c
from desktop.domain.records import ImprovementItem, Participant
from desktop.domain.scenario import Scenario, Team
from desktop.domain.times import format_stamp, parse_stamp
from desktop.scenario.convert import (
    assets_from_model,
    consultations,
    content_from_model,
    inject_from_model,
    team_from_model,
)
from desktop.scenario.diagnostics import Diagnostic, InvalidFile, Reporter, Severity
from desktop.scenario.play_checks import check_play
from desktop.scenario.play_models import PLAY_FORMAT, PlayModel, StepModel
from desktop.scenario.source import display_name, read_yaml_file
from desktop.scenario.yaml_source import YamlDocument


@dataclass(frozen=True)
class PlayStep:
    """One step: its time, its command, and where it was written."""

    index: int
    at: int
    action: str
    command: c.Command
    line: int | None

    @property
    def label(self) -> str:
        """How messages name the step: `steps[12] (decision at D+3 10:00)`."""
        return f"steps[{self.index}] ({self.action} at {format_stamp(self.at)})"


@dataclass(frozen=True)
class PlayScript:
    """A validated play script, ready to drive the engine."""

    path: Path
    scenario_ref: str
    scenario_line: int | None
    scenario_column: int | None
    auto_release: bool
    teams: tuple[Team, ...]
    participants: tuple[Participant, ...]
    steps: tuple[PlayStep, ...]
    stopped_by: Diagnostic | None = None
    """The first error, when only the steps before it are usable."""
    total_steps: int = 0
    """How many steps the file has (more than `steps` when `stopped_by` is set)."""


def read_play_model(path: Path) -> tuple[YamlDocument, PlayModel, Reporter]:
    """A play file's shape, without checking it against a scenario."""
    _, document = read_yaml_file(path)
    report = Reporter(display_name(path), document)
    raw: Any = document.data
    if isinstance(raw, dict) and raw.get("format") != PLAY_FORMAT:
        found = raw.get("format")
        report.error(
            ("format",) if "format" in raw else (),
            f"expected format: {PLAY_FORMAT}"
            + (f", found '{found}'" if found is not None else " (the key is missing)"),
        )
        raise InvalidFile(report.sorted())
    try:
        model = PlayModel.model_validate(raw)
    except ValidationError as error:
        report.add_validation_error(error, PlayModel, raw)
        raise InvalidFile(report.sorted()) from None
    return document, model, report


def load_play(path: Path, scenario: Scenario, *, up_to_bad_step: bool = False) -> PlayScript:
    """Load a play script and check every reference against `scenario`.

    Raises `InvalidFile` listing every error. With `up_to_bad_step`, errors that lie only
    in steps do not raise: the script keeps the steps before the first bad one and names
    that error in `stopped_by`, so a simulation can run the valid prefix (DESIGN.md: the
    steps before an invalid step stay committed). What only play can show (an inject not
    yet released, say) is found by the engine during simulation.
    """
    document, model, report = read_play_model(path)
    teams = tuple(team_from_model(t) for t in model.teams) if model.teams else scenario.teams
    check_play(model, scenario, teams, report)
    stopped_by: Diagnostic | None = None
    usable = len(model.steps)
    if report.has_errors:
        errors = [d for d in report.sorted() if d.severity is Severity.ERROR]
        in_steps = [d for d in errors if _step_index(d) is not None]
        if not up_to_bad_step or len(in_steps) != len(errors):
            raise InvalidFile(report.sorted())
        stopped_by = min(in_steps, key=lambda d: (_step_index(d), d.line or 0, d.column or 0))
        usable = _step_index(stopped_by) or 0
    steps = tuple(
        PlayStep(
            index=index,
            at=parse_stamp(step.at),
            action=step.action,
            command=step_command(step, index),
            line=document.mark_for(("steps", index)).line,
        )
        for index, step in enumerate(model.steps[:usable])
    )
    mark = document.mark_for(("scenario",))
    return PlayScript(
        path=path,
        scenario_ref=model.scenario,
        scenario_line=mark.line,
        scenario_column=mark.column,
        auto_release=model.auto_release,
        teams=teams,
        participants=tuple(Participant(p.name, p.team, p.role) for p in model.participants),
        steps=steps,
        stopped_by=stopped_by,
        total_steps=len(model.steps),
    )


def _step_index(diagnostic: Diagnostic) -> int | None:
    path = diagnostic.path
    if len(path) >= 2 and path[0] == "steps" and isinstance(path[1], int):
        return path[1]
    return None


def step_command(step: StepModel, index: int) -> c.Command:
    """The engine command of a checked step."""
    action = step.action
    value: Any = getattr(step, action)
    simple: dict[str, Any] = {
        "start": lambda: c.Start(parse_stamp(step.at)),
        "release": lambda: c.Release(value),
        "hold": lambda: c.Hold(value),
        "skip": lambda: c.Skip(value, step.reason or ""),
        "phase": lambda: c.ChangePhase(value),
        "pause": lambda: c.Pause(value.reason if value else (step.reason or "")),
        "resume": lambda: c.Resume(),
        "rate": lambda: c.SetRate(float(value)),
        "jump": lambda: c.Jump(parse_stamp(value)),
        "end": lambda: c.End(),
        "add": lambda: c.AddInject(inject_from_model(value, adhoc=True)),
        "auto_release": lambda: c.SetAutoRelease(bool(value)),
    }
    if action in simple:
        command: c.Command = simple[action]()
        return command
    if action == "decision":
        return c.RecordDecision(
            team=value.team,
            acting_actor=value.acting_actor,
            inject=value.inject,
            content=content_from_model(value),
            decision_id=value.id or step.id,
        )
    if action == "amend":
        return c.AmendDecision(value.decision, changes=amend_changes(value))
    if action == "void":
        reason = value.reason or step.reason or ""
        if value.decision:
            return c.VoidDecision(value.decision, reason)
        if value.observation:
            return c.VoidObservation(value.observation, reason)
        return c.VoidRating(value.rating, reason)
    if action == "observation":
        return c.RecordObservation(
            observer=value.observer,
            team=value.team,
            objective=value.objective,
            kind=value.kind,
            text=value.text,
            inject=value.inject,
            observation_id=value.id or step.id,
        )
    if action == "rating":
        return c.RecordRating(
            observer=value.observer,
            team=value.team,
            objective=value.objective,
            rating=value.rating,
            final=value.final,
            note=value.note,
            rating_id=value.id or step.id,
        )
    if action == "reply":
        return c.ReplyAsControl(value.team, value.sender, value.text, value.inject)
    if action == "debrief_note":
        return c.SaveDebriefNote(
            note_id=value.id or step.id or f"note-{index}", text=value.text, section=value.section
        )
    if action == "improvement":
        return c.SaveImprovementItem(
            ImprovementItem(
                id=value.id or step.id or f"ip-{index}",
                issue=value.issue,
                corrective_action=value.corrective_action,
                capability=value.capability,
                objective=value.objective,
                responsible=value.responsible,
                start=value.start,
                completion=value.completion,
            )
        )
    raise ValueError(f"unknown step action {action!r}")  # pragma: no cover


def amend_changes(model: Any) -> dict[str, Any]:
    """The fields an `amend` step gives, in the JSON form of decision payloads."""
    changes: dict[str, Any] = {}
    for name in model.model_fields_set - {"decision"}:
        value = getattr(model, name)
        if name == "consulted":
            value = [{"actor": x.actor, "mode": x.mode.value} for x in consultations(value or [])]
        elif name == "taken_at":
            value = parse_stamp(value) if value else None
        elif name == "military_assets":
            from desktop.domain.codec import assets_to_json

            value = assets_to_json(assets_from_model(value)) if value else None
        elif name == "posture":
            value = value.value if value else None
        elif name == "dimensions":
            value = list(value or [])
        changes[name] = value
    return changes
