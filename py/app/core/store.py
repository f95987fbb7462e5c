"""A tiny observable store: one immutable state value, replaced on every change.

Views subscribe and re-render what changed; services are the only writers. Keeping it
pure Python makes the whole state flow testable under CPython.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Generic, TypeVar

S = TypeVar("S")
Listener = Callable[[Any, Any], None]


class Store(Generic[S]):
    """Holds a frozen dataclass state; notifies listeners with ``(new, old)``."""

    def __init__(self, initial: S) -> None:
        self._state = initial
        self._listeners: list[Callable[[S, S], None]] = []

    @property
    def state(self) -> S:
        return self._state

    def set(self, new_state: S) -> None:
        """Replace the state and notify, unless nothing changed."""
        old = self._state
        if new_state == old:
            return
        self._state = new_state
        for listener in list(self._listeners):
            listener(new_state, old)

    def update(self, **changes: Any) -> None:
        """Replace some fields of the state (``dataclasses.replace``)."""
        self.set(replace(self._state, **changes))  # type: ignore[type-var]

    def subscribe(self, listener: Callable[[S, S], None]) -> Callable[[], None]:
        """Call ``listener(new, old)`` on every change; returns the unsubscribe function."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe
