"""Details of the format contract: located play errors, required steps, media that stay
inside the pack, one-id shorthand for id lists in the models and the JSON Schema, and
play references to a pack folder by relative path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from desktop.scenario.diagnostics import InvalidFile
from desktop.scenario.pack import load_scenario
from desktop.services.validation import validate_path

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "packs" / "mini"


def _copy_mini(tmp_path: Path) -> Path:
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    return pack


def test_unresolvable_play_scenario_is_reported_at_its_line(tmp_path: Path) -> None:
    """A play naming a pack that cannot be found gets a message with no line or column.

    desktop/services/validation.py `_validate_play` builds the Diagnostic with line=None
    although the play's YAML document (with the position of `scenario:`) was just read.
    docs/play-format.md: play errors "are reported like pack errors, with file, line and
    field path"; DESIGN.md: "Validation errors name the file, line and column".
    """
    play = _copy_mini(tmp_path) / "demo-play.yaml"
    text = play.read_text(encoding="utf-8")
    play.write_text(text.replace("scenario: mini", "scenario: other"), encoding="utf-8")
    report = validate_path(play)
    assert not report.valid
    (diagnostic,) = report.diagnostics
    assert "cannot find the scenario pack 'other'" in diagnostic.message
    assert (diagnostic.line, diagnostic.column) == (57, 11), str(diagnostic)


def test_play_without_steps_is_refused(tmp_path: Path) -> None:
    """A play with no `steps` key validates (and simulates to an empty document).

    docs/play-format.md, "Top-level fields": `steps` is Required: yes. But
    desktop/scenario/play_models.py `PlayModel.steps` defaults to `[]`, so the key is
    optional and scenarios/play.schema.json does not list it in `required` either.
    """
    play = _copy_mini(tmp_path) / "no-steps.yaml"
    play.write_text("format: coherence-play/1\nscenario: mini\n", encoding="utf-8")
    report = validate_path(play)
    assert not report.valid, "a play without `steps` was accepted"
    assert any("missing required field 'steps'" in d.message for d in report.diagnostics)


def test_media_symlink_out_of_the_pack_is_not_copied(tmp_path: Path) -> None:
    """A symlink in media/ pulls a file from outside the pack into the exercise document.

    desktop/scenario/pack.py `collect_media` snapshots everything under media/ with
    `rglob` + `is_file()`, following symlinks, while pack_checks `_media_exists` refuses an
    attachment that resolves outside the pack. DESIGN.md: the document holds "the pack's
    YAML text and media"; a pack copied from a USB stick could carry `media/x -> ~/.ssh/...`
    and the file would travel inside every .coherence document made from it.
    """
    pack = _copy_mini(tmp_path)
    secret = tmp_path / "private-notes.txt"
    secret.write_text("not part of any pack\n", encoding="utf-8")
    (pack / "media" / "notes.txt").symlink_to(secret)
    try:
        loaded = load_scenario(pack)
    except InvalidFile:
        return  # refusing the pack is a fine fix too
    leaked = [name for name, data in loaded.media.items() if data == b"not part of any pack\n"]
    assert leaked == [], f"copied into the document from outside the pack: {leaked}"


def test_scenario_schema_accepts_one_id_for_an_id_list() -> None:
    """The JSON Schema rejects `to: all`, which the validator and the docs accept.

    docs/scenario-format.md, "YAML rules": "`to: all` is the same as `to: [all]`, `venue:
    hct` as `venue: [hct]`". desktop/scenario/fields.py `SlugList` accepts a string through a
    BeforeValidator that the generated schema does not show, so scenarios/scenario.schema.json
    says `"type": "array"` and an author's editor flags a valid pack (DESIGN.md: the schema
    is there "so authors get completion in their editors").
    """
    schema = json.loads((ROOT / "scenarios" / "scenario.schema.json").read_text("utf-8"))
    to = schema["$defs"]["InjectModel"]["properties"]["to"]
    options = to.get("anyOf", [to])
    assert any(option.get("type") == "string" for option in options), json.dumps(to)


def test_single_id_without_brackets_works_for_every_id_list(tmp_path: Path) -> None:
    """`objectives: integrated-planning` is refused while `to: leadership` is accepted.

    docs/scenario-format.md, "YAML rules": "A list of ids with a single item may be written
    without brackets". Only the `SlugList` fields (to, consult, consult_any, venue, avoid)
    accept it; `objectives`, `dimensions`, `members` and team `actors` are plain
    `list[Slug]` in desktop/scenario/pack_models.py and answer "expected a list".
    """
    pack = _copy_mini(tmp_path)
    file = pack / "scenario.yaml"
    text = file.read_text(encoding="utf-8")
    old = "    to: [leadership]\n    channel: meeting\n    dimensions: [political, security]\n"
    old += "    objectives: [integrated-planning]\n"
    assert text.count(old) == 1
    new = "    to: leadership\n    channel: meeting\n    dimensions: political\n"
    new += "    objectives: integrated-planning\n"
    file.write_text(text.replace(old, new), encoding="utf-8")
    report = validate_path(pack)
    assert report.valid, "\n".join(str(d) for d in report.diagnostics)


def test_play_may_name_its_pack_by_a_folder_beside_it(tmp_path: Path) -> None:
    """`scenario: ivuna` (a folder beside the play) is taken for a pack id and refused.

    docs/play-format.md: `scenario` is "its `id`, or a path to it relative to the play
    file". `validate` resolves `ivuna` as that folder (services/validation.py
    `resolve_pack`), then desktop/scenario/play_checks.py `check_play` treats any reference
    without '/' or '.yaml' as an id and reports "this play is for scenario 'ivuna', not
    'mini'". Only `./ivuna` works.
    """
    shutil.copytree(MINI, tmp_path / "ivuna")
    play = tmp_path / "demo-play.yaml"
    text = (MINI / "demo-play.yaml").read_text(encoding="utf-8")
    play.write_text(text.replace("scenario: mini", "scenario: ivuna"), encoding="utf-8")
    report = validate_path(play)
    assert report.valid, "\n".join(str(d) for d in report.diagnostics)


def test_symlink_loop_in_media_is_refused_cleanly(tmp_path: Path) -> None:
    """Two links pointing at each other in media/ give an error, not a crash."""
    pack = _copy_mini(tmp_path)
    (pack / "media" / "a").symlink_to(pack / "media" / "b")
    (pack / "media" / "b").symlink_to(pack / "media" / "a")
    report = validate_path(pack)
    assert not report.valid
    assert any("loop" in d.message for d in report.diagnostics)


def test_attachment_through_a_missing_folder_is_not_found(tmp_path: Path) -> None:
    """`media/zz/../map.svg` names a folder that does not exist: the file cannot be read."""
    pack = _copy_mini(tmp_path)
    scenario = pack / "scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    scenario.write_text(
        text.replace("[media/ivuna-district.svg]", "[media/zz/../ivuna-district.svg]"),
        encoding="utf-8",
    )
    report = validate_path(pack)
    assert not report.valid
    assert any("file not found" in d.message for d in report.diagnostics)
