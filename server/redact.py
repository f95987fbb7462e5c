"""Request targets fit for a log line: the path, and query names without their values.

Gemini accepts the API key as ``?key=``; a signed download URL carries its signature
in the query. Logs keep which parameters were sent, never what they said.
"""

from __future__ import annotations

REDACTED = "…"


def _redacted(pair: str) -> str:
    name, equals, _ = pair.partition("=")
    return f"{name}={REDACTED}" if equals else REDACTED  # a bare item may be the secret itself


def loggable_target(target: str) -> str:
    """``/relay/gemini/models?key=AIza…&alt=sse`` → ``/relay/gemini/models?key=…&alt=…``."""
    path, _, query = target.partition("#")[0].partition("?")
    if not query:
        return path
    return path + "?" + "&".join(_redacted(pair) for pair in query.split("&"))
