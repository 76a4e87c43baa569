"""Render the main screens to PNG files: `make screenshots` (docs/screenshots/).

Runs on Qt's offscreen platform, so it needs no display: each window is laid out at a
fixed size and grabbed. The exercise shown is the bundled pack, part-way through play.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PACK = ROOT / "scenarios" / "integrated-mission-exercise"
SIZE = (1600, 1000)


def _mid_exercise(folder: Path) -> Path:
    """The bundled pack a day into play: injects released, decisions, observations."""
    from desktop.domain import commands as c
    from desktop.domain.enums import ConsultMode, ObservationKind, Posture, Rating
    from desktop.domain.records import Consultation, DecisionContent
    from desktop.scenario.pack import load_scenario
    from desktop.services.clocks import SimulatedClock
    from desktop.services.session import ExerciseSession

    loaded = load_scenario(PACK)
    path = folder / "unimnu-cohort-12.coherence"
    # Started two and a quarter hours ago, as in a real session.
    clock = SimulatedClock(datetime.now(UTC) - timedelta(hours=2, minutes=15))
    session = ExerciseSession.create(path, loaded, clock=clock, rate=60.0)
    scenario = loaded.scenario
    timed = sorted((i for i in scenario.injects if i.at is not None), key=lambda i: i.at or 0)
    session.execute(c.Start(max(0, (timed[0].at or 0) - 60)))
    session.execute(c.Pause("set-up"))
    session.execute(c.Jump((timed[5].at or 0) + 30))
    teams = {team.id: team for team in scenario.teams}
    first_team = next(iter(teams.values()))
    released = timed[:6]
    for inject in released:
        if session.exercise.state.msel[inject.id].status.value != "released":
            session.execute(c.Release(inject.id))
    for number, inject in enumerate(released[:4]):
        team = first_team
        for candidate in teams.values():
            if set(candidate.actors) & set(inject.to) or candidate.id in inject.to:
                team = candidate
                break
        others = [a.id for a in scenario.actors if a.id not in team.actors][:2]
        session.execute(
            c.RecordDecision(
                team.id,
                team.actors[0],
                inject.id,
                DecisionContent(
                    title=f"Response to {inject.title}"[:90],
                    rationale="Agreed after consulting the partners most concerned.",
                    posture=Posture.COORDINATE,
                    consulted=tuple(
                        Consultation(actor, mode)
                        for actor, mode in zip(
                            others, (ConsultMode.CONSULT, ConsultMode.JOINT), strict=False
                        )
                    ),
                ),
            )
        )
        if scenario.objectives:
            session.execute(
                c.RecordObservation(
                    "Lead evaluator",
                    team.id,
                    scenario.objectives[number % len(scenario.objectives)].id,
                    ObservationKind.STRENGTH if number % 2 == 0 else ObservationKind.IMPROVEMENT,
                    "Consulted the humanitarian side before committing mission assets.",
                    inject=inject.id,
                )
            )
            session.execute(
                c.RecordRating(
                    "Lead evaluator",
                    team.id,
                    scenario.objectives[0].id,
                    (Rating.P, Rating.S, Rating.M, Rating.S)[number],
                )
            )
    session.close()
    return path


def main() -> int:
    """Write every screen to the folder named on the command line."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="coherence-shots-"))
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(work / name.lower())

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.app import build_main_window
    from desktop.services.simulate import simulate

    app = QApplication([sys.argv[0]])

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(widget: QWidget, name: str, size: tuple[int, int] = SIZE) -> None:
        widget.resize(*size)
        widget.show()
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(f"wrote {out / name}.png")

    document = _mid_exercise(work)
    window = build_main_window(app)
    window.settings.add_recent_document(str(document))
    window.start_page.refresh()
    shoot(window, "start-page")

    opened: list[str] = []
    window.sig_document_opened.connect(opened.append)
    window.open_document(document)
    while not opened:
        settle(100)
    console = window.console
    assert console is not None
    console.msel.select_inject(console.bridge.service.released_injects()[-1].id)
    shoot(window, "console")

    from desktop.ui.projector_window import ProjectorWindow
    from desktop.ui.team_window import TeamWindow

    assert window.bridge is not None
    projector = ProjectorWindow(window.bridge)
    projector.set_dark(True)
    shoot(projector, "projector", (1280, 720))
    projector.close()
    team = window.bridge.service.teams()[0].id
    team_window = TeamWindow(window.bridge, team)
    shoot(team_window, "team-window", (1280, 860))
    team_window.close()
    window.close()

    from desktop.ui.debrief.debrief_window import DebriefWindow

    finished = work / "demo.coherence"
    simulate(PACK, PACK / "demo-play.yaml", finished)
    debrief = DebriefWindow(finished)
    debrief.resize(*SIZE)
    debrief.show()
    for _ in range(300):
        if debrief.loaded:
            break
        settle(100)
    shoot(debrief, "debrief")
    for widget, name in (
        (debrief.network, "debrief-network"),
        (debrief.timeline, "debrief-timeline"),
    ):
        debrief.tabs.setCurrentWidget(widget)
        shoot(debrief, name)
    debrief.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
