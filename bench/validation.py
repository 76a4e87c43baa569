"""Validating a 500-inject pack, against reading the same YAML with PyYAML."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml

from bench.fixtures import large_pack
from bench.timing import median_seconds, verdict
from desktop.scenario.pack import load_scenario

TARGET_SECONDS = 1.0


def run() -> None:
    """Print validation time and its ratio to a bare `yaml.load` (libyaml) of the file."""
    with tempfile.TemporaryDirectory() as folder:
        pack = large_pack(Path(folder), 500)
        text = (pack / "scenario.yaml").read_bytes()
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        baseline = median_seconds(lambda: yaml.load(text, Loader=loader), 5)
        validate = median_seconds(lambda: load_scenario(pack), 5)
    print(f"Validate a 500-inject pack ({len(text) // 1024} KB)")
    print(f"  PyYAML safe load of the same file: {baseline * 1000:.0f} ms")
    print(f"  full validation (YAML, models, cross-checks): {validate * 1000:.0f} ms")
    print(
        f"  ratio {validate / baseline:.1f}x; {validate:.2f} s against a target under "
        f"{TARGET_SECONDS:.0f} s: {verdict(validate < TARGET_SECONDS)}"
    )
