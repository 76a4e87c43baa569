"""Where and how often the open exercise is backed up, and a button to do it now."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.backup_scheduler import BackupScheduler

MAX_MINUTES = 120


class BackupSettingsDialog(QDialog):
    """Choose the backup folder and interval; changes apply to the scheduler at once."""

    sig_settings_changed = Signal(str, int)  # folder ("" for off), minutes

    def __init__(self, scheduler: BackupScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scheduler = scheduler
        self.setWindowTitle(self.tr("Automatic backup"))

        intro = QLabel(
            self.tr(
                "Coherence copies the exercise to a second folder, such as a USB stick, "
                "whenever it changed. The last three copies are kept."
            )
        )
        intro.setWordWrap(True)

        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setMinimumWidth(340)
        self.folder_edit.setPlaceholderText(self.tr("No folder: automatic backup is off"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.off_button = QPushButton(self.tr("Turn off"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.off_button)

        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, MAX_MINUTES)
        self.interval_spin.setSuffix(self.tr(" min"))
        self.interval_spin.setValue(max(1, scheduler.interval_ms // 60_000))

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Every:"), self.interval_spin)
        form.addRow(self.tr("Last backup:"), self.status_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.off_button.clicked.connect(self._on_off_button_clicked)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.interval_spin.valueChanged.connect(self._on_interval_spin_changed)
        scheduler.sig_backed_up.connect(self._on_scheduler_backed_up)
        scheduler.sig_failed.connect(self._on_scheduler_failed)
        self._show_folder()
        self._show_last()

    def set_folder(self, folder: Path | None) -> None:
        """Back up to `folder` (`None`: off), as if chosen in the dialog."""
        self._scheduler.set_folder(folder)
        self._show_folder()
        self._announce()

    def _show_folder(self) -> None:
        folder = self._scheduler.folder
        self.folder_edit.setText(str(folder) if folder is not None else "")
        self.off_button.setEnabled(folder is not None)
        self.backup_button.setEnabled(folder is not None)

    def _show_last(self) -> None:
        path, when = self._scheduler.last_path, self._scheduler.last_when
        if path is None or when is None:
            self.status_label.setText(self.tr("None yet in this session."))
            return
        self.status_label.setText(
            self.tr("{time} to {path}").format(time=_clock_time(when), path=path)
        )

    def _announce(self) -> None:
        folder = self._scheduler.folder
        self.sig_settings_changed.emit(
            str(folder) if folder is not None else "", self.interval_spin.value()
        )

    # Handlers.

    def _on_choose_button_clicked(self) -> None:
        start = self._scheduler.folder
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Back up to this folder"), str(start) if start else ""
        )
        if name:
            self.set_folder(Path(name))

    def _on_off_button_clicked(self) -> None:
        self.set_folder(None)

    def _on_backup_button_clicked(self) -> None:
        if self._scheduler.backup_now():
            self.status_label.setText(self.tr("Backing up…"))

    def _on_interval_spin_changed(self, minutes: int) -> None:
        self._scheduler.set_interval(minutes)
        self._announce()

    def _on_scheduler_backed_up(self, _path: str, _when: str) -> None:
        self._show_last()

    def _on_scheduler_failed(self, message: str) -> None:
        self.status_label.setText(message)


def _clock_time(when: str) -> str:
    """`14:05:09` from an ISO 8601 time (the text itself if it is not one)."""
    try:
        return datetime.fromisoformat(when).strftime("%H:%M:%S")
    except ValueError:
        return when
