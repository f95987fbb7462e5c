"""A local simulator of OpenAI's Videos API (Sora 2), served by ``serve.py`` under ``/sim/v1``.

OpenAI shut the real API down on 2026-09-24; the simulator keeps the app usable in demo
mode (no key, no cost) and gives every test a real HTTP service that follows
``shared/spec/sora-api.md``, with failures on demand (see ``simulator/README.md``).

Standard library only. Request validation reads the app's own capability data in
``py/app/core/providers/openai_videos/capabilities.py``, so the ``py/`` folder is put on
``sys.path`` here when ``app`` is not importable yet.

    Simulator(SimConfig(...), clock=time.time)   the logic: SimRequest → SimResponse
    SimRequestHandlerMixin                        http.server glue (simulator.http)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PY_DIR = Path(__file__).resolve().parent.parent / "py"
if importlib.util.find_spec("app") is None and _PY_DIR.is_dir():
    sys.path.append(str(_PY_DIR))

from simulator.api import Simulator  # noqa: E402
from simulator.config import SimConfig  # noqa: E402

__all__ = ["SimConfig", "Simulator"]
