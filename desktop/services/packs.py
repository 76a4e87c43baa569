"""Scenario packs as the setup screens show them, and participant lists from spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.records import Participant
from desktop.infra.paths import bundled_scenarios
from desktop.scenario.diagnostics import InvalidFile, did_you_mean
from desktop.scenario.pack import SCENARIO_FILE, LoadedScenario, load_scenario


@dataclass(frozen=True)
class PackSummary:
    """What a person choosing a pack needs to see; `error` is set for a pack that fails."""

    path: Path
    id: str
    title: str
    summary: str = ""
    country: str = ""
    mission: str = ""
    phases: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    actor_count: int = 0
    team_count: int = 0
    inject_count: int = 0
    bundled: bool = False
    error: str = ""

    @property
    def usable(self) -> bool:
        """Whether the pack loaded without errors."""
        return not self.error


def summary_of(loaded: LoadedScenario, *, bundled: bool = False) -> PackSummary:
    """Summarise a pack already loaded."""
    scenario = loaded.scenario
    path = loaded.path.parent if loaded.path.name == SCENARIO_FILE else loaded.path
    return PackSummary(
        path=path,
        id=scenario.id,
        title=scenario.title,
        summary=scenario.summary.strip(),
        country=scenario.setting.country,
        mission=scenario.setting.mission,
        phases=tuple(p.title for p in scenario.phases),
        objectives=tuple(o.title for o in scenario.objectives),
        actor_count=len(scenario.actors),
        team_count=len(scenario.teams),
        inject_count=len(scenario.injects),
        bundled=bundled,
    )


def summarize_pack(path: Path) -> PackSummary:
    """Load the pack at `path` (a folder or its YAML file) and summarise it.

    Raises `InvalidFile` (messages with file and line) for a pack that does not load.
    """
    return summary_of(load_scenario(path), bundled=is_bundled(path))


def is_bundled(path: Path) -> bool:
    """Whether `path` lies among the packs shipped with the program."""
    try:
        Path(path).resolve().relative_to(bundled_scenarios().resolve())
    except ValueError:
        return False
    return True


def list_bundled_packs(root: Path | None = None) -> list[PackSummary]:
    """Every pack shipped with the program (folders of `root` with a `scenario.yaml`).

    A pack that fails to load is listed with its errors in `error`, not hidden, so a
    broken installation is noticed.
    """
    folder = root if root is not None else bundled_scenarios()
    if not folder.is_dir():
        return []
    packs: list[PackSummary] = []
    for item in sorted(folder.iterdir()):
        if not (item / SCENARIO_FILE).is_file():
            continue
        try:
            packs.append(summary_of(load_scenario(item), bundled=True))
        except InvalidFile as invalid:
            problems = invalid.errors or invalid.diagnostics
            packs.append(
                PackSummary(
                    path=item,
                    id=item.name,
                    title=item.name,
                    bundled=True,
                    error="\n".join(str(d) for d in problems),
                )
            )
    return packs


# Participants from a spreadsheet.

NAME_COLUMN = "name"
TEAM_COLUMN = "team"
ROLE_COLUMN = "role"
_SEPARATORS = ";,\t"


def read_participants_csv(
    path: Path, team_ids: Sequence[str], team_names: Sequence[str]
) -> tuple[list[Participant], list[str]]:
    """Read participants from a CSV file with the columns `name`, `team` and optional `role`.

    `team_names[i]` is the name of the team `team_ids[i]`; a row may give its team by id or
    by name, in any case. The first row must name the columns; `;`, `,` or tab separate
    them; UTF-8 (with or without a byte-order mark) and Windows-1252 are read. Rows with a
    problem are left out and described in the second list as `participants.csv:4: ...`.
    Never raises for the file's content: a file with no usable row returns no participants
    and at least one problem.
    """
    if len(team_ids) != len(team_names):
        raise ValueError("team_ids and team_names must be parallel")
    name = Path(path).name
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return [], [f"{name}: cannot be read: {error.strerror or error}"]
    text = _decode(data)
    if text is None:
        return [], [f"{name}: is not text; save the spreadsheet as 'CSV UTF-8'"]
    return _read_rows(name, text, _team_lookup(team_ids, team_names))


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text if "\x00" not in text else None
    return None


def _team_lookup(team_ids: Sequence[str], team_names: Sequence[str]) -> dict[str, str]:
    """Every accepted spelling of a team, folded, to its id."""
    lookup: dict[str, str] = {}
    for team_id, team_name in zip(team_ids, team_names, strict=True):
        if team_name.strip():
            lookup.setdefault(team_name.strip().casefold(), team_id)
    # Ids win over names when a name happens to equal another team's id.
    for team_id in team_ids:
        lookup[team_id.strip().casefold()] = team_id
    return lookup


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The separator: sniffed, else whichever is most frequent in the header line."""
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_SEPARATORS)
    except csv.Error:
        header = next((line for line in sample.splitlines() if line.strip()), "")
        separator = max(_SEPARATORS, key=header.count)

        class Fallback(csv.excel):
            delimiter = separator

        return Fallback


def _read_rows(name: str, text: str, teams: dict[str, str]) -> tuple[list[Participant], list[str]]:
    problems: list[str] = []
    participants: list[Participant] = []
    seen: set[tuple[str, str]] = set()
    try:
        reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
        header: list[str] | None = None
        for row in reader:
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            line = reader.line_num
            if header is None:
                header = [cell.casefold() for cell in cells]
                missing = [c for c in (NAME_COLUMN, TEAM_COLUMN) if c not in header]
                if missing:
                    found = ", ".join(cells)
                    return [], [
                        f"{name}:{line}: the first row must name the columns 'name' and "
                        f"'team' ('role' is optional); found '{found}'"
                    ]
                continue
            person = _participant(name, line, header, cells, teams, problems)
            if person is None:
                continue
            key = (person.name.casefold(), person.team)
            if key in seen:
                problems.append(f"{name}:{line}: '{person.name}' is listed twice for this team")
                continue
            seen.add(key)
            participants.append(person)
    except csv.Error as error:
        problems.append(f"{name}: cannot be read as CSV: {error}")
        return [], problems
    if header is None:
        problems.append(f"{name}: the file is empty; the first row must name the columns")
    elif not participants:
        problems.append(f"{name}: no participant could be read")
    return participants, problems


def _participant(
    name: str,
    line: int,
    header: list[str],
    cells: list[str],
    teams: dict[str, str],
    problems: list[str],
) -> Participant | None:
    def cell(column: str) -> str:
        index = header.index(column) if column in header else -1
        return cells[index] if 0 <= index < len(cells) else ""

    person, team, role = cell(NAME_COLUMN), cell(TEAM_COLUMN), cell(ROLE_COLUMN)
    if not person:
        problems.append(f"{name}:{line}: no name")
        return None
    if not team:
        problems.append(f"{name}:{line}: no team for '{person}'")
        return None
    team_id = teams.get(team.casefold())
    if team_id is None:
        hint = did_you_mean(team.casefold(), teams)
        problems.append(f"{name}:{line}: unknown team '{team}'{hint}")
        return None
    return Participant(name=person, team=team_id, role=role)
