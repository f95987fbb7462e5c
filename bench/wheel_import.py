"""The app wheel imported from its zip (what the page does) against unpacked first (installing it).

Runs the page's own Pyodide under Node (``bench/wheel_import.mjs``), alternating the two
ways, and reports CPU time (what load on the machine does not inflate) and wall time of
putting the wheel in place and of importing the app's pure modules. Needs Node.js::

    python3 bench/wheel_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from server.wheel import AppWheel  # noqa: E402

MODES = ("zip", "unpack")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    data, _etag, _mtime = AppWheel().current()
    samples: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory() as folder:
        wheel = Path(folder) / "app.whl"
        wheel.write_bytes(data)
        for _ in range(runs):
            for mode in MODES:
                script = [str(ROOT / "bench" / "wheel_import.mjs"), str(ROOT / "vendor" / "pyodide"), str(wheel), mode]
                out = subprocess.run(["node", *script], check=True, capture_output=True, text=True).stdout
                samples[mode].append(json.loads(out.strip().splitlines()[-1]))
    figures: dict[str, float] = {"runs": runs, "wheel_bytes": len(data)}
    print(f"app wheel ({len(data) / 1e6:.2f} MB): medians of {runs} runs, ms")
    for mode in MODES:
        for key in ("place_cpu_ms", "import_cpu_ms", "place_ms", "import_ms"):
            figures[f"{mode}_{key}"] = round(statistics.median(s[key] for s in samples[mode]), 1)
        place, load = figures[f"{mode}_place_cpu_ms"], figures[f"{mode}_import_cpu_ms"]
        print(f"  {mode:7} place {place:7.1f} CPU  import {load:7.1f} CPU  ({samples[mode][0]['modules']:.0f} modules)")
    saved = figures["unpack_place_cpu_ms"] + figures["unpack_import_cpu_ms"]
    saved -= figures["zip_place_cpu_ms"] + figures["zip_import_cpu_ms"]
    figures["zip_saves_cpu_ms"] = round(saved, 1)
    print(f"  importing from the zip saves {saved:.0f} ms of CPU per start")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
