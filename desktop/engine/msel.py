"""The master events list: where each inject stands and when it falls due."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.domain.enums import DEADLINE_TRIGGERS, InjectOrigin, InjectStatus, TriggerWhen
from desktop.domain.scenario import Inject


@dataclass
class InjectState:
    """The live state of one inject.

    `due_at` is when automatic release would release it: its `at` for a scheduled inject,
    condition time + delay for a triggered one once the condition holds, else `None`.
    `dormant` marks a triggered inject whose condition was judged and failed.
    """

    inject: Inject
    status: InjectStatus = InjectStatus.PENDING
    due_at: int | None = None
    released_at: int | None = None
    release_cause: str | None = None
    skip_reason: str = ""
    dormant: bool = False
    deadline_judged: bool = False

    @property
    def origin(self) -> InjectOrigin:
        """How the inject comes to be released."""
        return self.inject.origin

    @property
    def open(self) -> bool:
        """Not yet released or skipped."""
        return self.status in (InjectStatus.PENDING, InjectStatus.HELD)


class Msel:
    """All injects of an exercise, scenario ones first, then ad-hoc ones as added."""

    def __init__(self, injects: tuple[Inject, ...]) -> None:
        self.states: dict[str, InjectState] = {}
        self.children: dict[str, list[str]] = {}
        for inject in injects:
            self.add(inject)

    def add(self, inject: Inject) -> InjectState:
        """Register an inject; a scheduled one is due at its `at`."""
        state = InjectState(inject)
        if inject.origin is InjectOrigin.SCHEDULED:
            state.due_at = inject.at
        self.states[inject.id] = state
        if inject.trigger is not None:
            self.children.setdefault(inject.trigger.inject, []).append(inject.id)
        return state

    def __contains__(self, inject_id: object) -> bool:
        return inject_id in self.states

    def __getitem__(self, inject_id: str) -> InjectState:
        return self.states[inject_id]

    def __iter__(self) -> Iterator[InjectState]:
        return iter(self.states.values())

    def triggered_by(self, parent: str, when: TriggerWhen | None = None) -> list[InjectState]:
        """The injects triggered by `parent`, optionally only those with condition `when`."""
        result = []
        for child_id in self.children.get(parent, ()):
            child = self.states[child_id]
            trigger = child.inject.trigger
            if trigger is not None and (when is None or trigger.when is when):
                result.append(child)
        return result

    def arm(self, child: InjectState, condition_at: int) -> None:
        """The trigger condition of `child` held at `condition_at`: it falls due after its delay."""
        trigger = child.inject.trigger
        if trigger is None or child.due_at is not None or child.dormant:
            return
        child.due_at = condition_at + trigger.delay

    def deadline_of(self, state: InjectState) -> int | None:
        """Release + `respond_within`, for a released inject that has a response limit."""
        expects = state.inject.expects
        if state.released_at is None or expects is None or expects.respond_within is None:
            return None
        return state.released_at + expects.respond_within

    def next_deadline(self) -> tuple[int, InjectState] | None:
        """The earliest deadline not yet judged."""
        best: tuple[int, InjectState] | None = None
        for state in self.states.values():
            if state.deadline_judged:
                continue
            deadline = self.deadline_of(state)
            if deadline is not None and (best is None or deadline < best[0]):
                best = (deadline, state)
        return best

    def next_due(self) -> tuple[int, InjectState] | None:
        """The earliest open, not held inject that has fallen or will fall due."""
        best: tuple[int, InjectState] | None = None
        for state in self.states.values():
            if state.status is not InjectStatus.PENDING or state.due_at is None:
                continue
            if best is None or state.due_at < best[0]:
                best = (state.due_at, state)
        return best

    def has_deadline_children(self, parent: str) -> bool:
        """Whether any inject waits on the deadline of `parent`."""
        return any(
            c.inject.trigger is not None and c.inject.trigger.when in DEADLINE_TRIGGERS
            for c in self.triggered_by(parent)
        )
