"""The human summary of a document (`coherence info`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.domain.enums import InjectOrigin, InjectStatus
from desktop.domain.phases import phase_in_force
from desktop.domain.times import format_stamp
from desktop.services.read_models import ExerciseSummary, InjectCounts, RecordCounts, TeamSummary
from desktop.services.session import ExerciseSession
from desktop.services.simulate import PLAY_KEY, STEPS_DONE_KEY, STEPS_TOTAL_KEY
from desktop.store.event_log import log_span
from desktop.store.snapshot import get_info, load_snapshot


def summarize(path: Path) -> ExerciseSummary:
    """Read a document without changing it and summarise the exercise."""
    with ExerciseSession.open(path, read_only=True) as session:
        return summarize_session(session)


def summarize_session(session: ExerciseSession) -> ExerciseSummary:
    """Summarise an open exercise."""
    connection = session.document.connection
    state = session.exercise.state
    scenario = session.scenario
    stored = load_snapshot(connection)
    # The log was replayed when the session opened; only its bounds are read here.
    events, first_wall, last_wall = log_span(connection)
    book = state.book
    decisions_by_team: dict[str, int] = {}
    for decision in book.decisions.values():
        if not decision.voided:
            decisions_by_team[decision.team] = decisions_by_team.get(decision.team, 0) + 1
    teams = tuple(
        TeamSummary(
            id=team.id,
            name=team.name,
            actors=team.actors,
            participants=sum(1 for p in state.participants if p.team == team.id),
            decisions=decisions_by_team.get(team.id, 0),
        )
        for team in state.team_list
    )
    msel = list(state.msel)
    injects = InjectCounts(
        total=len(msel),
        released=sum(1 for i in msel if i.status is InjectStatus.RELEASED),
        pending=sum(1 for i in msel if i.status is InjectStatus.PENDING and not i.dormant),
        held=sum(1 for i in msel if i.status is InjectStatus.HELD),
        skipped=sum(1 for i in msel if i.status is InjectStatus.SKIPPED),
        dormant=sum(1 for i in msel if i.dormant and i.status is InjectStatus.PENDING),
        adhoc=sum(1 for i in msel if i.origin is InjectOrigin.ADHOC),
    )
    late = sum(1 for d in book.decisions.values() if d.late)
    late += sum(1 for o in book.observations.values() if o.late)
    late += sum(1 for r in book.ratings.values() if r.late)
    records = RecordCounts(
        decisions=len(book.decisions),
        voided_decisions=sum(1 for d in book.decisions.values() if d.voided),
        amended_decisions=sum(1 for d in book.decisions.values() if d.amendments),
        late_entries=late,
        observations=sum(1 for o in book.observations.values() if not o.voided),
        ratings=sum(1 for r in book.ratings.values() if not r.voided),
        replies=len(book.replies),
        improvement_items=len(book.improvements),
    )
    now = state.last_time
    done = get_info(connection, STEPS_DONE_KEY)
    total = get_info(connection, STEPS_TOTAL_KEY)
    return ExerciseSummary(
        path=str(session.document.path),
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        scenario_sha256=stored.sha256 if stored else "",
        country=scenario.setting.country,
        mission=scenario.setting.mission,
        created_with=state.created_with,
        lifecycle=state.lifecycle.value,
        pause_reason=state.pause_reason,
        scenario_time=format_stamp(now),
        phase=phase_in_force(now, scenario.phases, state.phase_changes),
        auto_release=state.auto_release,
        rate=state.clock.rate,
        teams=teams,
        injects=injects,
        records=records,
        events=events,
        first_wall_time=_seconds(first_wall),
        last_wall_time=_seconds(last_wall),
        play=get_info(connection, PLAY_KEY),
        play_steps_done=int(done) if done is not None else None,
        play_steps_total=int(total) if total is not None else None,
    )


def _seconds(wall: str | None) -> str | None:
    """An ISO wall time to the second."""
    return None if wall is None else datetime.fromisoformat(wall).isoformat(timespec="seconds")
