"""How soon polling resumes when the page opens with a running job (part of ``bench/boot.py``).

A demo render is started (serve.py's simulated jobs run for 30 s), then the page is
reloaded; measured from the reload: when every control works (``data-hydrated``) and
when the first status request for that job leaves (the polling worker's ``GET
…/videos/{id}``). The issue's goal: polling within 1.5× of the usable time.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field

from playwright.sync_api import Playwright, Request

from tools.chromium import CHROMIUM, QUIET_ARGS

POLL = re.compile(r"/videos/(?!models)[^/?]+$")
TIMEOUT_MS = 120_000


@dataclass
class PollSamples:
    ready: list[float] = field(default_factory=list)
    first_poll: list[float] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        ready = round(statistics.median(self.ready), 1) if self.ready else 0.0
        poll = round(statistics.median(self.first_poll), 1) if self.first_poll else 0.0
        return {
            "poll_resume_ready_ms": ready,
            "poll_resume_ms": poll,
            "poll_resume_ratio": round(poll / ready, 3) if ready else 0.0,
        }


def measure_poll_resume(playwright: Playwright, base: str, samples: PollSamples) -> None:
    """One fresh profile: start a demo render, reload, time hydration and the first poll."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=QUIET_ARGS, headless=True
        )
        polls: list[float] = []

        def on_request(request: Request) -> None:
            if request.method == "GET" and POLL.search(request.url.split("?")[0]):
                polls.append(time.monotonic())

        context.on("request", on_request)
        page = context.new_page()
        page.goto(base + "?demo=1")
        page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=TIMEOUT_MS)
        page.locator("#prompt").fill("A benchmark of polling after a reload")
        page.get_by_role("button", name="Render", exact=True).click()
        page.get_by_role("button", name="I understand, render").click()
        page.get_by_role("status").filter(has_text="Render started").wait_for(timeout=TIMEOUT_MS)
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while not polls and time.monotonic() < deadline:
            page.wait_for_timeout(100)  # the job is polled: it has its remote id in the records
        polls.clear()
        started = time.monotonic()
        page.reload()
        page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=TIMEOUT_MS)
        ready = time.monotonic()
        while not polls and time.monotonic() < deadline + TIMEOUT_MS / 1000:
            page.wait_for_timeout(20)
        if polls:
            samples.ready.append((ready - started) * 1000)
            samples.first_poll.append((polls[0] - started) * 1000)
        context.close()
