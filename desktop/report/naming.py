"""Turning the ids of a record into the names people read (actors, teams, forums)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from desktop.analysis.record import ExerciseRecord
from desktop.domain.scenario import Scenario, Team
from desktop.domain.times import MINUTES_PER_DAY, format_duration, format_stamp


class ScenarioWords:
    """Display names for a scenario's actors, forums and objectives and a run's teams;
    unknown ids print as themselves. The report and the handouts build on it."""

    def __init__(self, scenario: Scenario, teams: Iterable[Team]) -> None:
        self.scenario = scenario
        self._team_names = {t.id: t.name for t in teams}

    def actor(self, actor_id: str) -> str:
        """The actor's short name (`SRSG`), or its id if the scenario does not know it."""
        actor = self.scenario.actor_by_id.get(actor_id)
        if actor is None:
            return actor_id
        return actor.short or actor.name

    def actor_full(self, actor_id: str) -> str:
        """`Full name (SHORT)`, or the full name alone when it is the short name."""
        actor = self.scenario.actor_by_id.get(actor_id)
        if actor is None:
            return actor_id
        if not actor.short or actor.short == actor.name:
            return actor.name
        return f"{actor.name} ({actor.short})"

    def actors(self, actor_ids: Iterable[str], conjunction: str = "and") -> str:
        """Short names joined for a sentence: `OCHA, UNHCR and WFP`."""
        return join_words([self.actor(a) for a in actor_ids], conjunction)

    def team(self, team_id: str) -> str:
        """The team's name, or its id."""
        return self._team_names.get(team_id, team_id)

    def mechanism(self, mechanism_id: str | None) -> str:
        """The forum's name, or its id; empty for no forum."""
        if mechanism_id is None:
            return ""
        mechanism = self.scenario.mechanism_by_id.get(mechanism_id)
        return mechanism_id if mechanism is None else mechanism.name

    def mechanisms(self, mechanism_ids: Iterable[str], conjunction: str = "or") -> str:
        """Forum names joined for a sentence."""
        return join_words([self.mechanism(m) for m in mechanism_ids], conjunction)

    def objective(self, objective_id: str) -> str:
        """The objective's title, or its id."""
        objective = self.scenario.objective_by_id.get(objective_id)
        return objective_id if objective is None else objective.title


class Names(ScenarioWords):
    """Display names for the ids of one exercise record; unknown ids print as themselves."""

    def __init__(self, record: ExerciseRecord) -> None:
        super().__init__(record.scenario, record.teams)
        self._record = record

    def inject(self, inject_id: str | None) -> str:
        """The inject's title, or its id; empty for none."""
        if inject_id is None:
            return ""
        inject = self._record.inject_by_id.get(inject_id)
        return inject_id if inject is None else inject.title

    def phase(self, phase_id: str) -> str:
        """The phase's title, or its id."""
        phase = self._record.scenario.phase_by_id.get(phase_id)
        return phase_id if phase is None else phase.title

    @property
    def start(self) -> date | None:
        """The calendar date of D+0, if the scenario gives one."""
        return self._record.scenario.setting.start

    def stamp(self, minutes: int | None) -> str:
        """`D+N HH:MM`, or an em dash for no time."""
        return "—" if minutes is None else format_stamp(minutes)

    def calendar(self, minutes: int) -> str:
        """The calendar date of a scenario time (`12 Jan 2033`), empty without a D+0 date."""
        start = self.start
        if start is None:
            return ""
        return long_date(start + timedelta(days=minutes // MINUTES_PER_DAY))


def join_words(words: list[str], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def long_date(day: date) -> str:
    """`10 January 2033`."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def duration(minutes: int | None) -> str:
    """A response time for people: `45 min`, `2 h 10 min`, `1 d 3 h`; a dash for none."""
    if minutes is None:
        return "—"
    if minutes < 0:
        return f"\N{MINUS SIGN}{duration(-minutes)}"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < MINUTES_PER_DAY:
        hours, rest = divmod(minutes, 60)
        return f"{hours} h {rest:02d} min" if rest else f"{hours} h"
    text = format_duration(minutes)
    return text.replace("d", " d ").replace("h", " h ").replace("m", " min").strip()


def percent(value: float | None) -> str:
    """`57%`, `0.4%` for small shares, a dash for no value."""
    if value is None:
        return "—"
    share = value * 100
    if 0 < share < 1:
        return f"{share:.1f}%"
    return f"{share:.0f}%"


def number(value: float | None, digits: int = 3) -> str:
    """A ratio printed with `digits` decimals, a dash for none."""
    return "—" if value is None else f"{value:.{digits}f}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`1 decision`, `3 decisions`, with thousands separators."""
    word = singular if n == 1 else (plural or f"{singular}s")
    return f"{n:,} {word}"
