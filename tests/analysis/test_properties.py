"""Properties that hold for any record: ranges of the ratios and indices."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.analysis.coherence import coherence_figures
from desktop.analysis.network import network_figures
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.report_json import debrief_json
from desktop.domain.enums import Category, ConsultMode, Posture, Sector
from desktop.domain.scenario import Phase
from tests.analysis.builders import actor, decision, record, scenario, team

ACTORS = [
    actor(f"x{k}", category, organisation, sector=Sector.SOCIETY if k % 2 else None)
    for k, (category, organisation) in enumerate(
        [
            (Category.UN_MISSION, "UN"),
            (Category.UN_COUNTRY_TEAM, "UN"),
            (Category.HUMANITARIAN, "NGO:A"),
            (Category.EXTERNAL, "AU"),
            (Category.INTERNAL, "Government"),
            (Category.INTERNAL, "Civil society"),
        ]
    )
]
IDS = [a.id for a in ACTORS]
SCENARIO = scenario(ACTORS, phases=[Phase("p1", "One", 0), Phase("p2", "Two", 500)])
TEAMS = (team("t1", *IDS[:3]), team("t2", *IDS[3:]))


@st.composite
def records(draw: st.DrawFn) -> ExerciseRecord:
    """Random decisions among six actors of every category."""
    count = draw(st.integers(0, 15))
    decisions = []
    for k in range(count):
        acting = draw(st.sampled_from(IDS))
        consulted = draw(
            st.lists(
                st.tuples(st.sampled_from(IDS), st.sampled_from(list(ConsultMode))), max_size=4
            )
        )
        supersedes = f"d{draw(st.integers(0, k - 1))}" if k and draw(st.booleans()) else None
        decisions.append(
            decision(
                f"d{k}",
                "t1" if IDS.index(acting) < 3 else "t2",
                acting,
                *consulted,
                at=draw(st.integers(0, 1000)),
                posture=draw(st.none() | st.sampled_from(list(Posture))),
                supersedes=supersedes,
                voided=draw(st.booleans()),
            )
        )
    return record(SCENARIO, TEAMS, decisions)


@settings(max_examples=60, deadline=None)
@given(records())
def test_network_figures_stay_in_range(the_record: ExerciseRecord) -> None:
    """Density in [0, 1], E-I in [-1, 1], reciprocity in [0, 1] or null without edges."""
    figures = network_figures(the_record)
    for summary in (figures.summary, *(p.summary for p in figures.phases)):
        assert 0 <= summary.density <= 1
        assert -1 <= summary.ei_index_category <= 1
        assert summary.edges <= summary.consultations
        assert (summary.reciprocity is None) == (summary.edges == 0)
        if summary.reciprocity is not None:
            assert 0 <= summary.reciprocity <= 1
    live = len(the_record.live_decisions)
    assert figures.summary.decisions == live
    assert sum(p.summary.decisions for p in figures.phases) + figures.unphased_decisions == live


@settings(max_examples=60, deadline=None)
@given(records())
def test_coherence_ratios_stay_in_range(the_record: ExerciseRecord) -> None:
    """Every numerator is at most its denominator; agency pools the teams' counts."""
    figures = coherence_figures(the_record)
    ratios = [figures.whole_of_un, figures.harmonization, figures.alignment]
    ratios += [figures.alignment_society, figures.agency.overall]
    ratios += [t.ratio for t in figures.agency.teams]
    for ratio in ratios:
        assert 0 <= ratio.numerator <= ratio.denominator
    assert figures.alignment_society.numerator <= figures.alignment.numerator
    assert figures.agency.overall.denominator == len(the_record.live_decisions)
    assert figures.agency.overall.numerator == sum(t.ratio.numerator for t in figures.agency.teams)


@settings(max_examples=30, deadline=None)
@given(records())
def test_report_is_always_strict_json(the_record: ExerciseRecord) -> None:
    """Whatever was recorded, the report dumps as JSON without NaN."""
    json.dumps(debrief_json(the_record), allow_nan=False)
