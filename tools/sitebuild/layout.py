"""Which files of the repository the static site serves, and where they go in it.

The site is what the page loads and nothing else: no server code, no tests, no sources
beyond the two entry scripts (the app and the simulator arrive as wheels), no test-only
vendored files (axe-core). Paths are the same as under ``serve.py``, so the relative URLs
of ``index.html`` and the PyScript configs work unchanged, under any sub-path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tools import vendor

PAGE = "index.html"
SERVICE_WORKER = "sw.js"
CONFIGS = ("pyscript.toml", "worker.toml", "manifest.webmanifest")
STATIC_DIR = "static"
ENTRY_DIR = "py"  # only its top-level scripts (main.py, worker.py); the app is in its wheel
RUNTIME_DIRS = ("pyodide", "pyscript")  # under vendor/; axe (tests only) stays out; wheels: by their index
WHEEL_INDEX = "index.json"


class LayoutError(RuntimeError):
    """A file the site needs is missing (most often: the runtime is not vendored yet)."""


@dataclass(frozen=True)
class Source:
    """One file of the site: its path in the site and where it comes from."""

    path: str
    source: Path


def _files_under(directory: Path, prefix: str) -> list[Source]:
    """Every regular file under ``directory`` but hidden ones and caches, as ``prefix/…``."""
    found = []
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            found.append(Source(f"{prefix}/{relative.as_posix()}", path))
    return found


def app_files(root: Path) -> list[Source]:
    """The shell, its configs, the static assets and the entry scripts (``index.html`` first)."""
    wanted = [Source(PAGE, root / PAGE), Source(SERVICE_WORKER, root / SERVICE_WORKER)]
    wanted += [Source(name, root / name) for name in CONFIGS]
    missing = [s.path for s in wanted if not s.source.is_file()]
    if missing:
        raise LayoutError(f"the repository has no {', '.join(missing)} (run the build from a checkout)")
    wanted += _files_under(root / STATIC_DIR, STATIC_DIR)
    wanted += [Source(f"{ENTRY_DIR}/{p.name}", p) for p in sorted((root / ENTRY_DIR).glob("*.py"))]
    return wanted


def wheel_files(wheels_dir: Path, lock: vendor.Lock) -> list[Source]:
    """``vendor/wheels/index.json`` and the wheels it lists: the list the page itself loads
    (``app.browser.runtime``), so whatever ``tools/vendor.py`` puts there (plain or
    precompiled wheels) is what the site ships. A wheel named in the lock is checked
    against its pinned SHA-256 (derived wheels have no pin of their own)."""
    index_path = wheels_dir / WHEEL_INDEX
    try:
        listed = [str(name) for name in json.loads(index_path.read_text(encoding="utf-8"))["wheels"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LayoutError(
            f"vendor/wheels/{WHEEL_INDEX} is missing or unreadable ({exc}): run python3 tools/vendor.py"
        ) from exc
    found = [Source(f"vendor/wheels/{WHEEL_INDEX}", index_path)]
    found += [Source(f"vendor/wheels/{name}", wheels_dir / name) for name in listed]
    pins = {w.filename: w.sha256 for w in lock.wheels}
    for source in found[1:]:
        if not source.source.is_file():
            raise LayoutError(f"{source.path} is listed in {WHEEL_INDEX} but missing: run python3 tools/vendor.py")
        expected = pins.get(source.path.removeprefix("vendor/wheels/"))
        if expected is not None and vendor.sha256_file(source.source) != expected:
            raise LayoutError(f"{source.path} does not match its pinned SHA-256: run python3 tools/vendor.py --force")
    return found


def runtime_files(vendor_dir: Path, lock: vendor.Lock) -> list[Source]:
    """The vendored Pyodide and PyScript (the files their pins name) and the wheels the page loads."""
    pins = {pin.dest: pin for pin in lock.npm if pin.group == "runtime"}
    found: list[Source] = []
    for name in RUNTIME_DIRS:
        directory = vendor_dir / name
        pin = pins.get(name)
        if pin is not None and pin.files:
            found += [Source(f"vendor/{name}/{f}", directory / f) for f in pin.files]
        else:
            found += _files_under(directory, f"vendor/{name}")
    missing = [s.path for s in found if not s.source.is_file()]
    if missing or not any(s.path.startswith("vendor/pyscript/") for s in found):
        listed = ", ".join(missing[:4]) or "vendor/pyscript/"
        raise LayoutError(f"the vendored runtime is incomplete ({listed}): run python3 tools/vendor.py first")
    return found + wheel_files(vendor_dir / "wheels", lock)
