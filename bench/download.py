"""Download benchmark: the app stores a large simulated MP4, next to a plain ``fetch``.

Starts serve.py's server in this process (quick simulated jobs), opens the app in demo
mode in headless Chromium and renders a prompt whose video the simulator pads to
``--mb`` megabytes (streamed in 1 MiB chunks). It measures from the moment the job turns
to "downloading" until it is Ready (video, thumbnail and spritesheet stored in
IndexedDB), sampling the page's JS heap as it goes (``performance.memory``; Chromium
offers no heap figure inside a worker without cross-origin isolation, and the bytes
never enter the worker's heap either: they stream from ``fetch`` into a Blob).
Then, in the same page, it times a plain ``fetch(...).blob()`` of the same file as the
baseline. Prints the figures, then one JSON line::

    .venv/bin/python bench/download.py [--mb 200]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

import serve  # noqa: E402
from app.core.keys import DEMO_KEY  # noqa: E402
from simulator import SimConfig  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM, QUIET_ARGS  # noqa: E402

ARGS = [*QUIET_ARGS, "--enable-precise-memory-info"]
TIMEOUT_S = 600.0
MB = 1_000_000
HEAP_JS = "performance.memory ? performance.memory.usedJSHeapSize : -1"


def start_server() -> tuple[Any, str]:
    server = serve.build_server("127.0.0.1", 0, SimConfig(job_seconds=1.0, poll_after_ms=200))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = str(server.server_address[0]), int(server.server_address[1])
    return server, f"http://{host}:{port}/"


class HeapProbe:
    """Peak used JS heap of the page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.peak = 0

    def sample(self) -> None:
        self.peak = max(self.peak, int(self.page.evaluate(HEAP_JS)))


def render(page: Page, prompt: str) -> None:
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    page.get_by_role("dialog", name="Before you render").get_by_role("button", name="I understand, render").click()
    page.get_by_role("link", name="Queue", exact=True).click()


CARD_STATE_JS = """() => {
    const card = document.querySelector('article.job-card');
    if (!card) return ['', '', ''];
    const text = card.querySelector('.job-progress-text');
    return [card.dataset.phase || '', card.dataset.status || '', text ? text.textContent : ''];
}"""


def card_state(page: Page) -> tuple[str, str, str]:
    """The first card's phase, status and progress text ("12.0 MB of 200.0 MB")."""
    phase, status, text = page.evaluate(CARD_STATE_JS)
    return str(phase), str(status), str(text)


def video_complete(text: str) -> bool:
    loaded, _, total = text.partition(" of ")
    return bool(total) and loaded == total


def app_download(page: Page, size: int) -> dict[str, float]:
    before = HeapProbe(page)
    before.sample()
    render(page, f"Benchmark download [sim:bytes={size}] [sim:duration=1]")
    probe = HeapProbe(page)
    deadline = time.monotonic() + TIMEOUT_S
    started = video_done = None
    status = ""
    while time.monotonic() < deadline:
        phase, status, text = card_state(page)
        now = time.perf_counter()
        if started is None and phase == "downloading":
            started = now
        if video_done is None and started is not None and (video_complete(text) or status == "succeeded"):
            video_done = now
        if status in ("succeeded", "failed"):
            break
        probe.sample()
        time.sleep(0.02)
    finished = time.perf_counter()
    if status != "succeeded" or started is None or video_done is None:
        raise SystemExit(f"the app did not store the video (status {status or 'unknown'})")
    probe.sample()
    return {
        "seconds": video_done - started,
        "all_files_seconds": finished - started,
        "page_heap": probe.peak,
        "heap_before": before.peak,
    }


def plain_fetch(page: Page, base_url: str, size: int) -> dict[str, float]:
    """The same file fetched into a Blob by a few lines of JS in the same page."""
    request = urllib.request.Request(
        base_url + "sim/v1/videos",
        data=json.dumps({"prompt": f"Baseline [sim:bytes={size}] [sim:duration=0]"}).encode(),
        headers={"Authorization": f"Bearer {DEMO_KEY}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        video_id = json.load(response)["id"]
    probe = HeapProbe(page)
    probe.sample()
    result: dict[str, float] = page.evaluate(
        """async ([url, key]) => {
            const t0 = performance.now();
            const response = await fetch(url, {headers: {Authorization: 'Bearer ' + key}});
            const blob = await response.blob();
            const fetched = performance.now();
            const db = await new Promise((ok, ko) => {
                const r = indexedDB.open('bench-scratch', 1);
                r.onupgradeneeded = () => r.result.createObjectStore('blobs');
                r.onsuccess = () => ok(r.result); r.onerror = ko;
            });
            await new Promise((ok, ko) => {
                const tx = db.transaction('blobs', 'readwrite');
                tx.objectStore('blobs').put(blob, 'video');
                tx.oncomplete = ok; tx.onerror = ko;
            });
            db.close();
            return {seconds: (fetched - t0) / 1000, stored_seconds: (performance.now() - t0) / 1000, bytes: blob.size,
                    heap: performance.memory ? performance.memory.usedJSHeapSize : -1};
        }""",
        [f"{base_url}sim/v1/videos/{video_id}/content?variant=video", DEMO_KEY],
    )
    return {**result, "page_heap": max(probe.peak, result["heap"])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the video in MB (default 200)")
    args = parser.parse_args(argv)
    size = args.mb * MB
    vendor.ensure(("runtime",), quiet=True)
    server, base_url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(base_url + "?demo=1")
            page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=120_000)
            app = app_download(page, size)
            baseline = plain_fetch(page, base_url, size)
            browser.close()
    finally:
        server.shutdown()
    peak_heap = app["page_heap"]
    figures = {
        "bytes": size,
        "seconds": round(app["seconds"], 2),
        "mb_per_s": round(size / MB / app["seconds"], 1),
        "peak_heap_mb": round(peak_heap / MB, 1),
        "heap_share_of_file": round(peak_heap / size, 3),
        "heap_before_mb": round(app["heap_before"] / MB, 1),
        "heap_growth_mb": round(max(peak_heap - app["heap_before"], 0) / MB, 1),
        "all_files_seconds": round(app["all_files_seconds"], 2),
        "fetch_seconds": round(baseline["seconds"], 2),
        "fetch_mb_per_s": round(size / MB / baseline["seconds"], 1),
        "fetch_page_heap_mb": round(baseline["page_heap"] / MB, 1),
        "fetch_store_seconds": round(baseline["stored_seconds"], 2),
        "fetch_store_mb_per_s": round(size / MB / baseline["stored_seconds"], 1),
    }
    print(f"download benchmark: one {args.mb} MB simulated MP4 (+ thumbnail and spritesheet)")
    print(f"  app: the MP4, worker fetch → Blob      {figures['seconds']:>7} s  {figures['mb_per_s']:>7} MB/s")
    print(f"  app: all three files stored            {figures['all_files_seconds']:>7} s")
    rows = [
        ("plain fetch(...).blob() in the page", figures["fetch_seconds"], figures["fetch_mb_per_s"]),
        ("plain fetch → Blob → IndexedDB put", figures["fetch_store_seconds"], figures["fetch_store_mb_per_s"]),
    ]
    for label, seconds, rate in rows:
        print(f"  {label:<37}  {seconds:>7} s  {rate:>7} MB/s")
    print(
        f"  peak JS heap of the page: {figures['peak_heap_mb']} MB, {figures['heap_growth_mb']} MB above its level "
        f"before the render "
        f"({figures['heap_share_of_file']:.1%} of the file; target < 25%)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
