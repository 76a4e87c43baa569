"""Handouts for control staff: inject cards, team briefings and the evaluator guide."""

from __future__ import annotations

import dataclasses
import re
from html import unescape

import pytest

from desktop.domain.enums import Channel, ConsultMode, TriggerWhen
from desktop.domain.scenario import AvoidPattern, Expects, Inject, Scenario, Trigger
from desktop.report.expected_reaction import (
    ScenarioNames,
    avoid_words,
    expected_reaction,
    timing_words,
    trigger_words,
)
from desktop.report.handouts import (
    evaluator_guide_html,
    inject_cards_html,
    team_briefings_html,
)

HOSTILE = '<script>alert("x")</script>'
PAGE_START = re.compile(r'class="[^"]*\bpage-start\b')


def _e(text: str) -> str:
    """Text as a reader sees it: entities decoded, runs of white space as one space."""
    return " ".join(unescape(text).split())


class _Page(str):
    """A rendered page compared by what a reader sees (`x in page`)."""

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and _e(text) in _e(str(self))


@pytest.fixture
def scenario(mini_scenario: Scenario) -> Scenario:
    """The mini scenario with hostile text in an inject, its notes and a team briefing."""
    injects = list(mini_scenario.injects)
    first = injects[0]
    assert first.expects is not None
    injects[0] = dataclasses.replace(
        first,
        title=f"Convoy {HOSTILE}",
        body=f"Body {HOSTILE}\n\n- a **bold** point",
        expects=dataclasses.replace(first.expects, notes=f"Notes {HOSTILE}"),
    )
    teams = list(mini_scenario.teams)
    teams[0] = dataclasses.replace(teams[0], briefing=f"Brief {HOSTILE}")
    return dataclasses.replace(mini_scenario, injects=tuple(injects), teams=tuple(teams))


def _control_texts(scenario: Scenario) -> list[str]:
    """Every expected-reaction sentence and evaluator note, as they appear in HTML."""
    names = ScenarioNames(scenario, scenario.teams)
    texts: list[str] = []
    for inject in scenario.injects:
        texts += [_e(line) for line in expected_reaction(inject.expects, names)]
        if inject.expects is not None and inject.expects.notes:
            texts.append(_e(" ".join(inject.expects.notes.split())))
    assert texts
    return texts


def test_inject_cards_hold_every_inject_one_per_page(scenario: Scenario) -> None:
    html = _Page(inject_cards_html(scenario, scenario.injects, scenario.teams))
    for inject in scenario.injects:
        assert _e(inject.title) in html
        assert f"Inject {inject.id} " in html
    assert len(PAGE_START.findall(html)) == len(scenario.injects) - 1
    assert "page-break-before: always" in html
    assert "size: A4" in html


def test_expected_reactions_are_for_control_only(scenario: Scenario) -> None:
    cards = _Page(inject_cards_html(scenario, scenario.injects, scenario.teams))
    guide = _Page(evaluator_guide_html(scenario, scenario.injects, scenario.teams))
    briefings = _Page(team_briefings_html(scenario, scenario.teams))
    for text in _control_texts(scenario):
        assert text in cards
        assert text in guide
        assert text not in briefings
    assert "CONTROL ONLY" in cards
    assert "CONTROL ONLY" in guide
    assert "CONTROL ONLY" not in briefings
    assert "Expected reaction" not in briefings


def test_hostile_text_is_escaped_everywhere(scenario: Scenario) -> None:
    documents = [
        inject_cards_html(scenario, scenario.injects, scenario.teams),
        team_briefings_html(scenario, scenario.teams),
        evaluator_guide_html(scenario, scenario.injects, scenario.teams),
    ]
    for html in documents:
        assert "<script" not in str(html)
        assert "&lt;script&gt;" in str(html)
    assert "<strong>bold</strong>" in documents[0]  # the little Markdown still renders


def test_team_briefings_page_per_team(scenario: Scenario) -> None:
    html = _Page(team_briefings_html(scenario, scenario.teams))
    assert len(PAGE_START.findall(html)) == len(scenario.teams) - 1
    for team in scenario.teams:
        assert _e(team.name) in html
        for actor_id in team.actors:
            actor = scenario.actor_by_id[actor_id]
            assert _e(actor.name) in html
            assert _e(" ".join(actor.mandate.split())[:60]) in html
    for objective in scenario.objectives:
        assert _e(objective.title) in html
    assert _e(scenario.title) in html


def test_selected_teams_limit_cards_briefings_and_sheets(scenario: Scenario) -> None:
    cards = _Page(
        inject_cards_html(scenario, scenario.injects, scenario.teams, selected=["leadership"])
    )
    by_id = scenario.inject_by_id
    assert _e(by_id["au-01"].title) in cards  # to leadership
    assert _e(by_id["elec-01"].title) in cards  # to leadership and unct
    assert _e(by_id["donor-01a"].title) in cards  # to all
    assert _e(by_id["poc-01"].title) not in cards  # to humanitarian only
    briefings = _Page(team_briefings_html(scenario, scenario.teams, selected=["unct"]))
    assert "<h1>UN Country Team</h1>" in briefings
    assert "<h1>Mission leadership</h1>" not in briefings
    guide = _Page(
        evaluator_guide_html(scenario, scenario.injects, scenario.teams, selected=["humanitarian"])
    )
    assert "<h1>Humanitarian agencies</h1>" in guide
    assert "<h1>UN Country Team</h1>" not in guide
    assert _e(by_id["au-01"].title) not in guide


def test_evaluator_guide_has_objectives_injects_and_blank_grids(scenario: Scenario) -> None:
    html = _Page(evaluator_guide_html(scenario, scenario.injects, scenario.teams))
    for objective in scenario.objectives:
        assert _e(objective.capability) in html
        for task in objective.tasks:
            assert _e(task) in html
    for inject in scenario.injects:
        assert _e(inject.title) in html
    assert html.count("Rating sheet") == len(scenario.teams)
    assert "Performed with major challenges" in html
    # One blank cell per rating, per objective, per team.
    cells = html.count('<td class="mark">&nbsp;</td>')
    assert cells == 4 * len(scenario.objectives) * len(scenario.teams)


def test_ad_hoc_injects_get_a_card(scenario: Scenario) -> None:
    adhoc = Inject(
        id="adhoc-1",
        title="Journalist calls about the camp",
        to=("unct",),
        body="A call.",
        at=9 * 60,
        channel=Channel.PHONE,
        adhoc=True,
    )
    html = _Page(inject_cards_html(scenario, (*scenario.injects, adhoc), scenario.teams))
    assert "Journalist calls about the camp" in html
    assert "Added by the facilitator during play at D+0 09:00" in html
    assert "The scenario sets no expected reaction for this inject." in html


def test_timing_and_trigger_words(mini_scenario: Scenario) -> None:
    names = ScenarioNames(mini_scenario, mini_scenario.teams)
    by_id = mini_scenario.inject_by_id
    assert timing_words(by_id["conv-01"], names) == (
        "Scheduled",
        "D+0 09:00, Monday 14 April 2031",
    )
    assert timing_words(by_id["flood-01"], names)[0] == "By hand"
    kind, words = timing_words(by_id["conv-01a"], names)
    assert kind == "Triggered"
    assert words == (
        "30 min after \N{LEFT DOUBLE QUOTATION MARK}Food convoy turned back at the Ulongo "
        "bridge\N{RIGHT DOUBLE QUOTATION MARK} (conv-01) is released"
    )
    unmet = trigger_words(by_id["elec-01b"], names)
    assert unmet.startswith("2 h after the deadline of")
    assert unmet.endswith("if any target team did not meet the expectation")
    at_once = dataclasses.replace(
        by_id["conv-01a"], trigger=Trigger("conv-01", TriggerWhen.NO_RESPONSE)
    )
    assert trigger_words(at_once, names).startswith("At the deadline of")


def test_expected_reaction_words(mini_scenario: Scenario) -> None:
    names = ScenarioNames(mini_scenario, mini_scenario.teams)
    expects = Expects(
        respond_within=90,
        consult=("ocha",),
        consult_any=("ihc", "idp-leaders"),
        venue=("hct", "smg"),
        avoid=(AvoidPattern(by_dimension="security", to=("wfp",), mode=ConsultMode.TASK),),
        notes="Look for a common position.",
    )
    assert expected_reaction(expects, names) == (
        "Respond within 1 h 30 min of the release.",
        "Involve every one of: Office for the Coordination of Humanitarian Affairs (OCHA).",
        "Involve at least one of: International Humanitarian Committee (IHC) or Kivara Ford "
        "camp committee (Camp committee).",
        "Take the decision in one of these forums: Humanitarian Country Team or Senior "
        "Mission Leadership Group.",
        "Avoid security actors tasking WFP.",
    )
    assert expected_reaction(None, names) == ()
    assert avoid_words(AvoidPattern(by=("srsg",), to=()), names) == "SRSG engaging anyone"
