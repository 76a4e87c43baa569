"""Writable sessions on reopened documents: commands commit after the log has been read.

Regression tests: at commit 177a38f the replay read left a transaction open on the
document's connection and every later command failed with InvalidRequestError.
"""

from __future__ import annotations

from pathlib import Path

from desktop.domain import commands as c
from desktop.domain.enums import Lifecycle
from desktop.services.session import ExerciseSession


def test_reopened_document_accepts_commands(simulated_run: Path) -> None:
    """A document reopened for writing takes the next command (here a debrief note).

    ExerciseSession.open replays the log through the document's connection; that read
    autobegins a transaction (BEGIN IMMEDIATE) that must be ended before the command's
    own `connection.begin()`, or every command fails with InvalidRequestError.
    """
    session = ExerciseSession.open(simulated_run)
    try:
        events = session.execute(c.SaveDebriefNote("n1", "Open with the convoy."))
        assert [e.kind.value for e in events] == ["debrief_note_saved"]
    finally:
        session.close()
    with ExerciseSession.open(simulated_run, read_only=True) as reopened:
        assert "n1" in reopened.exercise.state.book.debrief_notes


def test_reading_the_log_does_not_block_commands(fresh_session: ExerciseSession) -> None:
    """Reading the log (the debrief timeline does) leaves the session able to commit.

    `ExerciseSession.events()` must not leave its read transaction (which holds the write
    lock on a writable document) open behind it.
    """
    fresh_session.execute(c.Start(8 * 60))
    assert len(list(fresh_session.events())) > 1
    events = fresh_session.execute(c.Pause("coffee"))
    assert [e.kind.value for e in events] == ["clock_paused"]


def test_crashed_document_reopens_paused_for_recovery(fresh_session: ExerciseSession) -> None:
    """A document left running reopens paused with a `recovery` pause (DESIGN, log events).

    The recovery pause is committed right after the replay read, on the same connection.
    """
    fresh_session.execute(c.Start(8 * 60))
    path = fresh_session.document.path
    fresh_session.document.close()  # as if the program died: the clock was never paused

    session = ExerciseSession.open(path)
    try:
        assert session.recovered
        assert session.exercise.state.lifecycle is Lifecycle.PAUSED
        assert session.exercise.state.pause_reason == "recovery"
    finally:
        session.close()
