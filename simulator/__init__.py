"""Local simulators of the video APIs the app speaks, served by ``serve.py`` under ``/sim/``.

OpenAI's Videos API (Sora 2, shut down 2026-09-24) at ``/sim/v1``, OpenRouter's video API
at ``/sim/openrouter/api/v1`` and Gemini's Interactions API (Omni Flash) at
``/sim/gemini/v1beta``: demo mode works with no key and no cost, and every test gets a
real HTTP service that follows the provider's contract, with failures on demand (see
``simulator/README.md``).

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
