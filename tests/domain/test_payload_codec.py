"""The JSON forms carried in event payloads read back to the same records."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.codec import (
    content_from_json,
    content_to_json,
    improvement_from_json,
    improvement_to_json,
    inject_from_json,
    inject_to_json,
)
from desktop.domain.enums import (
    AssetPurpose,
    AssetTask,
    AssetUniqueness,
    Channel,
    ConsultMode,
    Posture,
    TriggerWhen,
)
from desktop.domain.records import Consultation, DecisionContent, ImprovementItem, MilitaryAssets
from desktop.domain.scenario import AvoidPattern, Expects, Inject, Trigger

_ids = st.text(alphabet="abcdefghij-", min_size=1, max_size=8)
_text = st.text(max_size=20)

_assets = st.builds(
    MilitaryAssets,
    asset=_text,
    purpose=st.sampled_from(AssetPurpose),
    task=st.sampled_from(AssetTask),
    decided_by=_ids,
    civilian_alternatives=st.tuples(_text),
    critical_need=st.booleans(),
    unique=st.sampled_from(AssetUniqueness),
    humanitarian_control=st.booleans(),
    unarmed=st.booleans(),
    time_limited=st.booleans(),
    exit_plan=_text,
)

_content = st.builds(
    DecisionContent,
    title=_text,
    rationale=_text,
    posture=st.none() | st.sampled_from(Posture),
    dimensions=st.lists(_ids, max_size=3).map(tuple),
    venue=st.none() | _ids,
    consulted=st.lists(st.builds(Consultation, _ids, st.sampled_from(ConsultMode)), max_size=3).map(
        tuple
    ),
    supersedes=st.none() | _ids,
    taken_at=st.none() | st.integers(min_value=0, max_value=100_000),
    military_assets=st.none() | _assets,
)


@given(_content)
def test_decision_content_round_trip(content: DecisionContent) -> None:
    """Any decision content survives JSON (through text, as the store keeps it)."""
    assert content_from_json(json.loads(json.dumps(content_to_json(content)))) == content


def test_content_from_json_fills_defaults() -> None:
    """Only `title` is required; the rest take their defaults."""
    assert content_from_json({"title": "T"}) == DecisionContent(title="T")


def test_inject_round_trip_keeps_every_field() -> None:
    """An inject with triggers, expects and avoid patterns reads back equal."""
    inject = Inject(
        id="x-1",
        title="Something",
        to=("unct", "ocha"),
        body="Body",
        at=None,
        manual=False,
        trigger=Trigger("p", TriggerWhen.EXPECTATION_UNMET, 120),
        sender="nec",
        channel=Channel.PHONE,
        public=True,
        phase="transition",
        dimensions=("political",),
        objectives=("o1",),
        attachments=("media/a.png",),
        expects=Expects(
            respond_within=240,
            consult=("ocha",),
            consult_any=("wfp", "ihc"),
            venue=("hct",),
            avoid=(
                AvoidPattern(by_dimension="security", to=("wfp",), mode=ConsultMode.TASK),
                AvoidPattern(by=("srsg",)),
            ),
            notes="n",
        ),
        adhoc=True,
    )
    assert inject_from_json(json.loads(json.dumps(inject_to_json(inject)))) == inject


def test_plain_inject_round_trip() -> None:
    """A scheduled inject without trigger or expects reads back equal."""
    inject = Inject("a", "A", ("all",), at=540)
    assert inject_from_json(inject_to_json(inject)) == inject


def test_improvement_item_round_trip() -> None:
    """Improvement-plan rows keep their dates and optional fields."""
    item = ImprovementItem(
        "ip-1", "Issue", "Action", "Capability", "obj", "Someone", date(2031, 6, 1), None
    )
    assert improvement_from_json(json.loads(json.dumps(improvement_to_json(item)))) == item
