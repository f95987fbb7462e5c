"""Posters of the library's tiles: a held ``blob:`` URL per shown tile, drawn when missing.

A tile shows its job's stored thumbnail. Scrolling re-binds pooled tiles a row at a time,
so a poster whose URL is already made (another tile or view holds it) is put in place at
once: no film-icon placeholder in between, no task, and no image request when the tile
already shows that very URL. Only thumbnails that must be read from IndexedDB first wait,
behind the placeholder, and those of one frame are read by one background task. A job
without a thumbnail (the API gave none) gets a poster drawn from its video's first frame
by the library service, one at a time, in the background, and only while its tile is on
screen.
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
        self._queue: list[str] = []  # jobs whose poster is to be drawn
        self._busy = False
        self._waiting: list[tuple[Tile, str]] = []  # tiles whose thumbnail is being read
        self._reading = False

    def show(self, tile: Tile, job: JobRecord) -> None:
        """Show the stored poster (at once when its URL is held), or queue one to be read or drawn."""
        asset_id = job.assets.get("thumbnail")
        tile.poster_wanted = asset_id
        if asset_id is not None and tile.poster_asset == asset_id:
            return  # a recycled tile that already shows this poster
        url = self.ctx.media.acquire_held(asset_id) if asset_id is not None else None
        self._drop(tile)  # after acquiring: the old and the new poster may share one URL
        if url is not None and asset_id is not None:
            tile.poster_asset = asset_id
            tile.show_poster(url)
            return
        tile.show_poster(None)  # none yet: not the last job's poster while this one loads
        if asset_id is not None:
            self._read_later(tile, asset_id)
        elif "video" in job.assets and job.id not in self._queue:
            self._queue.append(job.id)
            self._drain()

    def release(self, tile: Tile) -> None:
        """The tile shows no job any more (parked): let go of its poster."""
        self._drop(tile)
        tile.poster_wanted = None

    def _drop(self, tile: Tile) -> None:
        if tile.poster_asset is not None:
            self.ctx.media.release(tile.poster_asset)
        tile.poster_asset = None

    # -- thumbnails read from IndexedDB -----------------------------------------------------------
    def _read_later(self, tile: Tile, asset_id: str) -> None:
        self._waiting.append((tile, asset_id))
        if not self._reading:
            self._reading = True
            self.ctx.run(self._read_waiting())

    async def _read_waiting(self) -> None:
        """Read the waiting thumbnails one after the other; a tile re-bound meanwhile is skipped.
        A failure (a file gone from the browser) is reported once the others are shown."""
        media = self.ctx.media
        failure: Exception | None = None
        try:
            while self._waiting:
                tile, asset_id = self._waiting.pop(0)
                if tile.poster_wanted != asset_id or tile.poster_asset == asset_id:
                    continue
                try:
                    url = await media.acquire(asset_id)
                except Exception as exc:
                    failure = failure or exc
                    continue
                if tile.poster_wanted != asset_id or tile.poster_asset == asset_id:
                    media.release(asset_id)
                    continue
                self._drop(tile)
                tile.poster_asset = asset_id
                tile.show_poster(url)
        finally:
            self._reading = False
        if failure is not None:
            raise failure

    # -- posters drawn from the video ---------------------------------------------------------------
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
