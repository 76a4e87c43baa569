"""The `coherence` command itself: version, usage, light imports, schemas, bad documents."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.runner import coherence

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "packs" / "mini"
HEAVY = (
    "PySide6",
    "shiboken6",
    "sqlmodel",
    "sqlalchemy",
    "alembic",
    "networkx",
    "pydantic",
    "yaml",
)


def python(code: str) -> subprocess.CompletedProcess[str]:
    """Run a snippet in a fresh interpreter from the project folder."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_version() -> None:
    """`coherence --version` prints the package version and exits 0."""
    from desktop import __version__

    done = coherence("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"coherence {__version__}"


def test_no_arguments_prints_usage() -> None:
    """`coherence` alone prints the usage with every command and exits 0."""
    done = coherence()
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: coherence")
    for command in ("validate", "simulate", "info", "export", "schema"):
        assert f"    {command} " in done.stdout


@pytest.mark.parametrize(
    "args", [["frobnicate"], ["validate"], ["simulate", "x"]], ids=["unknown", "no-path", "no-play"]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    """Argument mistakes exit 2 with argparse's usage message, never a traceback."""
    done = coherence(*args)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: coherence")
    assert "Traceback" not in done.stderr


def test_importing_the_cli_is_light() -> None:
    """`import desktop.cli.main` loads no Qt, ORM, graph, pydantic or YAML module."""
    done = python(
        "import sys, desktop.cli.main\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_validate_loads_no_qt_and_no_database() -> None:
    """Running `validate` in-process loads the YAML and model code only, not Qt or SQL."""
    done = python(
        "import sys\n"
        "from desktop.cli.main import main\n"
        f"status = main(['validate', '-q', {str(MINI)!r}])\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        "print(status, sorted(loaded & {'PySide6', 'sqlmodel', 'sqlalchemy', 'networkx'}))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"


def test_schema_check_passes() -> None:
    """`coherence schema --check`: the schema files in scenarios/ match the models."""
    done = coherence("schema", "--check")
    assert done.returncode == 0, f"run `make schema`:\n{done.stderr}"


def _bad_documents(folder: Path) -> dict[str, Path]:
    text = folder / "notes.coherence"
    text.write_text("Minutes of the planning meeting\n", encoding="utf-8")
    empty = folder / "empty.coherence"
    empty.write_bytes(b"")
    other = folder / "inventory.coherence"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE stock (item TEXT, count INTEGER)")
        connection.execute("INSERT INTO stock VALUES ('tents', 40)")
    connection.close()
    return {
        "missing": folder / "missing.coherence",
        "text": text,
        "empty": empty,
        "other-sqlite": other,
    }


MESSAGES = {
    "missing": "there is no such file",
    "text": "this file is not a Coherence exercise document",
    "empty": "this file is not a Coherence exercise document",
    "other-sqlite": "this file is not a Coherence exercise document",
}
# A zero-byte file is a valid empty SQLite database: `info` must not turn it into one.
DOC_CASES = [(command, kind) for command in ("info", "export") for kind in MESSAGES]


@pytest.mark.parametrize(("command", "kind"), DOC_CASES, ids=[f"{c}-{k}" for c, k in DOC_CASES])
def test_bad_document_is_refused_and_left_alone(
    command: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Status 2 with one line naming the file; the file is untouched and nothing is added.

    In-process through `main()` (the same code the console script runs); the real process
    is checked once in `test_bad_document_in_a_real_process`.
    """
    from desktop.cli.main import main

    paths = _bad_documents(tmp_path)
    before = {name: path.read_bytes() for name, path in paths.items() if path.exists()}
    status = main([command, str(paths[kind])])
    out, err = capsys.readouterr()
    assert status == 2, out + err
    assert "Traceback" not in out + err
    assert err.startswith(f"{paths[kind]}: {MESSAGES[kind]}")
    assert len(err.strip().splitlines()) == 1
    assert out == ""
    assert {name: path.read_bytes() for name, path in paths.items() if path.exists()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in paths.values() if p.exists()
    )


def test_bad_document_in_a_real_process(tmp_path: Path) -> None:
    """`coherence export` on a non-Coherence SQLite file: exit 2, one line, no traceback."""
    other = _bad_documents(tmp_path)["other-sqlite"]
    before = other.read_bytes()
    done = coherence("export", other, "--format", "json")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"{other}: {MESSAGES['other-sqlite']}")
    assert other.read_bytes() == before
