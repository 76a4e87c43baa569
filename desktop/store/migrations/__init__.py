"""Alembic migrations of the exercise document (batch mode, for SQLite)."""
