"""Recording a team's decision, amending one, or recording one that supersedes another.

The form holds every field of a decision (DESIGN "Decisions"). Record stays disabled, with
a line saying what is missing, until the form can be recorded; the engine still has the
last word, and a refusal leaves the form as it was so nothing typed is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.commands import AmendDecision, RecordDecision
from desktop.domain.enums import STANDARD_DIMENSIONS, Posture
from desktop.domain.events import Event, EventKind
from desktop.domain.records import Decision, DecisionContent
from desktop.domain.times import TimeFormatError, format_stamp, parse_stamp
from desktop.ui.decisions.consultation_editor import ConsultationEditor
from desktop.ui.decisions.military_assets_form import MilitaryAssetsForm
from desktop.ui.exercise_bridge import ExerciseBridge

log = logging.getLogger(__name__)

CONFIRMATION_MS = 8000
_ERROR_STYLE = "color: #b00020;"
_HINT_STYLE = "color: palette(mid);"
_REFRESH_KINDS = frozenset(
    {EventKind.INJECT_RELEASED, EventKind.INJECT_ADDED, EventKind.TEAM_DEFINED}
)


class DecisionForm(QWidget):
    """Enter a decision for a team (fixed by `team_id` in a team's own window)."""

    sig_saved = Signal(str)  # the decision's id, once recorded or amended

    def __init__(
        self, bridge: ExerciseBridge, parent: QWidget | None = None, team_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._service = bridge.service
        self._fixed_team = team_id
        self._amending: str | None = None
        self._supersedes: str | None = None
        scenario = self._service.scenario
        self._postures = {
            Posture.COOPERATE: self.tr("cooperate"),
            Posture.COORDINATE: self.tr("coordinate"),
            Posture.COEXIST: self.tr("coexist"),
            Posture.DECLINE: self.tr("decline"),
        }

        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        self.mode_label.setStyleSheet("font-weight: bold;")
        self.mode_label.hide()
        self.team_combo = self._combo(self.tr("Team"))
        for team in self._service.teams():
            if team_id is None or team.id == team_id:
                self.team_combo.addItem(team.name, team.id)
        self.team_combo.setEnabled(team_id is None)
        self.actor_combo = self._combo(self.tr("Acting as"))
        self.actor_combo.setPlaceholderText(self.tr("(choose the acting actor)"))
        self.inject_combo = self._combo(self.tr("In response to inject"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("What the team decided, in one line"))
        self.rationale_edit = QPlainTextEdit()
        self.rationale_edit.setAccessibleName(self.tr("Rationale"))
        self.rationale_edit.setTabChangesFocus(True)
        self.rationale_edit.setPlaceholderText(self.tr("Why (optional)"))
        self.rationale_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.posture_combo = self._combo(self.tr("Posture"))
        self.posture_combo.addItem(self.tr("(not stated)"), None)
        for posture, label in self._postures.items():
            self.posture_combo.addItem(label, posture)
        self.dimension_boxes: dict[str, QCheckBox] = {}
        dimensions = QWidget()
        grid = QGridLayout(dimensions)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, dimension in enumerate((*STANDARD_DIMENSIONS, *scenario.dimensions)):
            box = QCheckBox(dimension)
            box.setAccessibleName(self.tr("Dimension {name}").format(name=dimension))
            self.dimension_boxes[dimension] = box
            grid.addWidget(box, n // 3, n % 3)  # three across fit the narrow pane
        self.venue_combo = self._combo(self.tr("Venue"))
        self.venue_combo.addItem(self.tr("(no mechanism)"), None)
        for mechanism in scenario.mechanisms:
            self.venue_combo.addItem(mechanism.name, mechanism.id)
        self.consultations = ConsultationEditor(scenario.actors)
        self.assets_form = MilitaryAssetsForm(scenario.actors)
        self.taken_at_edit = QLineEdit()
        self.taken_at_edit.setAccessibleName(self.tr("Taken at (late entry)"))
        self.taken_at_edit.setPlaceholderText(self.tr("D+N HH:MM, only if decided earlier"))
        self.supersedes_label = QLabel()
        self.supersedes_label.setWordWrap(True)
        self.supersedes_clear = QToolButton()
        self.supersedes_clear.setText("×")
        self.supersedes_clear.setAutoRaise(True)
        self.supersedes_clear.setAccessibleName(self.tr("Do not supersede"))
        self.supersedes_clear.setToolTip(self.tr("Record as a decision of its own"))
        supersedes = QWidget()
        supersedes_row = QHBoxLayout(supersedes)
        supersedes_row.setContentsMargins(0, 0, 0, 0)
        supersedes_row.addWidget(self.supersedes_label, 1)
        supersedes_row.addWidget(self.supersedes_clear)
        self._supersedes_row = supersedes

        body = QWidget()
        column = QVBoxLayout(body)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # rows keep their height when the form is taller than needed
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.mode_label)
        form.addRow(self.tr("&Team"), self.team_combo)
        form.addRow(self.tr("&Acting as"), self.actor_combo)
        form.addRow(self.tr("&Inject"), self.inject_combo)
        form.addRow(self.tr("T&itle"), self.title_edit)
        form.addRow(self.tr("&Rationale"), self.rationale_edit)
        form.addRow(self.tr("&Posture"), self.posture_combo)
        form.addRow(self.tr("Dimensions"), dimensions)
        form.addRow(self.tr("&Venue"), self.venue_combo)
        form.addRow(self.tr("&Consulted"), self.consultations)
        form.addRow(self.assets_form)
        form.addRow(self.tr("Ta&ken at"), self.taken_at_edit)
        form.addRow(self.tr("Supersedes"), supersedes)
        self._form = form
        form.setRowVisible(supersedes, False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The form scrolls up and down, never sideways: fields narrow with the pane.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.confirmation_label = QLabel()
        self.confirmation_label.setStyleSheet("color: #1b5e20;")
        self.confirmation_label.hide()
        self.record_action = QAction(self.tr("Record"), self)
        self.record_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.record_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.record_action.triggered.connect(self._on_record_action_triggered)
        self.addAction(self.record_action)
        self.clear_action = QAction(self.tr("Clear"), self)
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setToolTip(self.tr("Record the decision (Ctrl+Return)"))
        self.record_button.clicked.connect(self.record_action.trigger)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear_action.trigger)
        # Inside a dialog (amend, supersede) Enter must not press a button: it adds a
        # consulted actor or ends a line. Ctrl+Return records.
        for button in (self.record_button, self.clear_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.confirmation_label)
        layout.addLayout(buttons)
        self._confirmation_timer = QTimer(self)
        self._confirmation_timer.setSingleShot(True)
        self._confirmation_timer.setInterval(CONFIRMATION_MS)
        self._confirmation_timer.timeout.connect(self.confirmation_label.hide)

        self.team_combo.currentIndexChanged.connect(self._on_team_combo_changed)
        self.actor_combo.currentIndexChanged.connect(self._on_field_edited)
        self.title_edit.textChanged.connect(self._on_field_edited)
        self.taken_at_edit.textChanged.connect(self._on_field_edited)
        self.assets_form.sig_edited.connect(self._on_field_edited)
        self.supersedes_clear.clicked.connect(self._on_supersedes_clear_clicked)
        bridge.sig_changed.connect(self._on_bridge_changed)
        self._on_team_combo_changed()

    # Public.

    @property
    def amending(self) -> str | None:
        """The decision being amended, or `None` when recording a new one."""
        return self._amending

    @property
    def supersedes(self) -> str | None:
        """The decision the new one will supersede, if any."""
        return self._supersedes

    def team_id(self) -> str | None:
        """The team chosen."""
        data = self.team_combo.currentData()
        return str(data) if data is not None else None

    def content(self) -> DecisionContent:
        """The changeable fields as entered (`taken_at` must be valid text or empty)."""
        posture = self.posture_combo.currentData()
        taken = self.taken_at_edit.text().strip()
        return DecisionContent(
            title=self.title_edit.text().strip(),
            rationale=self.rationale_edit.toPlainText().strip(),
            posture=Posture(posture) if posture is not None else None,
            dimensions=tuple(name for name, box in self.dimension_boxes.items() if box.isChecked()),
            venue=self.venue_combo.currentData(),
            consulted=self.consultations.consultations(),
            supersedes=self._supersedes,
            taken_at=parse_stamp(taken) if taken else None,
            military_assets=self.assets_form.assets(),
        )

    def problem(self) -> str | None:
        """What keeps the form from being recorded, if anything."""
        if self.team_id() is None:
            return self.tr("Choose a team.")
        if self.actor_combo.currentData() is None:
            return self.tr("Choose the acting actor.")
        if not self.title_edit.text().strip():
            return self.tr("Enter a title.")
        if self._taken_at_error():
            return self.tr("Taken at: expected D+N HH:MM, e.g. D+2 14:30.")
        return self.assets_form.problem()

    def clear(self) -> None:
        """Empty the form for a new decision (the team stays chosen)."""
        self._amending = None
        self._set_supersedes(None)
        self.mode_label.hide()
        self.record_action.setText(self.tr("Record"))
        self.record_button.setText(self.tr("Record"))
        self.team_combo.setEnabled(self._fixed_team is None)
        self.actor_combo.setEnabled(True)
        self.inject_combo.setEnabled(True)
        self._fill_team_lists()
        self.title_edit.clear()
        self.rationale_edit.clear()
        self.posture_combo.setCurrentIndex(0)
        for box in self.dimension_boxes.values():
            box.setChecked(False)
        self.venue_combo.setCurrentIndex(0)
        self.consultations.clear()
        self.assets_form.clear()
        self.taken_at_edit.clear()
        self._update_state()

    def focus_first_field(self) -> None:
        """Put the keyboard in the first field still to fill (Ctrl+D)."""
        for combo in (self.team_combo, self.actor_combo):
            if combo.isEnabled() and combo.currentData() is None:
                combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.title_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_inject(self, inject_id: str) -> None:
        """Answer `inject_id`, if it is one the chosen team may answer (team windows)."""
        index = self.inject_combo.findData(inject_id)
        if index >= 0 and self.amending is None:
            self.inject_combo.setCurrentIndex(index)

    def edit_amendment(self, decision_id: str) -> None:
        """Load a decision to amend it; team, acting actor and inject cannot change."""
        decision = self._service.decision(decision_id)
        self.clear()
        self._load(decision)
        self._set_supersedes(decision.content.supersedes)
        self._amending = decision.id
        self.team_combo.setEnabled(False)
        self.actor_combo.setEnabled(False)
        self.inject_combo.setEnabled(False)
        self.taken_at_edit.setText(
            format_stamp(decision.content.taken_at) if decision.content.taken_at is not None else ""
        )
        self.mode_label.setText(self.tr("Amending “{title}”.").format(title=decision.content.title))
        self.mode_label.show()
        self.record_action.setText(self.tr("Save amendment"))
        self.record_button.setText(self.tr("Save amendment"))
        self._update_state()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_supersede(self, decision_id: str) -> None:
        """Start a new decision of the same team that supersedes `decision_id`.

        The earlier decision's fields are copied in as a starting point.
        """
        decision = self._service.decision(decision_id)
        self.clear()
        self._load(decision)
        self._set_supersedes(decision.id)
        self.mode_label.setText(
            self.tr("New decision superseding “{title}”.").format(title=decision.content.title)
        )
        self.mode_label.show()
        self._update_state()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()

    def record(self) -> str | None:
        """Record (or save the amendment); returns the decision id, or `None` if refused."""
        if self.problem() is not None:
            return None
        content = self.content()
        amending = self._amending
        command: RecordDecision | AmendDecision
        if amending is not None:
            command = AmendDecision(decision=amending, content=content)
        else:
            command = RecordDecision(
                team=self.team_id() or "",
                acting_actor=str(self.actor_combo.currentData()),
                inject=self.inject_combo.currentData(),
                content=content,
            )
        events = self._bridge.execute(command, self)
        if events is None:
            return None
        decision_id, at = self._saved(events, amending)
        self.clear()
        text = (
            self.tr("Amendment saved at {time}: {title}")
            if amending is not None
            else self.tr("Recorded at {time}: {title}")
        )
        self.confirmation_label.setText(text.format(time=format_stamp(at), title=content.title))
        self.confirmation_label.show()
        self._confirmation_timer.start()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if decision_id:
            self.sig_saved.emit(decision_id)
        return decision_id

    # Events.

    def _on_record_action_triggered(self) -> None:
        self.record()

    def _on_clear_action_triggered(self) -> None:
        self.clear()
        self.confirmation_label.hide()

    def _on_team_combo_changed(self, *_args: object) -> None:
        self._fill_team_lists()
        self._update_state()

    def _on_field_edited(self, *_args: object) -> None:
        self._update_state()

    def _on_supersedes_clear_clicked(self) -> None:
        self._set_supersedes(None)
        if self._amending is None:
            self.mode_label.hide()
            self.team_combo.setEnabled(self._fixed_team is None)

    def _on_bridge_changed(self, events: Sequence[Event]) -> None:
        if self._amending is None and any(event.kind in _REFRESH_KINDS for event in events):
            self._fill_injects(self.inject_combo.currentData())

    # Inside.

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        return combo

    def _fill_team_lists(self) -> None:
        team_id = self.team_id()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        if team_id is not None:
            for actor_id in self._service.team(team_id).actors:
                actor = self._service.actor(actor_id)
                self.actor_combo.addItem(self._service.actor_name(actor_id), actor_id)
                if actor is not None:
                    self.actor_combo.setItemData(
                        self.actor_combo.count() - 1, actor.name, Qt.ItemDataRole.ToolTipRole
                    )
        self.actor_combo.setCurrentIndex(-1)
        self.actor_combo.blockSignals(False)
        self._fill_injects(None)

    def _fill_injects(self, keep: str | None) -> None:
        team_id = self.team_id()
        combo = self.inject_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(no inject)"), None)
        if team_id is not None:
            # The latest release first: it is the one a team most often answers.
            for view in reversed(self._service.released_injects(team_id)):
                combo.addItem(f"{view.id}: {view.title}", view.id)
                combo.setItemData(combo.count() - 1, view.title, Qt.ItemDataRole.ToolTipRole)
        if keep is not None and combo.findData(keep) < 0:
            combo.addItem(keep, keep)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)

    def _load(self, decision: Decision) -> None:
        """Put a decision's team, actor, inject and content into the fields."""
        self.team_combo.setCurrentIndex(max(self.team_combo.findData(decision.team), 0))
        self.team_combo.setEnabled(False)
        self.actor_combo.setCurrentIndex(self.actor_combo.findData(decision.acting_actor))
        self._fill_injects(decision.inject)
        content = decision.content
        self.title_edit.setText(content.title)
        self.rationale_edit.setPlainText(content.rationale)
        self.posture_combo.setCurrentIndex(max(self.posture_combo.findData(content.posture), 0))
        for name, box in self.dimension_boxes.items():
            box.setChecked(name in content.dimensions)
        self.venue_combo.setCurrentIndex(max(self.venue_combo.findData(content.venue), 0))
        self.consultations.set_consultations(content.consulted)
        self.assets_form.set_assets(content.military_assets)

    def _set_supersedes(self, decision_id: str | None) -> None:
        self._supersedes = decision_id
        if decision_id is not None:
            earlier = self._service.decision(decision_id)
            self.supersedes_label.setText(
                f"“{earlier.content.title}” ({format_stamp(earlier.effective_at)})"
            )
        self._form.setRowVisible(self._supersedes_row, decision_id is not None)

    def _taken_at_error(self) -> bool:
        text = self.taken_at_edit.text().strip()
        if not text:
            return False
        try:
            parse_stamp(text)
        except TimeFormatError:
            return True
        return False

    def _saved(self, events: Sequence[Event], amending: str | None) -> tuple[str | None, int]:
        kind = EventKind.DECISION_AMENDED if amending else EventKind.DECISION_RECORDED
        key = "decision" if amending else "id"
        for event in events:
            if event.kind == kind:
                return str(event.payload.get(key)), event.scenario_time
        return amending, self._service.clock_status().minutes

    def _update_state(self) -> None:
        bad_time = self._taken_at_error()
        self.taken_at_edit.setStyleSheet(_ERROR_STYLE if bad_time else "")
        self.taken_at_edit.setToolTip(
            self.tr("Expected D+N HH:MM, e.g. D+2 14:30") if bad_time else ""
        )
        problem = self.problem()
        self.record_action.setEnabled(problem is None)
        self.record_button.setEnabled(problem is None)
        self.message_label.setText(problem or "")
        self.message_label.setStyleSheet(_ERROR_STYLE if bad_time else _HINT_STYLE)
