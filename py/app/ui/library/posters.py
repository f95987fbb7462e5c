"""Posters of the library's tiles: a held ``blob:`` URL per shown tile, drawn when missing.

A tile shows its job's stored thumbnail. A job without one (the API gave none) gets a
poster drawn from its video's first frame by the library service, one at a time, in
the background, and only while its tile is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.browser.console import warn
from app.ui.context import UiContext
from app.ui.library.tile import Tile

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


class Posters:
    def __init__(self, ctx: UiContext, *, shown: Callable[[str], bool]) -> None:
        self.ctx = ctx
        self._shown = shown  # is this job's tile on screen?
        self._queue: list[str] = []
        self._busy = False

    def show(self, tile: Tile, job: JobRecord) -> None:
        """Show the stored poster, or queue one to be drawn."""
        asset_id = job.assets.get("thumbnail")
        tile.poster_wanted = asset_id
        if asset_id is None or tile.poster_asset != asset_id:
            tile.show_poster(None)  # none yet, or a recycled tile: not the last job's poster while this one loads
        if asset_id is None:
            self.release(tile)
            if "video" in job.assets and job.id not in self._queue:
                self._queue.append(job.id)
                self._drain()
            return
        media = self.ctx.media

        async def load() -> None:
            url = await media.acquire(asset_id)
            if tile.poster_wanted != asset_id or tile.job_id != job.id:
                media.release(asset_id)
                return
            self.release(tile)
            tile.poster_asset = asset_id
            tile.poster_wanted = asset_id
            tile.show_poster(url)

        self.ctx.run(load())

    def release(self, tile: Tile) -> None:
        if tile.poster_asset is not None:
            self.ctx.media.release(tile.poster_asset)
        tile.poster_asset = None

    async def _draw(self, job_id: str) -> None:
        await self.ctx.intents.do(lambda c: c.library.make_poster(job_id))

    def _drain(self) -> None:
        if self._busy or not self._queue:
            return
        self._busy = True

        async def work() -> None:
            try:
                while self._queue:
                    job_id = self._queue.pop(0)
                    if not self._shown(job_id):
                        continue  # scrolled away: drawn when it comes back
                    try:
                        await self._draw(job_id)
                    except Exception as exc:  # a broken or unplayable file keeps the placeholder
                        warn(f"poster for {job_id} failed: {exc}")
            finally:
                self._busy = False

        self.ctx.run(work())
