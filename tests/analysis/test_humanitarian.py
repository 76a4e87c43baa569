"""Humanitarian space: DESIGN.md "Humanitarian space" and PRIMER.md §5's checklist."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.analysis.humanitarian import (
    AssetAssessment,
    BreachReason,
    Concern,
    FirewallBreach,
    RedFlag,
    Verdict,
    firewall_breaches,
    military_asset_requests,
)
from desktop.domain.enums import AssetPurpose, AssetTask, AssetUniqueness, ConsultMode
from desktop.domain.records import MilitaryAssets
from desktop.domain.scenario import AvoidPattern, Expects, Inject, Mechanism
from tests.analysis.builders import HUMANITARIAN, UNCT, actor, decision, record, scenario, team

TASK = ConsultMode.TASK
SCENARIO = scenario(
    [
        actor("fc", dimensions=("security",)),
        actor("srsg", dimensions=("political",)),
        actor("rchc", dimensions=("humanitarian",), authority=True),
        actor("undp", UNCT, dimensions=("development",)),
        # Behind the firewall, though political: its own tasking is no breach.
        actor("hc-office", HUMANITARIAN, dimensions=("political",)),
        actor("ocha", HUMANITARIAN, dimensions=("humanitarian",)),
        actor("wfp", HUMANITARIAN, dimensions=("humanitarian",)),
    ],
    mechanisms=[
        Mechanism("hct", "Humanitarian Country Team", ("rchc", "ocha", "wfp")),
        Mechanism("smt", "Security Management Team", ("fc", "srsg", "rchc")),
    ],
)
TEAMS = (team("mission", "fc", "srsg", "rchc"), team("others", "undp", "hc-office", "ocha"))
ESCORTS = Inject(
    "escorts",
    "Escort request",
    ("mission",),
    expects=Expects(avoid=(AvoidPattern(by_dimension="security", to=("ocha", "wfp")),)),
)


def test_firewall_breaches_by_task_and_avoid_pattern_each_pair_once() -> None:
    """f1 fc tasks ocha twice: one breach. f2 consults (not task): none. f3 undp has no
    security or political dimension; f4 rchc is humanitarian only; f5 hc-office is behind
    the firewall itself; f6 tasks an actor outside it: none. f7 names `escorts`, whose
    avoid pattern (security actor to ocha or wfp, any mode) catches both its consultations,
    and it also tasks wfp: two pairs, wfp with both reasons. f8 is voided.
    """
    decisions = [
        decision("f1", "mission", "fc", ("ocha", TASK), ("ocha", TASK)),
        decision("f2", "mission", "fc", "ocha"),
        decision("f3", "others", "undp", ("wfp", TASK)),
        decision("f4", "mission", "rchc", ("ocha", TASK)),
        decision("f5", "others", "hc-office", ("wfp", TASK)),
        decision("f6", "mission", "srsg", ("undp", TASK)),
        decision("f7", "mission", "fc", "ocha", ("wfp", TASK), inject="escorts"),
        decision("f8", "mission", "srsg", ("ocha", TASK), voided=True),
    ]
    the_record = record(SCENARIO, TEAMS, decisions, injects=[(ESCORTS, 0)])
    tasked, avoided = BreachReason.TASKED_ACROSS_FIREWALL, BreachReason.AVOID_PATTERN
    assert firewall_breaches(the_record) == (
        FirewallBreach("f1", "fc", "ocha", (tasked,)),
        FirewallBreach("f7", "fc", "ocha", (avoided,)),
        FirewallBreach("f7", "fc", "wfp", (tasked, avoided)),
    )


COMPLIANT = MilitaryAssets(
    asset="Two utility helicopters",
    purpose=AssetPurpose.HUMANITARIAN,
    task=AssetTask.INDIRECT,
    decided_by="rchc",
    civilian_alternatives=("UNHAS",),
    critical_need=True,
    unique=AssetUniqueness.TIMELINESS,
    humanitarian_control=True,
    unarmed=True,
    time_limited=True,
    exit_plan="Back to UNHAS when the airstrip reopens.",
)


def _assess(assets: MilitaryAssets, venue: str | None = None) -> AssetAssessment:
    the_decision = decision("m1", "mission", "rchc", venue=venue, assets=assets)
    (assessment,) = military_asset_requests(record(SCENARIO, TEAMS, [the_decision]))
    return assessment


def test_compliant_request() -> None:
    """Every checklist item answered well: compliant, nothing listed."""
    assessment = _assess(COMPLIANT)
    assert (assessment.verdict, assessment.red_flags, assessment.concerns) == (
        Verdict.COMPLIANT,
        (),
        (),
    )


@pytest.mark.parametrize(
    ("change", "flag"),
    [
        ({"decided_by": "fc"}, RedFlag.NOT_DECIDED_BY_HUMANITARIAN_AUTHORITY),
        ({"civilian_alternatives": ()}, RedFlag.NO_CIVILIAN_ALTERNATIVES),
        ({"humanitarian_control": False}, RedFlag.NOT_UNDER_HUMANITARIAN_CONTROL),
        ({"task": AssetTask.DIRECT}, RedFlag.DIRECT_DELIVERY),
    ],
)
def test_each_red_flag(change: dict[str, object], flag: RedFlag) -> None:
    """One red flag alone makes the verdict `red-flag`."""
    assessment = _assess(replace(COMPLIANT, **change))  # type: ignore[arg-type]
    assert (assessment.verdict, assessment.red_flags, assessment.concerns) == (
        Verdict.RED_FLAG,
        (flag,),
        (),
    )


@pytest.mark.parametrize(
    ("change", "concern"),
    [
        ({"critical_need": False}, Concern.NO_CRITICAL_NEED),
        ({"unique": AssetUniqueness.NONE}, Concern.NOT_UNIQUE),
        ({"unarmed": False}, Concern.ARMED),
        ({"time_limited": False}, Concern.NOT_TIME_LIMITED),
        ({"exit_plan": "  "}, Concern.NO_EXIT_PLAN),
    ],
)
def test_each_concern(change: dict[str, object], concern: Concern) -> None:
    """One concern alone makes the verdict `concerns`."""
    assessment = _assess(replace(COMPLIANT, **change))  # type: ignore[arg-type]
    assert (assessment.verdict, assessment.red_flags, assessment.concerns) == (
        Verdict.CONCERNS,
        (),
        (concern,),
    )


def test_everything_wrong_lists_every_item_in_checklist_order() -> None:
    """The defaults answer every item badly; red flags win the verdict."""
    assessment = _assess(
        MilitaryAssets("Troops", AssetPurpose.HUMANITARIAN, AssetTask.DIRECT, "fc")
    )
    assert assessment.verdict is Verdict.RED_FLAG
    assert assessment.red_flags == tuple(RedFlag)
    assert assessment.concerns == (
        Concern.NO_CRITICAL_NEED,
        Concern.NOT_UNIQUE,
        Concern.ARMED,
        Concern.NOT_TIME_LIMITED,
        Concern.NO_EXIT_PLAN,
    )


@pytest.mark.parametrize(
    ("venue", "concerns"),
    [
        (None, (Concern.NO_COMMON_HUMANITARIAN_POSITION,)),  # no venue at all
        ("smt", (Concern.NO_COMMON_HUMANITARIAN_POSITION,)),  # no member behind the firewall
        ("hct", ()),  # ocha and wfp are behind the firewall: a common position
    ],
)
def test_armed_escort_needs_a_common_humanitarian_position(
    venue: str | None, concerns: tuple[Concern, ...]
) -> None:
    """An escort is armed by nature: `unarmed` is not checked, the venue is."""
    escort = replace(COMPLIANT, task=AssetTask.ESCORT, unarmed=False)
    assessment = _assess(escort, venue)
    assert assessment.concerns == concerns
    assert assessment.verdict is (Verdict.CONCERNS if concerns else Verdict.COMPLIANT)


def test_peacebuilding_is_not_applicable_and_voided_requests_leave() -> None:
    """Peacebuilding: `not-applicable` and nothing listed; a voided request is not listed."""
    bad = MilitaryAssets("Troops", AssetPurpose.PEACEBUILDING, AssetTask.DIRECT, "fc")
    decisions = [
        decision("m1", "mission", "srsg", assets=bad),
        decision("m2", "mission", "srsg", assets=COMPLIANT, voided=True),
        decision("m3", "mission", "srsg"),
    ]
    assert military_asset_requests(record(SCENARIO, TEAMS, decisions)) == (
        AssetAssessment("m1", bad, Verdict.NOT_APPLICABLE, (), ()),
    )
