"""Library benchmark: scroll a seeded library top to bottom, beside a plain-JS virtual grid.

On a shared machine absolute milliseconds are noise, so each size is measured against a
reference in the same browser and the same run: ``bench/pages/plain-grid.html``, a
virtual grid in plain JavaScript that draws the app's tiles (same DOM, same CSS, same
pool of rows) from the same job records (bench/library_data.py). For each size (1,000
and 5,000 items by default) the app is seeded and opened on its Library in one browser
context, the plain grid in another; then both are scrolled top to bottom by the same step
per animation frame, alternating (app, plain, plain, app, ...) so that load on the
machine falls on both alike. The probes are the same for both (bench/library_probes.py):
work per scroll frame (the grid's handler plus the browser's style and layout),
p50/p95/max, the ratio app/plain at p95 (goal <= 1.5), and the interval between frames
beside it; each pass is traced too, for the same work in main-thread CPU time, which load
on the machine does not inflate (bench/library_trace.py). Then it times search, model
filter and sort on both, from the change until the next frame is painted (median of
several tries; goal < 50 ms for the app). Prints the figures, then one JSON line: per size
the app's figures and the plain grid's (``plain_*``), plus flat ``*_<size>`` summary keys
(see bench/README.md)::

    .venv/bin/python bench/library.py [--sizes 1000 5000] [--step 120] [--rounds 2] [--tries 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

from bench.library_data import seed_library  # noqa: E402
from bench.library_probes import SCROLL_JS, TILE_SHAPE_JS, controls, percentile, spread  # noqa: E402
from bench.library_report import report  # noqa: E402
from bench.library_trace import CATEGORIES, scroll_cpu  # noqa: E402
from bench.server import serving  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM, QUIET_ARGS  # noqa: E402

ARGS = [
    *QUIET_ARGS,
    "--enable-precise-memory-info",
    "--disable-frame-rate-limit",
    "--disable-gpu-vsync",
    "--js-flags=--expose-gc",
]
VIEWPORT: ViewportSize = {"width": 1400, "height": 900}
MB = 1_000_000
OLDEST = "seed00000"  # the last tile of "Newest first"


def count_text(size: int) -> str:
    """The count line says all ``size`` videos: the app writes the number its locale's way
    (``1,000 videos``), the plain grid as it is (``1000 videos``)."""
    shown = f"['{size} videos', '{size:,} videos']"
    return f"{shown}.includes(document.getElementById('library-count')?.textContent)"


def open_app(
    browser: Browser, base_url: str, size: int, init_script: str = ""
) -> tuple[Page, list[dict[str, Any]], dict[str, Any]]:
    """The app on its Library, seeded with ``size`` jobs; with the stored jobs and their posters."""
    context = browser.new_context(viewport=VIEWPORT)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.goto(base_url + "?demo=1")
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=120_000)
    jobs, posters = seed_library(page, base_url, size)
    page.goto(base_url + "#/library")
    page.wait_for_function(count_text(size), timeout=120_000)
    page.wait_for_timeout(1500)  # posters of the first screen
    return page, jobs, posters


def open_plain(browser: Browser, base_url: str, jobs: list[dict[str, Any]], posters: dict[str, Any]) -> Page:
    """The plain-JS grid showing the same jobs."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    page.goto(base_url + "bench/pages/plain-grid.html")
    page.wait_for_selector("#app[data-ready='true']", state="attached", timeout=30_000)
    page.evaluate("([jobs, sources]) => window.plainGrid.load(jobs, sources)", [jobs, posters])
    page.wait_for_function(count_text(len(jobs)), timeout=30_000)
    page.wait_for_timeout(500)
    return page


def scroll_passes(browser: Browser, pages: dict[str, Page], rounds: int, step: int) -> dict[str, list[dict[str, Any]]]:
    """``rounds`` traced scroll passes per page, alternating which goes first (ABBA...)."""
    passes: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
    names = list(pages)
    for number in range(rounds):
        for name in names if number % 2 == 0 else names[::-1]:
            page = pages[name]
            page.bring_to_front()
            browser.start_tracing(page=page, categories=CATEGORIES)
            scroll: dict[str, Any] = page.evaluate(SCROLL_JS, step)
            scroll["cpu"] = scroll_cpu(browser.stop_tracing(), int(scroll["frames"]))
            passes[name].append(scroll)
    return passes


def scroll_figures(passes: list[dict[str, Any]], prefix: str = "") -> dict[str, Any]:
    """Frames of every pass pooled: work p50/p95/max (in-page clock, and CPU from the trace),
    handler p95, interval, the main thread's CPU per frame, DOM, heap."""
    work = [float(w) for p in passes for w in p["work"]]
    cpu = spread([float(w) for p in passes for w in p["cpu"]["work"]])
    handler = [float(w) for p in passes for w in p["handler"]]
    deltas = [float(d) for p in passes for d in p["deltas"]]
    middle = spread(work)
    return {
        f"{prefix}p50_ms": middle["p50"],
        f"{prefix}p95_ms": middle["p95"],
        f"{prefix}max_ms": middle["max"],
        f"{prefix}cpu_p50_ms": cpu["p50"],
        f"{prefix}cpu_p95_ms": cpu["p95"],
        f"{prefix}cpu_max_ms": cpu["max"],
        f"{prefix}cpu_frame_ms": round(sum(float(p["cpu"]["frame_ms"]) for p in passes) / len(passes), 2),
        f"{prefix}handler_p95_ms": round(percentile(handler, 0.95), 2),
        f"{prefix}interval_p50_ms": spread(deltas)["p50"],
        f"{prefix}interval_p95_ms": spread(deltas)["p95"],
        f"{prefix}frames": int(passes[0]["frames"]),
        f"{prefix}tiles": int(passes[-1]["tiles"]),
        f"{prefix}dom_nodes": max(int(p["maxNodes"]) for p in passes),
        f"{prefix}heap_mb": round(float(passes[-1]["heap"]) / MB, 1),
        f"{prefix}reached_end": all(OLDEST in p["jobs"] for p in passes),
    }


def ratio(app: float, plain: float) -> float:
    return round(app / max(plain, 0.01), 2)


def round_ratios(app: list[dict[str, Any]], plain: list[dict[str, Any]], key: str) -> list[float]:
    """App/plain p95 of each round on its own (how much the ratio itself moves)."""

    def work(scroll: dict[str, Any]) -> list[float]:
        return list(scroll["work"] if key == "work" else scroll["cpu"]["work"])

    return [ratio(percentile(work(a), 0.95), percentile(work(p), 0.95)) for a, p in zip(app, plain, strict=True)]


def measure(browser: Browser, base_url: str, size: int, args: argparse.Namespace) -> dict[str, Any]:
    app, jobs, posters = open_app(browser, base_url, size)
    plain = open_plain(browser, base_url, jobs, posters)
    app_tile, plain_tile = app.evaluate(TILE_SHAPE_JS), plain.evaluate(TILE_SHAPE_JS)
    passes = scroll_passes(browser, {"app": app, "plain": plain}, args.rounds, args.step)
    result = {**scroll_figures(passes["app"]), **scroll_figures(passes["plain"], "plain_")}
    result["ratio_p95"] = ratio(result["p95_ms"], result["plain_p95_ms"])
    result["ratio_p95_rounds"] = round_ratios(passes["app"], passes["plain"], "work")
    result["cpu_ratio_p95"] = ratio(result["cpu_p95_ms"], result["plain_cpu_p95_ms"])
    result["cpu_ratio_p95_rounds"] = round_ratios(passes["app"], passes["plain"], "cpu")
    result["cpu_frame_ratio"] = ratio(result["cpu_frame_ms"], result["plain_cpu_frame_ms"])
    result["same_tile_dom"] = app_tile["shape"] == plain_tile["shape"] and app_tile["job"] == plain_tile["job"]
    result["grid"] = {"app": [app_tile["width"], app_tile["top"]], "plain": [plain_tile["width"], plain_tile["top"]]}
    for page, prefix in ((app, ""), (plain, "plain_")):
        page.bring_to_front()
        result.update(controls(browser, page, args.tries, prefix))
    if not result["same_tile_dom"]:
        print(f"  tile DOM differs at {size}:\n    app   {app_tile}\n    plain {plain_tile}", file=sys.stderr)
    app.context.close()
    plain.context.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--step", type=int, default=120, help="pixels scrolled per frame (default 120)")
    parser.add_argument("--rounds", type=int, default=2, help="scroll passes of each grid (default 2)")
    parser.add_argument("--tries", type=int, default=5, help="timed changes of each control (default 5)")
    args = parser.parse_args(argv)
    vendor.ensure(("runtime",), quiet=True)
    results: dict[str, dict[str, Any]] = {}
    with serving("--sim-job-seconds", "1") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in args.sizes:
            results[str(size)] = measure(browser, base_url, size, args)
        browser.close()
    report(results, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
