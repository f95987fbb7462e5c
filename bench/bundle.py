"""Bundle benchmark: export a library of simulated videos to one ZIP, hard reset, import it.

Starts serve.py in its own process, renders ``--videos`` videos in the simulator, each an
MP4 padded to ``--mb-each`` MB (``[sim:bytes=N]``, so every video has bytes of its own),
and seeds them with their thumbnails and spritesheets into the app's IndexedDB
(``tests/browser/seed.py``). Then, as a user would: Settings → Export everything… to a
file (the save picker answered with a file of the origin-private file system, as in
``tests/browser/test_backup.py``, so the app streams through a real
``FileSystemWritableFileStream``), Hard-reset app, and the same file chosen for import:
checked (every file hashed), previewed, imported. A sampler inside the page keeps the
peak used JS heap (``performance.memory``), and CDP's heap usage adds the ArrayBuffers
outside it (Pyodide's WebAssembly memory among them), during each phase: if the app
held the library in memory, one of them would grow to its size.

The browser runs with a profile on disk (a temporary user-data dir), as a user's does.
An off-the-record context (Playwright's ``browser.new_page()``) keeps IndexedDB's Blobs
and the origin-private file system in the browser's memory, capped at about 2 GB: a
1 GB library plus the bundle being written pass that cap part-way through the export,
and the browser then waits for memory that never frees (the export stalled after ~600 MB
at 200 × 5 MB, with the browser idle), which looked like a super-linear slowdown.
Prints the figures, then one JSON line::

    .venv/bin/python bench/bundle.py [--videos 200] [--mb-each 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "py")]

from bench.download import ARGS, MB  # noqa: E402
from bench.server import serving  # noqa: E402
from tests.browser.seed import job, seed, sim_video  # noqa: E402
from tests.browser.test_backup import PICKER_JS, hard_reset  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM  # noqa: E402

TIMEOUT_MS = 1_800_000

# Samples every 50 ms while the page's main thread is free between the app's awaits.
SAMPLER_JS = """() => {
    window.gc();
    const s = {heap: performance.memory.usedJSHeapSize};
    s.base = s.heap;
    s.timer = setInterval(() => { s.heap = Math.max(s.heap, performance.memory.usedJSHeapSize); }, 50);
    window.__sampler = s;
}"""
STOP_JS = "() => { const s = window.__sampler; clearInterval(s.timer); return s; }"


class Probe:
    """The page's heap, sampled in the page (every 50 ms) and over CDP while a phase runs.

    CDP's ``Runtime.getHeapUsage`` adds ``backingStorageSize``: the ArrayBuffers outside the
    JS heap, Pyodide's WebAssembly memory among them, where bytes copied into Python go.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.used = self.backing = self.backing_base = 0

    def _usage(self) -> tuple[int, int]:
        usage = self.cdp.send("Runtime.getHeapUsage")
        return int(usage["usedSize"]), int(usage["backingStorageSize"])

    def start(self) -> None:
        self.page.evaluate(SAMPLER_JS)
        self.used, self.backing_base = self._usage()
        self.backing = self.backing_base

    def until(self, done: Locator) -> None:
        """Sample until ``done`` is visible (ends the run at once if the app shows a problem)."""
        deadline = time.perf_counter() + TIMEOUT_MS / 1000
        problems = self.page.locator("#backup-problems")
        while not done.is_visible():
            if problems.is_visible():
                raise SystemExit(f"the app reported a problem: {problems.inner_text()}")
            if time.perf_counter() > deadline:
                raise SystemExit("the phase did not end in time")
            used, backing = self._usage()
            self.used, self.backing = max(self.used, used), max(self.backing, backing)
            time.sleep(0.2)

    def stop(self) -> dict[str, int]:
        found: dict[str, Any] = self.page.evaluate(STOP_JS)
        return {"heap": max(int(found["heap"]), self.used), "base": int(found["base"]),
                "backing": self.backing, "backing_base": self.backing_base}  # fmt: skip


# The exported file, out of the origin-private file system, chosen in the import's file input.
CHOOSE_JS = """async () => {
    const root = await navigator.storage.getDirectory();
    for await (const [name, handle] of root.entries()) {
        const file = await handle.getFile();
        const input = document.querySelector('#backup-file');
        const picked = new DataTransfer(); picked.items.add(file);
        input.files = picked.files;
        input.dispatchEvent(new Event('change', {bubbles: true}));
        return [name, file.size];
    }
    return null;
}"""


def say(step: str) -> None:
    """Where the run is (on stderr; the figures go to stdout)."""
    print(f"[{time.strftime('%H:%M:%S')}] {step}…", file=sys.stderr, flush=True)


def go(page: Page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).click()


def seed_videos(page: Page, base_url: str, count: int, size: int) -> int:
    """``count`` jobs, each with its own padded simulator MP4; returns the bytes stored."""
    jobs = []
    for index in range(count):
        if index % 50 == 0:
            say(f"simulator video {index}")
        remote_id = sim_video(base_url, f"Bundle bench {index} [sim:bytes={size}] [sim:duration=0]")
        jobs.append(job(index, remote_id, base_url, prompt=f"Bundle bench video {index}", demo=True))
    seed(page, base_url, jobs, jobs[0]["remote_id"])
    stored: int = page.evaluate(
        """async () => {
            const db = await new Promise((ok) => { const r = indexedDB.open('sora-renderer');
                                                   r.onsuccess = () => ok(r.result); });
            const blobs = await new Promise((ok) => { const r = db.transaction('blobs').objectStore('blobs').getAll();
                                                      r.onsuccess = () => ok(r.result); });
            db.close();
            return blobs.reduce((sum, blob) => sum + blob.size, 0);
        }"""
    )
    return stored


def export(page: Page, probe: Probe, count: int) -> dict[str, Any]:
    go(page, "Settings")
    probe.start()
    start = time.perf_counter()
    page.locator("#backup").get_by_role("button", name="Export everything…").click()
    probe.until(page.locator("#backup-result").filter(has_text=f"Exported {count} renders"))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, **probe.stop()}


def import_bundle(page: Page, probe: Probe) -> dict[str, Any]:
    go(page, "Settings")
    probe.start()
    start = time.perf_counter()
    chosen = page.evaluate(CHOOSE_JS)
    if chosen is None:
        raise SystemExit("the export wrote no file")
    dialog = page.get_by_role("dialog", name="Import this bundle?")
    probe.until(dialog)
    checked = time.perf_counter()
    dialog.get_by_role("button", name="Import", exact=True).click()
    probe.until(page.locator("#backup-result").filter(has_text="Imported"))
    end = time.perf_counter()
    return {"seconds": end - start, "check_seconds": checked - start, "save_seconds": end - checked,
            "bundle_bytes": int(chosen[1]), **probe.stop()}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--videos", type=int, default=200, help="videos in the library (default 200)")
    parser.add_argument("--mb-each", type=float, default=5.0, help="size of each MP4 in MB (default 5)")
    args = parser.parse_args(argv)
    vendor.ensure(("runtime",), quiet=True)
    profile_dir = tempfile.TemporaryDirectory(prefix="bundle-bench-profile-", ignore_cleanup_errors=True)
    with serving() as base_url, profile_dir as profile, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.add_init_script(PICKER_JS)
        page.goto(base_url + "?demo=1")
        page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=120_000)
        say(f"seeding {args.videos} videos of {args.mb_each} MB")
        stored = seed_videos(page, base_url, args.videos, int(args.mb_each * MB))
        probe = Probe(page)
        say("exporting")
        out = export(page, probe, args.videos)
        say("hard reset")
        hard_reset(page, timeout_ms=120_000)
        say("importing")
        back = import_bundle(page, probe)
        go(page, "Library")
        expect(page.locator("#library-count")).to_have_text(f"{args.videos} videos", timeout=120_000)
        browser.close()
    size = back["bundle_bytes"]
    figures = {
        "videos": args.videos,
        "stored_mb": round(stored / MB, 1),
        "bundle_mb": round(size / MB, 1),
        "export_seconds": round(out["seconds"], 2),
        "export_mb_per_s": round(size / MB / out["seconds"], 1),
        "export_peak_heap_mb": round(out["heap"] / MB, 1),
        "export_heap_growth_mb": round(max(out["heap"] - out["base"], 0) / MB, 1),
        "export_buffers_growth_mb": round(max(out["backing"] - out["backing_base"], 0) / MB, 1),
        "import_seconds": round(back["seconds"], 2),
        "import_mb_per_s": round(size / MB / back["seconds"], 1),
        "import_check_seconds": round(back["check_seconds"], 2),
        "import_save_seconds": round(back["save_seconds"], 2),
        "import_peak_heap_mb": round(back["heap"] / MB, 1),
        "import_heap_growth_mb": round(max(back["heap"] - back["base"], 0) / MB, 1),
        "import_buffers_growth_mb": round(max(back["backing"] - back["backing_base"], 0) / MB, 1),
        "peak_buffers_mb": round(max(out["backing"], back["backing"]) / MB, 1),
    }
    figures["peak_heap_share_of_bundle"] = round(
        max(figures["export_peak_heap_mb"], figures["import_peak_heap_mb"]) / figures["bundle_mb"], 3
    )
    stored_mb, bundle_mb = figures["stored_mb"], figures["bundle_mb"]
    print(f"bundle benchmark: {args.videos} videos, {stored_mb} MB stored, a {bundle_mb} MB bundle")
    for phase in ("export", "import"):
        print(
            f"  {phase}: {figures[f'{phase}_seconds']:>7} s  {figures[f'{phase}_mb_per_s']:>7} MB/s   "
            f"peak JS heap {figures[f'{phase}_peak_heap_mb']} MB (+{figures[f'{phase}_heap_growth_mb']} MB), "
            f"ArrayBuffers (Pyodide's memory among them) +{figures[f'{phase}_buffers_growth_mb']} MB"
        )
    print(f"  import = check {figures['import_check_seconds']} s + save {figures['import_save_seconds']} s")
    print(
        f"  ArrayBuffers at most {figures['peak_buffers_mb']} MB; "
        f"peak JS heap / bundle {figures['peak_heap_share_of_bundle']:.1%}"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
