"""The library the benchmark shows: one data set, generated here, given to the app and to
the plain-JS reference grid alike.

Job records vary the way a real library does (two models, three shapes, three lengths,
some titles, tags, remixes and unpriced sizes), so the model filter narrows the grid,
searches match a part of it, and some tiles show the status dot. The app gets them in its
IndexedDB (``tests/browser/seed.py``: one simulator video, its files shared by every
record); the plain grid gets the very records the app then stores, read back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from playwright.sync_api import Page

from app.core.keys import DEMO_KEY
from tests.browser.seed import job, seed, sim_video

SUBJECTS = ("a paper boat", "a red fox", "neon rain", "a lighthouse", "a jazz trio", "snow owls", "a night market")
PLACES = ("a harbor at dawn", "the desert", "a glass city", "a forest lake", "the old town", "low clouds")
TAGS = ("city", "night", "drone", "ocean", "studio")
PRO_MODEL = "sora-2-pro"
RATE_USD = {"sora-2": Decimal("0.10"), PRO_MODEL: Decimal("0.30")}
STORED_JOBS_JS = """async () => {
    const db = await new Promise((ok, ko) => {
        const r = indexedDB.open('sora-renderer'); r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    const jobs = await new Promise((ok, ko) => {
        const r = db.transaction('jobs').objectStore('jobs').getAll(); r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    db.close();
    return jobs;
}"""


def library_job(index: int, remote_id: str, app_server: str) -> dict[str, Any]:
    """Job ``index`` of the data set (``seed00000`` is the oldest): the same for every run."""
    model = PRO_MODEL if index % 4 == 0 else "sora-2"
    size = ("720x1280" if index % 5 == 0 else "1280x720") if model == "sora-2" else "1792x1024"
    seconds = (4, 8, 12)[index % 3]
    estimate = None if index % 17 == 0 else RATE_USD[model] * seconds
    return job(
        index,
        remote_id,
        app_server,
        model=model,
        size=size,
        seconds=seconds,
        prompt=f"Seeded video number {index}: {SUBJECTS[index % 7]} over {PLACES[(index // 7) % 6]}",
        title=f"Take {index}" if index % 6 == 0 else "",
        tags=(TAGS[index % 5], TAGS[(index // 5) % 5]) if index % 2 == 0 else (),
        estimate_usd=estimate,
        remixed_from="video_remix_source" if index % 13 == 0 else None,
    )


def seed_library(page: Page, app_server: str, count: int) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    """Seed ``count`` jobs into the app's page, then return them as the app stored them, and
    where the plain grid fetches each poster: ``{asset id: [url, headers]}``."""
    remote_id = sim_video(app_server)
    seed(page, app_server, [library_job(i, remote_id, app_server) for i in range(count)], remote_id, shared=True)
    stored: list[dict[str, Any]] = page.evaluate(STORED_JOBS_JS)
    poster_url = f"{app_server}sim/v1/videos/{remote_id}/content?variant=thumbnail"
    headers = {"Authorization": f"Bearer {DEMO_KEY}"}
    thumbnails = {j["assets"]["thumbnail"] for j in stored if "thumbnail" in j.get("assets", {})}
    return stored, {asset: [poster_url, headers] for asset in sorted(thumbnails)}
