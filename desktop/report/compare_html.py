"""Several runs of one scenario side by side as one self-contained HTML page.

The page is rendered from a `coherence-comparison/1` dict (`analysis.compare`), with the
single-run report's style sheet, macros and words (`html`, `labels`, `naming`), so the two
look alike. Each run is a column; every ratio is printed with its raw counts. Ids become
names through the record of one of the runs when one is given; otherwise they print as
ids. Labels, ids and names are untrusted text: the template autoescapes all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from desktop import __version__
from desktop.analysis.compare import NETWORK_KEYS
from desktop.analysis.record import ExerciseRecord
from desktop.domain.expectations import Reason, ReasonCode
from desktop.report import labels, sentences
from desktop.report.html import environment, stylesheet
from desktop.report.naming import Names, duration, long_date, number, percent

TEMPLATE = "compare.html.j2"

# What the counts of each coherence indicator count, for the line under its name.
INDICATOR_COUNTS: dict[str, str] = {
    "agency": "decisions that did not reverse an earlier decision of the same team, "
    "of all decisions",
    "whole_of_un": "decisions by a UN actor that engaged another part of the UN system, "
    "of all decisions by UN actors",
    "harmonization": "decisions by an international actor that engaged one of another "
    "organisation, of all decisions by international actors",
    "alignment": "decisions by an international actor that engaged a national or local "
    "actor, of all decisions by international actors",
    "alignment_society": "the same, counting only civil society and community actors",
}
INDICATOR_TITLES: dict[str, str] = {
    **labels.ELEMENT,
    "alignment_society": "Alignment with society",
}
RANKS = ("1st", "2nd", "3rd", "4th", "5th")
RATINGS = ("P", "S", "M", "U")


@dataclass(frozen=True)
class Cell:
    """One run's value in a row: main text, small lines under it, and an optional chip.

    `status` is an expectation or verdict code shown as a coloured chip labelled `text`;
    `rating` a P/S/M/U rating chip; `absent` marks a run that does not have the row's
    team, inject or pair at all.
    """

    text: str = ""
    details: tuple[str, ...] = ()
    status: str | None = None
    rating: str | None = None
    absent: bool = False


ABSENT = Cell("not in this run", absent=True)


@dataclass(frozen=True)
class Row:
    """A figure across the runs; `differs` when the runs do not show the same thing."""

    label: str
    cells: tuple[Cell, ...]
    note: str = ""

    @property
    def differs(self) -> bool:
        """Whether some run's cell differs from another's."""
        return len(set(self.cells)) > 1


@dataclass(frozen=True)
class Group:
    """A titled block of rows (a phase, a team, an objective, an inject)."""

    title: str
    rows: tuple[Row, ...]
    subtitle: str = ""
    note: str = ""


@dataclass(frozen=True)
class RunCard:
    """A run on the cover."""

    label: str
    participants: str
    teams: str
    decisions: str


@dataclass(frozen=True)
class ComparisonView:
    """Everything the comparison template prints, words already chosen."""

    version: str
    generated: str
    title: str
    runs: tuple[str, ...]
    cards: tuple[RunCard, ...]
    summary: tuple[Row, ...]
    indicators: tuple[Row, ...]
    agency_teams: tuple[Row, ...]
    network: tuple[Row, ...]
    brokers: tuple[Row, ...]
    phases: tuple[Group, ...]
    humanitarian: tuple[Row, ...]
    ratings: tuple[Group, ...]
    teams: tuple[Group, ...]
    injects: tuple[Group, ...]


def render_comparison_html(
    comparison: Mapping[str, Any], record: ExerciseRecord | None = None
) -> str:
    """A `coherence-comparison/1` dict as one self-contained HTML document.

    `record` (any run of the scenario) supplies the names of teams, actors, phases,
    objectives and injects; without it they print as ids. CSS is inline and nothing is
    fetched from a network, so the file opens offline in any browser and prints on A4.
    """
    view = comparison_view(comparison, record)
    template = environment().get_template(TEMPLATE)
    # The style sheet is our own file: inline it unescaped (CSS inside <style> is not HTML).
    return template.render(c=view, css=Markup(stylesheet("html")), pdf=False)


# --- building the view ------------------------------------------------------------------


class _Words:
    """Names for ids from a record when there is one, else the ids themselves."""

    def __init__(self, record: ExerciseRecord | None) -> None:
        self.record = record
        self.names = None if record is None else Names(record)

    def _name(self, pick: Callable[[Names], Callable[[str], str]], key: str) -> str:
        return key if self.names is None else pick(self.names)(key)

    def team(self, key: str) -> str:
        return self._name(lambda n: n.team, key)

    def actor(self, key: str) -> str:
        return self._name(lambda n: n.actor, key)

    def phase(self, key: str) -> str:
        return self._name(lambda n: n.phase, key)

    def objective(self, key: str) -> str:
        return self._name(lambda n: n.objective, key)

    def inject(self, key: str) -> str:
        title = self._name(lambda n: n.inject, key)
        return "" if title == key else title

    def reason(self, code: str, inject: str, first_response: int | None) -> str:
        """A reason code (`not-in-venue:hct`) as the single-run report words it."""
        head, _, subject = code.partition(":")
        found = None if self.record is None else self.record.inject_by_id.get(inject)
        if found is None or self.names is None or head not in set(ReasonCode):
            return code
        reason = Reason(ReasonCode(head), subject)
        return sentences.reason_sentence(reason, found, first_response, self.names, {})


def comparison_view(
    comparison: Mapping[str, Any], record: ExerciseRecord | None = None
) -> ComparisonView:
    """Compute the rows of every section of the comparison page."""
    words = _Words(record)
    runs = tuple(str(run) for run in comparison["runs"])
    figures = comparison["figures"]
    overview = figures["overview"]
    network = figures["network"]
    cards = tuple(
        RunCard(run, _int(p), _int(t), _int(d))
        for run, p, t, d in zip(
            runs, overview["participants"], overview["teams"], overview["decisions"], strict=True
        )
    )
    actors = None if record is None else len(record.scenario.actors)
    return ComparisonView(
        version=__version__,
        generated=long_date(date.today()),
        title=str(comparison["scenario"].get("title") or comparison["scenario"]["id"]),
        runs=runs,
        cards=cards,
        summary=_summary(figures),
        indicators=tuple(
            Row(INDICATOR_TITLES.get(name, name), _ratios(ratio), INDICATOR_COUNTS.get(name, ""))
            for name, ratio in figures["coherence"].items()
        ),
        agency_teams=tuple(
            Row(words.team(team), _ratios(ratio))
            for team, ratio in figures["coherence"]["agency"].get("team_counts", {}).items()
        ),
        network=(
            Row("Decisions", tuple(Cell(_int(v)) for v in network["decisions"])),
            *_network_rows(network, actors),
            Row(
                "Actors not engaged",
                tuple(
                    ABSENT if ids is None else _listed(len(ids), "actor", map(words.actor, ids))
                    for ids in network["isolates"]
                ),
            ),
        ),
        brokers=_brokers(network["betweenness"], words),
        phases=tuple(
            Group(words.phase(phase), tuple(_network_rows(summary, actors, decisions=True)))
            for phase, summary in network["phases"].items()
        ),
        humanitarian=_humanitarian(figures["humanitarian_space"]),
        ratings=_ratings(figures["evaluation"]["ratings"], words, len(runs)),
        teams=tuple(_team(words.team(team), entry) for team, entry in figures["teams"].items()),
        injects=tuple(_inject(key, entry, words) for key, entry in figures["injects"].items()),
    )


def _int(value: Any) -> str:
    return "—" if value is None else f"{value:,}"


def _ratio(numerator: int | None, denominator: int | None, value: float | None) -> Cell:
    """`42 of 74 (57%)`: a share always with its counts."""
    if numerator is None or denominator is None:
        return ABSENT
    return Cell(f"{numerator:,} of {denominator:,} ({percent(value)})")


def _ratios(ratio: Mapping[str, Sequence[Any]]) -> tuple[Cell, ...]:
    return tuple(
        _ratio(n, d, v)
        for n, d, v in zip(ratio["numerator"], ratio["denominator"], ratio["value"], strict=True)
    )


def _listed(n: int, singular: str, names: Iterable[str]) -> Cell:
    items = tuple(names)
    word = singular if n == 1 else f"{singular}s"
    return Cell(f"{n:,} {word}", ("; ".join(items),) if items else ())


def _summary(figures: Mapping[str, Any]) -> tuple[Row, ...]:
    overview, network = figures["overview"], figures["network"]
    space = figures["humanitarian_space"]
    runs = len(overview["decisions"])
    released = [0] * runs
    injects = [0] * runs
    for entry in figures["injects"].values():
        for i, (present, at) in enumerate(zip(entry["present"], entry["released_at"], strict=True)):
            injects[i] += bool(present)
            released[i] += bool(present and at is not None)
    met, judged = [0] * runs, [0] * runs
    for team in figures["teams"].values():
        for status, counts in team["expectations"].items():
            for i, value in enumerate(counts):
                judged[i] += value or 0
                met[i] += (value or 0) if status == "met" else 0
    flagged = space.get("asset_verdicts", {}).get("red-flag", [0] * runs)
    return (
        Row("Participants", tuple(Cell(_int(v)) for v in overview["participants"])),
        Row("Teams", tuple(Cell(_int(v)) for v in overview["teams"])),
        Row("Decisions", tuple(Cell(_int(v)) for v in overview["decisions"])),
        Row(
            "Consultations",
            tuple(
                Cell(_int(c), (f"over {_int(e)} distinct ties",) if e is not None else ())
                for c, e in zip(network["consultations"], network["edges"], strict=True)
            ),
        ),
        Row(
            "Injects released",
            tuple(Cell(f"{r:,} of {n:,}") for r, n in zip(released, injects, strict=True)),
        ),
        Row(
            "Responses that met the expected reaction",
            tuple(_ratio(m, j, m / j if j else None) for m, j in zip(met, judged, strict=True)),
            "team responses to injects that carry an expectation",
        ),
        Row("Firewall breaches", tuple(Cell(_int(v)) for v in space["firewall_breaches"])),
        Row(
            "Asset requests with a red flag",
            tuple(
                _ratio(f, n, f / n if n else None)
                for f, n in zip(flagged, space["military_asset_requests"], strict=True)
            ),
            "requests for military or civil-defence assets",
        ),
    )


def _possible_ties(edges: int, density: float | None, actors: int | None) -> int | None:
    """n(n - 1) over all scenario actors: undone from the run's own density (packs may
    differ between runs), or with no ties from the actors of the record."""
    if density:
        return round(edges / density)
    return None if actors is None else actors * (actors - 1)


def _network_rows(
    summary: Mapping[str, Sequence[Any]], actors: int | None, *, decisions: bool = False
) -> list[Row]:
    """Density, reciprocity, ties, consultations and E–I index, each with its counts."""
    runs = [{key: summary[key][i] for key in NETWORK_KEYS} for i in range(len(summary["edges"]))]
    cells = [_network_cells(run, actors) for run in runs]
    density, reciprocity, ties, consultations, ei = zip(*cells, strict=True) if cells else [()] * 5
    rows = []
    if decisions:
        rows.append(Row("Decisions", tuple(Cell(_int(v)) for v in summary["decisions"])))
    rows += [
        Row("Density", density, "ties used, of all possible ties among the actors"),
        Row("Reciprocity", reciprocity, "ties answered by a tie back"),
        Row("Ties (distinct edges)", ties),
        Row("Consultations (total weight)", consultations),
        Row(
            "E\N{EN DASH}I index by category",
            ei,
            "from \N{MINUS SIGN}1 (only within) to +1 (only across)",
        ),
    ]
    return rows


def _network_cells(
    run: Mapping[str, Any], actors: int | None
) -> tuple[Cell, Cell, Cell, Cell, Cell]:
    """One run's density, reciprocity, ties, consultations and E\N{EN DASH}I index cells."""
    edges, density, reciprocity = run["edges"], run["density"], run["reciprocity"]
    if edges is None:
        return (ABSENT,) * 5
    possible = _possible_ties(edges, density, actors)
    of = "" if possible is None else f" of {possible:,} possible"
    answered = (
        Cell("no ties")
        if reciprocity is None
        else Cell(f"{round(reciprocity * edges):,} of {edges:,} ties ({number(reciprocity)})")
    )
    split = (
        f"{_int(run['external_edges'])} ties across categories, "
        f"{_int(run['internal_edges'])} within"
    )
    return (
        Cell(f"{edges:,}{of} ties ({number(density)})"),
        answered,
        Cell(f"{edges:,}"),
        Cell(_int(run["consultations"])),
        Cell(number(run["ei_index_category"], 2), (split,)),
    )


def _brokers(betweenness: Sequence[Any], words: _Words) -> tuple[Row, ...]:
    depth = max((len(b) for b in betweenness if b), default=0)
    return tuple(
        Row(
            RANKS[rank] if rank < len(RANKS) else f"{rank + 1}th",
            tuple(
                ABSENT
                if b is None
                else (
                    Cell(words.actor(b[rank]["actor"]), (number(b[rank]["value"]),))
                    if rank < len(b)
                    else Cell("—")
                )
                for b in betweenness
            ),
        )
        for rank in range(depth)
    )


def _humanitarian(space: Mapping[str, Any]) -> tuple[Row, ...]:
    requests = space["military_asset_requests"]
    rows = [
        Row(
            "Firewall breaches",
            tuple(Cell(_int(v)) for v in space["firewall_breaches"]),
            "consultations that crossed the humanitarian firewall",
        ),
        Row("Military asset requests", tuple(Cell(_int(v)) for v in requests)),
    ]
    for verdict, counts in space.get("asset_verdicts", {}).items():
        rows.append(
            Row(
                "Requests " + labels.label(labels.VERDICT_COUNTED, verdict),
                tuple(
                    ABSENT if n is None else Cell(f"{c:,} of {n:,}")
                    for c, n in zip(counts, requests, strict=True)
                ),
            )
        )
    return tuple(rows)


def _ratings(ratings: Mapping[str, Any], words: _Words, runs: int) -> tuple[Group, ...]:
    by_objective: dict[str, list[Row]] = {}
    for team, objectives in ratings.items():
        for objective, pair in objectives.items():
            cells = []
            for i in range(runs):
                overall = pair["overall"][i]
                if overall is None:
                    cells.append(Cell("not rated", absent=True))
                    continue
                counts = " · ".join(
                    f"{pair['counts'][r][i]} {r}" for r in RATINGS if pair["counts"][r][i]
                )
                final = pair["overall_from"][i] == "final"
                cells.append(
                    Cell(
                        "final" if final else "most frequent",
                        (counts,) if counts else (),
                        rating=str(overall),
                    )
                )
            by_objective.setdefault(objective, []).append(Row(words.team(team), tuple(cells)))
    return tuple(Group(words.objective(o), tuple(rows)) for o, rows in by_objective.items())


def _team(name: str, entry: Mapping[str, Any]) -> Group:
    present = entry["present"]

    def cells(make: Callable[[int], Cell]) -> tuple[Cell, ...]:
        return tuple(make(i) if here else ABSENT for i, here in enumerate(present))

    expectations = entry["expectations"]

    def judged(i: int) -> int:
        return sum(expectations[s][i] or 0 for s in ("met", "partial", "unmet"))

    def status_row(status: str) -> Row:
        return Row(
            f"Expectation {labels.label(labels.EXPECTATION, status)}",
            cells(lambda i: Cell(f"{expectations[status][i]:,} of {judged(i):,}")),
        )

    def median(i: int) -> Cell:
        value = entry["median_response_minutes"][i]
        return Cell(duration(None if value is None else round(value)))

    def unanswered(i: int) -> Cell:
        ids = entry["unanswered_injects"][i] or []
        return Cell(f"{len(ids):,}", (", ".join(ids),) if ids else ())

    return Group(
        name,
        (
            Row("Decisions", cells(lambda i: Cell(_int(entry["decisions"][i])))),
            Row("Injects answered", cells(lambda i: Cell(_int(entry["answered"][i])))),
            Row("Median first response", cells(median)),
            Row("Unanswered injects", cells(unanswered)),
            *(status_row(s) for s in ("met", "partial", "unmet")),
        ),
    )


def _inject(key: str, entry: Mapping[str, Any], words: _Words) -> Group:
    present = entry["present"]
    released = entry["released_at"]
    times = [
        "not in this run" if not here else (at or "not released")
        for here, at in zip(present, released, strict=True)
    ]
    subtitle = f"released {times[0]}" if len(set(times)) == 1 else "released " + " / ".join(times)
    rows = []
    for team, figures in entry["targets"].items():
        cells = []
        for i, status in enumerate(figures["expectation"]):
            if status is None:
                cells.append(Cell("not addressed", absent=True))
                continue
            minutes = figures["first_response_minutes"][i]
            reasons = tuple(words.reason(str(r), key, minutes) for r in figures["reasons"][i] or ())
            if minutes is not None:
                details = (f"first decision after {duration(minutes)}", *reasons)
            else:  # the reasons say so when the team's response was judged
                details = reasons or ("no decision",)
            cells.append(
                Cell(labels.label(labels.EXPECTATION, status), details, status=str(status))
            )
        rows.append(Row(words.team(team), tuple(cells)))
    title = words.inject(key)
    return Group(f"{key} · {title}" if title else key, tuple(rows), subtitle)
