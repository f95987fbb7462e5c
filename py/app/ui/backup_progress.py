"""The progress of an export or an import (``state.backup``), shown where it was started.

One component for Settings → Backup and the library's selection export: a bar with its
value for assistive technology, the figures above it, and a polite announcement when a
step starts (not at every tick).
"""

from __future__ import annotations

from app.browser.dom import announce, h, set_attrs, set_text
from app.core.bundle.progress import BackupProgress


class BackupProgressBar:
    def __init__(self, prefix: str) -> None:
        self.fill = h("div", {"class_": "progress-fill"})
        self.bar = h(
            "div",
            {"class_": "progress", "role": "progressbar", "id": f"{prefix}-bar", "aria_labelledby": f"{prefix}-step",
             "aria_valuemin": "0", "aria_valuemax": "100"},
            self.fill,
        )  # fmt: skip
        self.step = h("p", {"id": f"{prefix}-step", "class_": "small backup-step"})
        self.node = h("div", {"class_": "stack backup-progress", "hidden": True}, self.step, self.bar)

    def show(self, progress: BackupProgress | None, old: BackupProgress | None) -> None:
        """Follow the store: shown while something runs, hidden when it ends."""
        self.node.hidden = progress is None
        if progress is None:
            return
        fraction = progress.fraction
        if fraction is None:
            self._set(None, progress.text)
        else:
            self._set(round(fraction * 100), progress.text)
        if old is None or old.step != progress.step:
            announce(progress.text)

    def finish(self, text: str) -> None:
        """Keep the bar full with ``text`` once the run has ended well."""
        self._set(100, text)
        self.node.hidden = False

    def hide(self) -> None:
        self.node.hidden = True

    def _set(self, percent: int | None, text: str) -> None:
        set_text(self.step, text)
        if percent is None:
            set_attrs(self.bar, aria_valuenow=None, aria_valuetext=text)
            self.fill.style.width = "100%"
            self.bar.classList.add("indeterminate")
        else:
            set_attrs(self.bar, aria_valuenow=str(percent), aria_valuetext=text)
            self.fill.style.width = f"{max(percent, 2)}%"
            self.bar.classList.remove("indeterminate")
