"""The console's service: inject states as the facilitator sees them, and change notice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop.domain import commands as c
from desktop.domain.events import Event, EventKind
from desktop.domain.records import DecisionContent
from desktop.domain.times import parse_stamp
from desktop.services.console import ConsoleService, DecisionFilter, DecisionSort
from desktop.services.console_views import InjectDisplayStatus as S
from tests.ui.documents import new_console


@pytest.fixture
def service(tmp_path: Path) -> Iterator[ConsoleService]:
    opened = new_console(tmp_path)  # started and paused at D+0 08:00, auto-release on
    yield opened
    opened.close()


def status(service: ConsoleService, inject: str) -> S:
    return service.inject(inject).status


def test_with_automatic_release_a_jump_leaves_injects_pending_not_due(
    service: ConsoleService,
) -> None:
    """conv-01 (D+0 09:00) will go out by itself when the clock runs: not "due"."""
    service.execute(c.Jump(parse_stamp("D+0 10:00")))
    assert status(service, "conv-01") is S.PENDING
    assert service.due_injects() == ()


def test_without_automatic_release_an_inject_whose_time_has_come_is_due(
    service: ConsoleService,
) -> None:
    service.execute(c.SetAutoRelease(False))
    assert status(service, "conv-01") is S.PENDING  # 09:00 has not come
    service.execute(c.Jump(parse_stamp("D+0 09:00")))
    assert status(service, "conv-01") is S.DUE
    assert [v.id for v in service.due_injects()] == ["conv-01"]
    service.execute(c.Release("conv-01"))
    assert status(service, "conv-01") is S.RELEASED
    service.execute(c.Hold("conv-02"))
    assert status(service, "conv-02") is S.HELD


def test_every_commit_is_announced_to_every_listener(service: ConsoleService) -> None:
    heard: list[list[EventKind]] = []

    def listener(events: Sequence[Event]) -> None:
        heard.append([event.kind for event in events])

    stop = service.subscribe(listener)
    service.execute(c.Release("conv-01"))
    stop()
    service.execute(c.Release("conv-02"))
    assert heard == [[EventKind.INJECT_RELEASED]]


def test_the_decision_log_pages_are_filtered_and_sorted_by_the_database(
    service: ConsoleService,
) -> None:
    service.execute(c.Release("conv-01"))
    for number, team, actor in (
        (1, "humanitarian", "ocha"),
        (2, "unct", "dsrsg-rchc"),
        (3, "humanitarian", "wfp"),
    ):
        content = DecisionContent(title=f"Decision {number} on convoy access")
        service.execute(c.RecordDecision(team, actor, "conv-01", content))
    page = service.decision_page(DecisionFilter(teams=("humanitarian",)))
    assert page.total == 2
    assert [item.title for item in page.rows] == [
        "Decision 1 on convoy access",
        "Decision 3 on convoy access",
    ]
    newest_first = service.decision_rows(DecisionFilter(), DecisionSort.RECORDED, True, 0, 2)
    assert [item.title[:10] for item in newest_first] == ["Decision 3", "Decision 2"]
    assert service.count_decisions(DecisionFilter(text="DECISION 2")) == 1  # any case
    assert service.count_decisions(DecisionFilter(text="100%")) == 0  # % is not a wildcard
