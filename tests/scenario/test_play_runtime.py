"""Steps that only the run can refuse: `simulate` stops there and keeps the steps before it.

docs/play-format.md, "What makes a step invalid", and DESIGN.md, "Play scripts": an invalid
step "stops `simulate` with exit status 2 and a message naming the step; the steps before
it stay committed". Each case passes `validate` and fails at a known step of the run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.scenario.play import read_play_model
from desktop.services.simulate import StepFailed, simulate
from desktop.services.summary import summarize
from desktop.services.validation import validate_path

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
TEXT = (MINI / "demo-play.yaml").read_text(encoding="utf-8")
RATING = "{at: D+8 09:00, rating: {observer: Eval 1, team: unct, objective: principled-humanitarian"
VOID_D5 = "  - {at: D+1 11:15, void: {decision: d5, reason: entered for the wrong team}}\n"

# (id, old, new, failing step index, its line, its action, words of the message)
CASES: list[tuple[str, str, str, int, int, str, str]] = [
    ("decision-before-release", "      as: dsrsg-pol\n      inject: elec-01\n",
     "      as: dsrsg-pol\n      inject: au-01\n", 17, 240, "decision",
     "inject 'au-01' has not been released"),
    ("taken-at-after-step", "      taken_at: D+0 14:20", "      taken_at: D+0 18:20", 3, 113,
     "decision", "taken_at"),
    ("rate-above-3600", "rate: 60}", "rate: 5000}", 15, 229, "rate", "3600"),
    ("jump-backwards", "jump: D+8 08:00}", "jump: D+7 08:00}", 33, 430, "jump", "jump forward"),
    ("step-before-jump-target", RATING, RATING.replace("D+8 09:00", "D+7 19:00"), 34, 433,
     "rating", "D+8 08:00"),
    ("void-twice", VOID_D5, VOID_D5 + VOID_D5.replace("11:15", "11:16"), 11, 201, "void",
     "'d5' is void"),
    ("release-twice", "{at: D+6 10:00, release: flood-01}", "{at: D+6 10:00, release: conv-01}",
     30, 383, "release", "already released"),
    ("resume-while-running", "{at: D+2 08:00, pause: {}}", "{at: D+2 08:00, resume: {}}", 13,
     227, "resume", "not paused"),
    ("release-before-start", "  - {at: D+0 08:00, start: {}}\n",
     "  - {at: D+0 07:00, release: flood-01}\n  - {at: D+0 08:00, start: {}}\n", 0, 68,
     "release", "not started"),
    ("release-after-end", "  - {at: D+8 17:00, end: {}}",
     "  - {at: D+8 17:00, end: {}}\n  - {at: D+8 18:00, release: au-01}", 50, 463, "release",
     "ended"),
]  # fmt: skip


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A writable copy of the mini pack."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.mark.parametrize(("old", "new", "index", "line", "action", "words"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])  # fmt: skip
def test_run_stops_at_the_refused_step(
    pack: Path, old: str, new: str, index: int, line: int, action: str, words: str
) -> None:
    """Valid before the run; the run stops at the step, which is named with its line."""
    assert TEXT.count(old) == 1, f"{old!r} is not unique in the demo play"
    play = pack / "demo-play.yaml"
    play.write_text(TEXT.replace(old, new), encoding="utf-8")
    assert validate_path(play).valid
    out = pack.parent / "run.coherence"
    with pytest.raises(StepFailed) as caught:
        simulate(pack, play, out)
    failure = caught.value
    assert (failure.step.index, failure.step.line, failure.step.action) == (index, line, action)
    assert words in failure.message
    text = str(failure)
    assert text.startswith(f"{play}:{line}: steps[{index}] ({action} at D+")
    assert text.endswith(f"): {failure.message}")
    summary = summarize(out)
    total = len(read_play_model(play)[1].steps)
    assert (summary.play_steps_done, summary.play_steps_total) == (index, total)


def test_entries_after_end_are_accepted_as_late(pack: Path) -> None:
    """A decision recorded after `end` is kept and counted as a late entry."""
    play = pack / "demo-play.yaml"
    late = "  - at: D+8 18:00\n    decision: {team: unct, as: undp, title: Typed in from paper}\n"
    play.write_text(TEXT + late, encoding="utf-8")
    out = pack.parent / "run.coherence"
    result = simulate(pack, play, out)
    assert result.steps == 51
    summary = summarize(out)
    assert summary.play_steps_done == 51
    assert summary.records.late_entries == 1
