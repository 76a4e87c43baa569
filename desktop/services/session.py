"""An open exercise: the document, the engine rebuilt from its log, and one transaction
per command."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection

from desktop import __version__
from desktop.domain import commands as c
from desktop.domain.enums import Lifecycle
from desktop.domain.events import Event
from desktop.domain.records import Participant
from desktop.domain.scenario import Scenario, Team
from desktop.engine.errors import CommandRefused
from desktop.engine.exercise import Exercise
from desktop.scenario.pack import LoadedScenario, parse_scenario
from desktop.scenario.yaml_source import load_yaml
from desktop.services.clocks import WallClock, system_clock
from desktop.store import event_log
from desktop.store.document import Document, create_document, open_document, translated
from desktop.store.errors import DocumentError, DocumentProblem, as_document_error
from desktop.store.snapshot import StoredScenario, load_snapshot, media_paths, save_snapshot

log = logging.getLogger(__name__)

Extra = Callable[[Connection], None]


class ExerciseSession:
    """One open exercise document and its engine.

    Every command is checked by the engine, then its events (with anything due on the
    clock) are appended in one transaction; the call returns only after the commit.
    """

    def __init__(
        self, document: Document, exercise: Exercise, clock: WallClock, recovered: bool = False
    ) -> None:
        self.document = document
        self.exercise = exercise
        self.clock = clock
        self.recovered = recovered
        self._stale = False

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.exercise.scenario

    # Opening and creating.

    @classmethod
    def create(
        cls,
        path: Path,
        loaded: LoadedScenario,
        *,
        teams: Sequence[Team] | None = None,
        participants: Sequence[Participant] = (),
        auto_release: bool = True,
        rate: float = 1.0,
        clock: WallClock = system_clock,
        overwrite: bool = False,
        extra: Extra | None = None,
    ) -> ExerciseSession:
        """Create a document for a new exercise of `loaded`, with its teams."""
        exercise = Exercise(loaded.scenario)
        events = exercise.create(
            clock(),
            teams if teams is not None else loaded.scenario.teams,
            participants,
            auto_release=auto_release,
            rate=rate,
            scenario_sha256=loaded.sha256,
            app_version=__version__,
        )
        stored = StoredScenario(
            scenario_id=loaded.scenario.id,
            title=loaded.scenario.title,
            source_name=loaded.path.name,
            yaml_text=loaded.yaml_text,
            sha256=loaded.sha256,
            media=loaded.media,
        )

        def setup(connection: Connection) -> None:
            save_snapshot(connection, stored)
            event_log.append(connection, events)
            if extra is not None:
                extra(connection)

        document = create_document(path, setup, overwrite=overwrite)
        return cls(document, exercise, clock)

    @classmethod
    def open(
        cls, path: Path, *, read_only: bool = False, clock: WallClock = system_clock
    ) -> ExerciseSession:
        """Open a document and rebuild its exercise from the log.

        A writable document left running (the program did not close it) is paused at
        its last event with reason `recovery`, so no burst of injects follows downtime.
        """
        document = open_document(path, read_only=read_only)
        try:
            with translated(path):
                exercise = _rebuild(document.connection, path)
                end_read(document.connection)
            session = cls(document, exercise, clock)
            if not read_only and exercise.state.lifecycle is Lifecycle.RUNNING:
                log.warning("%s was not closed cleanly; pausing it for recovery", path)
                session._commit(exercise.recover(clock()))
                session.recovered = True
            return session
        except BaseException:
            document.close()
            raise

    def close(self) -> None:
        """Close the document cleanly; a running clock is paused first.

        The document is closed (and its writer lock released) even if the pause cannot
        be written; it then reopens paused for recovery, which loses nothing.
        """
        try:
            if not self.document.read_only and self.exercise.state.lifecycle is Lifecycle.RUNNING:
                self.execute(c.Pause("closed"))
        finally:
            self.document.close()

    def __enter__(self) -> ExerciseSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Commands.

    def execute(
        self, command: c.Command, *, at: int | None = None, extra: Extra | None = None
    ) -> list[Event]:
        """Advance the clock to now, carry out `command`, and commit both at once."""
        self._ensure_current()
        wall = self.clock()
        exercise = self.exercise

        def produce() -> list[Event]:
            events = exercise.advance(wall)
            try:
                return events + exercise.execute(command, wall, at)
            except CommandRefused:
                if events:
                    # Clock events were applied in memory but will not be committed.
                    self._rebuild()
                raise

        return self._transaction(produce, extra)

    def tick(self) -> list[Event]:
        """Commit whatever has fallen due on the clock (the app calls this every second)."""
        self._ensure_current()
        wall = self.clock()
        return self._transaction(lambda: self.exercise.advance(wall), None)

    def _transaction(self, produce: Callable[[], list[Event]], extra: Extra | None) -> list[Event]:
        if self.document.read_only:
            raise DocumentError(DocumentProblem.READ_ONLY, self.document.path, "opened read-only")
        try:
            events = produce()
        except CommandRefused:
            raise
        except Exception:
            self._rebuild()
            raise
        self._commit(events, extra)
        return events

    def _commit(self, events: list[Event], extra: Extra | None = None) -> None:
        if not events and extra is None:
            return
        connection = self.document.connection
        end_read(connection)
        try:
            with translated(self.document.path):
                if extra is None:
                    event_log.commit_events(connection, events)
                else:
                    with connection.begin():
                        event_log.append(connection, events)
                        extra(connection)
        except BaseException:
            self._rebuild()
            raise

    def _rebuild(self) -> None:
        """Replace the in-memory engine with one replayed from the document.

        Called after a failure; if the document cannot be read right now (still locked,
        say), the engine is marked stale and rebuilt before the next command instead, so
        the original error is the one the caller sees.
        """
        self._stale = True
        try:
            self._ensure_current()
        except Exception as error:
            log.warning("could not reread %s yet: %s", self.document.path, error)

    def _ensure_current(self) -> None:
        """Rebuild the engine from the document if a failure left it ahead of the log."""
        if not self._stale:
            return
        connection = self.document.connection
        with translated(self.document.path):
            end_read(connection)
            self.exercise = Exercise.replay(self.scenario, event_log.read_events(connection))
            end_read(connection)
        self._stale = False

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """The document's connection for queries; the read ends afterwards, so no old
        snapshot is held against the next write."""
        connection = self.document.connection
        try:
            yield connection
        finally:
            end_read(connection)

    def events(self, after_seq: int = 0) -> Iterator[Event]:
        """The exercise log from the document."""
        with self.reading() as connection:
            yield from event_log.read_events(connection, after_seq)


def _rebuild(connection: Connection, path: Path) -> Exercise:
    """The exercise replayed from a document's log; a log that cannot be replayed means
    the document is damaged (edited by hand, say), which the user is told as such."""
    try:
        scenario = scenario_from_document(connection, path)
        return Exercise.replay(scenario, event_log.read_events(connection))
    except DocumentError:
        raise
    except Exception as error:
        if as_document_error(error, path) is not None:
            raise
        log.exception("cannot rebuild the exercise in %s", path)
        raise DocumentError(
            DocumentProblem.CORRUPT, path, f"its exercise log cannot be replayed ({error})"
        ) from error


def end_read(connection: Connection) -> None:
    """End the transaction SQLAlchemy began for reading, so no old snapshot is held."""
    if connection.in_transaction():
        connection.rollback()


def scenario_from_document(connection: Connection, path: Path) -> Scenario:
    """The scenario stored in a document (its YAML, parsed again)."""
    stored = load_snapshot(connection)
    if stored is None:
        raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path, "it holds no scenario")
    source = Path(stored.source_name)
    loaded = parse_scenario(
        stored.yaml_text, load_yaml(stored.yaml_text), source, check_media=False, cross_check=False
    )
    return replace(loaded.scenario, media=tuple(media_paths(connection)))
