"""A document whose content cannot be replayed is reported as damaged, not as a bug."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services.session import ExerciseSession
from desktop.store.errors import DocumentError, DocumentProblem


@pytest.mark.parametrize(
    "yaml_text",
    ["format: coherence-scenario/1\nid: [unclosed\n", "just words, no scenario"],
    ids=["broken-yaml", "not-a-scenario"],
)
def test_a_document_with_a_broken_scenario_is_damaged(simulated_run: Path, yaml_text: str) -> None:
    raw = sqlite3.connect(simulated_run)
    raw.execute("UPDATE scenario_snapshot SET yaml_text = ?", (yaml_text,))
    raw.commit()
    raw.close()
    with pytest.raises(DocumentError) as caught:
        ExerciseSession.open(simulated_run)
    assert caught.value.problem is DocumentProblem.CORRUPT
    assert "cannot be replayed" in str(caught.value)
    # The failed open let go of the document: trying again says damaged, not locked.
    with pytest.raises(DocumentError) as again:
        ExerciseSession.open(simulated_run)
    assert again.value.problem is DocumentProblem.CORRUPT
