"""serve.py in a process of its own, for the benchmarks.

A server thread inside the benchmark process would share its interpreter lock with the
Playwright calls that take the measurements, and slow down whatever it serves while
they run; a separate process keeps the figures about the browser and the app.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def serving(*options: str) -> Iterator[str]:
    """Run ``serve.py --port 0 --no-vendor *options``; yields its base URL (ending in ``/``)."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "serve.py"), "--port", "0", "--no-vendor", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = first.rsplit(" ", 1)[-1].strip()
        if not url.startswith("http://"):
            raise SystemExit(f"serve.py did not start: {first!r}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
