"""Page entry point (wiring only): hand the page over to the app."""

import js

js.performance.mark("sora:main-started")
try:
    from app.page import start
    from app.services.tasks import spawn
except Exception as exc:  # the app wheel is missing or broken: say so instead of hanging
    js.soraBootFailed(f"the app's code could not be loaded ({type(exc).__name__}: {exc})")
    raise
else:
    spawn(start())
