"""The master events list: where each inject stands and when it falls due."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.domain.enums import InjectOrigin, InjectStatus, TriggerWhen
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
        # Heaps of (time, order, inject id) so that the clock, which asks every second,
        # finds the next occurrence without scanning every inject. Entries that no longer
        # hold are dropped when they reach the top.
        self._due: list[tuple[int, int, str]] = []
        self._deadlines: list[tuple[int, int, str]] = []
        self._order = 0
        for inject in injects:
            self.add(inject)

    def _push(self, heap: list[tuple[int, int, str]], time: int, inject_id: str) -> None:
        self._order += 1
        heapq.heappush(heap, (time, self._order, inject_id))

    def add(self, inject: Inject) -> InjectState:
        """Register an inject; a scheduled one is due at its `at`."""
        state = InjectState(inject)
        if inject.origin is InjectOrigin.SCHEDULED and inject.at is not None:
            state.due_at = inject.at
            self._push(self._due, inject.at, inject.id)
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
        self._push(self._due, child.due_at, child.inject.id)

    def track_deadline(self, state: InjectState) -> None:
        """A released inject with a response limit will have its deadline judged."""
        deadline = self.deadline_of(state)
        if deadline is not None and not state.deadline_judged:
            self._push(self._deadlines, deadline, state.inject.id)

    def deadline_of(self, state: InjectState) -> int | None:
        """Release + `respond_within`, for a released inject that has a response limit."""
        expects = state.inject.expects
        if state.released_at is None or expects is None or expects.respond_within is None:
            return None
        return state.released_at + expects.respond_within

    def next_deadline(self) -> tuple[int, InjectState] | None:
        """The earliest deadline not yet judged."""
        heap = self._deadlines
        while heap:
            deadline, _, inject_id = heap[0]
            state = self.states[inject_id]
            if not state.deadline_judged and self.deadline_of(state) == deadline:
                return deadline, state
            heapq.heappop(heap)
        return None

    def next_due(self) -> tuple[int, InjectState] | None:
        """The earliest pending (not held) inject that has fallen or will fall due."""
        heap = self._due
        while heap:
            due, _, inject_id = heap[0]
            state = self.states[inject_id]
            if state.status is InjectStatus.PENDING and state.due_at == due:
                return due, state
            # Released, held or skipped: it never falls due again (only a hand release).
            heapq.heappop(heap)
        return None
