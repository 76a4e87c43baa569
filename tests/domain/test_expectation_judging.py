"""judge_expectation as DESIGN.md "Per inject and target team" defines `expectation`."""

from __future__ import annotations

from desktop.domain.enums import Category, ConsultMode
from desktop.domain.expectations import (
    ExpectationStatus,
    Judgement,
    Reason,
    ReasonCode,
    avoid_matches,
    judge_expectation,
)
from desktop.domain.records import Consultation, Decision, DecisionContent
from desktop.domain.scenario import Actor, AvoidPattern, Expects, Inject

MET = ExpectationStatus.MET
PARTIAL = ExpectationStatus.PARTIAL
UNMET = ExpectationStatus.UNMET


def _actor(actor_id: str, *dimensions: str) -> Actor:
    return Actor(actor_id, actor_id, actor_id, Category.UN_MISSION, "UN", dimensions, False, False)


ACTORS = {
    a.id: a
    for a in (
        _actor("srsg", "political"),
        _actor("fc", "security"),
        _actor("rchc", "humanitarian"),
        _actor("ocha", "humanitarian"),
        _actor("unhcr", "humanitarian"),
        _actor("wfp", "humanitarian"),
        _actor("camp", "social"),
        _actor("ihc", "humanitarian"),
    )
}
RELEASED = 600


def _inject(**expects: object) -> Inject:
    return Inject("i1", "An inject", ("team",), expects=Expects(**expects))  # type: ignore[arg-type]


def _decision(
    decision_id: str = "d1",
    acting: str = "rchc",
    at: int = RELEASED + 30,
    consulted: tuple[tuple[str, ConsultMode], ...] = (),
    venue: str | None = None,
    taken_at: int | None = None,
    voided: bool = False,
    supersedes: str | None = None,
) -> Decision:
    content = DecisionContent(
        title="Decide",
        venue=venue,
        consulted=tuple(Consultation(a, m) for a, m in consulted),
        taken_at=taken_at,
        supersedes=supersedes,
    )
    return Decision(decision_id, "team", acting, "i1", content, recorded_at=at, voided=voided)


def _judge(inject: Inject, *decisions: Decision) -> Judgement:
    return judge_expectation(inject, RELEASED, decisions, ACTORS)


def test_not_applicable_without_expects() -> None:
    """An inject without `expects` is `n/a`, whatever the decisions."""
    inject = Inject("i1", "An inject", ("team",))
    assert _judge(inject).status is ExpectationStatus.NOT_APPLICABLE
    assert _judge(inject, _decision()).status is ExpectationStatus.NOT_APPLICABLE


def test_unmet_without_decisions() -> None:
    """No decision at all is `unmet`, with the reason."""
    judgement = _judge(_inject(respond_within=60))
    assert judgement == Judgement(UNMET, (Reason(ReasonCode.NO_DECISION_IN_TIME),))


def test_deadline_is_included() -> None:
    """A decision exactly at release + respond_within counts; a minute later does not."""
    inject = _inject(respond_within=60)
    assert _judge(inject, _decision(at=RELEASED + 60)).status is MET
    assert _judge(inject, _decision(at=RELEASED + 61)).status is UNMET


def test_without_a_limit_every_decision_counts() -> None:
    """With no respond_within, a decision days later still counts."""
    assert _judge(_inject(), _decision(at=RELEASED + 10_000)).status is MET


def test_taken_at_is_used_when_present() -> None:
    """A decision recorded late but taken in time counts, and the reverse does not."""
    inject = _inject(respond_within=60)
    late_entry = _decision(at=RELEASED + 500, taken_at=RELEASED + 50)
    assert _judge(inject, late_entry).status is MET
    taken_late = _decision(at=RELEASED + 10, taken_at=RELEASED + 61)
    assert _judge(inject, taken_late).status is UNMET


def test_only_decisions_in_time_are_looked_at() -> None:
    """Consultations of a decision after the deadline do not help or hurt."""
    inject = _inject(respond_within=60, consult=("ocha",))
    in_time = _decision("d1")
    too_late = _decision("d2", at=RELEASED + 61, consulted=(("ocha", ConsultMode.CONSULT),))
    judgement = _judge(inject, in_time, too_late)
    assert judgement == Judgement(PARTIAL, (Reason(ReasonCode.NOT_CONSULTED, "ocha"),))


def test_voided_decisions_are_ignored() -> None:
    """A voided decision neither answers nor involves anyone."""
    inject = _inject(respond_within=60, consult=("ocha",))
    assert _judge(inject, _decision(voided=True)).status is UNMET
    void_with_ocha = _decision("d1", voided=True, consulted=(("ocha", ConsultMode.JOINT),))
    kept = _decision("d2")
    assert _judge(inject, void_with_ocha, kept).status is PARTIAL


def test_superseded_decisions_still_count() -> None:
    """A decision replaced by a later one still involved its actors (it happened)."""
    inject = _inject(respond_within=60, consult=("ocha",))
    first = _decision("d1", consulted=(("ocha", ConsultMode.CONSULT),))
    second = _decision("d2", at=RELEASED + 40, supersedes="d1")
    assert _judge(inject, first, second).status is MET


def test_consult_needs_every_actor() -> None:
    """Every `consult` actor must be involved; each missing one is a reason."""
    inject = _inject(consult=("ocha", "unhcr", "wfp"))
    judgement = _judge(inject, _decision(consulted=(("ocha", ConsultMode.CONSULT),)))
    assert judgement.status is PARTIAL
    assert set(judgement.reasons) == {
        Reason(ReasonCode.NOT_CONSULTED, "unhcr"),
        Reason(ReasonCode.NOT_CONSULTED, "wfp"),
    }


def test_consult_is_met_across_decisions_and_by_acting_actors() -> None:
    """Involved actors pool over the decisions; acting actors count as involved."""
    inject = _inject(consult=("ocha", "unhcr"))
    acting_ocha = _decision("d1", acting="ocha")
    consulting_unhcr = _decision("d2", consulted=(("unhcr", ConsultMode.CONSULT),))
    assert _judge(inject, acting_ocha, consulting_unhcr).status is MET
    assert _judge(inject, acting_ocha).status is PARTIAL


def test_any_mode_counts_as_involvement_inform_included() -> None:
    """Whatever the mode, `inform` and `task` included, a consulted actor is involved."""
    inject = _inject(consult=("ocha",))
    for mode in ConsultMode:
        assert _judge(inject, _decision(consulted=(("ocha", mode),))).status is MET


def test_consult_any_needs_at_least_one() -> None:
    """At least one `consult_any` actor must be involved."""
    inject = _inject(consult_any=("camp", "ihc"))
    assert _judge(inject, _decision(consulted=(("ihc", ConsultMode.INFORM),))).status is MET
    judgement = _judge(inject, _decision(consulted=(("ocha", ConsultMode.CONSULT),)))
    assert judgement == Judgement(PARTIAL, (Reason(ReasonCode.NONE_OF_CONSULT_ANY, "camp,ihc"),))


def test_venue_needs_one_decision_in_a_listed_mechanism() -> None:
    """One decision taken in a `venue` mechanism is enough; none is a reason."""
    inject = _inject(venue=("hct", "smg"))
    elsewhere = _decision("d1", venue="jloc")
    in_hct = _decision("d2", venue="hct")
    assert _judge(inject, elsewhere, in_hct).status is MET
    judgement = _judge(inject, elsewhere, _decision("d3"))
    assert judgement == Judgement(PARTIAL, (Reason(ReasonCode.NOT_IN_VENUE, "hct,smg"),))


def test_venue_of_a_late_decision_does_not_count() -> None:
    """Only decisions within respond_within can satisfy `venue`."""
    inject = _inject(respond_within=60, venue=("hct",))
    judgement = _judge(inject, _decision("d1"), _decision("d2", at=RELEASED + 90, venue="hct"))
    assert judgement.status is PARTIAL


SECURITY_TASKS_AGENCIES = AvoidPattern(
    by_dimension="security", to=("ocha", "unhcr", "wfp"), mode=ConsultMode.TASK
)


def test_avoid_pattern_matches_every_condition() -> None:
    """A security actor tasking an agency matches; the reason names decision and actor."""
    inject = _inject(avoid=(SECURITY_TASKS_AGENCIES,))
    judgement = _judge(inject, _decision("d7", acting="fc", consulted=(("wfp", ConsultMode.TASK),)))
    assert judgement == Judgement(PARTIAL, (Reason(ReasonCode.AVOIDED_PATTERN, "d7->wfp"),))


def test_avoid_pattern_fails_when_any_condition_fails() -> None:
    """Another mode, another acting dimension or another target does not match."""
    inject = _inject(avoid=(SECURITY_TASKS_AGENCIES,))
    other_mode = _decision(acting="fc", consulted=(("wfp", ConsultMode.REQUEST),))
    other_dimension = _decision(acting="srsg", consulted=(("wfp", ConsultMode.TASK),))
    other_target = _decision(acting="fc", consulted=(("camp", ConsultMode.TASK),))
    for decision in (other_mode, other_dimension, other_target):
        assert _judge(inject, decision).status is MET


def test_avoid_by_names_acting_actors() -> None:
    """`by` restricts the acting actor; with no mode, any mode matches."""
    inject = _inject(avoid=(AvoidPattern(by=("srsg",), to=("ocha",)),))
    srsg = _decision("d1", acting="srsg", consulted=(("ocha", ConsultMode.INFORM),))
    rchc = _decision("d2", acting="rchc", consulted=(("ocha", ConsultMode.INFORM),))
    assert _judge(inject, srsg).status is PARTIAL
    assert _judge(inject, rchc).status is MET


def test_absent_conditions_hold() -> None:
    """A pattern with no conditions matches every consultation; one with only `to` any actor."""
    consultation = Consultation("ocha", ConsultMode.CONSULT)
    assert avoid_matches(AvoidPattern(), ACTORS["rchc"], consultation)
    assert avoid_matches(AvoidPattern(to=("ocha",)), None, consultation)
    assert not avoid_matches(AvoidPattern(to=("wfp",)), ACTORS["rchc"], consultation)
    # Conditions on the acting actor cannot hold for an unknown one.
    assert not avoid_matches(AvoidPattern(by_dimension="humanitarian"), None, consultation)
    assert not avoid_matches(AvoidPattern(by=("rchc",)), None, consultation)
    assert avoid_matches(AvoidPattern(by_dimension="humanitarian"), ACTORS["rchc"], consultation)


def test_avoid_in_a_voided_decision_is_ignored() -> None:
    """A voided decision's consultations cannot break a principle."""
    inject = _inject(avoid=(SECURITY_TASKS_AGENCIES,))
    voided = _decision("d1", acting="fc", consulted=(("wfp", ConsultMode.TASK),), voided=True)
    assert _judge(inject, voided, _decision("d2")).status is MET


def test_reasons_accumulate() -> None:
    """Every shortfall is listed: consult, consult_any, venue and avoid."""
    inject = _inject(
        respond_within=60,
        consult=("ocha",),
        consult_any=("camp",),
        venue=("hct",),
        avoid=(SECURITY_TASKS_AGENCIES,),
    )
    decision = _decision("d1", acting="fc", consulted=(("unhcr", ConsultMode.TASK),))
    judgement = _judge(inject, decision)
    assert judgement.status is PARTIAL
    assert [r.code for r in judgement.reasons] == [
        ReasonCode.NOT_CONSULTED,
        ReasonCode.NONE_OF_CONSULT_ANY,
        ReasonCode.NOT_IN_VENUE,
        ReasonCode.AVOIDED_PATTERN,
    ]


def test_met_when_everything_holds() -> None:
    """All conditions together: `met` with no reasons."""
    inject = _inject(
        respond_within=60,
        consult=("ocha", "unhcr"),
        consult_any=("camp", "ihc"),
        venue=("hct",),
        avoid=(SECURITY_TASKS_AGENCIES,),
    )
    decision = _decision(
        acting="ocha",
        venue="hct",
        consulted=(("unhcr", ConsultMode.JOINT), ("camp", ConsultMode.INFORM)),
        at=RELEASED + 60,
    )
    assert _judge(inject, decision) == Judgement(MET)
