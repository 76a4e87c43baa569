"""Pseudonyms for observer names: stable within a record and across the runs of a comparison."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.analysis.anonymize import Pseudonyms, anonymize
from desktop.analysis.record import ExerciseRecord
from desktop.analysis.report_json import debrief_json
from desktop.domain.enums import ObservationKind, Rating
from desktop.domain.records import ImprovementItem, Observation, RatingEntry
from desktop.domain.scenario import Objective
from tests.analysis.builders import actor, decision, record, scenario, team

SCENARIO = scenario([actor("a"), actor("b")], objectives=[Objective("obj", "Obj", "Obj")])
TEAMS = (team("t1", "a"), team("t2", "b"))
STRENGTH = ObservationKind.STRENGTH


def _observation(obs_id: str, observer: str, at: int, text: str = "Fine work.") -> Observation:
    return Observation(obs_id, observer, "t1", "obj", STRENGTH, text, at)


def _rating(rating_id: str, observer: str, at: int, *, final: bool = False) -> RatingEntry:
    return RatingEntry(rating_id, observer, "t1", "obj", Rating.S, at, final=final)


def _record(observations: list[Observation], ratings: list[RatingEntry]) -> ExerciseRecord:
    base = record(SCENARIO, TEAMS, [decision("d1", "t1", "a", "b", at=10)])
    plan = ImprovementItem(
        "ip1", "Issue", "Action", responsible="OCHA", start=date(2031, 6, 1), completion=None
    )
    return replace(
        base,
        observations=tuple(observations),
        ratings=tuple(ratings),
        improvements=(plan,),
        participants=4,
    )


def test_letters_follow_first_appearance_in_time() -> None:
    """Rating by Zoe at minute 100 comes before Amir's observation at 200: Zoe is A.

    At the same minute an observation counts before a rating (Ben's observation at 300
    before Carla's rating at 300), and voided entries count too.
    """
    the_record = _record(
        [
            _observation("o1", "Amir", 200),
            _observation("o2", "Ben", 300),
            replace(_observation("o3", "Dina", 400), voided=True),
        ],
        [_rating("r1", "Carla", 300), _rating("r2", "Zoe", 100), _rating("r3", "Amir", 500)],
    )
    result = anonymize(the_record)
    assert [o.observer for o in result.observations] == ["Observer B", "Observer C", "Observer E"]
    assert [r.observer for r in result.ratings] == ["Observer D", "Observer A", "Observer B"]
    assert result.observations[2].voided


def test_same_person_whatever_the_case_and_spacing() -> None:
    """'Eval 1', 'eval  1 ' and 'EVAL 1' are one person; an empty name stays empty."""
    the_record = _record(
        [_observation("o1", "Eval 1", 10), _observation("o2", "", 20)],
        [_rating("r1", "eval  1 ", 30), _rating("r2", "EVAL 1", 40), _rating("r3", "Lead", 50)],
    )
    result = anonymize(the_record)
    assert [o.observer for o in result.observations] == ["Observer A", ""]
    assert [r.observer for r in result.ratings] == ["Observer A", "Observer A", "Observer B"]


def test_shared_pseudonyms_across_records() -> None:
    """Run 2 meets Lead again (still B) and a new evaluator (C); run 1 is unchanged."""
    names = Pseudonyms()
    run1 = _record([_observation("o1", "Eval 1", 10)], [_rating("r1", "Lead", 20)])
    run2 = _record([_observation("o1", "Nadia", 30)], [_rating("r1", "Lead", 5)])
    first = anonymize(run1, names)
    second = anonymize(run2, names)
    assert [first.observations[0].observer, first.ratings[0].observer] == [
        "Observer A",
        "Observer B",
    ]
    # Lead rated at minute 5, before Nadia's observation at 30, but already has B.
    assert [second.ratings[0].observer, second.observations[0].observer] == [
        "Observer B",
        "Observer C",
    ]
    assert names.key() == {"Eval 1": "Observer A", "Lead": "Observer B", "Nadia": "Observer C"}
    assert len(names) == 3


def test_a_fresh_mapping_per_call_without_a_shared_one() -> None:
    """Without a shared instance, each record starts at A."""
    run1 = _record([_observation("o1", "Eval 1", 10)], [])
    run2 = _record([_observation("o1", "Lead", 10)], [])
    assert anonymize(run1).observations[0].observer == "Observer A"
    assert anonymize(run2).observations[0].observer == "Observer A"


def test_letters_after_z() -> None:
    """The 27th person is AA, the 28th AB (spreadsheet-column style)."""
    names = Pseudonyms()
    pseudonyms = [names.name_for(f"Person {n}") for n in range(28)]
    assert pseudonyms[0] == "Observer A"
    assert pseudonyms[25] == "Observer Z"
    assert pseudonyms[26:] == ["Observer AA", "Observer AB"]
    assert names.name_for("Person 0") == "Observer A"


def test_custom_prefix() -> None:
    """The prefix is a parameter (e.g. a translated word)."""
    assert Pseudonyms("Évaluateur").name_for("X") == "Évaluateur A"


def test_only_observer_names_change() -> None:
    """Roles, free text, the improvement plan and every figure stay as they were."""
    the_record = _record(
        [_observation("o1", "Eval 1", 10, text="Eval 1 praised the RC/HC.")],
        [_rating("r1", "Lead", 20, final=True)],
    )
    result = anonymize(the_record)
    assert the_record.observations[0].observer == "Eval 1"  # the input is not changed
    assert result.observations[0].text == "Eval 1 praised the RC/HC."  # free text is kept
    assert result.improvements == the_record.improvements
    assert result.improvements[0].responsible == "OCHA"
    assert result.decisions == the_record.decisions
    assert result.teams == the_record.teams
    assert result.participants == 4
    before, after = debrief_json(the_record), debrief_json(result)
    assert after["evaluation"]["observations"][0]["strengths"][0]["observer"] == "Observer A"
    after["evaluation"]["observations"][0]["strengths"][0]["observer"] = "Eval 1"
    assert after == before
