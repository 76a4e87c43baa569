"""The exercise document: SQLite tables, migrations, and the append-only event log."""
