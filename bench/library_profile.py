"""Where the Library's time goes: main-thread CPU time of the app's Python pieces.

A profiling aid beside bench/library.py, not a benchmark. It seeds the same library, opens
the Library, and wraps a list of the app's Python functions at run time (the app's code is
not changed): each call runs inside a synchronous dispatch of a DOM event named
``py:<function>``, so Chromium's trace times every call as an ``EventDispatch`` slice, in
thread CPU time (which load on the machine does not inflate). Times are inclusive (a piece
contains the pieces it calls) and each wrapped call adds the overhead printed first. It
then scrolls once top to bottom and changes search, model filter and sort a few times,
and prints per scroll frame and per change: the CPU of each piece, and of the browser's
own style, layout and paint. The app's Python is reached through the globals of the
grid's resize listener (a Pyodide proxy an init script keeps)::

    .venv/bin/python bench/library_profile.py [--size 5000] [--tries 3]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

from bench.library import ARGS, open_app  # noqa: E402
from bench.library_data import PRO_MODEL  # noqa: E402
from bench.library_probes import CONTROL_JS, SCROLL_JS  # noqa: E402
from bench.library_trace import CATEGORIES, calls, events, main_thread, marked_cpu, marked_windows, stamps  # noqa: E402
from bench.server import serving  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM  # noqa: E402

# Keeps the app's Python listeners (Pyodide proxies) and runs source in the grid module's globals.
HOOK_JS = """
window.__pyListeners = [];
const addListener = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (typeof listener === 'function' && typeof listener.destroy === 'function' && typeof listener.type === 'string') {
    window.__pyListeners.push({target: this, type, listener});
  }
  return addListener.call(this, type, listener, options);
};
window.__pyExec = (source) => {
  const resize = window.__pyListeners.filter(e => e.target === window && e.type === 'resize').pop();
  const namespace = resize.listener.__globals__;
  namespace.get('__builtins__').get('exec')(source, namespace);
};
"""
# (module, owner, function): an owner of "" is a module-level function, "grid" the live grid.
PIECES = (
    ("app.ui.views.library", "LibraryView", "_apply_location"),
    ("app.ui.views.library", "LibraryView", "_requery"),
    ("app.ui.views.library", "", "run"),
    ("app.ui.views.library", "", "query_from_params"),
    ("app.core.library_index", "SearchIndex", "order"),
    ("app.core.library_index", "SearchIndex", "matching"),
    ("app.core.library_query", "", "_narrowed"),
    ("app.core.selection", "", "prune"),
    ("app.ui.library.grid", "VirtualGrid", "set_items"),
    ("app.ui.library.grid", "VirtualGrid", "render"),
    ("app.ui.library.grid", "VirtualGrid", "_bind"),
    ("app.ui.library.grid", "VirtualGrid", "_measure"),
    ("app.ui.library.grid", "VirtualGrid", "_viewport"),
    ("app.ui.library.grid", "VirtualGrid", "_face"),
    ("app.ui.library.grid", "", "visible_range"),
    ("app.ui.library.grid", "grid", "_poster"),
    ("app.ui.library.tile", "Tile", "bind"),
    ("app.ui.library.tile", "Tile", "show_poster"),
    ("app.browser.dom_patch", "PatchBatch", "add"),
    ("app.browser.dom_patch", "PatchBatch", "flush"),
)
INSTRUMENT_PY = """
import gc, importlib, js
from pyodide.ffi import create_proxy
_bench_target = js.document.createElement("div")
_bench_proxies = []
def _bench_wrap(holder, name, key):
    original = holder[name] if isinstance(holder, dict) else getattr(holder, name)
    box = {}
    def run(_event):
        args, kwargs = box["args"]
        box["result"] = original(*args, **kwargs)
    proxy = create_proxy(run)
    _bench_proxies.append(proxy)
    _bench_target.addEventListener("py:" + key, proxy)
    def wrapped(*args, **kwargs):
        outer = box.get("args")
        box["args"] = (args, kwargs)
        _bench_target.dispatchEvent(js.Event.new("py:" + key))
        box["args"] = outer
        return box.pop("result", None)
    if isinstance(holder, dict):
        holder[name] = wrapped
    else:
        setattr(holder, name, wrapped)
_bench_grid = [o for o in gc.get_objects() if isinstance(o, VirtualGrid)][-1]
for module, owner, name in PIECES:
    namespace = importlib.import_module(module)
    holder = namespace.__dict__ if not owner else _bench_grid.__dict__ if owner == "grid" else getattr(namespace, owner)
    _bench_wrap(holder, name, (owner.replace("grid", "VirtualGrid") + "." if owner else "") + name)
def _bench_noop():
    pass
_bench_wrap(globals(), "_bench_noop", "overhead")
"""
BROWSER_SLICES = ("Layout", "UpdateLayoutTree", "PrePaint", "Paint", "Layerize", "MinorGC", "MajorGC")
CHANGES = {
    "search": ("library-search", "input", "number 42", ""),
    "filter": ("library-model", "change", PRO_MODEL, ""),
    "sort": ("library-sort", "change", "date_asc", "date_desc"),
}


def piece_cpu(raw: bytes, mark: str = "") -> dict[str, float]:
    """CPU ms of each ``py:`` dispatch and each browser slice: over the whole trace of a scroll
    pass, or inside the ``mark`` time stamps."""
    listed = events(raw)
    thread = main_thread(listed, stamps if mark else calls("tick"))
    windows = marked_windows(listed, thread, mark) if mark else [(float("-inf"), float("inf"))]
    totals: dict[str, float] = defaultdict(float)
    for event in listed:
        if event.get("ph") != "X" or (event["pid"], event["tid"]) != thread:
            continue
        if not any(start <= float(event["ts"]) <= end for start, end in windows):
            continue
        cpu = float(event.get("tdur", event.get("dur", 0))) / 1000
        kind = str(event.get("args", {}).get("data", {}).get("type", ""))
        if event["name"] == "EventDispatch" and kind.startswith("py:"):
            totals[kind[3:]] += cpu
        elif event["name"] in BROWSER_SLICES:
            totals[f"[{event['name']}]"] += cpu
    return totals


def print_pieces(title: str, totals: dict[str, float], units: int) -> None:
    print(f"  {title}")
    for name, ms in sorted(totals.items(), key=lambda item: -item[1]):
        if name != "overhead" and ms / units >= 0.01:
            print(f"    {name:32s} {ms / units:8.2f} ms")


def overhead_ms(browser: Browser, page: Page) -> float:
    """CPU ms one wrapped call adds (a wrapped no-op, 200 times)."""
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.evaluate(
        "() => { console.timeStamp('noop:start'); window.__pyExec('for _ in range(200): _bench_noop()');"
        " console.timeStamp('noop:end'); }"
    )
    totals = piece_cpu(browser.stop_tracing(), "noop")
    return totals["overhead"] / 200


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--tries", type=int, default=3, help="changes of each control (default 3)")
    args = parser.parse_args(argv)
    vendor.ensure(("runtime",), quiet=True)
    with serving("--sim-job-seconds", "1") as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page, _jobs, _posters = open_app(browser, base_url, args.size, HOOK_JS)
        page.evaluate("(source) => window.__pyExec(source)", f"PIECES = {PIECES!r}\n" + INSTRUMENT_PY)
        print(f"library profile, {args.size} items: main-thread CPU, inclusive")
        print(f"  each wrapped call adds about {overhead_ms(browser, page):.3f} ms")
        browser.start_tracing(page=page, categories=CATEGORIES)
        scroll: dict[str, Any] = page.evaluate(SCROLL_JS, 120)
        print_pieces(
            f"per scroll frame ({scroll['frames']} frames)", piece_cpu(browser.stop_tracing()), scroll["frames"]
        )
        for name, (element_id, event, value, undo) in CHANGES.items():
            browser.start_tracing(page=page, categories=CATEGORIES)
            for _ in range(args.tries):
                page.evaluate(CONTROL_JS, [element_id, value, event, "timed"])
                page.evaluate(CONTROL_JS, [element_id, undo, event, "timed"])
            raw = browser.stop_tracing()
            spans = [round(ms, 1) for ms in marked_cpu(raw, "timed")]
            print_pieces(
                f"per {name} change ({value!r} and back; CPU change to painted {spans} ms)",
                piece_cpu(raw, "timed"),
                2 * args.tries,
            )
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
