"""Main-thread CPU time from Chromium's performance trace, beside the in-page clocks.

On a shared machine a page's wall-clock milliseconds include the time other processes
held the CPU (at a load of 8 on 2 cores a 2 ms frame reads 12 ms); the trace records each
slice's *thread* time too (``tdur``), which preemption does not inflate. So each probe is
also read from a trace: a scroll frame's work is the CPU time of the probe's animation
frame callback (``tick``: the grid's handler and the forced style and layout); the main
thread's whole CPU time per frame adds paint, posters and every other task; a control
change's CPU time is the main thread's, from the change until its frame is painted
(between the probe's ``console.timeStamp`` marks).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CATEGORIES = ["devtools.timeline", "toplevel"]
TASK = "ThreadControllerImpl::RunTask"  # every top-level task of a thread
MS = 1000.0  # trace times are microseconds


@dataclass(frozen=True)
class Slice:
    start: float
    wall: float
    cpu: float


def events(raw: bytes) -> list[dict[str, Any]]:
    loaded = json.loads(raw)
    events: list[dict[str, Any]] = loaded["traceEvents"] if isinstance(loaded, dict) else loaded
    return events


def main_thread(events: list[dict[str, Any]], probe: Callable[[dict[str, Any]], bool]) -> tuple[int, int]:
    """The probed page's main thread: the renderer main thread with the most ``probe`` events
    (the trace holds every page of the browser, and another one may be busier)."""
    names = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name" and _is_main(e)}
    counts = Counter((e["pid"], e["tid"]) for e in events if (e["pid"], e["tid"]) in names and probe(e))
    return counts.most_common(1)[0][0]


def calls(function: str) -> Callable[[dict[str, Any]], bool]:
    def probe(event: dict[str, Any]) -> bool:
        return (
            event.get("name") == "FunctionCall"
            and event.get("args", {}).get("data", {}).get("functionName") == function
        )

    return probe


def stamps(event: dict[str, Any]) -> bool:
    return event.get("name") == "TimeStamp"


def _is_main(event: dict[str, Any]) -> bool:
    return bool(event.get("args", {}).get("name") == "CrRendererMain")


def slices(events: list[dict[str, Any]], thread: tuple[int, int], name: str, function: str = "") -> list[Slice]:
    found = []
    for e in events:
        if e.get("ph") != "X" or e.get("name") != name or (e["pid"], e["tid"]) != thread:
            continue
        if function and e.get("args", {}).get("data", {}).get("functionName") != function:
            continue
        found.append(Slice(float(e["ts"]), float(e.get("dur", 0)) / MS, float(e.get("tdur", e.get("dur", 0))) / MS))
    return found


def scroll_cpu(raw: bytes, frames: int) -> dict[str, Any]:
    """CPU ms of each scroll step (the probe's ``tick``), and the main thread's CPU ms per frame."""
    listed = events(raw)
    thread = main_thread(listed, calls("tick"))
    ticks = [s.cpu for s in slices(listed, thread, "FunctionCall", "tick")]
    tasks = sum(s.cpu for s in slices(listed, thread, TASK))
    return {"work": ticks, "frame_ms": tasks / max(frames, 1)}


def marked_windows(listed: list[dict[str, Any]], thread: tuple[int, int], mark: str) -> list[tuple[float, float]]:
    """(start, end) trace times of each ``<mark>:start`` ... ``<mark>:end`` pair of time stamps."""
    found = sorted(
        (float(e["ts"]), str(e.get("args", {}).get("data", {}).get("message", "")))
        for e in listed
        if e.get("name") == "TimeStamp" and (e["pid"], e["tid"]) == thread
    )
    starts = [ts for ts, message in found if message == f"{mark}:start"]
    ends = [ts for ts, message in found if message == f"{mark}:end"]
    return list(zip(starts, ends, strict=True))


def marked_cpu(raw: bytes, mark: str) -> list[float]:
    """Main-thread CPU ms between each ``<mark>:start`` and ``<mark>:end`` time stamp (tasks that
    straddle an edge count pro rata)."""
    listed = events(raw)
    thread = main_thread(listed, stamps)
    tasks = slices(listed, thread, TASK)
    spans = []
    for start, end in marked_windows(listed, thread, mark):
        total = 0.0
        for task in tasks:
            task_end = task.start + task.wall * MS
            overlap = min(end, task_end) - max(start, task.start)
            if overlap > 0 and task.wall > 0:
                total += task.cpu * min(overlap / (task.wall * MS), 1.0)
        spans.append(total)
    return spans
