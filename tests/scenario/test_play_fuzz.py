"""Property: `validate_path` on a corrupted play script never raises and locates its errors.

The demo play of the mini pack is damaged as an author might damage it (delete or
duplicate a line, swap an id or time for random text, insert random bytes) and validated
against the unchanged pack. One message is known to carry no line: a `scenario:` that
names no pack that can be found (see tests/cli/test_found_bugs.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.scenario.diagnostics import Severity
from desktop.services.validation import validate_path

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
ORIGINAL = (MINI / "demo-play.yaml").read_bytes()
STEPS_START = ORIGINAL.index(b"\nsteps:\n")
# Inject, team and actor ids, entry ids (d1, o3, r8) and scenario times.
WORD = re.compile(rb"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b|\b[dor]\d+\b|D\+\d+ \d\d:\d\d")
NOISE = "abcdxyz0189 +-_.:,[]{}&*!#|>'\"%@`D"
UNRESOLVED = "cannot find the scenario pack"


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    """The demo play after one to three corruptions, mostly within its steps."""
    text = ORIGINAL
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["delete", "duplicate", "rename", "bytes"]))
        lines = text.split(b"\n")
        if kind in ("delete", "duplicate"):
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "delete":
                del lines[index]
            else:
                lines.insert(index, lines[index])
            text = b"\n".join(lines)
        elif kind == "rename":
            words = list(WORD.finditer(text, STEPS_START))
            if words:
                word = words[draw(st.integers(0, len(words) - 1))]
                new = draw(st.text(alphabet=NOISE, max_size=10)).encode()
                text = text[: word.start()] + new + text[word.end() :]
        else:
            position = draw(st.integers(0, len(text)))
            text = text[:position] + draw(st.binary(min_size=1, max_size=4)) + text[position:]
    return text


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One writable copy of the mini pack; each example rewrites its demo play."""
    target = tmp_path_factory.mktemp("playfuzz") / "mini"
    shutil.copytree(MINI, target)
    return target


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=corrupted())
def test_play_validation_never_raises_and_locates_errors(pack: Path, data: bytes) -> None:
    """Every error of a corrupted play names an in-file line, except an unresolvable pack."""
    play = pack / "demo-play.yaml"
    play.write_bytes(data)
    report = validate_path(play)
    assert report.kind in ("file", "play", "scenario")
    # A syntax error found at the end of the stream is placed just after the last line.
    last_line = data.count(b"\n") + 2
    for diagnostic in report.diagnostics:
        assert diagnostic.severity is Severity.ERROR, "a play has no warnings"
        assert diagnostic.file == str(play)
        if UNRESOLVED in diagnostic.message:
            assert diagnostic.path == ("scenario",)
            continue
        assert diagnostic.line is not None, f"no line for: {diagnostic}"
        assert 1 <= diagnostic.line <= last_line, f"line outside the file: {diagnostic}"
        assert diagnostic.column is not None
        assert diagnostic.column >= 1
    assert report.valid == (not report.diagnostics)
