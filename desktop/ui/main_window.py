"""The main window: the start page, then the console of the open exercise, and the menus.

It imports only Qt and the start page at first, so it appears quickly; the services, the
database layer and the console are imported when a document is opened.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.ui.icons import icon
from desktop.ui.settings import AppSettings
from desktop.ui.start_page import StartPage

if TYPE_CHECKING:
    from desktop.services.console import ConsoleService
    from desktop.ui.console.console_view import ConsoleView
    from desktop.ui.document_copies import DocumentCopies
    from desktop.ui.document_opener import DocumentOpener
    from desktop.ui.exercise_bridge import ExerciseBridge
    from desktop.ui.workers import Task

log = logging.getLogger(__name__)

DOCUMENT_FILTER = "Coherence exercises (*.coherence)"


class MainWindow(QMainWindow):
    """The facilitator's window: start page or console, menus, and the other windows."""

    sig_document_opened = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Coherence")
        self.setWindowIcon(icon("coherence"))
        self.setObjectName("mainWindow")
        self.console: ConsoleView | None = None
        self.bridge: ExerciseBridge | None = None
        self._opener: DocumentOpener | None = None
        self._side_windows: list[QWidget] = []
        self._copies: DocumentCopies | None = None
        self.crash_handler: QObject | None = None
        self.warmed = False  # the console's modules are loaded (see startup.warm_up)
        self.warm_task: Task | None = None
        self._waiting_to_open: Path | None = None

        self.start_page = StartPage(settings)
        self.start_page.sig_new_requested.connect(self.new_exercise)
        self.start_page.sig_open_requested.connect(self.choose_and_open)
        self.start_page.sig_recent_chosen.connect(lambda path: self.open_document(Path(path)))
        self._stack = QStackedWidget()
        self._stack.addWidget(self.start_page)
        self.setCentralWidget(self._stack)

        self._build_menus()
        self._show_exercise_actions(False)
        geometry = settings.window_geometry("main")
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)

    # Menus.

    def _action(
        self, text: str, slot: object, keys: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New exercise from a scenario pack…"),
            self.new_exercise,
            QKeySequence.StandardKey.New,
        )
        self.new_action.setIcon(icon("new"))
        self.open_action = self._action(
            self.tr("&Open exercise…"), self.choose_and_open, QKeySequence.StandardKey.Open
        )
        self.open_action.setIcon(icon("open"))
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.close_action = self._action(
            self.tr("&Close exercise"), self.close_exercise, QKeySequence.StandardKey.Close
        )
        self.export_copy_action = self._action(
            self.tr("Export a &copy…"), self.export_copy, "Ctrl+Shift+S"
        )
        self.backup_action = self._action(self.tr("Automatic &backup…"), self.backup_settings)
        self.backup_action.setIcon(icon("backup"))
        self.print_action = self._action(
            self.tr("&Print handouts…"), self.print_handouts, QKeySequence.StandardKey.Print
        )
        self.print_action.setIcon(icon("print"))
        self.compare_action = self._action(self.tr("Co&mpare exercises…"), self.compare_exercises)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addActions([self.new_action, self.open_action])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions(
            [self.export_copy_action, self.backup_action, self.print_action, self.compare_action]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])

        self.exercise_menu = bar.addMenu(self.tr("&Exercise"))
        self.debrief_action = self._action(self.tr("&Debrief"), self.open_debrief, "Ctrl+B")
        self.debrief_action.setIcon(icon("debrief"))

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.projector_action = self._action(
            self.tr("&Projector window"), self.open_projector, "Ctrl+Shift+W"
        )
        self.projector_action.setIcon(icon("projector"))
        self.team_menu = QMenu(self.tr("&Team window"), self)
        self.team_menu.setIcon(icon("team"))
        self.team_menu.aboutToShow.connect(self._fill_team_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        self.about_action = self._action(self.tr("&About Coherence"), self.show_about)
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_documents()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_document(Path(p)))
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _fill_team_menu(self) -> None:
        self.team_menu.clear()
        if self.bridge is None:
            return
        for number, team in enumerate(self.bridge.service.teams(), start=1):
            action = self.team_menu.addAction(team.name)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
            action.triggered.connect(lambda _=False, t=team.id: self.open_team_window(t))

    def _populate_exercise_menus(self, console: ConsoleView) -> None:
        menu = self.exercise_menu
        menu.clear()
        bar = console.control_bar
        menu.addActions([bar.start_pause_action, bar.jump_action, bar.phase_action])
        menu.addAction(bar.auto_release_action)
        menu.addSeparator()
        msel = console.msel
        menu.addActions(
            [msel.release_action, msel.hold_action, msel.skip_action, msel.add_adhoc_action]
        )
        menu.addSeparator()
        menu.addActions(
            [console.record_decision_action, console.observe_action, console.reply_action]
        )
        menu.addSeparator()
        menu.addActions([bar.end_action, self.debrief_action])
        view = self.view_menu
        view.clear()
        view.addAction(self.projector_action)
        view.addMenu(self.team_menu)
        view.addSeparator()
        view.addActions(console.dock_actions())

    def _show_exercise_actions(self, open_: bool) -> None:
        for action in (
            self.close_action,
            self.export_copy_action,
            self.backup_action,
            self.print_action,
            self.debrief_action,
            self.projector_action,
        ):
            action.setEnabled(open_)
        self.exercise_menu.menuAction().setVisible(open_)
        self.team_menu.setEnabled(open_)
        if not open_:
            self.view_menu.clear()
            self.view_menu.addAction(self.projector_action)

    # Documents.

    def new_exercise(self) -> None:
        """Run the new-exercise wizard; open the document it creates."""
        from desktop.ui.wizard.new_exercise_wizard import NewExerciseWizard

        wizard = NewExerciseWizard(self.settings, self)
        wizard.sig_created.connect(lambda path, *_: self.open_document(Path(path)))
        wizard.open()

    def choose_and_open(self) -> None:
        """Ask for a document and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open exercise"), self.settings.last_folder(), self.tr(DOCUMENT_FILTER)
        )
        if path:
            self.open_document(Path(path))

    def on_warmed(self, _result: object = None) -> None:
        """The background imports are over: open the document chosen meanwhile, if any."""
        self.warmed = True
        waiting, self._waiting_to_open = self._waiting_to_open, None
        if waiting is not None:
            self.open_document(waiting)

    def open_document(self, path: Path) -> None:
        """Open `path` in the background; the console replaces what is shown now."""
        if self.warm_task is not None and self.warm_task.running:
            self._waiting_to_open = path
            return
        if self.bridge is not None and self.bridge.service.path.resolve() == path.resolve():
            return
        # The exercise open now stays open until the new one has opened: a file that
        # cannot be opened must not close it.
        from desktop.ui.document_opener import DocumentOpener

        if self._opener is None:
            self._opener = DocumentOpener(self)
            self._opener.sig_opened.connect(self._on_opener_opened)
            self._opener.sig_read_only.connect(self._on_opener_read_only)
        self.settings.set_last_folder(str(path.parent))
        self._opener.open(path)

    def _on_opener_opened(self, service: ConsoleService) -> None:
        from desktop.ui.console.console_view import ConsoleView
        from desktop.ui.exercise_bridge import ExerciseBridge

        if self.bridge is not None:
            self.close_exercise()

        bridge = ExerciseBridge(service, self)
        console = ConsoleView(bridge)
        console.restore_layout(self.settings.window_state("console") or QByteArray())
        console.sig_ended.connect(self._on_console_ended)
        console.sig_status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.bridge, self.console = bridge, console
        self._stack.addWidget(console)
        self._stack.setCurrentWidget(console)
        self._populate_exercise_menus(console)
        self._fill_team_menu()  # so that the team windows' shortcuts work at once
        self._show_exercise_actions(True)
        self.settings.add_recent_document(str(service.path))
        self.setWindowTitle(f"{service.path.name} — {service.scenario.title} — Coherence")
        self._start_copies()
        bridge.start_ticking()
        self.sig_document_opened.emit(str(service.path))
        if service.upgrade_backup is not None:
            QMessageBox.information(
                self,
                self.tr("Exercise upgraded"),
                self.tr(
                    "This exercise was saved by an older version of Coherence and has been "
                    "upgraded. A copy of it as it was is kept at:\n{0}"
                ).format(service.upgrade_backup),
            )

    def _on_opener_read_only(self, path: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Read-only exercise"),
            self.tr(
                "{0} is on a read-only disk or folder, so the exercise cannot be run from "
                "there. Open its debrief instead (reading only)? To go on playing, copy the "
                "file to a folder you can write to first."
            ).format(Path(path).name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            from desktop.ui.debrief.debrief_window import DebriefWindow

            self._keep(DebriefWindow(Path(path)))

    def close_exercise(self) -> None:
        """Close the open exercise and go back to the start page."""
        console, bridge = self.console, self.bridge
        if console is None or bridge is None:
            return
        self.settings.set_window_state("console", console.save_layout())
        for window in self._side_windows:
            window.close()
        self._side_windows.clear()
        if self._copies is not None:
            self._copies.close()
            self._copies.deleteLater()
            self._copies = None
        self.console, self.bridge = None, None
        try:
            console.close_exercise()
        except Exception as error:
            # The clock's last pause could not be written (USB stick pulled): nothing
            # acknowledged is lost, and the document reopens paused for recovery.
            from desktop.ui.messages import explain_failure

            if not explain_failure(
                self,
                self.tr("The exercise was closed without its last pause"),
                error,
                detail=self.tr(
                    "Everything recorded before is in the document; it will reopen paused."
                ),
            ):
                raise
        finally:
            self._stack.removeWidget(console)
            console.deleteLater()
            bridge.deleteLater()
            self._stack.setCurrentWidget(self.start_page)
            self.start_page.refresh()
            self._show_exercise_actions(False)
            self.setWindowTitle("Coherence")

    def export_copy(self) -> None:
        """Write a consistent copy of the open document where the user chooses."""
        if self._copies is not None:
            self._copies.export_copy()

    def _start_copies(self) -> None:
        from desktop.ui.document_copies import DocumentCopies

        assert self.bridge is not None
        self._copies = DocumentCopies(self.bridge, self.settings, self)
        self._copies.sig_message.connect(self._on_copies_message)
        self._copies.announce()

    def _on_copies_message(self, text: str, milliseconds: int) -> None:
        if text:
            self.statusBar().showMessage(text, milliseconds)
        else:
            self.statusBar().clearMessage()

    def backup_settings(self) -> None:
        """Choose the folder (a USB stick) and interval of the automatic backup."""
        if self._copies is not None:
            self._copies.edit_settings()

    def print_handouts(self) -> None:
        """Print or save inject cards, team briefings and the evaluator guide."""
        from desktop.ui.print_handouts import PrintHandoutsDialog

        if self.bridge is not None:
            PrintHandoutsDialog(self.bridge, self).exec()

    def compare_exercises(self) -> None:
        """Put runs of the same scenario side by side."""
        from desktop.ui.debrief.compare_dialog import CompareDialog

        current = (self.bridge.service.path,) if self.bridge is not None else ()
        dialog = CompareDialog(current, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def open_debrief(self) -> None:
        """The debrief of the open exercise, in its own window."""
        from desktop.ui.debrief.debrief_window import DebriefWindow

        if self.bridge is None:
            return
        bridge = self.bridge
        window = DebriefWindow(
            bridge.service.path, execute=lambda command: bridge.execute(command, window)
        )
        self._keep(window)

    def _on_console_ended(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Exercise ended"),
            self.tr("The exercise has ended. Open the debrief now?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_debrief()

    def open_projector(self) -> None:
        """A window for the room's screen: clock, phase and public media injects."""
        from desktop.ui.projector_window import ProjectorWindow

        if self.bridge is None:
            return
        window = ProjectorWindow(self.bridge)
        window.set_dark(self.settings.projector_dark())
        self._keep(window)

    def open_team_window(self, team_id: str) -> None:
        """A window for one team's scribe: its injects and its decision form."""
        from desktop.ui.team_window import TeamWindow

        if self.bridge is not None:
            self._keep(TeamWindow(self.bridge, team_id))

    def _keep(self, window: QWidget) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda: self._forget(window))
        self._side_windows.append(window)
        window.show()

    def _forget(self, window: QWidget) -> None:
        if window in self._side_windows:
            self._side_windows.remove(window)

    # Help.

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts."""
        from desktop.ui.shortcuts_dialog import ShortcutsDialog

        extra: list[tuple[str, str, str]] = []
        if self.console is not None:
            extra = self.console.form_shortcuts()
        ShortcutsDialog(self.menuBar(), extra, self).exec()

    def show_about(self) -> None:
        """Help → About."""
        QMessageBox.about(
            self,
            self.tr("About Coherence"),
            self.tr(
                "<h3>Coherence {0}</h3>"
                "<p>Facilitated tabletop exercises for UN integrated missions, with a "
                "debrief on the coherence of the system of actors.</p>"
                "<p>Runs entirely offline. Exercise documents are single files you can "
                "copy; the program's own settings stay on this computer.</p>"
            ).format(__version__),
        )

    # Closing.

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the exercise cleanly and remember the window."""
        self.settings.set_window_geometry("main", self.saveGeometry())
        try:
            self.close_exercise()
        finally:
            event.accept()
