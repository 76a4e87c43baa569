"""The coherence indicators: DESIGN.md "Coherence indicators", counted by hand."""

from __future__ import annotations

import pytest

from desktop.analysis.coherence import (
    Ratio,
    TeamRatio,
    agency,
    alignment,
    alignment_society,
    coherence_figures,
    harmonization,
    whole_of_un,
)
from desktop.domain.enums import ConsultMode, Posture, Sector
from tests.analysis.builders import (
    EXTERNAL,
    HUMANITARIAN,
    INTERNAL,
    UN_HQ,
    UNCT,
    actor,
    decision,
    record,
    scenario,
    team,
)

TASK = ConsultMode.TASK
INFORM = ConsultMode.INFORM
SCENARIO = scenario(
    [
        actor("srsg"),
        actor("rchc"),
        actor("undp", UNCT),
        actor("dpo", UN_HQ),
        actor("ocha", HUMANITARIAN),
        actor("ngo", HUMANITARIAN, "NGO:Relief"),
        actor("au", EXTERNAL, "AU"),
        actor("gov", INTERNAL, "Government", sector=Sector.GOVERNMENT),
        actor("camp", INTERNAL, "Camp committee", sector=Sector.SOCIETY),
    ]
)
TEAMS = (team("t1", "srsg", "rchc"), team("t2", "undp", "ocha", "ngo", "au"), team("t3", "gov"))


def test_agency_with_reversals() -> None:
    """t1: a1 cooperate; a2 -> a1 decline (a reversal); a3 -> a2 decline (same posture);
    a4 -> a3 coexist but voided (left out); a5 -> a1 with no posture (no evidence).
    t1 = (4 live - 1 reversal) / 4 = 3/4.
    t2: b1 coordinate, voided; b2 -> b1 cooperate: superseding a voided entry is no
    reversal, so 1/1. t3: no decisions, null. Overall (3 + 1) / (4 + 1) = 4/5.
    """
    decisions = [
        decision("a1", "t1", "srsg", posture=Posture.COOPERATE),
        decision("a2", "t1", "srsg", posture=Posture.DECLINE, supersedes="a1"),
        decision("a3", "t1", "rchc", posture=Posture.DECLINE, supersedes="a2"),
        decision("a4", "t1", "srsg", posture=Posture.COEXIST, supersedes="a3", voided=True),
        decision("a5", "t1", "srsg", supersedes="a1"),
        decision("b1", "t2", "undp", posture=Posture.COORDINATE, voided=True),
        decision("b2", "t2", "undp", posture=Posture.COOPERATE, supersedes="b1"),
    ]
    result = agency(record(SCENARIO, TEAMS, decisions))
    assert result.overall == Ratio(4, 5)
    assert result.overall.value == pytest.approx(0.8)
    assert result.teams == (
        TeamRatio("t1", Ratio(3, 4)),
        TeamRatio("t2", Ratio(1, 1)),
        TeamRatio("t3", Ratio(0, 0)),
    )
    assert result.teams[2].ratio.value is None


def test_whole_of_un_excludes_task_and_counts_a_decision_once() -> None:
    """UN-category acting actors: w1, w2, w3 (w4 is humanitarian, w5 voided).
    w1 srsg->rchc: same category, no. w2 srsg->undp by task, ->rchc: no.
    w3 rchc->undp and ->dpo (inform counts): yes, once. 1/3.
    """
    decisions = [
        decision("w1", "t1", "srsg", "rchc"),
        decision("w2", "t1", "srsg", ("undp", TASK), "rchc"),
        decision("w3", "t1", "rchc", "undp", ("dpo", INFORM)),
        decision("w4", "t2", "ocha", "undp"),
        decision("w5", "t2", "undp", "srsg", voided=True),
    ]
    assert whole_of_un(record(SCENARIO, TEAMS, decisions)) == Ratio(1, 3)


HARMONY = [
    decision("h1", "t1", "srsg", "au"),  # UN -> AU: another organisation
    decision("h2", "t1", "srsg", "ocha"),  # UN -> UN: same organisation
    decision("h3", "t1", "srsg", "gov"),  # internal: alignment only
    decision("h4", "t2", "au", ("ngo", TASK)),  # task never counts
    decision("h5", "t3", "gov", "au"),  # acting internal: in no denominator
    decision("h6", "t2", "ngo", "ocha", "au"),  # NGO -> UN and AU: counts once
    decision("h7", "t2", "au", "camp", ("gov", TASK)),  # society, by consult
    decision("h8", "t1", "srsg", ("camp", TASK)),  # task never counts
]


def test_harmonization() -> None:
    """Non-internal acting: h1 h2 h3 h4 h6 h7 h8 = 7; another organisation, not internal,
    not task: h1, h6 = 2. 2/7."""
    assert harmonization(record(SCENARIO, TEAMS, HARMONY)) == Ratio(2, 7)


def test_alignment_and_society() -> None:
    """Same 7 decisions; an internal actor consulted (not by task): h3 (gov), h7 (camp) =
    2/7; of sector society: h7 only = 1/7 (h8 tasks camp)."""
    the_record = record(SCENARIO, TEAMS, HARMONY)
    assert alignment(the_record) == Ratio(2, 7)
    assert alignment_society(the_record) == Ratio(1, 7)


def test_zero_denominators_are_null() -> None:
    """Without decisions every ratio is 0/0 with a null value."""
    figures = coherence_figures(record(SCENARIO, TEAMS))
    for ratio in (
        figures.agency.overall,
        figures.whole_of_un,
        figures.harmonization,
        figures.alignment,
        figures.alignment_society,
    ):
        assert ratio == Ratio(0, 0)
        assert ratio.value is None
