"""A small hand-made exercise whose figures are known, for the report tests.

Eight actors (n(n-1) = 56 possible ties), four decisions with six consultations:

- d1 mission/srsg tasks OCHA on inject `convoy`: a firewall breach (SRSG is political);
  a task, so it counts towards no coherence figure. It also requests an escort decided by
  the SRSG (no humanitarian authority): red flag.
- d2 mission/rchc consults UNDP and the government: whole-of-UN and alignment.
- d3 unct/undp consults the AU and civil society: harmonization, alignment, society.
- d4 hum/ocha consults UNDP; it requests helicopters for peacebuilding: not applicable.

Figures: density 6/56 = 0.107, reciprocity 0, whole-of-UN 1/3, harmonization 1/4,
alignment 2/4, alignment with society 1/4, agency 4/4; DPO is the only isolate.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    AssetUniqueness,
    ConsultMode,
    ObservationKind,
    Posture,
    Rating,
    Sector,
)
from desktop.domain.records import (
    ImprovementItem,
    MilitaryAssets,
    Observation,
    RatingEntry,
)
from desktop.domain.scenario import (
    AvoidPattern,
    Expects,
    Inject,
    Mechanism,
    Objective,
    Phase,
    Scenario,
    Setting,
)
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

DAY = 24 * 60
HOSTILE = "<script>alert('x')</script>"

ACTORS = [
    actor("srsg", dimensions=("political",), authority=False),
    actor("rchc", dimensions=("humanitarian",), authority=True),
    actor("undp", UNCT),
    actor("ocha", HUMANITARIAN, "UN"),
    actor("au", EXTERNAL, "AU"),
    actor("gov", INTERNAL, "Government", sector=Sector.GOVERNMENT),
    actor("cso", INTERNAL, "NGO:Forum", sector=Sector.SOCIETY),
    actor("dpo", UN_HQ),
]
OBJECTIVE = Objective(
    "access", "Keep humanitarian access principled", "Operational Coordination", ("Ask the HC",)
)
CONVOY = Inject(
    "convoy",
    "Convoy needs an escort",
    ("mission",),
    sender="gov",
    at=9 * 60,
    expects=Expects(
        respond_within=120,
        consult=("ocha",),
        venue=("hct",),
        avoid=(AvoidPattern(by_dimension="political", to=("ocha",), mode=ConsultMode.TASK),),
    ),
)
LATER = Inject("later", "Never released", ("all",))


def small_scenario(title: str = "Testland drill") -> Scenario:
    """The scenario of the small exercise."""
    base = scenario(
        ACTORS,
        phases=[Phase("stabilization", "Stabilization", 0), Phase("transition", "Transition", DAY)],
        mechanisms=[Mechanism("hct", "Humanitarian Country Team", ("rchc", "ocha"))],
        objectives=[OBJECTIVE],
    )
    setting = Setting(
        "Testland", "UN Mission in Testland", base.setting.integration, date(2031, 3, 1), ""
    )
    return replace(base, title=title, setting=setting, injects=(CONVOY, LATER))


def small_record(
    decision_title: str = "Escort the convoy", title: str = "Testland drill"
) -> ExerciseRecord:
    """The small exercise; `decision_title` names d1 (tests pass hostile text here)."""
    escort = MilitaryAssets(
        "Armed escort platoon",
        AssetPurpose.HUMANITARIAN,
        AssetTask.ESCORT,
        "srsg",
        unique=AssetUniqueness.TIMELINESS,
        critical_need=True,
    )
    helicopters = MilitaryAssets(
        "Two helicopters", AssetPurpose.PEACEBUILDING, AssetTask.INDIRECT, "srsg"
    )
    d1 = decision(
        "d1",
        "mission",
        "srsg",
        ("ocha", ConsultMode.TASK),
        inject="convoy",
        at=10 * 60,
        posture=Posture.COOPERATE,
        assets=escort,
    )
    d1 = replace(d1, content=replace(d1.content, title=decision_title))
    decisions = [
        d1,
        decision(
            "d2", "mission", "rchc", "undp", "gov", inject="convoy", at=10 * 60 + 30, venue="hct"
        ),
        decision("d3", "unct", "undp", "au", "cso", at=DAY + 60),
        decision("d4", "hum", "ocha", "undp", at=DAY + 120, assets=helicopters),
    ]
    teams = (team("mission", "srsg", "rchc"), team("unct", "undp"), team("hum", "ocha"))
    base = record(
        small_scenario(title), teams, decisions, injects=[(CONVOY, 9 * 60), (LATER, None)]
    )
    return replace(
        base,
        ratings=(RatingEntry("r1", "Lead", "mission", "access", Rating.S, 700, final=True),),
        observations=(
            Observation(
                "o1",
                "Eval A",
                "mission",
                "access",
                ObservationKind.STRENGTH,
                "The HC was asked before the escort.",
                650,
                inject="convoy",
            ),
            Observation(
                "o2",
                "Eval A",
                "mission",
                "access",
                ObservationKind.IMPROVEMENT,
                "Tasking OCHA broke the firewall.",
                660,
            ),
        ),
        improvements=(
            ImprovementItem(
                "ip1",
                "Escort decided by the SRSG",
                "Write an HCT escort protocol",
                "Operational Coordination",
                "access",
                "Office of the HC",
                date(2031, 5, 1),
                date(2031, 6, 30),
            ),
        ),
        participants=7,
    )
