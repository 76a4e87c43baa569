"""Several runs of one scenario side by side: `coherence-comparison/1`.

The input is labelled `coherence-report/1` dicts (see `report_json.debrief_json`); the
output keeps the report's shape with every figure replaced by a list of per-run values,
in the order of `runs`. Lists of the report keyed by an id (teams, injects, targets,
ratings) become dicts keyed by that id, in order of first appearance across the runs.
A team, inject, phase or (team, objective) pair a run does not have gives `null` in
that run's place; `present` says which runs have a team or an inject at all, since a
`null` release time otherwise means "never released".

`comparison_tables` gives the same figures as flat tables (key columns, then one value
per run) for renderers such as the spreadsheet export.

Runs are matched by scenario id only: two versions of a pack with the same id (actors
added, injects changed) compare without complaint, and figures such as the density
(over all scenario actors) then differ for that reason alone.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.analysis.report_json import REPORT_FORMAT

COMPARISON_FORMAT = "coherence-comparison/1"

Json = dict[str, Any]
Report = Mapping[str, Any]
K = TypeVar("K")

RATIO_KEYS = ("value", "numerator", "denominator")
INDICATORS = ("agency", "whole_of_un", "harmonization", "alignment", "alignment_society")
NETWORK_KEYS = (
    "decisions",
    "density",
    "reciprocity",
    "edges",
    "consultations",
    "ei_index_category",
    "external_edges",
    "internal_edges",
)
VERDICTS = ("red-flag", "concerns", "compliant", "not-applicable")
RATINGS = ("P", "S", "M", "U")
TEAM_KEYS = ("decisions", "median_response_minutes", "answered")
TARGET_KEYS = ("first_response_minutes", "expectation", "reasons")


def compare_json(reports: Sequence[tuple[str, Report]]) -> Json:
    """Put the figures of labelled runs of the same scenario side by side.

    `reports` are `(label, debrief_json output)` pairs; a label is what the run is
    called in the comparison (a file name, a cohort). Raises `ValueError` when there is
    nothing to compare, a label repeats, a dict is not a `coherence-report/1`, or the
    runs are of different scenarios (compared by scenario id). The result shares no
    object with the reports.
    """
    _check(reports)
    runs = [copy.deepcopy(report) for _, report in reports]
    first = runs[0]["scenario"]
    return {
        "format": COMPARISON_FORMAT,
        "scenario": {"id": first["id"], "title": first.get("title", "")},
        "runs": [label for label, _ in reports],
        "figures": {
            "overview": _overview(runs),
            "coherence": _coherence(runs),
            "network": _network(runs),
            "humanitarian_space": _humanitarian(runs),
            "teams": _teams(runs),
            "injects": _injects(runs),
            "evaluation": {"ratings": _ratings(runs)},
        },
    }


def _check(reports: Sequence[tuple[str, Report]]) -> None:
    if not reports:
        raise ValueError("nothing to compare: give at least one report")
    labels = [label for label, _ in reports]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        raise ValueError(
            f"run labels must differ, but {', '.join(repeated)} is given more than once"
        )
    for label, report in reports:
        if report.get("format") != REPORT_FORMAT:
            raise ValueError(f"{label}: not a {REPORT_FORMAT} report")
    scenarios = {label: report["scenario"]["id"] for label, report in reports}
    if len(set(scenarios.values())) > 1:
        listed = "; ".join(f"{label}: {sid}" for label, sid in scenarios.items())
        raise ValueError(
            f"only runs of the same scenario can be compared, but these differ ({listed})"
        )


def _at(run: Report | None, path: Sequence[str]) -> Any:
    """The value at `path` in a report, or None where a key is missing."""
    value: Any = run
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _column(runs: Sequence[Report | None], *path: str) -> list[Any]:
    """The value at `path` for each run (None where the run lacks it)."""
    return [_at(run, path) for run in runs]


def _lengths(runs: Sequence[Report | None], *path: str) -> list[int | None]:
    """The length of the list at `path` for each run."""
    return [None if (items := _at(run, path)) is None else len(items) for run in runs]


def _ordered(keys: Iterable[K]) -> list[K]:
    """Keys in order of first appearance, without repeats."""
    return list(dict.fromkeys(keys))


def _keys(runs: Sequence[Report], *path: str) -> list[str]:
    """The keys of the dict at `path`, across runs in order of first appearance."""
    return _ordered(key for run in runs for key in (_at(run, path) or {}))


def _ratio(runs: Sequence[Report], *path: str) -> Json:
    return {key: _column(runs, *path, key) for key in RATIO_KEYS}


def _overview(runs: Sequence[Report]) -> Json:
    return {
        "participants": _column(runs, "scenario", "participants"),
        "teams": _lengths(runs, "scenario", "teams"),
        "decisions": _column(runs, "network", "decisions"),
    }


def _coherence(runs: Sequence[Report]) -> Json:
    result: Json = {name: _ratio(runs, "coherence", name) for name in INDICATORS}
    agency = result["agency"]
    teams = _keys(runs, "coherence", "agency", "team_counts")
    agency["team_counts"] = {
        team: _ratio(runs, "coherence", "agency", "team_counts", team) for team in teams
    }
    agency["teams"] = {team: agency["team_counts"][team]["value"] for team in teams}
    return result


def _summary(runs: Sequence[Report], *path: str) -> Json:
    return {key: _column(runs, *path, key) for key in NETWORK_KEYS}


def _network(runs: Sequence[Report]) -> Json:
    result = _summary(runs, "network")
    for key in ("unphased_decisions", "betweenness", "isolates"):
        result[key] = _column(runs, "network", key)
    result["phases"] = {
        phase: _summary(runs, "network", "phases", phase)
        for phase in _keys(runs, "network", "phases")
    }
    return result


def _humanitarian(runs: Sequence[Report]) -> Json:
    verdicts = [
        [a["verdict"] for a in _at(run, ("humanitarian_space", "military_asset_requests")) or ()]
        for run in runs
    ]
    found = _ordered([*VERDICTS, *(v for run in verdicts for v in run)])
    return {
        "firewall_breaches": _lengths(runs, "humanitarian_space", "firewall_breaches"),
        "military_asset_requests": _lengths(runs, "humanitarian_space", "military_asset_requests"),
        "asset_verdicts": {verdict: [run.count(verdict) for run in verdicts] for verdict in found},
    }


def _by_id(items: Iterable[Mapping[str, Any]], key: str = "id") -> dict[str, Mapping[str, Any]]:
    return {item[key]: item for item in items}


def _teams(runs: Sequence[Report]) -> Json:
    tables = [_by_id(run["teams"]) for run in runs]
    result: Json = {}
    for team in _ordered(t for table in tables for t in table):
        rows = [table.get(team) for table in tables]
        result[team] = {
            "present": [row is not None for row in rows],
            **{key: _column(rows, key) for key in TEAM_KEYS},
            "unanswered": _lengths(rows, "unanswered"),
            "unanswered_injects": _column(rows, "unanswered"),
            "expectations": {
                status: _column(rows, "expectations", status)
                for status in ("met", "partial", "unmet")
            },
        }
    return result


def _injects(runs: Sequence[Report]) -> Json:
    tables = [_by_id(run["injects"]) for run in runs]
    result: Json = {}
    for inject in _ordered(i for table in tables for i in table):
        rows = [table.get(inject) for table in tables]
        targets = [None if row is None else _by_id(row["targets"], "team") for row in rows]
        teams = _ordered(t for table in targets if table is not None for t in table)
        result[inject] = {
            "present": [row is not None for row in rows],
            "released_at": _column(rows, "released_at"),
            "targets": {
                team: {
                    key: [
                        None if table is None else _at(table.get(team), (key,)) for table in targets
                    ]
                    for key in TARGET_KEYS
                }
                for team in teams
            },
        }
    return result


def _ratings(runs: Sequence[Report]) -> Json:
    tables = [
        {(r["team"], r["objective"]): r for r in run["evaluation"]["ratings"]} for run in runs
    ]
    result: Json = {}
    for team, objective in _ordered(pair for table in tables for pair in table):
        rows = [table.get((team, objective)) for table in tables]
        result.setdefault(team, {})[objective] = {
            "overall": _column(rows, "overall"),
            "overall_from": _column(rows, "overall_from"),
            "counts": {rating: _column(rows, "counts", rating) for rating in RATINGS},
        }
    return result


# --- the comparison as tables -------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonTable:
    """A figure group as a table: key columns, then one value per run in each row.

    Values are as in the comparison (numbers, strings, None, and lists for reasons,
    isolates and betweenness); turning them into text is the renderer's business.
    """

    title: str
    keys: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def comparison_tables(comparison: Mapping[str, Any]) -> list[ComparisonTable]:
    """A `coherence-comparison/1` dict as one table per figure group, runs as columns."""
    figures = comparison["figures"]

    def table(
        title: str, keys: tuple[str, ...], rows: Iterable[tuple[Any, ...]]
    ) -> ComparisonTable:
        return ComparisonTable(title, keys, tuple(rows))

    return [
        table("Overview", ("Figure",), _leaves((), figures["overview"])),
        table("Coherence", ("Indicator", "Team", "Measure"), _coherence_rows(figures)),
        table("Network", ("Phase", "Figure"), _network_rows(figures["network"])),
        table("Humanitarian space", ("Figure", "Scope"), _humanitarian_rows(figures)),
        table("Teams", ("Team", "Figure"), _leaves((), figures["teams"])),
        table("Injects", ("Inject", "Team", "Figure"), _inject_rows(figures["injects"])),
        table("Ratings", ("Team", "Objective", "Figure"), _leaves((), _flat_ratings(figures))),
    ]


def _leaves(keys: tuple[str, ...], node: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    """Walk nested dicts down to the per-run lists; the path gives the key columns.

    Expectation counts are flattened into `met`, `partial`, `unmet` under their team.
    """
    for key, value in node.items():
        if isinstance(value, Mapping):
            inner = () if key == "expectations" else (key,)
            yield from _leaves((*keys, *inner), value)
        else:
            yield (*keys, key, *value)


def _coherence_rows(figures: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    for name, ratio in figures["coherence"].items():
        for measure in RATIO_KEYS:
            yield (name, "all", measure, *ratio[measure])
    for team, ratio in figures["coherence"]["agency"].get("team_counts", {}).items():
        for measure in RATIO_KEYS:
            yield ("agency", team, measure, *ratio[measure])


def _network_rows(network: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    for key, values in network.items():
        if key != "phases":
            yield ("all", key, *values)
    yield from _leaves((), network.get("phases", {}))


def _humanitarian_rows(figures: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    for key, values in figures["humanitarian_space"].items():
        if key == "asset_verdicts":
            for verdict, counts in values.items():
                yield ("asset_verdict", verdict, *counts)
        else:
            yield (key, "all", *values)


def _inject_rows(injects: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    for inject, entry in injects.items():
        yield (inject, None, "present", *entry["present"])
        yield (inject, None, "released_at", *entry["released_at"])
        for team, figures in entry["targets"].items():
            for key, values in figures.items():
                yield (inject, team, key, *values)


def _flat_ratings(figures: Mapping[str, Any]) -> Mapping[str, Any]:
    """Ratings with the counts' letters lifted beside `overall` (one key level less)."""
    return {
        team: {
            objective: {k: v for k, v in pair.items() if k != "counts"} | pair["counts"]
            for objective, pair in objectives.items()
        }
        for team, objectives in figures["evaluation"]["ratings"].items()
    }
