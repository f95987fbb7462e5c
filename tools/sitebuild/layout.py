"""Which files of the repository the static site serves, and where they go in it.

The site is what the page loads and nothing else: no server code, no tests, no sources
beyond the two entry scripts (the app and the simulator arrive as wheels), no test-only
vendored files (axe-core). Paths are the same as under ``serve.py``, so the relative URLs
of ``index.html`` and the PyScript configs work unchanged, under any sub-path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools import vendor

PAGE = "index.html"
SERVICE_WORKER = "sw.js"
CONFIGS = ("pyscript.toml", "worker.toml", "manifest.webmanifest")
STATIC_DIR = "static"
ENTRY_DIR = "py"  # only its top-level scripts (main.py, worker.py); the app is in its wheel
RUNTIME_DIRS = ("pyodide", "pyscript", "wheels")  # under vendor/; axe (tests only) stays out


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


def runtime_files(vendor_dir: Path, lock: vendor.Lock) -> list[Source]:
    """The vendored Pyodide, PyScript and wheels, checked against the lock's pins."""
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
    wheels = {w.filename: w.sha256 for w in lock.wheels}
    present = {s.source.name for s in found if s.path.startswith("vendor/wheels/")}
    missing += [f"vendor/wheels/{name}" for name in wheels if name not in present]
    if missing or not any(s.path.startswith("vendor/pyscript/") for s in found):
        listed = ", ".join(missing[:4]) or "vendor/pyscript/"
        raise LayoutError(f"the vendored runtime is incomplete ({listed}): run python3 tools/vendor.py first")
    for source in found:
        expected = wheels.get(source.source.name)
        if expected is not None and vendor.sha256_file(source.source) != expected:
            raise LayoutError(f"{source.path} does not match its pinned SHA-256: run python3 tools/vendor.py --force")
    return found
