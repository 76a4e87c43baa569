"""The program's own preferences, kept in the user's config folder (never in a document).

Imports only PySide6, the standard library and `desktop.infra`: the start page reads the
settings before the heavy layers are loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop.infra.paths import config_dir

SETTINGS_FILE = "settings.ini"
MAX_RECENT = 10
DEFAULT_BACKUP_MINUTES = 5

_RECENT = "documents/recent"
_LAST_FOLDER = "documents/last_folder"
_BACKUP_FOLDER = "backup/folder"
_BACKUP_MINUTES = "backup/interval_minutes"
_PROJECTOR_DARK = "projector/dark"
_CRASH_SEEN = "crash/acknowledged_report"


class AppSettings:
    """Typed access to `settings.ini` in the config folder.

    Writes go to the file at once (`sync`), so a crash right after a change keeps it.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / SETTINGS_FILE
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # Recent documents.

    def recent_documents(self) -> list[str]:
        """Recently used documents (absolute paths), most recent first.

        Files that no longer exist are dropped from the list for good.
        """
        stored = self._string_list(_RECENT)
        existing = [item for item in stored if Path(item).is_file()]
        if len(existing) != len(stored):
            self._set(_RECENT, existing)
        return existing

    def add_recent_document(self, path: str | Path) -> None:
        """Put `path` first in the recent list (it also becomes the last folder)."""
        path = Path(path).absolute()
        items = [item for item in self._string_list(_RECENT) if Path(item) != path]
        self._set(_RECENT, [str(path), *items][:MAX_RECENT])
        self.set_last_folder(path.parent)

    def remove_recent_document(self, path: str | Path) -> None:
        """Take `path` off the recent list (the file itself is left alone)."""
        path = Path(path).absolute()
        self._set(_RECENT, [item for item in self._string_list(_RECENT) if Path(item) != path])

    def clear_recent_documents(self) -> None:
        """Empty the recent list."""
        self._set(_RECENT, [])

    # Folders.

    def last_folder(self) -> str:
        """The folder a document was last opened or saved in ('' if unknown or gone).

        A string, ready to pass to a file dialog.
        """
        text = self._string(_LAST_FOLDER)
        return text if text and Path(text).is_dir() else ""

    def set_last_folder(self, folder: str | Path) -> None:
        """Remember `folder` for the next file dialog."""
        self._set(_LAST_FOLDER, str(Path(folder).absolute()))

    def backup_folder(self) -> str:
        """Where automatic backups go (a USB stick, say); '' means no automatic backup."""
        return self._string(_BACKUP_FOLDER)

    def set_backup_folder(self, folder: str | Path | None) -> None:
        """Set the backup folder (`None` or '': no automatic backup)."""
        self._set(_BACKUP_FOLDER, str(Path(folder).absolute()) if folder else "")

    def backup_interval_minutes(self) -> int:
        """Minutes between automatic backups of the open document (at least 1)."""
        value = self._qsettings.value(_BACKUP_MINUTES, DEFAULT_BACKUP_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            return DEFAULT_BACKUP_MINUTES
        return minutes if minutes >= 1 else DEFAULT_BACKUP_MINUTES

    def set_backup_interval_minutes(self, minutes: int) -> None:
        """Set the minutes between automatic backups."""
        if minutes < 1:
            raise ValueError("the backup interval must be at least one minute")
        self._set(_BACKUP_MINUTES, int(minutes))

    # Windows.

    def window_geometry(self, name: str) -> QByteArray:
        """The saved geometry of the window called `name` (`QWidget.saveGeometry`).

        Empty if none was saved.
        """
        return self._bytes(f"windows/{name}/geometry")

    def set_window_geometry(self, name: str, data: bytes | QByteArray) -> None:
        """Save the geometry of the window called `name`."""
        self._set(f"windows/{name}/geometry", _byte_array(data))

    def window_state(self, name: str) -> QByteArray:
        """The saved dock and toolbar state of the window called `name` (empty if none)."""
        return self._bytes(f"windows/{name}/state")

    def set_window_state(self, name: str, data: bytes | QByteArray) -> None:
        """Save the dock and toolbar state of the window called `name`."""
        self._set(f"windows/{name}/state", _byte_array(data))

    # Display and crash reports.

    def projector_dark(self) -> bool:
        """Whether the projector view uses light text on a dark background."""
        return self._bool(_PROJECTOR_DARK, False)

    def set_projector_dark(self, dark: bool) -> None:
        """Choose the projector's colours."""
        self._set(_PROJECTOR_DARK, bool(dark))

    def acknowledged_crash_report(self) -> str:
        """The name of the last crash report the user has already been shown ('' if none)."""
        return self._string(_CRASH_SEEN)

    def set_acknowledged_crash_report(self, name: str) -> None:
        """Remember that the crash report `name` was shown, so it is not shown again."""
        self._set(_CRASH_SEEN, name)

    # Plumbing.

    def sync(self) -> None:
        """Write pending changes to the file."""
        self._qsettings.sync()

    def _set(self, key: str, value: object) -> None:
        self._qsettings.setValue(key, value)
        self._qsettings.sync()

    def _string(self, key: str) -> str:
        value = self._qsettings.value(key, "")
        return value if isinstance(value, str) else ""

    def _string_list(self, key: str) -> list[str]:
        value = self._qsettings.value(key, [])
        # The INI format reads a one-item list back as a plain string.
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list):
            return [item for item in value if isinstance(item, str) and item]
        return []

    def _bool(self, key: str, default: bool) -> bool:
        value = self._qsettings.value(key, default)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return default

    def _bytes(self, key: str) -> QByteArray:
        value = self._qsettings.value(key)
        if isinstance(value, QByteArray):
            return value
        if isinstance(value, bytes):
            return QByteArray(value)
        return QByteArray()


def _byte_array(data: bytes | QByteArray) -> QByteArray:
    return data if isinstance(data, QByteArray) else QByteArray(data)
