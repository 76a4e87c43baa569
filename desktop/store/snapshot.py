"""The scenario snapshot and the document's own facts."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from desktop.store.tables import DocumentInfo, ScenarioMedia, ScenarioSnapshot, table_of

SNAPSHOT = table_of(ScenarioSnapshot)
MEDIA = table_of(ScenarioMedia)
INFO = table_of(DocumentInfo)


@dataclass(frozen=True)
class StoredScenario:
    """The pack as the document keeps it."""

    scenario_id: str
    title: str
    source_name: str
    yaml_text: bytes
    sha256: str
    media: Mapping[str, bytes]


def save_snapshot(connection: Connection, stored: StoredScenario) -> None:
    """Keep the pack's YAML and media in the document."""
    connection.execute(
        insert(SNAPSHOT),
        {
            "id": 1,
            "scenario_id": stored.scenario_id,
            "title": stored.title,
            "source_name": stored.source_name,
            "yaml_text": stored.yaml_text,
            "sha256": stored.sha256,
        },
    )
    rows = [
        {"path": path, "data": data, "sha256": hashlib.sha256(data).hexdigest()}
        for path, data in sorted(stored.media.items())
    ]
    if rows:
        connection.execute(insert(MEDIA), rows)


def load_snapshot(connection: Connection, *, with_media: bool = False) -> StoredScenario | None:
    """The stored pack, or `None` if the document has none."""
    row = connection.execute(select(SNAPSHOT)).mappings().first()
    if row is None:
        return None
    media: dict[str, bytes] = {}
    if with_media:
        media = {r.path: r.data for r in connection.execute(select(MEDIA.c.path, MEDIA.c.data))}
    return StoredScenario(
        scenario_id=row["scenario_id"],
        title=row["title"],
        source_name=row["source_name"],
        yaml_text=row["yaml_text"],
        sha256=row["sha256"],
        media=media,
    )


def media_paths(connection: Connection) -> list[str]:
    """The paths of the stored media files."""
    return [r[0] for r in connection.execute(select(MEDIA.c.path).order_by(MEDIA.c.path))]


def get_info(connection: Connection, key: str) -> str | None:
    """A document fact, or `None`."""
    return connection.execute(select(INFO.c.value).where(INFO.c.key == key)).scalar()


def set_info(connection: Connection, key: str, value: str) -> None:
    """Set a document fact (inside the caller's transaction)."""
    updated = connection.execute(update(INFO).where(INFO.c.key == key).values(value=value))
    if updated.rowcount == 0:
        connection.execute(insert(INFO), {"key": key, "value": value})


def load_media(connection: Connection, path: str) -> bytes | None:
    """One stored media file's bytes, or `None` if the pack had no such file."""
    data = connection.execute(select(MEDIA.c.data).where(MEDIA.c.path == path)).scalar()
    return bytes(data) if data is not None else None
