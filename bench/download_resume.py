"""The download benchmark's interrupted run: the tab is killed (renderer crash) twice while
a large file downloads, a new tab opens the app each time, and the download goes on from
the first missing byte. Reports the wall time from the first stored part until the job is
Ready and the body bytes the simulator sent (counted on its side)."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from typing import Any

from playwright.sync_api import Browser, Page

from tools.crash_tab import LEDGERS_JS, crash_tab

BOOT_TIMEOUT_MS = 120_000
DONE_TIMEOUT_S = 900.0


def _sim(base_url: str, path: str) -> Any:
    with urllib.request.urlopen(base_url + path) as response:
        return json.load(response)["data"]


def bytes_served(base_url: str, prompt: str) -> int:
    """Body bytes the simulator sent for the video of the (last) job rendered with ``prompt``."""
    made = _sim(base_url, f"sim/debug/creates?provider=openai&prompt={urllib.parse.quote(prompt)}")
    if not made or not made[0]["job_ids"]:
        raise SystemExit(f"the simulator's OpenAI-compatible API received no render of {prompt!r}")
    remote = made[0]["job_ids"][-1]
    files = _sim(base_url, f"sim/debug/downloads?provider=openai&job_id={remote}")
    rows = [row for row in files if row["file"] == "video"]
    if not rows:
        raise SystemExit(f"the simulator sent no video for {prompt!r}: nothing to count")
    return sum(int(row["bytes_served"]) for row in rows)


def _boot(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=BOOT_TIMEOUT_MS)


def _stored_share(page: Page) -> float:
    found = page.evaluate(LEDGERS_JS)["ledgers"]
    if not found:
        return 0.0
    return float(sum(end - start for start, end in found[0]["parts"]) / found[0]["total"])


def killed_download(browser: Browser, base_url: str, size: int, prompt: str, *, kills: int = 2) -> dict[str, float]:
    """Render ``prompt`` in a fresh context, kill the tab at 1/(kills+1), 2/(kills+1)… of the
    download, reopen, and wait for Ready."""
    from bench.download import render  # the same steps as the uninterrupted run

    context = browser.new_context()
    page = context.new_page()
    _boot(page, base_url + "?demo=1")
    render(page, prompt, first=True)
    started: float | None = None
    for kill in range(kills):
        target = (kill + 1) / (kills + 1)
        while (share := _stored_share(page)) < target:
            if share > 0 and started is None:
                started = time.monotonic()
            page.wait_for_timeout(20)
        crash_tab(page)
        page = context.new_page()
        _boot(page, base_url + "#/queue")
    page.wait_for_selector("article.job-card[data-status='succeeded']", timeout=DONE_TIMEOUT_S * 1000)
    seconds = time.monotonic() - (started or time.monotonic())
    context.close()
    fetched = bytes_served(base_url, prompt)
    return {"seconds": seconds, "bytes_fetched": fetched, "fetched_share": fetched / size}
