"""The program's icons: SVG files under resources/icons, sharp at any screen density."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop.infra.paths import project_root


@cache
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg` (an empty icon if the file is missing)."""
    path = project_root() / "resources" / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
