"""One export or import at a time, with its progress in the store for the views to show."""

from __future__ import annotations

from types import TracebackType

from app.core.bundle.progress import Action, BackupProgress, ProgressGate, Step
from app.core.errors import AppError
from app.core.i18n import tr
from app.core.state import AppState
from app.core.store import Store
from app.services.ports import Clock


def busy() -> str:
    return tr("svc.backup.busy")


class BackupRun:
    """``with BackupRun(...) as run:`` claims the slot (or raises), reports, and always frees it."""

    def __init__(self, store: Store[AppState], clock: Clock, action: Action, step: Step) -> None:
        self._store = store
        self._clock = clock
        self._action = action
        self._first = step
        self._gate = ProgressGate()

    def __enter__(self) -> BackupRun:
        if self._store.state.backup is not None:
            raise AppError(busy())
        self._store.update(backup=BackupProgress(self._action, self._first))
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._store.update(backup=None)

    def report(self, step: Step, done: int = 0, total: int = 0) -> None:
        """Show how far ``step`` has got (at most a few times a second, and always at its end)."""
        if self._gate.due(step, self._clock.now(), final=total > 0 and done >= total):
            self._store.update(backup=BackupProgress(self._action, step, done, total))
