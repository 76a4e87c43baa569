"""Shared fixtures. Qt must run offscreen: set before anything can load Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINI_PACK = TESTS / "data" / "packs" / "mini"
MINI_PLAY = MINI_PACK / "demo-play.yaml"


@pytest.fixture
def mini_pack(tmp_path: Path) -> Path:
    """A private copy of the mini test pack (folder), safe to modify."""
    target = tmp_path / "mini"
    shutil.copytree(MINI_PACK, target)
    return target


@pytest.fixture
def mini_scenario():  # type: ignore[no-untyped-def]
    """The mini pack's domain scenario."""
    from desktop.scenario.pack import load_scenario

    return load_scenario(MINI_PACK).scenario


@pytest.fixture
def mini_loaded():  # type: ignore[no-untyped-def]
    """The mini pack, loaded (scenario, YAML bytes, media)."""
    from desktop.scenario.pack import load_scenario

    return load_scenario(MINI_PACK)


@pytest.fixture
def simulated_run(tmp_path: Path) -> Path:
    """A document made by simulating the mini pack's demo play."""
    from desktop.services.simulate import simulate

    out = tmp_path / "run.coherence"
    simulate(MINI_PACK, MINI_PLAY, out)
    return out
