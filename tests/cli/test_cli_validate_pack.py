"""`coherence validate` on copies of the mini pack, each broken in one realistic way.

Every variant is the reference pack with one text replacement, so the errors sit at known
lines. Each runs `coherence validate` as its own process; the processes run a few at a time
to keep the suite quick.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.runner import coherence

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "packs" / "mini"
SVG = "media/ivuna-district.svg"


@dataclass(frozen=True)
class Case:
    """One broken copy of the pack and the located error it must produce."""

    id: str
    old: str
    new: str
    line: int
    column: int
    message: str
    setup: str = ""


OUTSIDE = "is outside the pack folder; put the file in media/"
CASES = [
    Case("unknown-key", 'title: "Ivuna', 'titel: "Ivuna', 15, 1,
         "titel: unknown key 'titel' (did you mean 'title'?)"),
    Case("unknown-nested-key", "respond_within: 4h\n      consult: [ocha]\n      consult_any: [ihc",
         "respond_whithin: 4h\n      consult: [ocha]\n      consult_any: [ihc", 378, 7,
         "injects[0].expects.respond_whithin: unknown key 'respond_whithin' "
         "(did you mean 'respond_within'?)"),
    Case("missing-required", "    name: Special Representative of the Secretary-General\n", "",
         67, 5, "actors[0]: missing required field 'name'"),
    Case("wrong-format", "format: coherence-scenario/1", "format: coherence-scenario/2", 13, 9,
         "format: expected format: coherence-scenario/1, found 'coherence-scenario/2'"),
    Case("duplicate-actor", "  - id: dpo\n", "  - id: srsg\n", 165, 9,
         "actors[8].id: duplicate id 'srsg' (also actors[0])"),
    Case("duplicate-inject", "  - id: au-01\n", "  - id: elec-01\n", 568, 9,
         "injects[9].id: duplicate id 'elec-01' (also injects[5])"),
    Case("unknown-target", "to: [leadership, unct]\n    channel: document",
         "to: [leadership, uncy]\n    channel: document", 407, 22,
         "injects[2].to[1]: unknown team or actor 'uncy' (did you mean 'unct'?)"),
    Case("unknown-venue", "venue: [smg]", "venue: [smgg]", 583, 15,
         "injects[9].expects.venue[0]: unknown mechanism 'smgg' (did you mean 'smg'?)"),
    Case("unknown-objective", "objectives: [integrated-planning]\n",
         "objectives: [integrated-plannin]\n", 575, 18,
         "injects[9].objectives[0]: unknown objective 'integrated-plannin' "
         "(did you mean 'integrated-planning'?)"),
    Case("trigger-unknown-inject", "inject: conv-01, when: released",
         "inject: convoy-01, when: released", 391, 23,
         "injects[1].trigger.inject: unknown inject 'convoy-01' (did you mean 'conv-01'?)"),
    Case("trigger-cycle", "    at: D+0 09:00\n    from: ivdf",
         "    trigger: {inject: conv-01a, when: released}\n    from: ivdf", 362, 14,
         "injects[0].trigger: trigger cycle: conv-01 -> conv-01a -> conv-01"),
    Case("no-response-without-deadline", "      respond_within: 6h\n      consult: [undp]",
         "      consult: [undp]", 459, 39,
         "injects[4].trigger.when: this condition is judged at the deadline of 'donor-01', "
         "which has no expects.respond_within"),
    Case("expectation-met-without-team", "    from: iwra\n    to: [humanitarian]",
         "    from: iwra\n    to: [iwra]", 554, 37,
         "injects[8].trigger.when: 'poc-01' is addressed to no team, so no response can be judged"),
    Case("internal-without-sector", "    sector: government\n    dimensions: [political]\n",
         "    dimensions: [political]\n", 224, 5,
         "actors[13]: internal actor 'nec' needs a sector (government, society or armed)"),
    Case("sector-on-un-actor", "    short: SRSG\n", "    short: SRSG\n    sector: government\n",
         70, 13, "actors[0].sector: only internal actors have a sector"),
    Case("before-first-phase", "starts: D+0}", "starts: D+0 10:00}", 362, 9,
         "injects[0].at: 'D+0 09:00' is before the first phase starts"),
    Case("unparseable-time", "at: D+0 09:00", "at: D+x 9h", 362, 9,
         "injects[0].at: 'D+x 9h' is not a scenario time like 'D+12 09:00'"),
    Case("unparseable-duration", "respond_within: 4h\n      consult: [ocha]",
         "respond_within: 4 hours\n      consult: [ocha]", 378, 23,
         "injects[0].expects.respond_within: '4 hours' is not a duration like '30m', '4h' or '2d'"),
    Case("phases-out-of-order", "starts: D+6}", "starts: D+2}", 63, 55,
         "phases[2].starts: phases must be listed in order of their start"),
    Case("yes-is-not-a-boolean", "public: true", "public: yes", 464, 13,
         "injects[4].public: expected true or false, found 'yes'"),
    Case("duplicate-yaml-key", "    channel: radio\n    dimensions: [humanitarian, security]\n"
         "    objectives: [principled-humanitarian]\n    attachments",
         "    channel: radio\n    channel: radio\n    dimensions: [humanitarian, security]\n"
         "    objectives: [principled-humanitarian]\n    attachments", 366, 5,
         "duplicate key 'channel' (first at line 365)"),
    Case("anchor", "dimensions: [protection]\n", "dimensions: &extra [protection]\n", 59, 13,
         "anchors and aliases are not allowed (&extra)"),
    Case("non-utf8-byte", "Lomara is a river-basin", "Lomara\udcff is a river-basin", 35, 11,
         "not UTF-8 text: invalid byte 0xff"),
    Case("yaml-syntax-error", "to: [humanitarian]\n    channel: radio",
         "to: [humanitarian\n    channel: radio", 365, 12,
         "did not find expected ',' or ']' "
         "(while parsing a flow sequence that starts at line 364)"),
    Case("missing-attachment", SVG, "media/missing.svg", 368, 19,
         "injects[0].attachments[0]: file not found: 'media/missing.svg'"),
    Case("attachment-escapes-upwards", SVG, "../../etc/passwd", 368, 19,
         "injects[0].attachments[0]: '../../etc/passwd' " + OUTSIDE),
    Case("attachment-absolute-path", SVG, "/etc/passwd", 368, 19,
         "injects[0].attachments[0]: '/etc/passwd' " + OUTSIDE),
    Case("attachment-existing-outside", SVG, "../outside.svg", 368, 19,
         "injects[0].attachments[0]: '../outside.svg' " + OUTSIDE, setup="outside"),
    Case("attachment-symlink-outside", SVG, "media/link.svg", 368, 19,
         "injects[0].attachments[0]: 'media/link.svg' " + OUTSIDE, setup="symlink"),
]  # fmt: skip


def _make_variant(base: Path, case: Case) -> Path:
    pack = base / case.id / "mini"
    shutil.copytree(MINI, pack)
    if case.setup in ("outside", "symlink"):
        outside = pack.parent / "outside.svg"
        shutil.copy(MINI / SVG, outside)
        if case.setup == "symlink":
            (pack / "media" / "link.svg").symlink_to(outside)
    text = (MINI / "scenario.yaml").read_text(encoding="utf-8")
    assert text.count(case.old) == 1, f"{case.id}: {case.old!r} is not unique in the mini pack"
    changed = text.replace(case.old, case.new)
    (pack / "scenario.yaml").write_bytes(changed.encode("utf-8", "surrogateescape"))
    return pack


def _validate(pack: Path) -> subprocess.CompletedProcess[str]:
    return coherence("validate", pack, timeout=60)


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, subprocess.CompletedProcess[str]]]:
    """Every variant validated by its own `coherence validate` process (a few in parallel)."""
    base = tmp_path_factory.mktemp("variants")
    packs = {case.id: _make_variant(base, case) for case in CASES}
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = dict(zip(packs, pool.map(_validate, packs.values()), strict=True))
    return {key: (packs[key], done[key]) for key in packs}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_pack_is_refused_at_the_right_line(
    case: Case, results: dict[str, tuple[Path, subprocess.CompletedProcess[str]]]
) -> None:
    """Exit 2, no traceback, and the exact `FILE:LINE:COL: path: message` line on stderr."""
    pack, done = results[case.id]
    output = done.stdout + done.stderr
    assert done.returncode == 2, f"exit {done.returncode}\n{output}"
    assert "Traceback" not in output
    assert "internal error" not in output
    expected = f"{pack / 'scenario.yaml'}:{case.line}:{case.column}: {case.message}"
    assert expected in done.stderr.splitlines(), f"expected\n{expected}\nin\n{done.stderr}"


def test_country_no_stays_text(tmp_path: Path) -> None:
    """`country: NO` is valid (exit 0) and the loaded pack keeps the string 'NO'."""
    from desktop.scenario.pack import load_scenario

    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    file = pack / "scenario.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace("country: Lomara", "country: NO"),
        encoding="utf-8",
    )
    done = _validate(pack)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{pack}: valid scenario (1 warning)" in done.stdout
    assert load_scenario(pack).scenario.setting.country == "NO"


def test_idle_actor_warning_is_located_and_not_an_error(tmp_path: Path) -> None:
    """A second idle actor adds a second located warning on stdout; the exit stays 0."""
    pack = tmp_path / "mini"
    shutil.copytree(MINI, pack)
    file = pack / "scenario.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.count("\n  - id: idp-leaders\n") == 1
    # The camp committee is consulted in expects only: remove it there and it becomes idle.
    idle = text.replace("consult_any: [ihc, idp-leaders]", "consult_any: [ihc]")
    idle = idle.replace("consult_any: [idp-leaders, iwra]", "consult_any: [iwra]")
    idle = idle.replace("consult_any: [idp-leaders, ihc]", "consult_any: [ihc]")
    idle = idle.replace("from: idp-leaders", "from: nec")
    idle = idle.replace("consult: [idp-leaders]", "consult: [nec]")
    assert "idp-leaders" not in idle.split("\ninjects:\n")[1]
    file.write_text(idle, encoding="utf-8")
    done = _validate(pack)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    warnings = [line for line in done.stdout.splitlines() if "warning:" in line]
    assert warnings == [
        f"{file}:165:5: warning: actors[8]: actor 'dpo' is in no team and no inject",
        f"{file}:248:5: warning: actors[15]: actor 'idp-leaders' is in no team and no inject",
    ]
    assert f"{pack}: valid scenario (2 warnings)" in done.stdout
