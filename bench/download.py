"""Download benchmark: the app stores a large simulated MP4, next to a plain ``fetch``.

Starts serve.py in its own process (quick simulated jobs), opens the app in demo mode in
headless Chromium and renders a prompt whose video the simulator pads to ``--mb``
megabytes (streamed in 1 MiB chunks). A last run kills the tab twice mid-download and
reopens it (``bench/download_resume.py``): its time and the bytes the simulator sent are
printed next to the uninterrupted run's. A recorder inside the page times from the moment
the job's card turns to "downloading" until its progress reads the full size (the video
is stored) and until the job is Ready (thumbnail and spritesheet too), and keeps the
peak JS heap of the page during the download (``performance.memory``, from a heap
collected as the download starts, so the garbage of booting and of the render form do
not count; Chromium offers no heap figure inside a worker without
cross-origin isolation, and the bytes never enter the worker's heap either: the browser
writes them straight into a Blob). Then, in the same page, it times a plain
``fetch(...).blob()`` of the same file as the baseline. Each is done ``--runs`` times;
the median runs are shown. Prints the figures, then one JSON line::

    .venv/bin/python bench/download.py [--mb 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

from app.core.keys import DEMO_KEY  # noqa: E402
from bench.download_resume import bytes_served, killed_download  # noqa: E402
from bench.server import serving  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM, QUIET_ARGS  # noqa: E402

ARGS = [*QUIET_ARGS, "--enable-precise-memory-info", "--js-flags=--expose-gc"]
TIMEOUT_S = 600.0
MB = 1_000_000
PROVIDER = "openai-videos"
HEAP_JS = "performance.memory ? performance.memory.usedJSHeapSize : -1"


class HeapProbe:
    """Peak used JS heap of the page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.peak = 0

    def sample(self) -> None:
        self.peak = max(self.peak, int(self.page.evaluate(HEAP_JS)))


def render(page: Page, prompt: str, *, first: bool) -> None:
    """Start a render from New Render with the OpenAI-compatible simulated API (the one whose
    video the app downloads in byte-range parts, and whose bytes the counters name "video");
    the one-time notice before paying only comes first."""
    page.get_by_role("link", name="New Render", exact=True).click()
    page.locator("#provider").select_option(PROVIDER)
    page.wait_for_function(
        "id => document.querySelector('#provider').value === id && !document.querySelector('#render[disabled]')",
        arg=PROVIDER,
    )
    page.get_by_label("Prompt").fill(prompt)
    page.get_by_role("button", name="Render", exact=True).click()
    if first:
        notice = page.get_by_role("dialog", name="Before you render")
        notice.get_by_role("button", name="I understand, render").click()
    page.get_by_role("link", name="Queue", exact=True).click()


RECORDER_JS = """() => {
    // Watches the new job's queue card from inside the page (no round trips from here while
    // the download runs): when it turns "downloading", when its progress text reads
    // "N MB of N MB" (the video is in), when it ends; and the peak heap on the way,
    // from a heap collected as the download starts (the render's own garbage aside).
    const heap = () => performance.memory ? performance.memory.usedJSHeapSize : -1;
    const seen = {start: null, video: null, end: null, status: '', peak: -1, base: -1};
    const settled = () => {  // a second collection frees what the first one's finalizers let go
        window.gc(); seen.base = seen.peak = Math.max(seen.peak, heap());
    };
    window.__download = seen;
    const cards = () => [...document.querySelectorAll('article.job-card')];
    const earlier = new Set(cards().map((card) => card.dataset.job));  // jobs of previous runs
    const check = () => {
        if (seen.base !== -1) seen.peak = Math.max(seen.peak, heap());
        const card = cards().find((card) => !earlier.has(card.dataset.job));
        if (!card || seen.end !== null) return;
        const now = performance.now();
        const text = (card.querySelector('.job-progress-text') || {}).textContent || '';
        const [loaded, total] = text.split(' of ');
        const status = card.dataset.status;
        if (seen.start === null && card.dataset.phase === 'downloading') {
            seen.start = now;
            window.gc();
            seen.peak = -1;
            setTimeout(settled, 0);
        }
        if (seen.start !== null && seen.video === null && ((total && loaded === total) || status === 'succeeded'))
            seen.video = now;
        if (status === 'succeeded' || status === 'failed') {
            seen.end = now; seen.status = status; observer.disconnect(); clearInterval(timer);
        }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                                     attributeFilter: ['data-phase', 'data-status']});
    const timer = setInterval(check, 50);
}"""


def app_download(page: Page, size: int, *, first: bool, run: int) -> dict[str, float]:
    page.evaluate(RECORDER_JS)
    render(page, f"Benchmark download {run} [sim:bytes={size}] [sim:duration=1]", first=first)  # each run its own
    page.wait_for_function("window.__download.end !== null", timeout=TIMEOUT_S * 1000, polling=500)
    seen: dict[str, Any] = page.evaluate("window.__download")
    if seen["status"] != "succeeded" or seen["start"] is None or seen["video"] is None:
        raise SystemExit(f"the app did not store the video (status {seen['status'] or 'unknown'})")
    return {
        "seconds": (seen["video"] - seen["start"]) / 1000,
        "all_files_seconds": (seen["end"] - seen["start"]) / 1000,
        "page_heap": int(seen["peak"]),
        "heap_before": int(seen["base"]),
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
    page.evaluate("async () => { gc(); await new Promise((ok) => setTimeout(ok, 0)); gc(); }")
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


def median_run(runs: list[dict[str, float]], key: str) -> dict[str, float]:
    """The run with the median ``key`` (a real run, so its figures belong together)."""
    return sorted(runs, key=lambda run: run[key])[len(runs) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the video in MB (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="downloads of each kind; medians are shown (default 3)")
    args = parser.parse_args(argv)
    size = args.mb * MB
    vendor.ensure(("runtime",), quiet=True)
    apps: list[dict[str, float]] = []
    baselines: list[dict[str, float]] = []
    with serving("--sim-job-seconds", "1") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(base_url + "?demo=1")
        page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=120_000)
        for run in range(args.runs):
            apps.append(app_download(page, size, first=run == 0, run=run))
            baselines.append(plain_fetch(page, base_url, size))
        fetched = bytes_served(base_url, f"Benchmark download {args.runs - 1} [sim:bytes={size}] [sim:duration=1]")
        killed = killed_download(browser, base_url, size, f"Benchmark resume [sim:bytes={size}] [sim:duration=1]")
        browser.close()
    app = median_run(apps, "seconds")
    baseline = median_run(baselines, "seconds")
    peak_heap = max(run["page_heap"] for run in apps)
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
        "bytes_fetched": fetched,
        "killed_twice_seconds": round(killed["seconds"], 2),
        "killed_twice_bytes_fetched": int(killed["bytes_fetched"]),
        "killed_twice_fetched_share": round(killed["fetched_share"], 3),
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
        f"when the download started "
        f"({figures['heap_share_of_file']:.1%} of the file; target < 25%)"
    )
    print(f"  bytes fetched, uninterrupted           {fetched:>12,}  ({fetched / size:.3f} × the file)")
    print(
        f"  tab killed twice, resumed each time    {figures['killed_twice_seconds']:>7} s  "
        f"{figures['killed_twice_bytes_fetched']:>12,} bytes fetched ({figures['killed_twice_fetched_share']:.3f} × "
        "the file; the time includes two reloads of the app)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
