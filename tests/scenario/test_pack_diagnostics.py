"""Located pack diagnostics, checked in-process on one-edit copies of the mini pack.

The CLI tests (tests/cli/test_cli_validate_pack.py) run the required cases as real
processes; these cover the remaining checks of docs/scenario-format.md section 14 at the
level of the `Diagnostic` (line, column, field path, message, severity).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.scenario.diagnostics import Diagnostic, Severity
from desktop.services.validation import ValidationReport, validate_path

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
TEXT = (MINI / "scenario.yaml").read_text(encoding="utf-8")

Located = tuple[int, int, tuple[str | int, ...], str]

# (id, old text, new text, (line, column, field path, message))
ERROR_CASES: list[tuple[str, str, str, Located]] = [
    ("unknown-sender", "from: ivdf\n", "from: ivdff\n",
     (363, 11, ("injects", 0, "from"), "unknown actor 'ivdff' (did you mean 'ivdf'?)")),
    ("unknown-phase", "phase: consolidation", "phase: consolidaton",
     (592, 12, ("injects", 10, "phase"),
      "unknown phase 'consolidaton' (did you mean 'consolidation'?)")),
    ("unknown-dimension", "organisation: UN\n    dimensions: [political]\n",
     "organisation: UN\n    dimensions: [politcal]\n",
     (72, 18, ("actors", 0, "dimensions", 0),
      "unknown dimension 'politcal' (did you mean 'political'?)")),
    ("at-and-trigger", "delay: 30m}\n", "delay: 30m}\n    at: D+0 10:00\n",
     (391, 14, ("injects", 1, "trigger"), "an inject has either `at` or `trigger`, not both")),
    ("neither-at-nor-trigger", "    trigger: {inject: conv-01, when: released, delay: 30m}\n", "",
     (389, 5, ("injects", 1), "inject 'conv-01a' needs `at` (a time or manual) or `trigger`")),
    ("team-id-is-actor-id", "  - id: unct\n    name: UN Country Team",
     "  - id: undp\n    name: UN Country Team",
     (313, 9, ("teams", 1, "id"), "'undp' is also an actor id; `to` would be ambiguous")),
    ("value-outside-list", "integration: one-foot-in", "integration: one-foot-out",
     (32, 16, ("setting", "integration"),
      "'one-foot-out' is not allowed here; "
      "expected 'one-foot-in', 'both-feet-in' or 'both-feet-out'")),
    ("no-such-hour", "at: D+0 09:00", "at: D+0 25:00",
     (362, 9, ("injects", 0, "at"), "'D+0 25:00' has no such time of day (00:00 to 23:59)")),
    ("negative-day", "at: D+0 09:00", "at: D-1 09:00",
     (362, 9, ("injects", 0, "at"), "'D-1 09:00' is not a scenario time like 'D+12 09:00'")),
    ("manual-phase-start", "starts: D+0}", "starts: manual}",
     (61, 55, ("phases", 0, "starts"), "'manual' is not a scenario time like 'D+12 09:00'")),
    ("empty-target-list", "to: [humanitarian]\n    channel: radio", "to: []\n    channel: radio",
     (364, 9, ("injects", 0, "to"), "must not be empty")),
    ("impossible-date", "start: 2031-04-14", "start: 2031-02-30",
     (33, 10, ("setting", "start"), "expected a date like 2031-03-01, found '2031-02-30'")),
    ("null-title", 'title: "Ivuna District: convoys, ballots and returns"', "title:",
     (15, 7, ("title",), "expected text, found nothing")),
    ("list-as-text", "name: Force Commander", "name: [Force, Commander]",
     (102, 11, ("actors", 3, "name"), "expected text, found a list")),
]  # fmt: skip


def _validate(tmp_path: Path, text: str) -> ValidationReport:
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    (pack / "scenario.yaml").write_text(text, encoding="utf-8")
    return validate_path(pack)


def _edited(old: str, new: str) -> str:
    assert TEXT.count(old) == 1, f"{old!r} is not unique in the mini pack"
    return TEXT.replace(old, new)


def _located(diagnostic: Diagnostic) -> Located:
    assert diagnostic.line is not None
    assert diagnostic.column is not None
    return (diagnostic.line, diagnostic.column, diagnostic.path, diagnostic.message)


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in ERROR_CASES],
                         ids=[c[0] for c in ERROR_CASES])  # fmt: skip
def test_error_is_located(tmp_path: Path, old: str, new: str, expected: Located) -> None:
    """The pack is invalid and one error sits at the expected line, column and field path."""
    report = _validate(tmp_path, _edited(old, new))
    assert not report.valid
    errors = [_located(d) for d in report.diagnostics if d.severity is Severity.ERROR]
    assert expected in errors, "\n".join(str(d) for d in report.diagnostics)


def test_shape_errors_hide_reference_errors(tmp_path: Path) -> None:
    """With a wrong type somewhere, only shape errors are listed (docs section 14)."""
    text = _edited("public: true", "public: yes")
    text = text.replace(
        "to: [leadership, unct]\n    channel: document", "to: [uncy]\n    channel: x"
    )
    report = _validate(tmp_path, text)
    messages = [d.message for d in report.diagnostics]
    assert "expected true or false, found 'yes'" in messages
    assert any(m.startswith("'x' is not allowed here") for m in messages)
    assert not any("uncy" in m for m in messages), messages


def test_diagnostics_come_in_file_order(tmp_path: Path) -> None:
    """Several errors and warnings are listed by line, then column."""
    text = _edited("from: ivdf\n", "from: ivdff\n")
    text = text.replace("venue: [smg]", "venue: [smgg]").replace("  - id: dpo\n", "  - id: srsg\n")
    report = _validate(tmp_path, text)
    places = [(d.line or 0, d.column or 0) for d in report.diagnostics]
    assert len(places) >= 3
    assert places == sorted(places)


def test_standard_dimension_repeated_is_a_warning(tmp_path: Path) -> None:
    """Naming a standard dimension in top-level `dimensions` warns; the pack stays valid."""
    report = _validate(
        tmp_path, _edited("dimensions: [protection]\n", "dimensions: [protection, social]\n")
    )
    assert report.valid
    warnings = [_located(d) for d in report.diagnostics if d.severity is Severity.WARNING]
    assert (59, 26, ("dimensions", 1), "'social' is already a standard dimension") in warnings


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("to: [leadership]\n    channel: meeting", "to: leadership\n    channel: meeting"),
        ("to: [all]", "to: all"),
        ("      venue: [smg]\n", "      venue: smg\n"),
        ("      consult: [au]\n", "      consult: au\n"),
    ],
    ids=["team", "all", "venue", "consult"],
)
def test_one_item_lists_may_drop_brackets(tmp_path: Path, old: str, new: str) -> None:
    """`to: all`, `venue: hct`, `consult: au` are the one-item lists (docs section 2)."""
    report = _validate(tmp_path, _edited(old, new))
    assert report.valid, "\n".join(str(d) for d in report.diagnostics)


def test_yaml_12_scalars_stay_text(tmp_path: Path) -> None:
    """`NO`, `yes`, `1:30` and dates in free text stay strings (YAML 1.2 core schema)."""
    from desktop.scenario.pack import load_scenario

    text = _edited("country: Lomara", "country: NO")
    text = text.replace("short: SRSG", "short: yes").replace("short: FC", "short: 1:30")
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    (pack / "scenario.yaml").write_text(text, encoding="utf-8")
    scenario = load_scenario(pack).scenario
    assert scenario.setting.country == "NO"
    assert scenario.actor_by_id["srsg"].short == "yes"
    assert scenario.actor_by_id["force-commander"].short == "1:30"
