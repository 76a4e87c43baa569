"""Pack summaries for the setup screens, and participant lists read from CSV files."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.scenario.diagnostics import InvalidFile
from desktop.services.packs import (
    list_bundled_packs,
    read_participants_csv,
    summarize_pack,
)

TEAM_IDS = ["force", "unct", "humanitarian"]
TEAM_NAMES = ["Force and Police", "UN Country Team", "Humanitarian agencies"]


def write(folder: Path, text: str | bytes, name: str = "participants.csv") -> Path:
    path = folder / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def read(path: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    people, problems = read_participants_csv(path, TEAM_IDS, TEAM_NAMES)
    return [(p.name, p.team, p.role) for p in people], problems


# Packs.


def test_bundled_packs_are_listed_and_usable() -> None:
    packs = list_bundled_packs()
    ids = {p.id for p in packs}
    assert {"integrated-mission-exercise", "civmil-snap-situations"} <= ids
    for pack in packs:
        assert pack.usable, pack.error
        assert pack.bundled
        assert pack.actor_count > 0
        assert pack.phases
        assert (pack.path / "scenario.yaml").is_file()


def test_summarize_mini_pack_by_folder_and_by_file(mini_pack: Path) -> None:
    by_folder = summarize_pack(mini_pack)
    by_file = summarize_pack(mini_pack / "scenario.yaml")
    assert by_folder == by_file
    assert by_folder.id == "mini"
    assert by_folder.country == "Lomara"
    assert by_folder.phases == ("Stabilization", "Transition", "Consolidation")
    assert by_folder.actor_count == 17
    assert by_folder.team_count == 3
    assert by_folder.inject_count == 11
    assert len(by_folder.objectives) == 3
    assert not by_folder.bundled
    assert by_folder.summary.startswith("A short exercise")


def test_a_bad_pack_raises_with_file_and_line(mini_pack: Path) -> None:
    file = mini_pack / "scenario.yaml"
    file.write_text(file.read_text(encoding="utf-8").replace("id: mini", "idd: mini", 1))
    with pytest.raises(InvalidFile) as caught:
        summarize_pack(mini_pack)
    assert any(d.line is not None for d in caught.value.errors)
    assert "scenario.yaml:" in str(caught.value)


def test_a_broken_bundled_pack_is_listed_with_its_error(tmp_path: Path, mini_pack: Path) -> None:
    root = tmp_path / "bundle"
    root.mkdir()
    good = root / "good"
    bad = root / "bad"
    (root / "not-a-pack").mkdir()
    for target in (good, bad):
        target.mkdir()
        (target / "scenario.yaml").write_bytes((mini_pack / "scenario.yaml").read_bytes())
        (target / "media").mkdir()
        for item in (mini_pack / "media").iterdir():
            (target / "media" / item.name).write_bytes(item.read_bytes())
    (bad / "scenario.yaml").write_text("format: coherence-scenario/1\nid: [unclosed\n")
    packs = list_bundled_packs(root)
    assert [p.id for p in packs] == ["bad", "mini"]
    assert not packs[0].usable
    assert "scenario.yaml" in packs[0].error
    assert packs[1].usable


# Participants.


def test_reads_ids_names_roles_any_case(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Name,Team,Role\n"
        "A. Mensah,unct,Scribe\n"
        "B. Okafor,FORCE,\n"
        "C. Diallo,humanitarian agencies,Lead\n",
    )
    people, problems = read(path)
    assert problems == []
    assert people == [
        ("A. Mensah", "unct", "Scribe"),
        ("B. Okafor", "force", ""),
        ("C. Diallo", "humanitarian", "Lead"),
    ]


def test_semicolons_bom_and_no_role_column(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeffteam;name\r\nunct;Amélie Ndiaye\r\n".encode())
    assert read(path) == ([("Amélie Ndiaye", "unct", "")], [])


def test_windows_1252_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "name;team\nAmélie;unct\n".encode("cp1252"))
    assert read(path) == ([("Amélie", "unct", "")], [])


def test_problems_name_file_line_and_suggest(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name,team,role\n"
        "A. Mensah,unct,\n"
        "\n"
        "B. Okafor,forcee,\n"
        ",unct,\n"
        "C. Diallo,,\n"
        "a. mensah,UNCT,\n",
    )
    people, problems = read(path)
    assert people == [("A. Mensah", "unct", "")]
    assert problems == [
        "participants.csv:4: unknown team 'forcee' (did you mean 'force'?)",
        "participants.csv:5: no name",
        "participants.csv:6: no team for 'C. Diallo'",
        "participants.csv:7: 'a. mensah' is listed twice for this team",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("\n\n", "the file is empty"),
        ("name,team\n", "no participant could be read"),
        ("person,group\nA,unct\n", "the first row must name the columns"),
        ("name,team\nA,nowhere\n", "no participant could be read"),
    ],
)
def test_a_file_with_no_usable_rows_is_an_error(tmp_path: Path, text: str, expected: str) -> None:
    people, problems = read(write(tmp_path, text))
    assert people == []
    assert any(expected in p for p in problems), problems


def test_unreadable_and_binary_files(tmp_path: Path) -> None:
    people, problems = read(tmp_path / "missing.csv")
    assert people == []
    assert problems[0].startswith("missing.csv: cannot be read")
    people, problems = read(write(tmp_path, b"\x00\x01\x02name,team"))
    assert people == []
    assert problems


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.sampled_from(list("name,team;role\t\n\r\"' unctFORCE\ufeffé"))),
        st.binary(),
    )
)
def test_never_raises_and_only_known_teams(content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), content)
        people, problems = read_participants_csv(path, TEAM_IDS, TEAM_NAMES)
    assert all(p.team in TEAM_IDS for p in people)
    assert all(p.name for p in people)
    if not people:
        assert problems
