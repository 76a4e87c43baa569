"""Reason codes, checklist items and summaries turned into sentences."""

from __future__ import annotations

from desktop.analysis.humanitarian import humanitarian_space
from desktop.domain.expectations import Reason, ReasonCode
from desktop.report.naming import Names, duration, join_words, percent
from desktop.report.sentences import checklist, expectation_text, reason_sentence
from tests.report.records import CONVOY, small_record


def test_reason_codes_become_sentences() -> None:
    record = small_record()
    names = Names(record)
    decisions = {d.id: d for d in record.decisions}

    def say(code: ReasonCode, subject: str = "", first: int | None = 30) -> str:
        return reason_sentence(Reason(code, subject), CONVOY, first, names, decisions)

    assert say(ReasonCode.NO_DECISION_IN_TIME, first=None) == (
        "No decision of the team named this inject."
    )
    assert say(ReasonCode.NO_DECISION_IN_TIME, first=150) == (
        "The first decision came after 2 h 30 min, later than the expected 2 h."
    )
    assert say(ReasonCode.NOT_CONSULTED, "ocha").startswith("OCHA (ocha) was not involved")
    assert say(ReasonCode.NONE_OF_CONSULT_ANY, "gov,cso") == (
        "None of gov or cso was involved; the scenario expected at least one."
    )
    assert say(ReasonCode.NOT_IN_VENUE, "hct") == (
        "No decision was taken in Humanitarian Country Team, the expected forum."
    )
    assert say(ReasonCode.AVOIDED_PATTERN, "d1->ocha") == (
        "In decision d1, srsg tasked ocha, a contact the scenario asks teams to avoid."
    )


def test_expected_reaction() -> None:
    text = expectation_text(CONVOY.expects, Names(small_record()))
    assert text == (
        "Respond within 2 h: involve ocha; decide in Humanitarian Country Team; "
        "avoid political actors tasking ocha."
    )


def test_checklist_items_follow_the_flags() -> None:
    record = small_record()
    escort = humanitarian_space(record).military_asset_requests[0]
    items = {item.question: item.status for item in checklist(escort, record)}
    assert items["Decided by an actor with humanitarian authority"] == "red-flag"
    assert items["Unique capability or timeliness"] == "ok"
    assert items["Unarmed"] == "not-checked"  # an escort is armed by nature
    assert items["Common humanitarian position on the escort"] == "concern"
    assert items["Exit plan back to civilian means"] == "concern"


def test_small_words() -> None:
    assert duration(45) == "45 min"
    assert duration(125) == "2 h 05 min"
    assert duration(1600) == "1 d 2 h 40 min"
    assert duration(None) == "—"
    assert percent(0.004) == "0.4%"
    assert percent(None) == "—"
    assert join_words(["a", "b", "c"], "or") == "a, b or c"
