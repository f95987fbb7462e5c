"""The polling worker's side (its composition root): a :class:`PollEngine` over ``fetch`` and
every provider's codec, reporting on a channel.

Runs in a PyScript worker (its own Pyodide). The page calls the exported functions
with JSON strings; events go back over a ``BroadcastChannel`` private to the page
that started the worker, with downloaded Blobs cloned by reference (never copied
through Python or the page's heap). The worker opens the same IndexedDB database as
the page: it stores each downloaded part there with the download's ledger.
"""

from __future__ import annotations

import json
from typing import Any

import js
import pyodide_js

from app.browser.ffi import js_object


class _NotStarted:
    """Stands in for the engine until :func:`start` built it: a command sent too early says so."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(f"the polling worker got {name!r} before start(): call start() first")


_NOT_STARTED = _NotStarted()
_engine: Any = _NOT_STARTED  # the PollEngine, once start() has loaded pydantic


def _quiet(_message: Any) -> None:
    """Drop Pyodide's per-package progress lines."""


async def start(channel_name: str, wheel_urls_json: str) -> bool:
    """Load pydantic (absolute URLs from the page), then build the engine."""
    global _engine
    if _engine is not _NOT_STARTED:
        return True
    await pyodide_js.loadPackage(js_object(json.loads(wheel_urls_json)), js_object({"messageCallback": _quiet}))
    try:
        import pydantic  # noqa: F401 - loadPackage reports failures only in the console
    except ImportError as exc:
        raise RuntimeError("the worker could not load its packages from this server") from exc
    from app.browser.blobs import BrowserBlobs
    from app.browser.fetch import FetchTransport
    from app.browser.idb import Database
    from app.core.poll_messages import Event, to_message
    from app.core.providers.base import Endpoint
    from app.core.providers.registry import DEFAULT_PROVIDER, codecs
    from app.services.download_parts import DownloadParts
    from app.services.poll_engine import PollEngine
    from app.services.provider_client import ProviderClient

    channel = js.BroadcastChannel.new(channel_name)
    transport = FetchTransport()
    known = codecs()

    def client_for(provider_id: str, base_url: str, api_key: str) -> ProviderClient:
        endpoint = Endpoint(base_url, api_key)
        codec = known.get(provider_id) or known[DEFAULT_PROVIDER]
        return ProviderClient(codec, transport, lambda: endpoint)

    def emit(event: Event) -> None:
        channel.postMessage(js_object(to_message(event)))

    parts = DownloadParts(await Database.open())  # each part is stored here as it arrives
    _engine = PollEngine(client_for, emit, BrowserBlobs(), parts)
    return True


def track(spec_json: str) -> None:
    from app.core.poll_messages import TrackSpec

    _engine.track(TrackSpec.from_message(json.loads(spec_json)))


def untrack(job_id: str) -> None:
    _engine.untrack(job_id)


def set_online(online: bool) -> None:
    _engine.set_online(bool(online))
