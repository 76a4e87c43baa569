"""INSERT statements compiled once per dialect and run on the DBAPI cursor.

Appending an event is the hot path: SQLAlchemy's per-statement execution machinery costs
more than SQLite's own insert. These statements are still built from the table
definitions and compiled for the connection's dialect, so they stay portable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert

_POSITIONAL = {"qmark", "format", "numeric"}


class PreparedInsert:
    """An INSERT of fixed columns into one table."""

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        self.table = table
        self.columns = tuple(columns)
        self._sql: dict[str, tuple[str, tuple[str, ...]]] = {}

    def _compiled(self, connection: Connection) -> tuple[str, tuple[str, ...]]:
        """The SQL text and the order of its positional parameters."""
        dialect = connection.dialect
        key = f"{dialect.name}:{dialect.paramstyle}"
        cached = self._sql.get(key)
        if cached is None:
            compiled = insert(self.table).compile(dialect=dialect, column_keys=list(self.columns))
            order = tuple(compiled.positiontup or self.columns)
            cached = (str(compiled), order)
            self._sql[key] = cached
        return cached

    def run(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert `rows` (mappings with every column) inside the caller's transaction."""
        if not rows:
            return
        sql, order = self._compiled(connection)
        params: list[Any]
        if connection.dialect.paramstyle in _POSITIONAL:
            params = [tuple(row[c] for c in order) for row in rows]
        else:
            params = [dict(row) for row in rows]
        if len(params) == 1:
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute(sql, params[0])
            return
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(sql, params)
        finally:
            cursor.close()
