#!/usr/bin/env python3
"""Build the static site (GitHub Pages or any static host): ``python3 tools/build_site.py``.

Vendors the pinned runtime if needed (tools/vendor.py), then writes the app, the runtime,
the app and simulator wheels, the web app manifest, the service worker and ``site.json``
into one folder (default ``dist/site``), with no server code. The folder works under any
sub-path and needs no special headers. Standard library only. See docs/static-site.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from tools import vendor  # noqa: E402
from tools.sitebuild.build import BuildError, SimOptions, build_site  # noqa: E402

DEFAULT_OUT = ROOT / "dist" / "site"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: dist/site)")
    parser.add_argument("--sim-job-seconds", type=float, default=SimOptions.job_seconds, help="demo render time")
    parser.add_argument("--no-vendor", action="store_true", help="use vendor/ as it is (do not fetch the runtime)")
    args = parser.parse_args(argv)
    if not args.no_vendor:
        try:
            vendor.ensure(("runtime",), quiet=True)
        except vendor.VendorError as exc:
            print(f"build-site: cannot vendor the runtime: {exc}", file=sys.stderr)
            return 1
    try:
        result = build_site(args.out.resolve(), sim=SimOptions(job_seconds=args.sim_job_seconds))
    except BuildError as exc:
        print(f"build-site: {exc}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"build-site: warning: {warning}", file=sys.stderr)
    megabytes = result.total_bytes / (1024 * 1024)
    print(f"build-site: wrote {result.out} (build {result.version}, {result.files} files, {megabytes:.1f} MB)")
    print(f"build-site: preview under a sub-path: python3 -m http.server -d {result.out.parent} 8000, then open")
    print(f"            http://127.0.0.1:8000/{result.out.name}/?demo=1")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
