"""The document alone rebuilds the exercise: the clock, the MSEL and every record."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop.engine.state import ExerciseState
from desktop.scenario.play import load_play
from desktop.services.clocks import SimulatedClock
from desktop.services.session import ExerciseSession
from desktop.services.simulate import run_step

TESTS = Path(__file__).resolve().parents[1]
PACK = TESTS / "data" / "packs" / "mini"
PLAY = PACK / "demo-play.yaml"


def _fingerprint(state: ExerciseState) -> dict[str, Any]:
    """Everything the state holds, as plain data."""
    return {
        "lifecycle": state.lifecycle,
        "clock": asdict(state.clock),
        "auto_release": state.auto_release,
        "teams": {k: asdict(v) for k, v in state.teams.items()},
        "participants": [asdict(p) for p in state.participants],
        "phase_changes": list(state.phase_changes),
        "msel": {
            item.inject.id: (
                item.status,
                item.due_at,
                item.released_at,
                item.release_cause,
                item.skip_reason,
                item.dormant,
                item.deadline_judged,
            )
            for item in state.msel
        },
        "decisions": {k: asdict(v) for k, v in state.book.decisions.items()},
        "observations": {k: asdict(v) for k, v in state.book.observations.items()},
        "ratings": {k: asdict(v) for k, v in state.book.ratings.items()},
        "replies": [asdict(r) for r in state.book.replies],
        "improvements": {k: asdict(v) for k, v in state.book.improvements.items()},
        "last_time": state.last_time,
        "last_seq": state.last_seq,
        "event_count": state.event_count,
    }


def test_replaying_the_document_gives_the_live_state(tmp_path: Path, mini_loaded: Any) -> None:
    """After a whole play, a fresh replay of the log equals the engine that ran it."""
    play = load_play(PLAY, mini_loaded.scenario)
    clock = SimulatedClock()
    out = tmp_path / "live.coherence"
    session = ExerciseSession.create(
        out,
        mini_loaded,
        teams=play.teams,
        participants=play.participants,
        auto_release=play.auto_release,
        clock=clock,
    )
    checked = 0
    for number, step in enumerate(play.steps, start=1):
        run_step(session, clock, step, PLAY, number)
        if number % 10 == 0:
            # Midway too: the document must match the engine after every transaction.
            with ExerciseSession.open(out, read_only=True) as replayed:
                assert _fingerprint(replayed.exercise.state) == _fingerprint(session.exercise.state)
            checked += 1
    live = _fingerprint(session.exercise.state)
    session.document.close()
    with ExerciseSession.open(out, read_only=True) as replayed:
        assert _fingerprint(replayed.exercise.state) == live
    assert checked >= 4
