"""Boot benchmark of the built static site: warm start from the service worker's cache.

``bench/boot.py`` measures the app under ``serve.py``; this measures what a visitor of
the published site gets. The site is built (tools/build_site.py's code) into a temporary
folder and served under ``/repo/`` by Python's plain file server in a process of its own
(no serve.py; it answers ``Last-Modified`` and ``304``, as a static host does). For each
run, a fresh profile loads the page:

- **first visit**: nothing cached; the service worker installs and precaches the site
  while the app boots (the app waits for it before loading its records);
- **HTTP cache**: a browser with no service workers, loading the site twice: the second
  load comes from the HTTP cache and the server's ``304`` answers (a site without a worker);
- **service worker**: the first profile, restarted, loading twice: the second load has the
  worker in control, every file from its cache, no request reaching the server;
- **offline**: the same with the server stopped and the browser offline.

Each warm figure is the second load of its browser session, so they compare like with like.

Times come from the page's clock (``performance.now()`` from navigation start), as in
``bench/boot.py``. Prints a table, then one JSON line with the medians::

    python3 bench/site_boot.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from bench.boot import MARKERS_SCRIPT, measure_load, median  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM, QUIET_ARGS  # noqa: E402
from tools.sitebuild.build import build_site  # noqa: E402

SUB_PATH = "repo"
KINDS = ("first_visit", "http_cache", "service_worker", "offline")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def static_server(folder: Path, port: int) -> Iterator[None]:
    """``python3 -m http.server`` over ``folder`` on ``port``, until the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None:
                raise SystemExit(f"the static server did not start on port {port}")
            time.sleep(0.05)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def _context(playwright: Playwright, profile: str, *, workers: bool) -> BrowserContext:
    context = playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        args=QUIET_ARGS,
        headless=True,
        service_workers="allow" if workers else "block",
    )
    context.add_init_script(MARKERS_SCRIPT)
    if not workers:  # the app then sees no service workers at all, and does not wait for one
        context.add_init_script("Object.defineProperty(navigator, 'serviceWorker', {value: undefined})")
    return context


def _load(context: BrowserContext, url: str) -> dict[str, Any]:
    page = context.pages[0] if context.pages else context.new_page()
    return measure_load(page, url, app=True)


def _second_load(context: BrowserContext, url: str) -> dict[str, Any]:
    """The second load of a browser session: the warm figures compare like with like (the
    browser's in-memory compiled-code caches are as warm for each)."""
    _load(context, url)
    return _load(context, url)


def one_run(playwright: Playwright, folder: Path, port: int) -> dict[str, dict[str, Any]]:
    url = f"http://127.0.0.1:{port}/{SUB_PATH}/"
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as profile:
        with static_server(folder, port):
            context = _context(playwright, profile, workers=True)
            results["first_visit"] = _load(context, url)
            context.close()
            with tempfile.TemporaryDirectory() as plain:  # the same files in the HTTP cache, no worker
                context = _context(playwright, plain, workers=False)
                results["http_cache"] = _second_load(context, url)
                context.close()
            context = _context(playwright, profile, workers=True)
            results["service_worker"] = _second_load(context, url)
            context.close()
        context = _context(playwright, profile, workers=True)  # the server is stopped now
        context.set_offline(True)
        results["offline"] = _second_load(context, url)
        context.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    vendor.ensure(("runtime",), quiet=True)
    samples: dict[str, dict[str, list[float]]] = {k: {"ready": [], "hydrated": [], "bytes": []} for k in KINDS}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        build_site(Path(folder) / SUB_PATH)
        for _ in range(args.runs):
            for kind, result in one_run(playwright, Path(folder), _free_port()).items():
                samples[kind]["ready"].append(result["marks"]["data-ready=true"])
                samples[kind]["hydrated"].append(result["marks"]["data-hydrated=true"])
                samples[kind]["bytes"].append(result["bytes"])
    figures: dict[str, Any] = {"runs": args.runs}
    for kind in KINDS:
        for name, values in samples[kind].items():
            figures[f"{kind}_{name}" + ("" if name == "bytes" else "_ms")] = (
                int(median(values)) if name == "bytes" else median(values)
            )
    print(f"static site boot, {args.runs} runs, medians (ms from navigation start; bytes over the network)")
    for kind in KINDS:
        ready, hydrated = figures[f"{kind}_ready_ms"], figures[f"{kind}_hydrated_ms"]
        print(f"  {kind:<15} ready {ready:>8}   records loaded {hydrated:>8}   bytes {figures[f'{kind}_bytes']:>10}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
