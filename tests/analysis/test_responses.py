"""Per inject and target team, and per team: DESIGN.md "Per inject and target team"."""

from __future__ import annotations

from dataclasses import replace

from desktop.analysis.responses import (
    ExpectationCounts,
    InjectResponses,
    TeamResponses,
    response_figures,
)
from desktop.domain.enums import ConsultMode
from desktop.domain.expectations import ExpectationStatus, Reason, ReasonCode
from desktop.domain.scenario import Expects, Inject
from tests.analysis.builders import HUMANITARIAN, actor, decision, record, scenario, team

SCENARIO = scenario(
    [actor("srsg"), actor("rchc"), actor("ocha", HUMANITARIAN), actor("unhcr", HUMANITARIAN)]
)
LEAD = team("lead", "srsg")
UNCT = team("unct", "rchc")
HUM = team("hum", "ocha", "unhcr")
TEAMS = (LEAD, UNCT, HUM)

# Addressed to team `lead` by team id and to team `unct` through its actor `rchc`.
CONVOY = Inject("convoy", "Convoy blocked", ("lead", "rchc"))
NEVER = Inject("never", "Never released", ("all",))
BALLOT = Inject(
    "ballot",
    "Ballots",
    ("lead", "unct"),
    expects=Expects(respond_within=60, consult=("ocha",)),
)


def _by_inject(figures: tuple[InjectResponses, ...]) -> dict[str, InjectResponses]:
    return {f.inject: f for f in figures}


def _by_team(figures: tuple[TeamResponses, ...]) -> dict[str, TeamResponses]:
    return {f.team: f for f in figures}


def test_first_response_uses_taken_at_and_ignores_voided() -> None:
    """The first decision is the earliest `taken_at` (or recording time), voided excluded."""
    decisions = [
        # Voided at 610: would be 10 minutes, but voided decisions leave the figures.
        decision("d0", "lead", "srsg", inject="convoy", at=610, voided=True),
        # Recorded at 700 but taken at 630: 630 - 600 = 30 minutes.
        decision("d1", "lead", "srsg", inject="convoy", at=700, taken_at=630),
        # Recorded at 660: 60 minutes, later than d1's 30.
        decision("d2", "lead", "srsg", inject="convoy", at=660),
    ]
    figures = response_figures(record(SCENARIO, TEAMS, decisions, injects=[(CONVOY, 600)]))
    convoy = _by_inject(figures.injects)["convoy"]
    assert convoy.released_at == 600
    # Targets in team order: lead (by id) and unct (through its actor rchc); not hum.
    assert [t.team for t in convoy.targets] == ["lead", "unct"]
    lead, unct = convoy.targets
    assert lead.first_response_minutes == 30
    assert lead.expectation is ExpectationStatus.NOT_APPLICABLE
    assert unct.first_response_minutes is None
    teams = _by_team(figures.teams)
    assert teams["lead"].decisions == 2  # d1, d2; d0 voided
    assert teams["lead"].median_response_minutes == 30
    assert teams["unct"].unanswered == ("convoy",)
    assert teams["unct"].median_response_minutes is None
    # n/a expectations are in no count.
    assert teams["lead"].expectations == ExpectationCounts(0, 0, 0)


def test_never_released_inject_has_no_targets() -> None:
    """A never-released inject: released_at null, targets [], unanswered by nobody."""
    figures = response_figures(record(SCENARIO, TEAMS, injects=[(NEVER, None)]))
    assert figures.injects == (InjectResponses("never", None, ()),)
    assert all(t.unanswered == () for t in figures.teams)


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    """Team lead answers four injects after 10, 20, 45 and 100 minutes: (20 + 45) / 2."""
    injects = [(Inject(f"i{k}", "I", ("lead",)), 100 * k) for k in range(4)]
    delays = [10, 100, 20, 45]  # unsorted on purpose
    decisions = [
        decision(f"d{k}", "lead", "srsg", inject=f"i{k}", at=100 * k + delay)
        for k, delay in enumerate(delays)
    ]
    figures = response_figures(record(SCENARIO, TEAMS, decisions, injects=injects))
    lead = _by_team(figures.teams)["lead"]
    assert lead.median_response_minutes == 32.5  # sorted 10, 20, 45, 100 -> (20 + 45) / 2
    assert lead.answered == 4
    assert lead.unanswered == ()


def test_non_target_team_counts_nowhere_here() -> None:
    """A decision by a team the inject is not addressed to is not a response to it."""
    decisions = [decision("d1", "hum", "ocha", inject="convoy", at=605)]
    figures = response_figures(record(SCENARIO, TEAMS, decisions, injects=[(CONVOY, 600)]))
    convoy = _by_inject(figures.injects)["convoy"]
    assert all(t.first_response_minutes is None for t in convoy.targets)
    hum = _by_team(figures.teams)["hum"]
    assert hum.decisions == 1
    assert hum.unanswered == ()
    assert hum.median_response_minutes is None


def test_expectations_per_target_team() -> None:
    """Released at 600, respond within 60 and consult ocha.

    lead: at 630 with ocha -> met; unct: at 700 (100 minutes, past the deadline at 660)
    -> unmet, although its first response is still reported (100); a decision without
    ocha in time -> partial.
    """
    decisions = [
        decision("d1", "lead", "srsg", ("ocha", ConsultMode.INFORM), inject="ballot", at=630),
        decision("d2", "unct", "rchc", "ocha", inject="ballot", at=700),
    ]
    figures = response_figures(record(SCENARIO, TEAMS, decisions, injects=[(BALLOT, 600)]))
    lead, unct = _by_inject(figures.injects)["ballot"].targets
    assert (lead.expectation, lead.reasons) == (ExpectationStatus.MET, ())
    assert unct.first_response_minutes == 100
    assert unct.expectation is ExpectationStatus.UNMET
    assert unct.reasons == (Reason(ReasonCode.NO_DECISION_IN_TIME),)
    teams = _by_team(figures.teams)
    assert teams["lead"].expectations == ExpectationCounts(met=1)
    assert teams["unct"].expectations == ExpectationCounts(unmet=1)

    late_partial = [decision("d3", "unct", "rchc", "unhcr", inject="ballot", at=650)]
    figures = response_figures(record(SCENARIO, TEAMS, late_partial, injects=[(BALLOT, 600)]))
    lead, unct = _by_inject(figures.injects)["ballot"].targets
    assert unct.expectation is ExpectationStatus.PARTIAL
    assert unct.reasons == (Reason(ReasonCode.NOT_CONSULTED, "ocha"),)
    assert lead.expectation is ExpectationStatus.UNMET
    assert _by_team(figures.teams)["unct"].expectations == ExpectationCounts(partial=1)


def test_amendments_do_not_add_decisions_and_adhoc_counts() -> None:
    """A decision amended twice is one decision; an ad-hoc inject counts like any other."""
    adhoc = Inject("adhoc-1", "Phone call", ("unct",), adhoc=True)
    amended = replace(decision("d1", "unct", "rchc", inject="adhoc-1", at=1000), amendments=2)
    figures = response_figures(record(SCENARIO, TEAMS, [amended], injects=[(adhoc, 990)]))
    unct = _by_team(figures.teams)["unct"]
    assert unct.decisions == 1
    assert unct.median_response_minutes == 10  # 1000 - 990
    assert [t.team for t in figures.injects[0].targets] == ["unct"]
