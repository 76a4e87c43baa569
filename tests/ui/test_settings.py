"""The program's own settings: a private INI file, typed values, recent files kept tidy."""

from __future__ import annotations

from pathlib import Path

from desktop.infra.paths import config_dir
from desktop.ui.settings import MAX_RECENT, AppSettings


def touch(path: Path) -> str:
    path.write_bytes(b"")
    return str(path)


def test_file_lives_in_the_private_config_folder(private_settings: Path) -> None:
    settings = AppSettings()
    settings.set_projector_dark(True)
    assert settings.path == config_dir() / "settings.ini"
    assert str(settings.path).startswith(str(private_settings))
    assert settings.path.is_file()


def test_defaults() -> None:
    settings = AppSettings()
    assert settings.recent_documents() == []
    assert settings.last_folder() == ""
    assert settings.backup_folder() == ""
    assert settings.backup_interval_minutes() == 5
    assert settings.projector_dark() is False
    assert settings.window_geometry("main").isEmpty()
    assert settings.window_state("main").isEmpty()
    assert settings.acknowledged_crash_report() == ""


def test_values_survive_a_new_instance(tmp_path: Path) -> None:
    settings = AppSettings()
    settings.set_backup_folder(tmp_path)
    settings.set_backup_interval_minutes(12)
    settings.set_projector_dark(True)
    settings.set_window_geometry("main", b"\x01\x02geometry")
    settings.set_window_state("main", b"\x00state")
    settings.set_acknowledged_crash_report("crash-20310414-080000.txt")
    settings.set_last_folder(tmp_path)

    again = AppSettings()
    assert again.backup_folder() == str(tmp_path)
    assert again.backup_interval_minutes() == 12
    assert again.projector_dark() is True
    assert again.window_geometry("main").data() == b"\x01\x02geometry"
    assert again.window_state("main").data() == b"\x00state"
    assert again.window_geometry("projector").isEmpty()
    assert again.acknowledged_crash_report() == "crash-20310414-080000.txt"
    assert again.last_folder() == str(tmp_path)
    again.set_backup_folder(None)
    assert AppSettings().backup_folder() == ""


def test_recent_documents_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    settings = AppSettings()
    a, b = touch(tmp_path / "a.coherence"), touch(tmp_path / "b.coherence")
    settings.add_recent_document(a)
    assert AppSettings().recent_documents() == [a]  # a one-item list reads back as a list
    settings.add_recent_document(b)
    settings.add_recent_document(a)
    assert AppSettings().recent_documents() == [a, b]
    assert settings.last_folder() == str(tmp_path)
    settings.remove_recent_document(a)
    assert AppSettings().recent_documents() == [b]
    settings.clear_recent_documents()
    assert AppSettings().recent_documents() == []


def test_recent_documents_are_capped(tmp_path: Path) -> None:
    settings = AppSettings()
    paths = [touch(tmp_path / f"{n}.coherence") for n in range(MAX_RECENT + 3)]
    for path in paths:
        settings.add_recent_document(path)
    assert settings.recent_documents() == list(reversed(paths))[:MAX_RECENT]


def test_missing_files_are_pruned_on_read(tmp_path: Path) -> None:
    settings = AppSettings()
    kept, gone = touch(tmp_path / "kept.coherence"), touch(tmp_path / "gone.coherence")
    settings.add_recent_document(kept)
    settings.add_recent_document(gone)
    Path(gone).unlink()
    assert settings.recent_documents() == [kept]
    Path(gone).write_bytes(b"")  # back again, but it was pruned for good
    assert AppSettings().recent_documents() == [kept]


def test_bad_values_in_the_file_fall_back_to_defaults() -> None:
    settings = AppSettings()
    settings.path.write_text(
        "[backup]\ninterval_minutes=often\n[projector]\ndark=maybe\n", encoding="utf-8"
    )
    again = AppSettings()
    assert again.backup_interval_minutes() == 5
    assert again.projector_dark() is False


def test_last_folder_that_vanished_is_forgotten(tmp_path: Path) -> None:
    settings = AppSettings()
    folder = tmp_path / "usb"
    folder.mkdir()
    settings.set_last_folder(folder)
    folder.rmdir()
    assert settings.last_folder() == ""
