"""The debrief of an exercise document: its record read in bulk, and the figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from desktop.analysis.record import ExerciseRecord, InjectRecord
from desktop.analysis.report_json import debrief_json
from desktop.domain.scenario import Scenario
from desktop.infra.collector import collector_paused
from desktop.services.session import end_read
from desktop.store import record_queries as q
from desktop.store.document import open_document, translated
from desktop.store.errors import DocumentError, DocumentProblem
from desktop.store.snapshot import load_snapshot


def record_from_connection(connection: Connection, scenario: Scenario) -> ExerciseRecord:
    """Everything the debrief needs, read from the projection tables in a few queries, all
    in one read transaction so that they agree with each other."""
    end_read(connection)
    with connection.begin(), collector_paused():
        released, adhoc = q.load_inject_states(connection)
        injects = tuple(InjectRecord(i, released.get(i.id)) for i in (*scenario.injects, *adhoc))
        return ExerciseRecord(
            scenario=scenario,
            teams=q.load_teams(connection),
            injects=injects,
            decisions=q.load_decisions(connection),
            phase_changes=q.load_phase_changes(connection),
            observations=q.load_observations(connection),
            ratings=q.load_ratings(connection),
            improvements=q.load_improvements(connection),
            participants=q.count_participants(connection),
        )


def load_record(path: Path) -> ExerciseRecord:
    """Read a document without changing it and return its exercise record.

    The log is not replayed: the projection tables, written with every event, hold the
    records as last amended, which is what the figures use.
    """
    from desktop.services.session import scenario_from_document

    document = open_document(path, read_only=True)
    try:
        with translated(path):
            if load_snapshot(document.connection) is None:
                raise DocumentError(DocumentProblem.NOT_A_DOCUMENT, path, "it holds no scenario")
            scenario = scenario_from_document(document.connection, path)
            return record_from_connection(document.connection, scenario)
    finally:
        document.close()


def figures_of(record: ExerciseRecord) -> dict[str, Any]:
    """Every debrief figure of a record, in the `coherence-report/1` JSON shape.

    The collector stays paused: the figures allocate many small objects beside a record
    of as many more, and each full collection would rescan them all.
    """
    with collector_paused():
        return debrief_json(record)


def debrief_report(path: Path) -> dict[str, Any]:
    """Every debrief figure of a document, in the `coherence-report/1` JSON shape."""
    return figures_of(load_record(path))
