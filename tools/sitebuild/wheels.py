"""The two wheels the site ships: the app (what ``serve.py`` builds on request) and the simulator.

The simulator runs in the browser for the static site's demo mode (``simulator.pagehost``),
so it travels as a wheel of its own, loaded only by its worker.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from tools import appwheel, bytecode

BUILD_DIR = "build"
SIM_PACKAGE = "simulator"
SIM_DIST = "sora_renderer_sim"


@dataclass(frozen=True)
class Wheel:
    path: str  # in the site
    data: bytes

    @property
    def tag(self) -> str:
        """A short name for these exact contents."""
        return hashlib.sha256(self.data).hexdigest()[:16]


def _compiled(name: str, data: bytes) -> bytes:
    """With bytecode made in advance, as ``serve.py`` serves it (``SORA_BYTECODE=0``: as it is)."""
    return data if os.environ.get("SORA_BYTECODE", "1") == "0" else bytecode.compiled_bytes(name, data)


def app_wheel(root: Path) -> Wheel:
    data = appwheel.build_wheel(root / appwheel.SOURCE_DIR.name)
    return Wheel(f"{BUILD_DIR}/{appwheel.WHEEL_NAME}", _compiled(appwheel.WHEEL_NAME, data))


def sim_wheel(root: Path) -> Wheel:
    name = appwheel.wheel_name(SIM_DIST)
    data = appwheel.build_package_wheel(root, SIM_PACKAGE, SIM_DIST)
    return Wheel(f"{BUILD_DIR}/{name}", _compiled(name, data))
