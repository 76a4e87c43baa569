"""The text `coherence info` prints."""

from __future__ import annotations

from desktop.services.read_models import ExerciseSummary


def render_summary(summary: ExerciseSummary) -> str:
    """A plain-text summary of an exercise document for a person."""
    state = summary.lifecycle
    if summary.pause_reason:
        state += f" ({summary.pause_reason})"
    lines = [
        f"Exercise document  {summary.path}",
        f"Scenario           {summary.scenario_title} [{summary.scenario_id}]",
        f"Setting            {summary.country}: {summary.mission}",
        f"State              {state} at {summary.scenario_time}"
        + (f", phase {summary.phase}" if summary.phase else ""),
        f"Clock              rate {summary.rate:g}x, automatic release "
        + ("on" if summary.auto_release else "off"),
    ]
    if summary.play is not None:
        lines.append(
            f"Simulated from     {summary.play}: "
            f"{summary.play_steps_done} of {summary.play_steps_total} steps"
        )
    injects = summary.injects
    lines += [
        f"Injects            {injects.released} released, {injects.pending} pending, "
        f"{injects.held} held, {injects.skipped} skipped, {injects.dormant} not triggered "
        f"({injects.total} in all, {injects.adhoc} ad hoc)",
    ]
    records = summary.records
    lines += [
        f"Decisions          {records.decisions - records.voided_decisions} "
        f"({records.voided_decisions} voided, {records.amended_decisions} amended)",
        f"Evaluation         {records.observations} observations, {records.ratings} ratings, "
        f"{records.improvement_items} improvement items",
        f"Control replies    {records.replies}",
    ]
    if records.late_entries:
        lines.append(f"Late entries       {records.late_entries} (added after the end)")
    lines.append(
        f"Log                {summary.events} events"
        + (
            f", {summary.first_wall_time} to {summary.last_wall_time} (UTC)"
            if summary.first_wall_time
            else ""
        )
    )
    lines.append("Teams")
    for team in summary.teams:
        lines.append(
            f"  {team.name} [{team.id}]: {', '.join(team.actors)}; "
            f"{team.participants} participants, {team.decisions} decisions"
        )
    return "\n".join(lines)
