"""The `coherence` command itself: version, usage, light imports, schemas, bad documents."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

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


def coherence(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop.cli.main ARGS` from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=60,
        check=False,
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
DOC_CASES.remove(("export", "empty"))


@pytest.fixture(scope="module")
def document_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[
    dict[str, Path], dict[str, bytes], dict[tuple[str, str], subprocess.CompletedProcess[str]]
]:
    """`info` and `export` run on each bad document: (paths, bytes before, results)."""
    folder = tmp_path_factory.mktemp("documents")
    paths = _bad_documents(folder)
    before = {kind: path.read_bytes() for kind, path in paths.items() if path.exists()}
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = pool.map(lambda case: coherence(case[0], paths[case[1]]), DOC_CASES)
        results = dict(zip(DOC_CASES, done, strict=True))
    return paths, before, results


@pytest.mark.parametrize(("command", "kind"), DOC_CASES, ids=[f"{c}-{k}" for c, k in DOC_CASES])
def test_bad_document_is_refused_and_left_alone(
    command: str,
    kind: str,
    document_results: tuple[
        dict[str, Path], dict[str, bytes], dict[tuple[str, str], subprocess.CompletedProcess[str]]
    ],
) -> None:
    """Exit 2 with one clear line naming the file; the file is untouched and nothing is added."""
    paths, before, results = document_results
    done = results[(command, kind)]
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "Traceback" not in output
    assert done.stderr.startswith(f"{paths[kind]}: {MESSAGES[kind]}")
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""
    if kind in before:
        assert paths[kind].read_bytes() == before[kind]
    else:
        assert not paths[kind].exists()
    folder = paths[kind].parent
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in paths.values() if p.exists()
    )
