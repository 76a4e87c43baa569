"""Located play-script diagnostics, checked in-process on one-edit copies of the demo play.

The CLI tests run the cases the brief requires as real processes; these cover the rest of
docs/play-format.md ("What makes a step invalid") that can be seen before the play runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.services.validation import validate_path

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
TEXT = (MINI / "demo-play.yaml").read_text(encoding="utf-8")
D1_CONSULTED = (
    "        - {actor: idp-leaders, mode: consult}\n        - {actor: dsrsg-rchc, mode: inform}"
)

Located = tuple[int, int, tuple[str | int, ...], str]

# (id, old text, new text, (line, column, field path, message))
CASES: list[tuple[str, str, str, Located]] = [
    ("unknown-phase", "phase: consolidation}", "phase: consolidaton}",
     (379, 28, ("steps", 28, "phase"),
      "unknown phase 'consolidaton' (did you mean 'consolidation'?)")),
    ("amend-unknown-decision",
     "      decision: d1\n      title: Negotiate access with the IVDF through OCHA",
     "      decision: d7\n      title: Negotiate access with the IVDF through OCHA",
     (203, 17, ("steps", 11, "amend", "decision"), "unknown decision id 'd7'")),
    ("void-unknown-entry", "void: {observation: o3,", "void: {observation: o9,",
     (186, 41, ("steps", 8, "void", "observation"), "unknown observation id 'o9'")),
    ("void-two-entries", "void: {decision: d5,", "void: {decision: d5, observation: o3,",
     (200, 27, ("steps", 10, "void"), "name exactly one of decision, observation or rating")),
    ("unknown-objective", "      objective: local-ownership\n      kind: strength",
     "      objective: local-ownrship\n      kind: strength",
     (350, 18, ("steps", 25, "observation", "objective"),
      "unknown objective 'local-ownrship' (did you mean 'local-ownership'?)")),
    ("rating-outside-list",
     "objective: local-ownership, rating: P}}\n  - {at: D+8 09:15, id: r8",
     "objective: local-ownership, rating: X}}\n  - {at: D+8 09:15, id: r8",
     (439, 104, ("steps", 40, "rating", "rating"),
      "'X' is not allowed here; expected 'P', 'S', 'M' or 'U'")),
    ("add-with-at", "      id: adhoc-1\n", "      id: adhoc-1\n      at: D+5 10:00\n",
     (358, 7, ("steps", 26, "add"), "an ad-hoc inject is released at once: no `at` or `trigger`")),
    ("add-existing-id", "      id: adhoc-1\n", "      id: conv-01\n",
     (358, 11, ("steps", 26, "add", "id"), "an inject 'conv-01' already exists")),
    ("reply-unknown-actor", "      from: donor\n      text:", "      from: donr\n      text:",
     (233, 13, ("steps", 16, "reply", "from"), "unknown actor 'donr' (did you mean 'donor'?)")),
    ("consulted-unknown-actor", D1_CONSULTED, D1_CONSULTED.replace("idp-leaders", "idp-leader"),
     (86, 19, ("steps", 1, "decision", "consulted", 1, "actor"),
      "unknown actor 'idp-leader' (did you mean 'idp-leaders'?)")),
    ("consult-mode-outside-list", D1_CONSULTED, D1_CONSULTED.replace("consult}", "consults}"),
     (86, 38, ("steps", 1, "decision", "consulted", 1, "mode"),
      "'consults' is not allowed here; "
      "expected 'inform', 'consult', 'joint', 'request' or 'task'")),
    ("unknown-venue", "      venue: poc-wg\n", "      venue: poc-wgg\n",
     (340, 14, ("steps", 24, "decision", "venue"),
      "unknown mechanism 'poc-wgg' (did you mean 'poc-wg'?)")),
    ("unknown-decided-by", "        decided_by: force-commander\n",
     "        decided_by: force-comander\n",
     (106, 21, ("steps", 2, "decision", "military_assets", "decided_by"),
      "unknown actor 'force-comander' (did you mean 'force-commander'?)")),
    ("unknown-decision-dimension", "      dimensions: [protection, humanitarian]\n",
     "      dimensions: [protecton, humanitarian]\n",
     (339, 20, ("steps", 24, "decision", "dimensions", 0),
      "unknown dimension 'protecton' (did you mean 'protection'?)")),
    ("posture-outside-list", "      posture: decline\n", "      posture: refuse\n",
     (373, 16, ("steps", 27, "decision", "posture"),
      "'refuse' is not allowed here; "
      "expected 'cooperate', 'coordinate', 'coexist' or 'decline'")),
    ("yes-for-auto-release", "auto_release: true\n", "auto_release: yes\n",
     (58, 15, ("auto_release",), "expected true or false, found 'yes'")),
    ("rate-zero", "rate: 60}", "rate: 0}",
     (229, 27, ("steps", 15, "rate"), "input should be greater than 0")),
    ("run-teams-unknown-actor", "auto_release: true\n",
     "auto_release: true\nteams:\n  - {id: leadership, name: L, actors: [srsg]}\n"
     "  - {id: unct, name: U, actors: [dsrsg-rchc, undpp]}\n"
     "  - {id: humanitarian, name: H, actors: [ocha, unhcr, wfp]}\n",
     (61, 46, ("teams", 1, "actors", 1), "unknown actor 'undpp' (did you mean 'undp'?)")),
]  # fmt: skip


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the mini pack; each case rewrites its demo play."""
    target = tmp_path_factory.mktemp("plays") / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_play_error_is_located(pack: Path, old: str, new: str, expected: Located) -> None:
    """The play is invalid and an error sits at the expected line, column and field path."""
    assert TEXT.count(old) == 1, f"{old!r} is not unique in the demo play"
    play = pack / "demo-play.yaml"
    play.write_text(TEXT.replace(old, new), encoding="utf-8")
    report = validate_path(play)
    assert not report.valid
    found = [(d.line, d.column, d.path, d.message) for d in report.diagnostics]
    assert expected in found, "\n".join(str(d) for d in report.diagnostics)


def test_unknown_format_version_is_refused_at_its_line(pack: Path) -> None:
    """`format: coherence-play/2` is refused at line 56, naming what was found."""
    play = pack / "demo-play.yaml"
    play.write_text(TEXT.replace("format: coherence-play/1", "format: coherence-play/2"))
    (diagnostic,) = validate_path(play).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.path) == (56, 9, ("format",))
    assert "found 'coherence-play/2'" in diagnostic.message


def test_entry_id_may_be_written_inside_the_entry(pack: Path) -> None:
    """`decision: {id: d1, ...}` names the decision like a step-level `id: d1`."""
    old = "    id: d1\n    decision:\n      team: humanitarian\n"
    assert TEXT.count(old) == 1
    play = pack / "demo-play.yaml"
    new = "    decision:\n      id: d1\n      team: humanitarian\n"
    play.write_text(TEXT.replace(old, new), encoding="utf-8")
    report = validate_path(play)
    assert report.valid, "\n".join(str(d) for d in report.diagnostics)
