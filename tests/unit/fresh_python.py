"""Running a few lines in a fresh CPython with only the app on its path: for checks about
what importing the app does (modules loaded, searches made), which this test process,
having imported everything already, cannot show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PY_DIR = str(Path(__file__).resolve().parents[2] / "py")


def fresh_python(code: str, **environment: str) -> list[str]:
    """The words ``code`` printed, run by a new interpreter with ``environment`` (and nothing else)."""
    found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": PY_DIR, **environment},
    )
    return found.stdout.split()
