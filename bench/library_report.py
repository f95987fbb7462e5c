"""The library benchmark's report: figures for people, then one JSON line for tools."""

from __future__ import annotations

import argparse
import json
from typing import Any

RATIO_GOAL = 1.5
PAINT_GOAL_MS = 50.0
CONTROLS = ("search", "filter", "sort")
SCROLL_COLUMNS = (
    ("frames", "frames"),
    ("p50 ms", "p50_ms"),
    ("p95 ms", "p95_ms"),
    ("max ms", "max_ms"),
    ("hdl p95", "handler_p95_ms"),
    ("cpu p50", "cpu_p50_ms"),
    ("cpu p95", "cpu_p95_ms"),
    ("int p95", "interval_p95_ms"),
    ("cpu/frm", "cpu_frame_ms"),
    ("tiles", "tiles"),
    ("DOM", "dom_nodes"),
    ("heap MB", "heap_mb"),
)


def summary(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The flat ``<figure>_<size>`` keys."""
    flat: dict[str, Any] = {}
    for size, r in results.items():
        flat[f"app_p95_ms_{size}"] = r["p95_ms"]
        flat[f"plain_p95_ms_{size}"] = r["plain_p95_ms"]
        flat[f"ratio_p95_{size}"] = r["ratio_p95"]
        flat[f"cpu_ratio_p95_{size}"] = r["cpu_ratio_p95"]
        for name in CONTROLS:
            flat[f"{name}_paint_ms_{size}"] = r[f"{name}_painted_ms"]
            flat[f"{name}_cpu_ms_{size}"] = r[f"{name}_cpu_ms"]
            flat[f"plain_{name}_paint_ms_{size}"] = r[f"plain_{name}_painted_ms"]
            flat[f"plain_{name}_cpu_ms_{size}"] = r[f"plain_{name}_cpu_ms"]
    return flat


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    print(f"library benchmark: scroll top to bottom ({args.step} px per frame, {args.rounds} passes each)")
    print("  (ms: in-page clock; cpu: main-thread CPU from the trace; hdl: handler only; int: frame interval;")
    print("   cpu/frm: all main-thread CPU per frame, paint and posters included)")
    print("  " + " ".join(f"{c:>8}" for c in ("items", "grid", *(title for title, _ in SCROLL_COLUMNS))))
    for size, r in results.items():
        for name, prefix in (("app", ""), ("plain", "plain_")):
            cells = [r[prefix + key] for _, key in SCROLL_COLUMNS]
            print(f"  {size:>8} {name:>8} " + " ".join(f"{c:>8}" for c in cells))
    for size, r in results.items():
        print(
            f"  {size:>8} items: app/plain at p95 {r['ratio_p95']}x, per pass pair {r['ratio_p95_rounds']} "
            f"(goal <= {RATIO_GOAL}: {_verdict(r['ratio_p95'] <= RATIO_GOAL)}); in CPU time {r['cpu_ratio_p95']}x "
            f"{r['cpu_ratio_p95_rounds']} ({_verdict(r['cpu_ratio_p95'] <= RATIO_GOAL)}); all CPU per frame "
            f"{r['cpu_frame_ratio']}x"
        )
        print(
            f"  {'':>8}        same tile DOM: {r['same_tile_dom']}; grid width/top {r['grid']}; "
            f"reached the end: {r['reached_end']}/{r['plain_reached_end']}"
        )
    for size, r in results.items():
        goal = f"median of {args.tries}; goal < {PAINT_GOAL_MS:.0f} ms for the app"
        print(f"  {size:>8} items, from a change until the next frame is painted ({goal}):")
        for name in CONTROLS:
            for grid, p in (("app", ""), ("plain", "plain_")):
                ms = r[f"{p}{name}_painted_ms"]
                verdict = f" ({_verdict(ms < PAINT_GOAL_MS)})" if not p else ""
                print(
                    f"  {'':>8}   {name:>6} {grid:>5}: {ms} ms{verdict} {r[p + name + '_tries_ms']}, "
                    f"CPU {r[p + name + '_cpu_ms']} ms, handler+layout {r[p + name + '_ms']} ms"
                )
        print(
            f"  {'':>8}   results app/plain: {r['search_result']} / {r['plain_search_result']}; "
            f"{r['filter_result']} / {r['plain_filter_result']}; "
            f"oldest first {r['sort_first']} / {r['plain_sort_first']}"
        )
    print(json.dumps({**results, **summary(results)}))
