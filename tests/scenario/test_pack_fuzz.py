"""Property: `validate_path` survives any small corruption of a real pack and locates its errors.

Mutations of the mini pack's text, as an author's slip or a damaged file would make them:
delete a line, duplicate a line, replace an id-like word with random text, insert random
bytes. Whatever comes out, validation returns a report (never raises), and every message
names a line and column inside the file, or just after its last line for a YAML syntax
error found at the end of the stream. (File-level problems, such as a missing, empty or
oversized file, have no line; these mutations never produce them, and the CLI corpus tests
cover them.)
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.scenario.diagnostics import InvalidFile, Severity
from desktop.scenario.pack import load_scenario
from desktop.services.validation import validate_path

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"
ORIGINAL = (MINI / "scenario.yaml").read_bytes()
ID_WORD = re.compile(rb"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b")
# Letters plus the characters that change what YAML means.
NOISE = "abcxyz019 -_.:,[]{}&*!#|>'\"%@`\t"


@st.composite
def mutation(draw: st.DrawFn, text: bytes) -> bytes:
    """One corruption of `text`."""
    lines = text.split(b"\n")
    kind = draw(st.sampled_from(["delete", "duplicate", "rename", "bytes"]))
    if kind == "delete":
        del lines[draw(st.integers(0, len(lines) - 1))]
        return b"\n".join(lines)
    if kind == "duplicate":
        index = draw(st.integers(0, len(lines) - 1))
        lines.insert(index, lines[index])
        return b"\n".join(lines)
    if kind == "rename":
        words = list(ID_WORD.finditer(text))
        if words:
            word = words[draw(st.integers(0, len(words) - 1))]
            new = draw(st.text(alphabet=NOISE, max_size=8)).encode()
            return text[: word.start()] + new + text[word.end() :]
        return text
    position = draw(st.integers(0, len(text)))
    return text[:position] + draw(st.binary(min_size=1, max_size=4)) + text[position:]


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    """The mini pack after one to three corruptions."""
    text = ORIGINAL
    for _ in range(draw(st.integers(1, 3))):
        text = draw(mutation(text))
    return text


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One writable copy of the mini pack, rewritten by every example."""
    target = tmp_path_factory.mktemp("fuzz") / "mini"
    shutil.copytree(MINI, target)
    return target


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=corrupted())
def test_validation_never_raises_and_locates_every_message(pack: Path, data: bytes) -> None:
    """Any corruption gives a report whose messages all carry an in-file line and column."""
    file = pack / "scenario.yaml"
    file.write_bytes(data)
    report = validate_path(pack)
    assert report.path == str(pack)
    assert report.kind in ("file", "scenario")
    # A syntax error found at the end of the stream is placed just after the last line.
    last_line = data.count(b"\n") + 2
    for diagnostic in report.diagnostics:
        assert diagnostic.file == str(file)
        assert diagnostic.line is not None, f"no line for: {diagnostic}"
        assert diagnostic.column is not None
        assert diagnostic.column >= 1
        assert 1 <= diagnostic.line <= last_line, f"line outside the file: {diagnostic}"
        assert str(diagnostic).startswith(f"{file}:{diagnostic.line}:{diagnostic.column}: ")
    if not report.valid:
        assert any(d.severity is Severity.ERROR for d in report.diagnostics)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=corrupted())
def test_validate_agrees_with_load(pack: Path, data: bytes) -> None:
    """`validate` says valid exactly when the app can load the pack, with the same errors."""
    (pack / "scenario.yaml").write_bytes(data)
    report = validate_path(pack)
    if report.valid:
        assert load_scenario(pack).warnings == report.diagnostics
    else:
        with pytest.raises(InvalidFile) as caught:
            load_scenario(pack)
        assert caught.value.diagnostics == report.diagnostics
