"""Running a play script against the real engine on a simulated clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection

from desktop.domain import commands as c
from desktop.domain.times import format_stamp
from desktop.engine.errors import CommandRefused
from desktop.scenario.diagnostics import Diagnostic, InvalidFile
from desktop.scenario.pack import LoadedScenario, load_scenario, scenario_file
from desktop.scenario.play import PlayScript, PlayStep, load_play
from desktop.scenario.source import display_name
from desktop.services.clocks import SimulatedClock
from desktop.services.session import ExerciseSession
from desktop.store.snapshot import set_info

PLAY_KEY = "play"
STEPS_DONE_KEY = "play_steps_done"
STEPS_TOTAL_KEY = "play_steps_total"


class StepFailed(Exception):
    """A play step the engine refused; the steps before it are in the document."""

    def __init__(self, step: PlayStep, play: Path, message: str) -> None:
        self.step = step
        self.play = play
        self.message = message
        line = f":{step.line}" if step.line is not None else ""
        super().__init__(f"{play}{line}: {step.label}: {message}")


@dataclass(frozen=True)
class SimulationResult:
    """What a simulation produced."""

    path: Path
    steps: int
    events: int
    ended_at: str


class InvalidStep(Exception):
    """A step the checks refused before it ran; the steps before it are in the document."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


def load_pack_and_play(
    pack: Path, play_path: Path, *, up_to_bad_step: bool = False
) -> tuple[LoadedScenario, PlayScript]:
    """Load a pack and a play for it; raises `InvalidFile` if either is wrong."""
    loaded = load_scenario(pack)
    play = load_play(play_path, loaded.scenario, up_to_bad_step=up_to_bad_step)
    ref = play.scenario_ref
    if ref != loaded.scenario.id:
        target = (play_path.parent / ref).resolve()
        if scenario_file(target) != loaded.path.resolve() and target != loaded.path.resolve():
            raise InvalidFile(
                [
                    Diagnostic(
                        display_name(play_path),
                        play.scenario_line,
                        play.scenario_column,
                        ("scenario",),
                        f"this play is for scenario '{ref}', not '{loaded.scenario.id}'",
                    )
                ]
            )
    return loaded, play


def simulate(
    pack: Path,
    play_path: Path,
    out: Path,
    *,
    overwrite: bool = False,
    on_step: Callable[[int, int], None] | None = None,
) -> SimulationResult:
    """Drive the engine through every step of a play, one transaction per step.

    Raises `InvalidFile` before anything is written if the pack, or the play outside its
    steps, is invalid; `InvalidStep` after running the steps before the first step the
    checks refuse; and `StepFailed` at the first step the engine refuses. Either way the
    steps before the failing one stay committed.
    """
    loaded, play = load_pack_and_play(pack, play_path, up_to_bad_step=True)
    clock = SimulatedClock(datetime.now(UTC).replace(microsecond=0))
    total = play.total_steps

    def describe(connection: Connection) -> None:
        set_info(connection, PLAY_KEY, play_path.name)
        set_info(connection, STEPS_TOTAL_KEY, str(total))
        set_info(connection, STEPS_DONE_KEY, "0")

    try:
        session = ExerciseSession.create(
            out,
            loaded,
            teams=play.teams,
            participants=play.participants,
            auto_release=play.auto_release,
            clock=clock,
            overwrite=overwrite,
            extra=describe,
        )
    except CommandRefused as refusal:
        raise InvalidFile(
            [Diagnostic(display_name(play_path), None, None, ("teams",), refusal.message)]
        ) from None
    try:
        for number, step in enumerate(play.steps, start=1):
            run_step(session, clock, step, play_path, number)
            if on_step is not None:
                on_step(number, total)
        if play.stopped_by is not None:
            raise InvalidStep(play.stopped_by)
    except BaseException:
        # The steps so far are committed; leave the document as the last one left it.
        session.document.close()
        raise
    ended_at = format_stamp(session.exercise.now(clock()))
    # A play that does not end the exercise is closed as the app closes it: paused.
    session.close()
    return SimulationResult(out, total, session.exercise.state.event_count, ended_at)


def run_step(
    session: ExerciseSession, clock: SimulatedClock, step: PlayStep, play: Path, number: int
) -> list[object]:
    """Run one step: move the clock to its time, then carry it out, in one transaction."""
    exercise = session.exercise
    state = exercise.state
    now = exercise.now(clock())
    if step.at < now:
        raise StepFailed(
            step, play, f"the clock already stands at {format_stamp(now)} (after a jump?)"
        )
    at: int | None = None
    if state.clock.running:
        wall = state.clock.wall_for(step.at)
        assert wall is not None
        clock.set(wall)
    else:
        clock.tick()
        at = None if isinstance(step.command, c.Start) else step.at

    def progress(connection: Connection) -> None:
        set_info(connection, STEPS_DONE_KEY, str(number))

    try:
        return list(session.execute(step.command, at=at, extra=progress))
    except CommandRefused as refusal:
        raise StepFailed(step, play, refusal.message) from None
