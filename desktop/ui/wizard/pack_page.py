"""Wizard page 1: choose the scenario pack (bundled, or another folder or file)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QStyle,
    QTextBrowser,
    QToolButton,
    QWidget,
    QWizardPage,
)

from desktop.ui.settings import AppSettings
from desktop.ui.wizard.pack_problems_dialog import PackProblemsDialog
from desktop.ui.workers import report_uncaught, run_task

if TYPE_CHECKING:
    from desktop.scenario.pack import LoadedScenario
    from desktop.services.packs import PackSummary

SummaryRole = Qt.ItemDataRole.UserRole


class PackPage(QWizardPage):
    """The bundled packs with their details, and a way to use any other pack."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._loaded: dict[str, LoadedScenario] = {}
        self._loading: set[str] = set()
        self._listed = False
        self.problems_dialog: PackProblemsDialog | None = None
        self.setTitle(self.tr("Scenario pack"))
        self.setSubTitle(
            self.tr("Choose the scenario the teams will play. You can adjust its teams next.")
        )

        packs_label = QLabel(self.tr("&Packs"), self)
        self.pack_list = QListWidget(self)
        self.pack_list.setAccessibleName(self.tr("Scenario packs"))
        self.pack_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pack_list.setWordWrap(True)
        self.pack_list.setSpacing(3)
        packs_label.setBuddy(self.pack_list)
        self.pack_list.currentItemChanged.connect(self._on_pack_list_current_changed)

        self.folder_action = QAction(self.tr("Other pack folder…"), self)
        self.folder_action.triggered.connect(self._on_folder_action_triggered)
        self.file_action = QAction(self.tr("Single scenario file (.yaml)…"), self)
        self.file_action.triggered.connect(self._on_file_action_triggered)
        self.other_button = QToolButton(self)
        self.other_button.setDefaultAction(self.folder_action)
        self.other_button.addAction(self.file_action)
        self.other_button.setText(self.tr("Other pack…"))
        self.other_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.other_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.other_button.setAccessibleName(self.tr("Other pack"))
        self.other_button.setToolTip(
            self.tr("Use a pack folder, or a single scenario file from the arrow's menu.")
        )

        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName(self.tr("Loading"))
        self.busy_label = QLabel(self.tr("Loading the scenario packs…"), self)
        busy = QHBoxLayout()
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)

        details_label = QLabel(self.tr("&Details"), self)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("Pack details"))
        self.details.setOpenLinks(False)
        details_label.setBuddy(self.details)

        grid = QGridLayout(self)
        grid.addWidget(packs_label, 0, 0)
        grid.addWidget(details_label, 0, 1)
        grid.addWidget(self.pack_list, 1, 0)
        grid.addWidget(self.details, 1, 1, 2, 1)
        grid.addWidget(self.other_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addLayout(busy, 3, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 1)
        QWidget.setTabOrder(self.pack_list, self.other_button)
        QWidget.setTabOrder(self.other_button, self.details)
        self._set_busy(False)

    # What the other pages read.

    def loaded(self) -> LoadedScenario | None:
        """The chosen pack, loaded; `None` until one is chosen and ready."""
        summary = self.current_summary()
        if summary is None or summary.error:
            return None
        return self._loaded.get(str(summary.path))

    def current_summary(self) -> PackSummary | None:
        """The summary of the highlighted pack."""
        item = self.pack_list.currentItem()
        if item is None:
            return None
        summary: PackSummary = item.data(SummaryRole)
        return summary

    def is_busy(self) -> bool:
        """Whether packs are still being read."""
        return not self._listed or bool(self._loading)

    # QWizardPage.

    def initializePage(self) -> None:
        """List the bundled packs the first time the page is shown."""
        if self._listed or self.pack_list.count():
            return
        from desktop.services.packs import list_bundled_packs

        self._set_busy(True, self.tr("Loading the scenario packs…"))
        run_task(
            lambda _progress: list_bundled_packs(),
            owner=self,
            on_done=self._on_bundled_listed,
        )

    def isComplete(self) -> bool:
        """Complete once a usable pack is chosen and loaded."""
        return self.loaded() is not None

    # Loading.

    def _on_bundled_listed(self, packs: list[PackSummary]) -> None:
        self._listed = True
        for summary in packs:
            self._add_item(summary)
        if self.pack_list.currentItem() is None and self.pack_list.count():
            usable = [
                row for row in range(self.pack_list.count()) if not self._summary_at(row).error
            ]
            self.pack_list.setCurrentRow(usable[0] if usable else 0)
        self._update_busy()
        self.completeChanged.emit()

    def _add_item(self, summary: PackSummary) -> QListWidgetItem:
        text = summary.title
        where = summary.country if summary.bundled else str(summary.path)
        if where:
            text += "\n" + where
        item = QListWidgetItem(text)
        item.setData(SummaryRole, summary)
        item.setToolTip(str(summary.path))
        if summary.error:
            item.setText(self.tr("{title} (cannot be used)").format(title=summary.title))
            item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.pack_list.addItem(item)
        return item

    def _summary_at(self, row: int) -> PackSummary:
        summary: PackSummary = self.pack_list.item(row).data(SummaryRole)
        return summary

    def _on_pack_list_current_changed(self, *_args: object) -> None:
        summary = self.current_summary()
        self.details.setMarkdown(self._details_markdown(summary) if summary else "")
        if summary is not None and not summary.error:
            self._ensure_loaded(summary.path)
        self.completeChanged.emit()

    def _ensure_loaded(self, path: Path) -> None:
        key = str(path)
        if key in self._loaded or key in self._loading:
            return
        from desktop.scenario.pack import load_scenario

        self._loading.add(key)
        self._set_busy(True, self.tr("Reading the pack…"))
        run_task(
            lambda _progress: load_scenario(path),
            owner=self,
            on_done=lambda loaded: self._on_pack_loaded(key, loaded),
            on_error=lambda error: self._on_pack_failed(key, error),
        )

    def _on_pack_loaded(self, key: str, loaded: LoadedScenario) -> None:
        self._loading.discard(key)
        self._loaded[key] = loaded
        self._update_busy()
        self.completeChanged.emit()

    def _on_pack_failed(self, key: str, error: BaseException) -> None:
        self._loading.discard(key)
        self._update_busy()
        self._explain_load_failure(error)

    # Another pack.

    def _on_folder_action_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a scenario pack folder"), self._start_folder()
        )
        if folder:
            self.open_pack(Path(folder))

    def _on_file_action_triggered(self) -> None:
        file, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a scenario file"),
            self._start_folder(),
            self.tr("Scenario files (*.yaml *.yml)"),
        )
        if file:
            self.open_pack(Path(file))

    def _start_folder(self) -> str:
        return self._settings.last_folder() or str(Path.home())

    def open_pack(self, path: Path) -> None:
        """Load a pack from `path` (a folder or a YAML file), add it and select it."""
        from desktop.scenario.pack import load_scenario
        from desktop.services.packs import is_bundled, summary_of

        def work(_progress: object) -> tuple[PackSummary, LoadedScenario]:
            loaded = load_scenario(path)
            return summary_of(loaded, bundled=is_bundled(path)), loaded

        key = str(path)
        self._loading.add(key)
        self._set_busy(True, self.tr("Reading the pack…"))
        run_task(
            work,
            owner=self,
            on_done=lambda result: self._on_other_pack_loaded(key, *result),
            on_error=lambda error: self._on_pack_failed(key, error),
        )

    def _on_other_pack_loaded(self, key: str, summary: PackSummary, loaded: LoadedScenario) -> None:
        self._loading.discard(key)
        self._loaded[str(summary.path)] = loaded
        existing = [
            row
            for row in range(self.pack_list.count())
            if self._summary_at(row).path == summary.path
        ]
        if existing:
            self.pack_list.item(existing[0]).setData(SummaryRole, summary)
            self.pack_list.setCurrentRow(existing[0])
        else:
            self.pack_list.setCurrentItem(self._add_item(summary))
        self._update_busy()
        self.completeChanged.emit()

    def _explain_load_failure(self, error: BaseException) -> None:
        from desktop.scenario.diagnostics import InvalidFile

        if not isinstance(error, InvalidFile):
            report_uncaught(error)
            return
        lines = [str(d) for d in (error.errors or error.diagnostics)]
        self.problems_dialog = PackProblemsDialog(lines, self)
        self.problems_dialog.open()

    # Display.

    def _set_busy(self, busy: bool, text: str = "") -> None:
        if text:
            self.busy_label.setText(text)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _update_busy(self) -> None:
        self._set_busy(self.is_busy())

    def _details_markdown(self, summary: PackSummary) -> str:
        if summary.error:
            lines = "\n".join(f"    {line}" for line in summary.error.splitlines())
            return (
                f"## {summary.title}\n\n"
                + self.tr("This pack has errors and cannot be used:")
                + f"\n\n{lines}\n"
            )
        parts = [f"## {summary.title}", summary.summary]
        setting = " · ".join(x for x in (summary.country, summary.mission) if x)
        if setting:
            parts.append(f"**{self.tr('Setting')}:** {setting}")
        if summary.phases:
            parts.append(f"**{self.tr('Phases')}:** " + " → ".join(summary.phases))
        if summary.objectives:
            objectives = "\n".join(f"- {title}" for title in summary.objectives)
            parts.append(f"**{self.tr('Objectives')}:**\n\n{objectives}")
        parts.append(
            self.tr("**{actors}** actors · **{teams}** suggested teams · **{injects}** injects")
            .replace("{actors}", str(summary.actor_count))
            .replace("{teams}", str(summary.team_count))
            .replace("{injects}", str(summary.inject_count))
        )
        if not summary.bundled:
            parts.append(f"`{summary.path}`")
        return "\n\n".join(p for p in parts if p)
