"""Words for control staff: an inject's expected reaction, its trigger and its timing.

The handouts (inject cards, the evaluator guide) print what a scenario author wrote as
codes (`expects`, `trigger`) in sentences people read at the table. Names come from the
scenario and the run's teams only, so this works before an exercise has any record.
Functions return plain strings; the templates escape them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from desktop.domain.enums import TriggerWhen
from desktop.domain.phases import phase_in_force
from desktop.domain.scenario import ALL_TEAMS, AvoidPattern, Expects, Inject, Scenario, Team
from desktop.domain.times import MINUTES_PER_DAY, format_stamp
from desktop.report.naming import ScenarioWords, duration, join_words, long_date


class ScenarioNames(ScenarioWords):
    """Display names for the ids of a scenario and the teams of a run."""

    def __init__(
        self, scenario: Scenario, teams: Sequence[Team], extra_injects: Sequence[Inject] = ()
    ) -> None:
        super().__init__(scenario, teams)
        self._inject_titles = {i.id: i.title for i in scenario.injects}
        self._inject_titles.update((i.id, i.title) for i in extra_injects)

    def target(self, target_id: str) -> str:
        """A name from an inject's `to`: a team, an actor, or every team."""
        if target_id == ALL_TEAMS:
            return "All teams"
        if target_id in self._team_names:
            return self._team_names[target_id]
        return self.actor(target_id)

    def targets(self, target_ids: Iterable[str]) -> str:
        """The names of an inject's addressees, joined."""
        return join_words([self.target(t) for t in target_ids])

    def inject(self, inject_id: str) -> str:
        """`“Title” (id)`, or the id alone for an inject the names do not know."""
        title = self._inject_titles.get(inject_id)
        if title is None:
            return inject_id
        return f"\N{LEFT DOUBLE QUOTATION MARK}{title}\N{RIGHT DOUBLE QUOTATION MARK} ({inject_id})"

    def phase(self, phase_id: str | None) -> str:
        """The phase's title, its id, or empty for none."""
        if phase_id is None:
            return ""
        phase = self.scenario.phase_by_id.get(phase_id)
        return phase_id if phase is None else phase.title


def expected_reaction(expects: Expects | None, names: ScenarioNames) -> tuple[str, ...]:
    """What a good response looks like, one sentence per condition; empty without `expects`.

    The evaluator's `notes` are not part of it (see `Expects.notes`).
    """
    if expects is None:
        return ()
    lines: list[str] = []
    if expects.respond_within is not None:
        lines.append(f"Respond within {duration(expects.respond_within)} of the release.")
    if expects.consult:
        lines.append(f"Involve every one of: {_full_list(expects.consult, names, 'and')}.")
    if expects.consult_any:
        lines.append(f"Involve at least one of: {_full_list(expects.consult_any, names, 'or')}.")
    if expects.venue:
        forums = "this forum" if len(expects.venue) == 1 else "one of these forums"
        lines.append(f"Take the decision in {forums}: {names.mechanisms(expects.venue, 'or')}.")
    lines.extend(f"Avoid {avoid_words(pattern, names)}." for pattern in expects.avoid)
    return tuple(lines)


def _full_list(actor_ids: Sequence[str], names: ScenarioNames, conjunction: str) -> str:
    return join_words([names.actor_full(a) for a in actor_ids], conjunction)


_VERBS = {
    "inform": "informing",
    "consult": "consulting",
    "joint": "acting jointly with",
    "request": "making requests to",
    "task": "tasking",
}


def avoid_words(pattern: AvoidPattern, names: ScenarioNames) -> str:
    """`security actors tasking OCHA, UNHCR or WFP`."""
    if pattern.by:
        who = names.actors(pattern.by, "or")
        if pattern.by_dimension:
            who += f" (acting on {pattern.by_dimension})"
    elif pattern.by_dimension:
        who = f"{pattern.by_dimension} actors"
    else:
        who = "any actor"
    verb = _VERBS.get(str(pattern.mode), "engaging") if pattern.mode is not None else "engaging"
    whom = names.actors(pattern.to, "or") if pattern.to else "anyone"
    return f"{who} {verb} {whom}"


def trigger_words(inject: Inject, names: ScenarioNames) -> str:
    """When a triggered inject comes: `2 h after “Convoy …” (conv-01) is released`."""
    trigger = inject.trigger
    if trigger is None:
        return ""
    parent = names.inject(trigger.inject)
    lead = f"{duration(trigger.delay)} after" if trigger.delay else "As soon as"
    if trigger.when == TriggerWhen.RELEASED:
        return f"{lead} {parent} is released"
    if trigger.when == TriggerWhen.DECISION:
        return f"{lead} a target team first takes a decision on {parent}"
    condition = {
        TriggerWhen.NO_RESPONSE: "if no target team has responded",
        TriggerWhen.EXPECTATION_MET: "if every target team met the expectation",
        TriggerWhen.EXPECTATION_UNMET: "if any target team did not meet the expectation",
    }.get(trigger.when, f"if {trigger.when}")
    when = f"{lead} the deadline of {parent}" if trigger.delay else f"At the deadline of {parent}"
    return f"{when}, {condition}"


def timing_words(inject: Inject, names: ScenarioNames) -> tuple[str, str]:
    """How and when the inject comes: a short label and the detail.

    `("Scheduled", "D+0 09:00, Monday 14 April 2031")`, `("By hand", "Released by the
    facilitator when they choose")`, `("Triggered", "30 min after …")`, `("Ad hoc", ...)`.
    """
    if inject.adhoc:
        stamp = f" at {format_stamp(inject.at)}" if inject.at is not None else ""
        return "Ad hoc", f"Added by the facilitator during play{stamp}"
    if inject.trigger is not None:
        return "Triggered", trigger_words(inject, names)
    if inject.manual or inject.at is None:
        return "By hand", "Released by the facilitator when they choose"
    return "Scheduled", stamp_words(inject.at, names.scenario)


def stamp_words(minutes: int, scenario: Scenario) -> str:
    """`D+0 09:00`, with the calendar day when the scenario dates D+0."""
    stamp = format_stamp(minutes)
    start = scenario.setting.start
    if start is None or minutes < 0:
        return stamp
    day = start + timedelta(days=minutes // MINUTES_PER_DAY)
    return f"{stamp}, {day.strftime('%A')} {long_date(day)}"


def inject_phase(inject: Inject, scenario: Scenario) -> str | None:
    """The inject's phase: as written, else the scheduled phase in force at its time."""
    if inject.phase is not None:
        return inject.phase
    if inject.at is None:
        return None
    return phase_in_force(inject.at, scenario.phases)
