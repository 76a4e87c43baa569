"""Play steps for the facilitator commands beyond DESIGN.md's list: automatic release and
debrief notes, so that a play can reproduce any run."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.enums import InjectStatus
from desktop.services.export import export_record
from desktop.services.session import ExerciseSession
from desktop.services.simulate import simulate

MINI = Path(__file__).resolve().parents[1] / "data" / "packs" / "mini"


def test_auto_release_and_debrief_note_steps(tmp_path: Path) -> None:
    """Turning automatic release off keeps a scheduled inject back; a note is stored."""
    play = tmp_path / "play.yaml"
    play.write_text(
        "format: coherence-play/1\n"
        f"scenario: {MINI}/\n"
        "steps:\n"
        "  - {at: D+0 08:00, start: {}}\n"
        "  - {at: D+0 08:30, auto_release: false}\n"
        "  - {at: D+0 10:00, id: n1,\n"
        "     debrief_note: {section: Convoys, text: Ask about the escort.}}\n"
        "  - {at: D+0 10:30, end: {}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "run.coherence"
    simulate(MINI, play, out)
    with ExerciseSession.open(out, read_only=True) as session:
        state = session.exercise.state
        assert not state.auto_release
        # conv-01 is scheduled for D+0 09:00 and was not released automatically.
        assert state.msel["conv-01"].status is InjectStatus.PENDING
    record = export_record(out)
    assert record["debrief_notes"] == [
        {"id": "n1", "section": "Convoys", "text": "Ask about the escort."}
    ]
