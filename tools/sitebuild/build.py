"""Put the static site together: read every file, add what a static page needs, check, write.

Nothing is written until every check passed (runtime present and matching its pins,
sizes within GitHub Pages' limits), and the output folder is replaced only when it is
empty or a previous build (it holds ``site.json``), never an unrelated folder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tools import vendor
from tools.sitebuild import layout, limits, manifest, page, wheels

ROOT = Path(__file__).resolve().parents[2]
NO_JEKYLL = ".nojekyll"  # a branch-based Pages deploy then serves the files as they are, not through Jekyll


class BuildError(RuntimeError):
    """The site cannot be built; the message says why and what to do."""


@dataclass(frozen=True)
class SimOptions:
    """How the demo simulator of the site behaves (``SimConfig`` fields)."""

    job_seconds: float = 30.0
    poll_after_ms: int = 2000


@dataclass
class BuildResult:
    out: Path
    version: str
    files: int
    total_bytes: int
    warnings: list[str] = field(default_factory=list)


def collect(root: Path, vendor_dir: Path, lock: vendor.Lock, sim: SimOptions) -> tuple[dict[str, bytes], str]:
    """Every file of the site by its path in it, and the build's version."""
    try:
        sources = layout.app_files(root) + layout.runtime_files(vendor_dir, lock)
        contents = {s.path: s.source.read_bytes() for s in sources}
        contents[layout.PAGE] = page.static_page(contents[layout.PAGE].decode("utf-8")).encode("utf-8")
    except (layout.LayoutError, page.PageError) as exc:
        raise BuildError(str(exc)) from exc
    app, simulator = wheels.app_wheel(root), wheels.sim_wheel(root)
    contents[app.path], contents[simulator.path] = app.data, simulator.data
    worker = contents.pop(layout.SERVICE_WORKER).decode("utf-8")
    entries = [manifest.FileEntry.of(path, data) for path, data in contents.items()]
    options = {"job_seconds": sim.job_seconds, "poll_after_ms": sim.poll_after_ms, "tag": simulator.tag}
    config = manifest.site_config(entries, [app.path, simulator.path], options)
    try:
        contents[layout.SERVICE_WORKER] = manifest.stamp_service_worker(worker, config["version"]).encode("utf-8")
    except ValueError as exc:
        raise BuildError(str(exc)) from exc
    contents[manifest.CONFIG_NAME] = manifest.config_bytes(config)
    contents[NO_JEKYLL] = b""
    return contents, str(config["version"])


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / manifest.CONFIG_NAME).is_file():
            raise BuildError(
                f"{out} is not empty and holds no earlier build (no {manifest.CONFIG_NAME}): not replacing it"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def build_site(
    out: Path,
    *,
    root: Path = ROOT,
    vendor_dir: Path = vendor.VENDOR_DIR,
    lock: vendor.Lock | None = None,
    sim: SimOptions | None = None,
) -> BuildResult:
    """Build the site into ``out``; ``BuildError`` (and nothing written) when it cannot be."""
    contents, version = collect(root, vendor_dir, lock or vendor.load_lock(), sim or SimOptions())
    sizes = limits.check_sizes({path: len(data) for path, data in contents.items()})
    if sizes.errors:
        raise BuildError("the site is too large for GitHub Pages: " + "; ".join(sizes.errors))
    _prepare(out)
    for path, data in contents.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return BuildResult(out, version, len(contents), sum(len(d) for d in contents.values()), sizes.warnings)
