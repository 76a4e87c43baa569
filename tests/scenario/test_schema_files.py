"""The JSON Schemas in scenarios/ are generated from the models and describe real files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.scenario.schema_export import PLAY_SCHEMA, SCENARIO_SCHEMA, schema_files
from desktop.scenario.yaml_source import load_yaml

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
MINI = ROOT / "tests" / "data" / "packs" / "mini"


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCENARIOS / name).read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("name", [SCENARIO_SCHEMA, PLAY_SCHEMA])
def test_schema_file_matches_the_models(name: str) -> None:
    """The committed schema is exactly what the models generate today."""
    generated = schema_files()[name]
    target = SCENARIOS / name
    assert target.is_file(), f"scenarios/{name} is missing: run `make schema`"
    on_disk = target.read_text(encoding="utf-8")
    assert on_disk == generated, (
        f"scenarios/{name} is out of date with the pydantic models: run `make schema` "
        "(coherence schema --write) and commit the result"
    )


def test_schema_files_are_valid_json_with_ids() -> None:
    """Each schema is JSON with the draft, an $id equal to its file name, and a title."""
    for name in (SCENARIO_SCHEMA, PLAY_SCHEMA):
        schema = _schema(name)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == name
        assert schema["title"]
        assert schema["type"] == "object"


def test_scenario_schema_requires_the_required_fields() -> None:
    """The top level requires what docs/scenario-format.md marks as required, and no more."""
    schema = _schema(SCENARIO_SCHEMA)
    assert set(schema["required"]) == {"format", "id", "title", "setting", "phases", "actors"}
    assert schema["additionalProperties"] is False
    assert schema["properties"]["format"].get("const") == "coherence-scenario/1"


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref` and pick the object branch of an `anyOf` (`X | None`)."""
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return _resolve(schema, schema["$defs"][name])
    for option in node.get("anyOf", []):
        resolved = _resolve(schema, option)
        if resolved.get("type") in ("object", "array"):
            return resolved
    return node


def _uncovered(schema: dict[str, Any], node: dict[str, Any], data: Any, at: str) -> list[str]:
    """Keys in `data` that the schema does not list, and required keys that are missing."""
    node = _resolve(schema, node)
    problems: list[str] = []
    if isinstance(data, dict):
        properties = node.get("properties", {})
        problems += [f"{at}.{key}: not in the schema" for key in data if key not in properties]
        problems += [f"{at}: misses {key}" for key in node.get("required", []) if key not in data]
        for key, value in data.items():
            if key in properties:
                problems += _uncovered(schema, properties[key], value, f"{at}.{key}")
    elif isinstance(data, list) and "items" in node:
        for index, item in enumerate(data):
            problems += _uncovered(schema, node["items"], item, f"{at}[{index}]")
    return problems


def test_scenario_schema_covers_the_mini_pack() -> None:
    """Every key the mini pack uses, at every level, is a property of the schema."""
    schema = _schema(SCENARIO_SCHEMA)
    data = load_yaml((MINI / "scenario.yaml").read_bytes()).data
    assert isinstance(data, dict)
    assert set(data) <= set(schema["properties"])
    assert _uncovered(schema, schema, data, "scenario") == []


def test_play_schema_covers_the_demo_play() -> None:
    """Every key the demo play uses, including each step's action, is in the play schema."""
    schema = _schema(PLAY_SCHEMA)
    data = load_yaml((MINI / "demo-play.yaml").read_bytes()).data
    assert _uncovered(schema, schema, data, "play") == []


def test_schema_check_finds_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`coherence schema --check` fails, naming `make schema`, when a file differs."""
    import argparse

    from desktop.cli import commands

    for name, text in schema_files().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / PLAY_SCHEMA).write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr("desktop.infra.paths.bundled_scenarios", lambda: tmp_path)
    status = commands.cmd_schema(argparse.Namespace(write=False, check=True))
    assert status == 2
    assert (tmp_path / PLAY_SCHEMA).read_text(encoding="utf-8") == "{}\n"
    status = commands.cmd_schema(argparse.Namespace(write=True, check=False))
    assert status == 0
    assert (tmp_path / PLAY_SCHEMA).read_text(encoding="utf-8") == schema_files()[PLAY_SCHEMA]
