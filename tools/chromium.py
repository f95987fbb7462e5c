"""The browser the tests and benchmarks drive: Debian's Chromium, kept quiet.

Playwright's own browser download does not work here, so every launch points at the
system binary; the flags stop Chromium's own background traffic and features the app
does not use. ``--disable-dev-shm-usage`` keeps renderers' shared memory in /tmp: a CI
container's /dev/shm is often 64 MB, and a page running two Pyodides then crashes
("Target crashed") while it boots.
"""

CHROMIUM = "/usr/bin/chromium"
QUIET_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
