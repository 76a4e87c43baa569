"""The debrief view's reads: the record cut at a time, networks, ids, and saving the plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain import commands as c
from desktop.domain.events import EventKind
from desktop.domain.records import ImprovementItem
from desktop.services.debrief import load_record
from desktop.services.debrief_view import (
    axis_minute,
    figures_until,
    load_debrief,
    network_picture,
    new_improvement_id,
    record_until,
    save_improvement_item,
    select_decisions,
)
from desktop.services.session import ExerciseSession


def decisions_from_log(path: Path, minute: int) -> int:
    """Live decisions taken at or before `minute`, counted straight from the log."""
    taken: dict[str, int] = {}
    voided: set[str] = set()
    with ExerciseSession.open(path, read_only=True) as session:
        for event in session.events():
            if event.kind is EventKind.DECISION_RECORDED:
                at = event.payload.get("taken_at")
                taken[event.payload["id"]] = event.scenario_time if at is None else at
            elif event.kind is EventKind.DECISION_VOIDED:
                voided.add(event.payload["decision"])
    return sum(1 for d, at in taken.items() if at <= minute and d not in voided)


@pytest.mark.parametrize("minute", [600, 859, 860, 900, 2100, 5100, 20_000])
def test_decisions_until_match_the_log(simulated_run: Path, minute: int) -> None:
    data = load_debrief(simulated_run)
    assert len(data.decisions_until(minute)) == decisions_from_log(simulated_run, minute)
    assert len(select_decisions(data.record, until=minute)) == len(data.decisions_until(minute))


def test_the_cut_uses_taken_at_not_the_recording_time(simulated_run: Path) -> None:
    # d1 (D+0 10:30) and d2 (13:00) are in; d3 was recorded at 15:00 but taken at 14:20.
    data = load_debrief(simulated_run)
    assert [d.id for d in data.decisions_until(859)] == ["d1", "d2"]
    assert [d.id for d in data.decisions_until(860)] == ["d1", "d2", "d3"]
    # d1: OCHA to WFP, IDP leaders, DSRSG (3); d2: FC to WFP, Interior (2); d3: 4 more.
    assert data.network_until(859).summary.edges == 5
    assert data.network_until(860).summary.edges == 9
    assert data.network_until(860).summary.consultations == 9


def test_record_until_hides_later_releases_and_entries(simulated_run: Path) -> None:
    record = load_record(simulated_run)
    cut = record_until(record, 700)  # D+0 11:40
    released = {r.inject.id for r in cut.injects if r.released_at is not None}
    assert released == {"conv-01", "conv-01a", "conv-02"}
    assert len(cut.injects) == len(record.injects)
    assert [d.id for d in cut.live_decisions] == ["d1"]
    assert all(o.recorded_at <= 700 for o in cut.observations)
    figures = figures_until(record, 700)
    assert figures["network"]["decisions"] == 1
    assert figures["network"]["edges"] == 3


def test_network_picture_counts_each_actor(simulated_run: Path) -> None:
    record = load_record(simulated_run)
    picture = network_picture(record, select_decisions(record, until=860))
    ocha = picture.stats["ocha"]
    # OCHA consulted three actors in d1 and was consulted by the DSRSG in d3.
    assert (ocha.consultations_out, ocha.consultations_in, ocha.degree) == (3, 1, 3)
    assert picture.stats["ivdf"].degree == 0
    assert "ivdf" not in picture.engaged


def test_phase_and_team_filters(simulated_run: Path) -> None:
    record = load_record(simulated_run)
    team = select_decisions(record, team="unct")
    assert [d.id for d in team] == ["d3", "d7", "d12"]
    # The facilitator moved to consolidation at D+5 14:00 (8040): d11 and d12 are in it.
    assert [d.id for d in select_decisions(record, phase="consolidation")] == ["d11", "d12"]


def test_axis_minute_inverts_the_axis(simulated_run: Path) -> None:
    data = load_debrief(simulated_run)
    axis = data.axis()
    for minute in (data.start, 600, 900, 2100, data.end):
        assert axis_minute(axis, axis.x(minute)) == minute
    assert axis_minute(axis, axis.length) == axis.segments[-1][1]


def test_new_improvement_ids_count_up() -> None:
    item = ImprovementItem("ip-48", "issue", "action")
    other = ImprovementItem("custom", "issue", "action")
    assert new_improvement_id([]) == "ip-1"
    assert new_improvement_id([item, other]) == "ip-49"


def test_save_through_a_callable_passes_the_command() -> None:
    sent: list[c.Command] = []
    item = ImprovementItem("ip-1", "Slow HCT", "Standing HCT call", start=date(2031, 6, 1))

    def execute(command: c.Command) -> list[object]:
        sent.append(command)
        return []

    assert save_improvement_item(execute, item) == []
    assert sent == [c.SaveImprovementItem(item)]


def test_save_to_a_document_stores_the_row(simulated_run: Path) -> None:
    before = load_record(simulated_run).improvements
    item = ImprovementItem(new_improvement_id(before), "Slow HCT", "Standing HCT call")
    save_improvement_item(simulated_run, item)
    after = load_record(simulated_run).improvements
    assert after == (*before, item)
    assert load_debrief(simulated_run).figures["evaluation"]["improvement_plan"][-1]["id"] == (
        item.id
    )


def test_load_debrief_reports_progress_and_bounds(simulated_run: Path) -> None:
    steps: list[tuple[int, int]] = []
    data = load_debrief(simulated_run, lambda done, total, _: steps.append((done, total)))
    assert steps[0] == (0, 4)
    assert steps[-1] == (4, 4)
    assert data.start == 8 * 60  # started at D+0 08:00
    assert data.end >= max(m.minute for m in data.marks)
    assert set(data.positions) == {a.id for a in data.record.scenario.actors}
    assert data.writable
