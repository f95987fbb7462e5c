"""The browser the tests and benchmarks drive: Debian's Chromium, kept quiet.

Playwright's own browser download does not work here, so every launch points at the
system binary; the flags stop Chromium's own background traffic and features the app
does not use.
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
]
