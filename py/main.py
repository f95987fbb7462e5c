"""Page entry point (wiring only): hand the page over to the app."""

import asyncio

from app.page import start

_boot = asyncio.ensure_future(start())
