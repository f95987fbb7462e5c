"""Boot benchmark: how fast the app paints and becomes ready, next to bare Pyodide.

Runs serve.py on a free port, then for each run starts headless Chromium with a fresh
profile and loads the page twice: cold (empty HTTP cache) and warm (HTTP cache from the
first load). The same is done for ``bench/pages/bare-pyodide.html`` (``loadPyodide`` and
nothing else, same server). Times come from the page's own clock (``performance.now()``
from navigation start). No request routing: Playwright routing would disable the cache.

Prints a table, then one JSON line with the medians::

    python3 bench/boot.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from bench.boot_poll import PollSamples, measure_poll_resume  # noqa: E402
from bench.server import serving  # noqa: E402
from tools import vendor  # noqa: E402
from tools.chromium import CHROMIUM, QUIET_ARGS  # noqa: E402

ARGS = QUIET_ARGS
# Stamps in the page's clock when the markers flip, read after the load.
MARKERS_SCRIPT = """
window.__bootMarks = {};
new MutationObserver((records) => {
  for (const r of records) {
    const value = r.target.getAttribute(r.attributeName);
    const key = r.attributeName + '=' + value;
    if (!(key in window.__bootMarks)) window.__bootMarks[key] = performance.now();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-hydrated']});
addEventListener('py:progress', ({detail}) => performance.mark('sora:pyscript ' + detail));
"""
TIMEOUT_MS = 120_000


@dataclass
class Samples:
    paint: list[float] = field(default_factory=list)
    ready: list[float] = field(default_factory=list)
    hydrated: list[float] = field(default_factory=list)
    transferred: list[int] = field(default_factory=list)
    steps: dict[str, list[float]] = field(default_factory=dict)  # the app's ``sora:`` marks


def measure_load(page: Page, url: str, *, app: bool) -> dict[str, Any]:
    page.goto(url)
    page.wait_for_selector("#app[data-ready='true']", state="attached", timeout=TIMEOUT_MS)
    if app:
        page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=TIMEOUT_MS)
    result: dict[str, Any] = page.evaluate(
        """() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0]
                     || performance.getEntriesByName('first-paint')[0];
          const nav = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource');
          const bytes = resources.reduce((sum, r) => sum + r.transferSize, nav ? nav.transferSize : 0);
          const steps = Object.fromEntries(performance.getEntriesByType('mark')
            .filter((m) => m.name.startsWith('sora:')).map((m) => [m.name.slice(5), m.startTime]));
          return {paint: paint ? paint.startTime : null, marks: window.__bootMarks, bytes, steps};
        }"""
    )
    return result


def run(
    targets: dict[str, tuple[str, bool]], runs: int, base: str, polls: PollSamples
) -> dict[str, tuple[Samples, Samples]]:
    """Cold and warm samples per target (``name -> (url, is_app)``), the targets taken in turn
    within each run so a change of load on the machine hits them alike; then the poll resume."""
    samples = {name: (Samples(), Samples()) for name in targets}
    with sync_playwright() as playwright:
        for _ in range(runs):
            measure_poll_resume(playwright, base, polls)
            for name, (url, app) in targets.items():
                with tempfile.TemporaryDirectory() as profile:
                    context = playwright.chromium.launch_persistent_context(
                        profile, executable_path=CHROMIUM, args=ARGS, headless=True
                    )
                    context.add_init_script(MARKERS_SCRIPT)
                    page = context.new_page()
                    for sample in samples[name]:
                        _record(sample, measure_load(page, url, app=app), app=app)
                    context.close()
    return samples


def _record(samples: Samples, result: dict[str, Any], *, app: bool) -> None:
    marks = result["marks"]
    if result["paint"] is not None:
        samples.paint.append(result["paint"])
    samples.ready.append(marks["data-ready=true"])
    if app:
        samples.hydrated.append(marks["data-hydrated=true"])
    samples.transferred.append(int(result["bytes"]))
    for step, at in (result.get("steps") or {}).items():
        samples.steps.setdefault(step, []).append(float(at))


def median(values: list[float] | list[int]) -> float:
    return round(statistics.median(values), 1) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    vendor.ensure(("runtime",), quiet=True)
    with serving() as base:
        polls = PollSamples()
        targets = {"bare": (base + "bench/pages/bare-pyodide.html", False), "app": (base, True)}
        measured = run(targets, args.runs, base, polls)
    (bare_cold, bare_warm), (app_cold, app_warm) = measured["bare"], measured["app"]
    figures = {
        "runs": args.runs,
        "first_paint_ms": median(app_cold.paint),
        "first_paint_warm_ms": median(app_warm.paint),
        "shell_paint_ms": median(app_cold.ready),
        "shell_paint_warm_ms": median(app_warm.ready),
        "ready_cold_ms": median(app_cold.hydrated),
        "ready_warm_ms": median(app_warm.hydrated),
        "bare_cold_ms": median(bare_cold.ready),
        "bare_warm_ms": median(bare_warm.ready),
        "bytes_cold": int(median(app_cold.transferred)),
        "bytes_warm": int(median(app_warm.transferred)),
        "bare_bytes_cold": int(median(bare_cold.transferred)),
    }
    figures["ratio_cold"] = round(figures["ready_cold_ms"] / figures["bare_cold_ms"], 3)
    figures["ratio_warm"] = round(figures["ready_warm_ms"] / figures["bare_warm_ms"], 3)
    figures.update(polls.figures())
    print(f"boot benchmark, {args.runs} runs each, medians (ms from navigation start)")
    print(f"  first paint (usable)     cold {figures['first_paint_ms']:>8}   warm {figures['first_paint_warm_ms']:>8}")
    print(f"  Python shell drawn       cold {figures['shell_paint_ms']:>8}   warm {figures['shell_paint_warm_ms']:>8}")
    print("  ready (records read, every control live)")
    print(f"                           cold {figures['ready_cold_ms']:>8}   warm {figures['ready_warm_ms']:>8}")
    print(f"  bare Pyodide ready       cold {figures['bare_cold_ms']:>8}   warm {figures['bare_warm_ms']:>8}")
    print(f"  ratio ready / bare       cold {figures['ratio_cold']:>8}   warm {figures['ratio_warm']:>8}")
    print(
        f"  with a running job: ready {figures['poll_resume_ready_ms']}, first poll {figures['poll_resume_ms']}"
        f" ({figures['poll_resume_ratio']}× ready)"
    )
    print(f"  bytes transferred        cold {figures['bytes_cold']:>8}   warm {figures['bytes_warm']:>8}")
    for name in sorted(app_cold.steps, key=lambda n: median(app_cold.steps[n])):
        cold_at, warm_at = median(app_cold.steps[name]), median(app_warm.steps.get(name, []))
        key = re.sub(r"\W+", "_", name).strip("_").lower()
        figures[f"step_{key}_cold_ms"] = cold_at
        figures[f"step_{key}_warm_ms"] = warm_at
        print(f"  step {name:<20} cold {cold_at:>8}   warm {warm_at:>8}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
