"""One job in the queue: built once, then updated in place (focus stays where it is)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, Scope, h, replace_children, set_attrs, set_text
from app.core.i18n import tr
from app.core.job_status import JobStatus
from app.core.queue_cards import Card, meta_line
from app.core.routes import Route, href
from app.ui.context import UiContext
from app.ui.icons import icon

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

ACTIONS = (
    "cancel",
    "download",
    "resume",
    "retry",
    "retry-blocked",
    "retry-unconfirmed",
    "check",
    "edit",
    "play",
    "open",
    "archive",
    "unarchive",
    "remove",
)  # each labelled by the message "card.action.<name>"


class JobCard:
    def __init__(self, ctx: UiContext, job: JobRecord, on_action: Callable[[str, str], None]) -> None:
        self.ctx = ctx
        self.job_id = job.id
        self.scope = Scope()
        self._on_action = on_action
        self._actions: tuple[str, ...] = ()
        self._poster_asset: str | None = None
        self._player_asset: str | None = None
        title_id = f"job-{job.id}-title"
        self.tag = h("span", {"class_": "tag"})
        self.title = h("h3", {"id": title_id, "class_": "job-title", "dir": "auto"})  # the user's words
        self.meta = h("p", {"class_": "job-meta"})
        self.bar_fill = h("div", {"class_": "progress-fill"})
        self.bar = h(
            "div",
            {"class_": "progress", "role": "progressbar", "aria_valuemin": "0", "aria_valuemax": "100"},
            self.bar_fill,
        )
        self.bar_text = h("span", {"class_": "job-progress-text"})
        self.times = h("p", {"class_": "job-times"})
        self.expiry = h("p", {"class_": "job-expiry"})
        self.note = h("p", {"class_": "job-note"})
        self.download_note = h("p", {"class_": "job-download-note", "hidden": True})
        self.error = h("div", {"class_": "job-error"})
        self.media = h("div", {"class_": "job-media"}, icon("film", size=28))
        self.actions = h("div", {"class_": "row job-actions"})
        self.element: Node = h(
            "article",
            {"class_": "job-card card", "aria_labelledby": title_id, "data_job": job.id},
            self.media,
            h(
                "div",
                {"class_": "job-body"},
                h("div", {"class_": "job-head"}, self.title, self.tag),
                self.meta,
                h("div", {"class_": "job-progress"}, self.bar, self.bar_text),
                self.times,
                self.expiry,
                self.note,
                self.download_note,
                self.error,
                self.actions,
            ),
        )
        self._job: JobRecord | None = None

    # -- state → DOM ------------------------------------------------------------------------
    def update(self, job: JobRecord, card: Card, note: str, provider: str = "") -> None:
        self._job = job
        set_attrs(self.element, data_status=job.status.value, data_phase=job.phase.value)
        set_text(self.title, job.display_title)
        set_attrs(self.title, title=job.prompt)
        set_text(self.meta, meta_line(job, provider))
        set_text(self.tag, card.label)
        set_attrs(self.tag, data_tone=card.tone)
        self.bar.parentNode.hidden = card.progress is None
        if card.progress is not None:
            self.bar_fill.style.width = f"{card.progress}%"
            set_attrs(self.bar, aria_valuenow=str(card.progress), aria_valuetext=card.progress_text)
            set_attrs(self.bar, aria_label=f"{card.label}: {card.progress_text}")
        set_text(self.bar_text, card.progress_text)
        self.tick(card)
        set_text(self.note, note)
        self.note.hidden = not note
        set_text(self.download_note, card.notice)
        self.download_note.hidden = not card.notice
        self._render_error(job)
        if card.actions != self._actions:
            self._render_actions(card.actions)
        if job.status is JobStatus.SUCCEEDED and "thumbnail" in job.assets and self._poster_asset is None:
            self._show_poster(job.assets["thumbnail"])

    def tick(self, card: Card) -> None:
        """The parts that change with the clock only."""
        set_text(self.times, card.times)
        set_text(self.expiry, card.expiry)
        self.expiry.hidden = not card.expiry

    def _render_error(self, job: JobRecord) -> None:
        failed = job.status in (JobStatus.FAILED, JobStatus.BLOCKED, JobStatus.CANCELED) and job.error_message
        self.error.hidden = not failed
        if not failed:
            return
        details = []
        if job.error_code and job.status is not JobStatus.CANCELED:
            details.append(h("span", None, tr("card.code"), " ", h("code", None, job.error_code)))
        if job.request_id:
            details.append(
                h("span", None, tr("card.request_id"), " ", h("code", {"class_": "selectable"}, job.request_id))
            )
        replace_children(
            self.error,
            h("p", {"dir": "auto"}, job.error_message or ""),  # the API's words
            h("p", {"class_": "job-error-details"}, details) if details else None,
        )
        set_attrs(self.error, data_tone="warn" if job.status is JobStatus.BLOCKED else "danger")

    def _render_actions(self, actions: tuple[str, ...]) -> None:
        self._actions = actions
        buttons: list[Node] = []
        for action in actions:
            if action == "open":
                target = href(Route.LIBRARY, item=self.job_id)
                buttons.append(h("a", {"class_": "btn small", "href": target}, tr(f"card.action.{action}")))
                continue
            kind = "primary" if action in ("play", "download", "resume", "retry", "retry-unconfirmed", "check") else ""
            if action == "edit" and "retry-blocked" in actions:
                kind = "primary"  # a blocked prompt needs changing, not sending again
            if action in ("cancel", "remove"):
                kind = "danger-quiet"
            buttons.append(
                h(
                    "button",
                    {
                        "type": "button",
                        "class_": f"btn small {kind}".strip(),
                        "data_action": action,
                        "on_click": self._clicked(action),
                    },
                    tr(f"card.action.{action}"),
                    scope=self.scope,
                )
            )
        replace_children(self.actions, buttons)

    def _clicked(self, action: str) -> Callable[[Any], None]:
        def handler(_event: Any) -> None:
            if action == "play":
                self.play()
            else:
                self._on_action(action, self.job_id)

        return handler

    # -- media ------------------------------------------------------------------------------
    def _show_poster(self, asset_id: str) -> None:
        media = self.ctx.media
        self._poster_asset = asset_id

        async def load() -> None:
            url = await media.acquire(asset_id)
            if self._poster_asset != asset_id:
                media.release(asset_id)
                return
            if self._player_asset is None:
                replace_children(self.media, h("img", {"src": url, "alt": "", "class_": "job-poster"}))

        self.ctx.run(load())

    def play(self) -> None:
        """Swap the poster for a player of the stored MP4 (keyboard-operable native controls)."""
        job = self._job
        media = self.ctx.media
        if job is None or "video" not in job.assets or self._player_asset is not None:
            return
        asset_id = job.assets["video"]
        self._player_asset = asset_id

        async def load() -> None:
            url = await media.acquire(asset_id)
            poster = {}
            if self._poster_asset is not None:
                poster = {"poster": await media.acquire(self._poster_asset)}
                media.release(self._poster_asset)
            video = h(
                "video",
                {
                    "src": url,
                    "controls": True,
                    "playsinline": True,
                    "preload": "metadata",
                    "class_": "job-video",
                    "aria_label": tr("card.video", title=job.display_title),
                    **poster,
                },
            )
            replace_children(self.media, video)
            self.element.classList.add("playing")
            video.focus()
            video.play()

        self.ctx.run(load())

    def close(self) -> None:
        for asset_id in (self._poster_asset, self._player_asset):
            if asset_id is not None:
                self.ctx.media.release(asset_id)
        self.scope.close()
        self.element.remove()
