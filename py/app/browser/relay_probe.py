"""Is the page served by ``serve.py --relay``? Then the app may route providers through it."""

from __future__ import annotations

import js
from pyodide.ffi import JsException

from app.browser.page_location import origin
from app.browser.site import is_static_build
from app.core.endpoint import RELAY_PREFIX, is_loopback


async def relay_available() -> bool:
    """``GET /relay/`` answers a JSON list of relayed providers when the relay is on (a 404 when off).

    Only asked of a loopback page that is not a static build: a static host has no relay.
    """
    host = str(js.location.hostname)
    if not is_loopback(host) or is_static_build():
        return False
    try:
        response = await js.fetch(origin() + RELAY_PREFIX, js.Object.fromEntries([["cache", "no-store"]]))
        if not response.ok:
            return False
        data = (await response.json()).to_py()
    except JsException:
        return False
    return isinstance(data, dict) and isinstance(data.get("relay"), list) and bool(data["relay"])
