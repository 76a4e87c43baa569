"""The four coherence indicators of de Coning: agency, whole of UN, harmonization, alignment.

See DESIGN.md, "Coherence indicators". Each is a share of non-voided decisions; a decision
counts once whatever its number of consultations, and `task` consultations never count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from desktop.analysis.record import ExerciseRecord
from desktop.domain.enums import UN_CATEGORIES, Category, ConsultMode, Sector
from desktop.domain.records import Decision
from desktop.domain.scenario import Actor


@dataclass(frozen=True)
class Ratio:
    """A share with its counts; `value` is None when the denominator is zero."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """numerator / denominator, or None for an empty denominator."""
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class TeamRatio:
    """A team's own ratio."""

    team: str
    ratio: Ratio


@dataclass(frozen=True)
class Agency:
    """Agency overall (pooled decisions of all teams) and per team."""

    overall: Ratio
    teams: tuple[TeamRatio, ...]


@dataclass(frozen=True)
class CoherenceFigures:
    """The coherence indicators."""

    agency: Agency
    whole_of_un: Ratio
    harmonization: Ratio
    alignment: Ratio
    alignment_society: Ratio


def is_reversal(decision: Decision, earlier: Decision | None) -> bool:
    """Whether `decision` supersedes `earlier`, a live decision of the same team, with a
    different posture.

    A missing posture on either side is no evidence of a change, so it is no reversal;
    superseding a voided decision (an entry error) is none either.
    """
    if earlier is None or earlier.voided or earlier.team != decision.team:
        return False
    before, after = earlier.content.posture, decision.content.posture
    return before is not None and after is not None and before != after


def agency(record: ExerciseRecord) -> Agency:
    """Per team and overall: decisions that do not reverse an earlier one / decisions."""
    by_id = {d.id: d for d in record.decisions}
    kept: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for decision in record.live_decisions:
        total[decision.team] += 1
        supersedes = decision.content.supersedes
        earlier = by_id.get(supersedes) if supersedes is not None else None
        if not is_reversal(decision, earlier):
            kept[decision.team] += 1
    team_ids = [t.id for t in record.teams]
    team_ids.extend(sorted(set(total) - set(team_ids)))
    teams = tuple(TeamRatio(team, Ratio(kept[team], total[team])) for team in team_ids)
    return Agency(Ratio(sum(kept.values()), sum(total.values())), teams)


# The decision-share indicators, as bits: one pass over the decisions computes all four.
WHOLE_OF_UN = 1
HARMONIZATION = 2
ALIGNMENT = 4
ALIGNMENT_SOCIETY = 8
INDICATORS = (WHOLE_OF_UN, HARMONIZATION, ALIGNMENT, ALIGNMENT_SOCIETY)


def eligible_for(acting: Actor) -> int:
    """The indicators in whose denominator a decision by `acting` falls.

    whole_of_un: acting actor in a UN category; the others: acting actor not internal.
    """
    bits = WHOLE_OF_UN if acting.category in UN_CATEGORIES else 0
    if acting.category != Category.INTERNAL:
        bits |= HARMONIZATION | ALIGNMENT | ALIGNMENT_SOCIETY
    return bits


def counted_for(acting: Actor, consulted: Actor) -> int:
    """The indicators whose numerator a non-task consultation of `consulted` by `acting`
    satisfies.

    whole_of_un: a UN actor of another UN category; harmonization: a non-internal actor of
    another organisation; alignment: an internal actor; alignment_society: an internal
    actor of sector society.
    """
    bits = 0
    if consulted.category in UN_CATEGORIES and consulted.category != acting.category:
        bits |= WHOLE_OF_UN
    if consulted.category != Category.INTERNAL:
        if consulted.organisation != acting.organisation:
            bits |= HARMONIZATION
    else:
        bits |= ALIGNMENT
        if consulted.sector == Sector.SOCIETY:
            bits |= ALIGNMENT_SOCIETY
    return bits & eligible_for(acting)


def decision_shares(record: ExerciseRecord) -> dict[int, Ratio]:
    """The four decision-share indicators, keyed by their bit.

    Among live decisions whose acting actor is eligible, the share with at least one
    non-task consultation that counts; a decision counts once. Decisions by an actor the
    scenario does not know, and consultations of one, are left out.
    """
    actors = record.actors
    eligible_by_actor = {a.id: eligible_for(a) for a in actors.values()}
    pair_bits: dict[tuple[str, str], int] = {}
    # How many decisions fall in each (eligible bits, counted bits) combination.
    tally: Counter[tuple[int, int]] = Counter()
    for decision in record.live_decisions:
        acting_id = decision.acting_actor
        eligible = eligible_by_actor.get(acting_id, 0)
        if not eligible:
            continue
        got = 0
        for consultation in decision.content.consulted:
            if consultation.mode == ConsultMode.TASK:
                continue
            key = (acting_id, consultation.actor)
            bits = pair_bits.get(key)
            if bits is None:
                other = actors.get(consultation.actor)
                bits = 0 if other is None else counted_for(actors[acting_id], other)
                pair_bits[key] = bits
            got |= bits
        tally[(eligible, got)] += 1
    return {
        bit: Ratio(
            numerator=sum(n for (_, got), n in tally.items() if got & bit),
            denominator=sum(n for (eligible, _), n in tally.items() if eligible & bit),
        )
        for bit in INDICATORS
    }


def whole_of_un(record: ExerciseRecord) -> Ratio:
    """Among decisions by a UN actor, the share that consulted a UN actor of another
    UN category (the mission and the country team working as one system)."""
    return decision_shares(record)[WHOLE_OF_UN]


def harmonization(record: ExerciseRecord) -> Ratio:
    """Among decisions by a non-internal actor, the share that consulted a non-internal
    actor of another organisation."""
    return decision_shares(record)[HARMONIZATION]


def alignment(record: ExerciseRecord) -> Ratio:
    """Among decisions by a non-internal actor, the share that consulted an internal actor."""
    return decision_shares(record)[ALIGNMENT]


def alignment_society(record: ExerciseRecord) -> Ratio:
    """As `alignment`, counting only internal actors of sector `society`."""
    return decision_shares(record)[ALIGNMENT_SOCIETY]


def coherence_figures(record: ExerciseRecord) -> CoherenceFigures:
    """Compute all four coherence indicators (alignment with its society variant)."""
    shares = decision_shares(record)
    return CoherenceFigures(
        agency=agency(record),
        whole_of_un=shares[WHOLE_OF_UN],
        harmonization=shares[HARMONIZATION],
        alignment=shares[ALIGNMENT],
        alignment_society=shares[ALIGNMENT_SOCIETY],
    )
