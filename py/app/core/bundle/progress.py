"""How far an export or an import has got, as the store holds it and the views say it.

Both read every file once (hashing on export, checking on import) and then write: the
byte counts make a determinate progress bar; saving an import is one transaction the
browser does not report on, so that step has no count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.core.i18n import tr
from app.core.storage_report import format_bytes

Action = Literal["export", "import"]
Step = Literal["reading", "writing", "checking", "saving"]

_WORDS: dict[Step, str] = {  # message ids
    "reading": "bundle.step.reading",
    "writing": "bundle.step.writing",
    "checking": "bundle.step.checking",
    "saving": "bundle.step.saving",
}


@dataclass(frozen=True)
class BackupProgress:
    action: Action
    step: Step
    done: int = 0  # bytes
    total: int = 0  # bytes; 0 = no count for this step

    @property
    def fraction(self) -> float | None:
        """0–1, or ``None`` while the step cannot be measured."""
        if self.total <= 0:
            return None
        return min(1.0, self.done / self.total)

    @property
    def text(self) -> str:
        words = tr(_WORDS[self.step])
        fraction = self.fraction
        if fraction is None:
            return f"{words}…"
        done, total = format_bytes(self.done), format_bytes(self.total)
        return tr("bundle.step.count", step=words, done=done, total=total, percent=round(fraction * 100))


class ProgressGate:
    """Lets a progress report through at most every ``interval_s``, and always the last one.

    Each report re-renders the views; thousands per second (one per chunk) would cost
    more than the reading.
    """

    def __init__(self, interval_s: float = 0.2) -> None:
        self.interval_s = interval_s
        self._last: tuple[Step, float] | None = None

    def due(self, step: Step, now: float, *, final: bool = False) -> bool:
        last = self._last
        if final or last is None or last[0] != step or now - last[1] >= self.interval_s:
            self._last = (step, now)
            return True
        return False
