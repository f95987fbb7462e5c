"""The page before Python: what it shows, and what Python takes over from it.

Python needs seconds to start; the New Render form, the provider and model pickers and
the navigation must work from the first paint. ``static/early.js`` draws them from a
small snapshot it reads synchronously (``localStorage``, written here after every
change; for a first visit the defaults embedded in ``index.html``). When Python is
ready it reads what the user did meanwhile (:class:`EarlyInput`) and applies it on top
of the saved draft, so no keystroke and no choice is lost.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.compose import Draft, fresh_draft
from app.core.i18n import active_locale, template
from app.core.provider_directory import Catalogue, ProviderDirectory

if TYPE_CHECKING:
    from app.core.settings import Settings

SNAPSHOT_KEY = "sora-early"  # localStorage key; the theme has its own (``sora-theme``)
SNAPSHOT_VERSION = 1
# The texts of the page before Python, in the user's language: index.html names them with
# data-t attributes (English there, for a first visit), early.js and boot.js by id.
EARLY_TEXT_IDS = (
    "shell.skip",
    "shell.home",
    "shell.nav",
    "shell.nav.new",
    "shell.nav.queue",
    "shell.nav.library",
    "shell.nav.settings",
    "shell.endpoint.demo_badge",
    "early.endpoint",
    "early.boot.title",
    "early.boot.loading",
    "early.boot.pyodide",
    "early.boot.packages",
    "early.boot.interpreter",
    "early.boot.started",
    "early.boot.app",
    "early.boot.slow",
    "early.boot.failed",
    "early.boot.failed.status",
    "compose.lead",
    "welcome.title",
    "welcome.lead",
    "welcome.demo",
    "welcome.key",
    "welcome.sign_in",
    "early.welcome.demo",
    "early.welcome.sign_in",
    "compose.prompt",
    "compose.prompt.placeholder",
    "compose.counter",
    "compose.provider",
    "compose.provider.demo",
    "compose.model",
    "compose.shape",
    "compose.size",
    "compose.duration",
    "compose.seconds",
    "compose.render",
    "early.render_note",
    "early.queue.lead",
    "early.library.lead",
    "early.settings.lead",
)
MAX_SECONDS_CHOICES = 30  # a range of lengths is offered whole second by whole second, up to this many


def early_texts(locale: str | None = None) -> dict[str, str]:
    """The page-before-Python's texts in the active locale (or ``locale``), by message id."""
    return {msg_id: template(msg_id, locale) for msg_id in EARLY_TEXT_IDS}


def _seconds(durations: tuple[int, ...], is_range: bool) -> list[int]:
    if is_range and len(durations) >= 2:
        low, high = min(durations), max(durations)
        return list(range(low, min(high, low + MAX_SECONDS_CHOICES - 1) + 1))
    return list(durations)


def snapshot(
    directory: ProviderDirectory,
    catalogues: Mapping[str, Catalogue],
    settings: Settings | None,
    draft: Draft,
    today: datetime.date,
    *,
    polling: bool = False,
) -> dict[str, Any]:
    """The JSON-ready picture of the form that ``static/early.js`` draws before Python runs;
    ``polling``: jobs were running (the next start boots the polling worker at once)."""
    chosen = settings.provider_id if settings is not None else ""
    active = chosen if directory.knows(chosen) else directory.default_id
    providers = []
    for known in directory.providers:
        capabilities = directory.current(known.provider_id, catalogues)
        models = [
            {
                "id": model.id,
                "label": model.label,
                "seconds": _seconds(model.durations, model.durations_are_range),
                "default_seconds": model.default_duration,
                "frame_field": "size" if model.uses_sizes else "aspect_ratio",
                "frames": list(model.sizes if model.uses_sizes else model.aspect_ratios),
                "default_frame": model.default_size if model.uses_sizes else model.default_aspect_ratio,
            }
            for model in capabilities.offered(today)
        ]
        providers.append({"id": known.provider_id, "label": known.label, "sign_in": known.sign_in, "models": models})
    if not draft.model:
        draft = fresh_draft(directory.current(active, catalogues), today, prompt=draft.prompt)
    return {
        "v": SNAPSHOT_VERSION,
        "lang": active_locale(),
        "texts": early_texts(),
        "welcome_done": bool(settings and settings.welcome_done),
        "demo": bool(settings and settings.demo_mode),
        "polling": polling,
        "provider": active,
        "providers": providers,
        "draft": {
            "prompt": draft.prompt,
            "model": draft.model,
            "seconds": draft.seconds,
            "frame": draft.size or draft.aspect_ratio,
        },
    }


@dataclass(frozen=True)
class EarlyInput:
    """What the user changed in the early page (``None``: left as it was shown)."""

    prompt: str | None = None
    provider: str | None = None
    model: str | None = None
    seconds: int | None = None
    frame_field: str = ""
    frame: str | None = None
    choice: str = ""  # "demo", or "sign-in:<provider id>", picked on the early welcome card
    focused: bool = False  # the prompt had the focus (Python gives it back, caret and all)
    selection: tuple[int, int] = (0, 0)

    @property
    def touched(self) -> bool:
        return any(v is not None for v in (self.prompt, self.provider, self.model, self.seconds, self.frame))


def _text(raw: Mapping[str, Any], name: str) -> str | None:
    value = raw.get(name)
    return value if isinstance(value, str) else None


def says_polling(raw: object) -> bool:
    """Whether a stored snapshot says jobs were running when the page was last open."""
    return isinstance(raw, dict) and raw.get("v") == SNAPSHOT_VERSION and raw.get("polling") is True


def read_input(raw: Mapping[str, Any]) -> EarlyInput:
    """Parse what ``static/early.js`` hands over (``soraEarly.state()``); junk fields are ignored."""
    seconds_text = _text(raw, "seconds")
    seconds = int(seconds_text) if seconds_text is not None and seconds_text.isdigit() else None
    frame_field = _text(raw, "frame_field") or ""
    selection = raw.get("selection")
    start, end = (0, 0)
    if isinstance(selection, (list, tuple)) and len(selection) == 2 and all(isinstance(n, int) for n in selection):
        start, end = int(selection[0]), int(selection[1])
    choice = _text(raw, "choice") or ""
    return EarlyInput(
        prompt=_text(raw, "prompt"),
        provider=_text(raw, "provider"),
        model=_text(raw, "model"),
        seconds=seconds,
        frame_field=frame_field if frame_field in ("size", "aspect_ratio") else "",
        frame=_text(raw, "frame"),
        choice=choice if choice == "demo" or choice.startswith("sign-in:") else "",
        focused=raw.get("focused") is True,
        selection=(start, end),
    )
