"""What bench/library.py runs inside a page: the same probes for the app and for the
plain-JS reference grid, so both are measured the same way.

A scroll frame's *work* is timed from inside an animation frame: scroll by one step,
dispatch ``scroll`` at once (the grid's handler runs now, as the browser would run it this
frame; the browser's own event later finds nothing to do), then force the browser's style
and layout of the result. The *interval* between animation frames (no frame-rate limit,
no vsync) adds paint and whatever else ran in between.

A control change (search, filter, sort) is timed from setting the value until the frame
after the DOM update has been painted: the handler, then the next animation frame, then a
task posted from it, which runs once that frame's style, layout and paint are done.
"""

from __future__ import annotations

import statistics
from typing import Any

from playwright.sync_api import Browser, Page

from bench.library_data import PRO_MODEL
from bench.library_trace import CATEGORIES, marked_cpu

SEARCHES = ("number 4", "harbor", "number 42", "tag:night", "fox")

SCROLL_JS = """async (step) => {
    const deltas = [], work = [], handler = [];
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
            window.dispatchEvent(new Event('scroll'));  // the grid lays out now, as the browser would this frame
            const t1 = performance.now();
            void document.body.offsetHeight;  // and the browser's style and layout of the result
            work.push(performance.now() - t0);
            handler.push(t1 - t0);
            requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    });
    const shown = [...document.querySelectorAll('#library-grid .tile:not([hidden])')];
    window.gc();  // the heap that stays, not the garbage that scrolling left for the collector
    return {deltas: deltas.slice(1), work, handler, maxNodes, frames, tiles: shown.length,
            heap: performance.memory ? performance.memory.usedJSHeapSize : -1,
            jobs: shown.map(t => t.dataset.job)};
}"""

AFTER_PAINT_JS = """() => new Promise((painted) => requestAnimationFrame(() => {
    const channel = new MessageChannel();  // a task after this frame's rendering
    channel.port1.onmessage = () => painted(performance.now());
    channel.port2.postMessage(0);
}))"""

CONTROL_JS = (
    """async ([id, value, event, mark]) => {
    const afterPaint = """
    + AFTER_PAINT_JS
    + """;
    window.scrollTo(0, 0);
    await afterPaint();
    await new Promise(r => setTimeout(r, 200));  // posters of the top rows settle first
    await afterPaint();
    const input = document.getElementById(id);
    if (mark) console.timeStamp(mark + ':start');  // for the trace's CPU time (bench/library_trace.py)
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event(event, {bubbles: true}));
    const handled = performance.now();
    void document.body.offsetHeight;
    const laid = performance.now();
    const painted = await afterPaint();
    if (mark) console.timeStamp(mark + ':end');
    const first = [...document.querySelectorAll('#library-grid .tile:not([hidden])')]
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top
                     || a.getBoundingClientRect().left - b.getBoundingClientRect().left)[0];
    return {handled_ms: handled - t0, work_ms: laid - t0, painted_ms: painted - t0,
            count: document.getElementById('library-count').textContent,
            first: first ? first.querySelector('.tile-name').textContent : ''};
}"""
)

# The first tile's element tree: tags, classes and attribute names (not their values).
TILE_SHAPE_JS = """() => {
    const shape = (node) => {
        const names = [...node.attributes]
            .map(a => a.name === 'class' ? 'class=' + [...node.classList].sort().join('.') : a.name);
        return node.localName + '[' + names.sort().join(' ') + '](' + [...node.children].map(shape).join(',') + ')';
    };
    const grid = document.getElementById('library-grid');
    const tile = grid.querySelector('.tile[data-job]');
    return {shape: tile ? shape(tile) : '', job: tile ? tile.dataset.job : '', width: grid.clientWidth,
            top: grid.getBoundingClientRect().top + window.scrollY, height: grid.offsetHeight};
}"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def spread(values: list[float]) -> dict[str, float]:
    """p50 / p95 / max of a list of milliseconds, rounded for the report."""
    return {
        "p50": round(statistics.median(values), 2),
        "p95": round(percentile(values, 0.95), 2),
        "max": round(max(values), 2),
    }


def control(
    browser: Browser, page: Page, value_and_undo: list[tuple[str, str]], element_id: str, event: str
) -> dict[str, Any]:
    """Each (value, undo) pair in turn: the value's answer is timed, the undo is not; the
    medians of the timed answers (in-page clock, and main-thread CPU from a trace), with
    the last one's result."""
    timed: list[dict[str, Any]] = []
    browser.start_tracing(page=page, categories=CATEGORIES)
    for value, undo in value_and_undo:
        timed.append(page.evaluate(CONTROL_JS, [element_id, value, event, "timed"]))
        page.evaluate(CONTROL_JS, [element_id, undo, event, None])
    cpu = marked_cpu(browser.stop_tracing(), "timed")
    keys = ("handled_ms", "work_ms", "painted_ms")
    middle = {key: statistics.median(float(t[key]) for t in timed) for key in keys}
    return {
        **timed[-1],
        **middle,
        "cpu_ms": statistics.median(cpu),
        "tries": [round(float(t["painted_ms"]), 1) for t in timed],
    }


def controls(browser: Browser, page: Page, tries: int, prefix: str = "") -> dict[str, Any]:
    """Search, model filter and sort, ``tries`` timed changes each; figures keyed ``<prefix><control>_*``."""
    changes = {
        "search": ([(SEARCHES[i % len(SEARCHES)], "") for i in range(tries)], "library-search", "input"),
        "filter": ([(PRO_MODEL, "")] * tries, "library-model", "change"),
        "sort": ([("date_asc", "date_desc")] * tries, "library-sort", "change"),
    }
    figures: dict[str, Any] = {}
    for name, (values, element_id, event) in changes.items():
        answer = control(browser, page, values, element_id, event)
        key = prefix + name
        figures[f"{key}_cpu_ms"] = round(answer["cpu_ms"], 1)
        figures[f"{key}_ms"] = round(answer["work_ms"], 1)
        figures[f"{key}_handler_ms"] = round(answer["handled_ms"], 1)
        figures[f"{key}_painted_ms"] = round(answer["painted_ms"], 1)
        figures[f"{key}_tries_ms"] = answer["tries"]
        if name == "sort":
            figures[f"{key}_first"] = str(answer["first"])
        else:
            figures[f"{key}_result"] = str(answer["count"])
    return figures
