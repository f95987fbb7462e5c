"""Library benchmark: scroll a seeded library from top to bottom, and search it.

For each size (1,000 and 5,000 items by default) it starts a fresh headless Chromium
profile, seeds that many finished jobs straight into IndexedDB (real simulator files,
shared by reference; see tests/browser/seed.py), opens the Library and scrolls the page
to the bottom by a fixed step per animation frame. The frame time reported is the work a
scroll step costs: the app's layout of the grid (its scroll handler, run at once) plus
the browser's style and layout of the result; the interval between animation frames
(paced by the display, 16.7 ms at best) is reported beside it. It reports p50/p95/max,
the largest DOM node count seen while scrolling, the live JS heap after scrolling, and the
time from typing a search (and from choosing another sort order, which re-orders the
whole library) until the grid shows the answer. Last line: one JSON object
keyed by library size::

    .venv/bin/python bench/library.py [--sizes 1000 5000] [--step 120]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

from bench.server import serving  # noqa: E402
from tests.browser.seed import seed_many  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM, QUIET_ARGS  # noqa: E402

ARGS = [
    *QUIET_ARGS,
    "--enable-precise-memory-info",
    "--disable-frame-rate-limit",
    "--disable-gpu-vsync",
    "--js-flags=--expose-gc",
]
MB = 1_000_000

SCROLL_JS = """async (step) => {
    const deltas = [];
    const work = [];
    let maxNodes = document.getElementsByTagName('*').length;
    window.scrollTo(0, 0);
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    let last = performance.now();
    let frames = 0;
    await new Promise((done) => {
        const tick = (now) => {
            deltas.push(now - last);
            last = now;
            if (++frames % 20 === 0) maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length);
            const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
            if (bottom) { done(); return; }
            const t0 = performance.now();
            window.scrollBy(0, step);
            window.dispatchEvent(new Event('scroll'));  // the app lays out now, as the browser would this frame
            void document.body.offsetHeight;  // and the browser's style and layout of the result
            work.push(performance.now() - t0);
            requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    });
    const lastTile = [...document.querySelectorAll('.tile-name')].map(t => t.textContent);
    window.gc();  // the heap that stays, not the garbage that scrolling left for the collector
    return {deltas: deltas.slice(1), work, maxNodes, frames,
            heap: performance.memory ? performance.memory.usedJSHeapSize : -1, lastTile};
}"""

CONTROL_JS = """async ([id, value, event]) => {
    // Work: the app's handler plus the browser's style and layout of its result (as for a
    // scroll frame); painted: until the next animation frame, which adds the display's pacing.
    window.scrollTo(0, 0);
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise(r => setTimeout(r, 200));  // posters of the top rows settle first
    const input = document.getElementById(id);
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event(event, {bubbles: true}));
    const handled = performance.now();
    void document.body.offsetHeight;
    const laid = performance.now();
    await new Promise(r => requestAnimationFrame(() => r()));
    const painted = performance.now();
    const first = [...document.querySelectorAll('.tile')]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top
                     || a.getBoundingClientRect().left - b.getBoundingClientRect().left)[0];
    return {handled_ms: handled - t0, work_ms: laid - t0, painted_ms: painted - t0,
            count: document.getElementById('library-count').textContent,
            first: first ? first.querySelector('.tile-name').textContent : ''};
}"""


def control(page: Page, changes: list[tuple[str, str, str]]) -> dict[str, Any]:
    """Each change of a control in turn (the odd ones undo the even ones and are not
    timed); the median timed answer, with the last one's result."""
    timed = []
    for number, change in enumerate(changes):
        answer: dict[str, Any] = page.evaluate(CONTROL_JS, list(change))
        if number % 2 == 0:
            timed.append(answer)
    middle = {key: statistics.median(float(t[key]) for t in timed) for key in ("handled_ms", "work_ms", "painted_ms")}
    return {**timed[-1], **middle}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def measure(page: Page, base_url: str, size: int, step: int) -> dict[str, Any]:
    page.goto(base_url + "?demo=1")
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=120_000)
    seed_many(page, base_url, size)
    page.goto(base_url + "#/library")
    page.wait_for_function(
        f"document.getElementById('library-count')?.textContent === '{size:,} videos'.replace(/,/g, '')",
        timeout=120_000,
    )
    page.wait_for_timeout(1500)  # posters of the first screen
    scroll = page.evaluate(SCROLL_JS, step)
    searches = ("number 4", "", "number 43", "", "number 42", "")  # ends cleared, for the sort
    search = control(page, [("library-search", text, "input") for text in searches])
    resort = control(page, [("library-sort", sort, "change") for sort in ("date_asc", "date_desc") * 2 + ("date_asc",)])
    deltas = [float(d) for d in scroll["deltas"]]
    work = [float(w) for w in scroll["work"]]
    return {
        "p50_ms": round(statistics.median(work), 2),
        "p95_ms": round(percentile(work, 0.95), 2),
        "max_ms": round(max(work), 2),
        "interval_p50_ms": round(statistics.median(deltas), 2),
        "interval_p95_ms": round(percentile(deltas, 0.95), 2),
        "frames": int(scroll["frames"]),
        "dom_nodes": int(scroll["maxNodes"]),
        "heap_mb": round(float(scroll["heap"]) / MB, 1),
        "search_ms": round(search["work_ms"], 1),
        "search_handler_ms": round(search["handled_ms"], 1),
        "search_painted_ms": round(search["painted_ms"], 1),
        "search_result": str(search["count"]),
        "sort_ms": round(resort["work_ms"], 1),
        "sort_painted_ms": round(resort["painted_ms"], 1),
        "sort_first": str(resort["first"]),
        "reached_end": "Seeded video number 0" in scroll["lastTile"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--step", type=int, default=120, help="pixels scrolled per frame (default 120)")
    args = parser.parse_args(argv)
    vendor.ensure(("runtime",), quiet=True)
    results: dict[str, dict[str, Any]] = {}
    with serving("--sim-job-seconds", "1") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in args.sizes:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            results[str(size)] = measure(context.new_page(), base_url, size, args.step)
            context.close()
        browser.close()
    print(f"library benchmark: scroll top to bottom ({args.step} px per frame), then search")
    columns = ("items", "frames", "p50 ms", "p95 ms", "max ms", "DOM", "heap MB", "search ms", "sort ms")
    print("  " + " ".join(f"{c:>8}" for c in columns))
    for size, r in results.items():
        print(
            f"  {size:>8} {r['frames']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8} {r['dom_nodes']:>8} "
            f"{r['heap_mb']:>8} {r['search_ms']:>8} {r['sort_ms']:>8}   "
            f"({r['search_result']}; oldest first: {r['sort_first']}; reached the end: {r['reached_end']})"
        )
    for size, r in results.items():
        print(
            f"  {size:>8} items: frame interval p50 {r['interval_p50_ms']} ms, p95 {r['interval_p95_ms']} ms; "
            f"until the next frame: search {r['search_painted_ms']} ms, sort {r['sort_painted_ms']} ms"
        )
    print("  targets: p95 < 16 ms, DOM size independent of the library, search and filter < 50 ms at 5,000")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
