"""Core statements compiled once per dialect and run straight on the DBAPI connection.

Appending an event is the hot path: SQLAlchemy's per-statement execution machinery costs
more than SQLite's own insert. The statements are still built from the table definitions
with SQLAlchemy Core and compiled for the connection's dialect, so they stay portable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from sqlalchemy import Connection, Table, bindparam, insert
from sqlalchemy.sql import ClauseElement

_POSITIONAL = {"qmark", "format", "numeric"}


def insert_statement(table: Table, columns: Sequence[str]) -> ClauseElement:
    """An INSERT of `columns` whose parameters are named after them."""
    return insert(table).values({name: bindparam(name) for name in columns})


class DriverSql:
    """Runs compiled Core statements on one connection's DBAPI connection."""

    _compiled: ClassVar[dict[tuple[int, str], tuple[str, tuple[str, ...], dict[str, Any]]]] = {}

    def __init__(self, connection: Connection) -> None:
        self.dialect = connection.dialect
        self.connection = connection
        driver = connection.connection.driver_connection
        assert driver is not None
        self.driver: Any = driver
        self._positional = self.dialect.paramstyle in _POSITIONAL

    def _compile(self, statement: ClauseElement) -> tuple[str, tuple[str, ...], dict[str, Any]]:
        key = (id(statement), self.dialect.name)
        cached = self._compiled.get(key)
        if cached is None:
            compiled = statement.compile(dialect=self.dialect)
            order = tuple(getattr(compiled, "positiontup", None) or ())
            cached = (str(compiled), order, dict(compiled.params))
            self._compiled[key] = cached
        return cached

    def _arguments(self, statement: ClauseElement, params: Mapping[str, Any]) -> Any:
        sql, order, defaults = self._compile(statement)
        if self._positional:
            return sql, tuple(params[n] if n in params else defaults[n] for n in order)
        return sql, {**defaults, **params}

    def run(self, statement: ClauseElement, params: Mapping[str, Any] | None = None) -> int:
        """Execute once; returns the number of rows changed."""
        sql, arguments = self._arguments(statement, params or {})
        cursor = self.driver.execute(sql, arguments)
        try:
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def cursor(self, statement: ClauseElement, params: Mapping[str, Any] | None = None) -> Any:
        """A driver cursor over the rows of a query, for reading large results lazily."""
        sql, arguments = self._arguments(statement, params or {})
        return self.driver.execute(sql, arguments)

    def fetch_all(
        self, statement: ClauseElement, params: Mapping[str, Any] | None = None
    ) -> list[tuple[Any, ...]]:
        """All rows of a query as plain tuples (bulk reads: no per-row wrapping)."""
        sql, arguments = self._arguments(statement, params or {})
        cursor = self.driver.execute(sql, arguments)
        try:
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def run_many(self, statement: ClauseElement, rows: Sequence[Mapping[str, Any]]) -> None:
        """Execute once per row."""
        if not rows:
            return
        if len(rows) == 1:
            self.run(statement, rows[0])
            return
        sql = self._compile(statement)[0]
        arguments = [self._arguments(statement, row)[1] for row in rows]
        cursor = self.driver.cursor()
        try:
            cursor.executemany(sql, arguments)
        finally:
            cursor.close()

    def begin_write(self) -> None:
        """Begin a write transaction (IMMEDIATE on SQLite: take the write lock up front)."""
        self.driver.execute("BEGIN IMMEDIATE" if self.dialect.name == "sqlite" else "BEGIN")

    def commit(self) -> None:
        """Commit the driver's transaction."""
        self.driver.commit()

    def rollback(self) -> None:
        """Roll the driver's transaction back."""
        self.driver.rollback()
