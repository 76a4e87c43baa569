"""`coherence validate` on files that are not readable YAML packs (tests/data/malformed/).

Each case runs the real command in a subprocess and checks the exit status, the
`FILE:LINE:COL:` prefix with the exact line, the message, and that no traceback leaks.
"""

from __future__ import annotations

import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.cli.runner import coherence

ROOT = Path(__file__).resolve().parents[2]
MALFORMED = ROOT / "tests" / "data" / "malformed"
MINI = ROOT / "tests" / "data" / "packs" / "mini"


def assert_refused(done: subprocess.CompletedProcess[str]) -> None:
    """Exit status 2, and neither a traceback nor the internal-error fallback."""
    output = done.stdout + done.stderr
    assert done.returncode == 2, f"exit {done.returncode}\n{output}"
    assert "Traceback" not in output, output
    assert "internal error" not in output, output


def located(stderr: str, file: str) -> list[tuple[int, int, str]]:
    """Every `file:LINE:COL: message` line in stderr, as (line, column, message)."""
    pattern = re.compile(rf"^{re.escape(file)}:(\d+):(\d+): (.*)$", re.MULTILINE)
    return [(int(m[1]), int(m[2]), m[3]) for m in pattern.finditer(stderr)]


# (corpus file, expected line, expected column, words the message must contain)
LOCATED_CASES = [
    ("billion-laughs.yaml", 5, 4, "anchors and aliases are not allowed (&a)"),
    ("anchors.yaml", 14, 17, "anchors and aliases are not allowed (&mission-dims)"),
    ("merge-key.yaml", 11, 5, "actors[0].<<: unknown key '<<'"),
    ("include-tag.yaml", 10, 9, "tags are not allowed (!include)"),
    ("duplicate-key.yaml", 7, 3, "duplicate key 'country' (first at line 5)"),
    ("latin-1.yaml", 4, 17, "not UTF-8 text: invalid byte 0xe9"),
    ("syntax-error.yaml", 15, 7, "(while parsing a flow sequence that starts at line 14)"),
    ("tab-indented.yaml", 5, 1, "a tab is used for indentation; indent with spaces"),
    ("top-level-list.yaml", 2, 1, "expected a mapping at the top level, found a list"),
    ("top-level-text.yaml", 2, 1, "expected a mapping at the top level, found text"),
    ("two-documents.yaml", 4, 1, "more than one YAML document; the second starts at line 4"),
]


# File-level problems: there is no line to point at, so the message names only the file.
FILE_LEVEL_CASES = [
    ("empty.yaml", "tests/data/malformed/empty.yaml: the file is empty"),
    ("comments-only.yaml", "tests/data/malformed/comments-only.yaml: the file is empty"),
    ("no-scenario", "tests/data/malformed/no-scenario/scenario.yaml: no such file"),
    ("does-not-exist.yaml", "tests/data/malformed/does-not-exist.yaml: no such file"),
]


@pytest.fixture(scope="module")
def results() -> dict[str, subprocess.CompletedProcess[str]]:
    """`coherence validate` on every corpus entry, each in its own process (a few at a time)."""
    names = [c[0] for c in LOCATED_CASES] + [c[0] for c in FILE_LEVEL_CASES]
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = pool.map(lambda name: coherence("validate", MALFORMED / name), names)
        return dict(zip(names, done, strict=True))


@pytest.mark.parametrize(
    ("name", "line", "column", "message"), LOCATED_CASES, ids=[c[0] for c in LOCATED_CASES]
)
def test_malformed_file_is_refused_at_its_line(
    name: str,
    line: int,
    column: int,
    message: str,
    results: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    """Each corpus file exits 2 with a located message naming the exact line and problem."""
    assert (MALFORMED / name).is_file()
    shown = f"tests/data/malformed/{name}"
    done = results[name]
    assert_refused(done)
    found = located(done.stderr, shown)
    assert found, f"no '{shown}:LINE:COL:' message in:\n{done.stderr}"
    assert any(
        (found_line, found_column) == (line, column) and message in text
        for found_line, found_column, text in found
    ), f"expected {shown}:{line}:{column}: ...{message}... in:\n{done.stderr}"


@pytest.mark.parametrize(
    ("name", "expected"), FILE_LEVEL_CASES, ids=[c[0] for c in FILE_LEVEL_CASES]
)
def test_file_level_problem_names_the_file(
    name: str, expected: str, results: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    """Empty files, missing files and folders without scenario.yaml exit 2 with one message."""
    done = results[name]
    assert_refused(done)
    assert done.stderr.strip() == expected


def test_alias_bomb_is_refused_quickly() -> None:
    """The billion-laughs file is refused at its first anchor, well within the time limit."""
    started = time.monotonic()
    done = coherence("validate", MALFORMED / "billion-laughs.yaml", timeout=20)
    assert_refused(done)
    assert time.monotonic() - started < 20
    assert len(done.stderr) < 1000, "the error message must not echo the expansion"


def test_python_tag_is_refused_and_never_runs(tmp_path: Path) -> None:
    """`!!python/object/apply:os.system` is a refused tag: exit 2 and the command never runs."""
    pwned = tmp_path / "pwned"
    pack = tmp_path / "scenario.yaml"
    text = (MINI / "scenario.yaml").read_text(encoding="utf-8")
    payload = f'!!python/object/apply:os.system ["touch {pwned}"]'
    assert text.count("country: Lomara") == 1
    pack.write_text(text.replace("country: Lomara", f"country: {payload}"), encoding="utf-8")
    done = coherence("validate", pack)
    assert_refused(done)
    assert f"{pack}:26:12: tags are not allowed (!!python/object/apply:os.system)" in done.stderr
    assert not pwned.exists()


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A 9 MiB file is refused as too large, before parsing, naming the limit."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"format: coherence-scenario/1\nsummary: |\n" + b"  x\n" * (9 * 1024 * 256))
    done = coherence("validate", big)
    assert_refused(done)
    assert f"{big}: the file is too large" in done.stderr
    assert "the limit is 8 MiB" in done.stderr


def test_several_paths_report_each_and_fail_if_any_fails() -> None:
    """`validate A B C`: every path is reported; one invalid path makes the status 2."""
    done = coherence("validate", MINI, MALFORMED / "empty.yaml", MINI / "demo-play.yaml")
    assert_refused(done)
    assert "tests/data/packs/mini: valid scenario (1 warning)" in done.stdout
    assert "tests/data/packs/mini/demo-play.yaml: valid play" in done.stdout
    assert "tests/data/malformed/empty.yaml: the file is empty" in done.stderr


def test_warning_only_pack_is_valid() -> None:
    """The mini pack's idle actor `dpo` is a located warning on stdout, and the exit is 0."""
    done = coherence("validate", MINI)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    assert (
        "tests/data/packs/mini/scenario.yaml:165:5: warning: actors[8]: "
        "actor 'dpo' is in no team and no inject"
    ) in done.stdout
    assert "tests/data/packs/mini: valid scenario (1 warning)" in done.stdout


def test_quiet_hides_warnings() -> None:
    """`validate -q` prints nothing for a pack that has only warnings."""
    done = coherence("validate", "-q", MINI)
    assert done.returncode == 0
    assert done.stdout == ""
    assert done.stderr == ""
