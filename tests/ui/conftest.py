"""Fixtures for the interface tests: a private settings folder and no leaked work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep each test's settings, recent files and logs out of the real user folders."""
    home = tmp_path / "user"
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    return home


@pytest.fixture(autouse=True)
def no_dangling_tasks(qapp: object) -> Iterator[None]:
    """Fail a test that leaves background work running."""
    yield
    from desktop.ui.workers import wait_for_tasks

    assert wait_for_tasks(20_000), "background tasks still running after the test"
