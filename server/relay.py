"""The opt-in local relay: ``/relay/{provider}/…`` forwarded to that provider's real API.

Some providers may refuse calls from a browser page (CORS). With ``serve.py --relay``
the page calls them same-origin through this server instead, which forwards the call
as a plain server-to-server request (see :mod:`server.forward`). The relay carries the
user's keys, so it answers only on loopback and only to pages of its own origin.
"""

from __future__ import annotations

import json
import re
import ssl
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from server import access, forward
from server.forward import send_json_error

PREFIX = "/relay/"
LOOPBACK_ONLY = (
    "--relay forwards your API keys and is only for this machine: it cannot listen on {host}, "
    "which is not a loopback address. Drop --host (the default is 127.0.0.1)."
)
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_TARGETS: Mapping[str, str] = MappingProxyType(
    {
        "openrouter": "https://openrouter.ai/api/v1",
        "gemini": "https://generativelanguage.googleapis.com/v1beta",
        "openai": "https://api.openai.com/v1",
    }
)
_PROVIDER_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")


def parse_target_option(text: str) -> tuple[str, str]:
    """``--relay-target NAME=URL`` → ``(NAME, URL)``; ``ValueError`` says what is wrong."""
    name, equals, url = text.partition("=")
    name = name.strip().lower()
    if not equals or not _PROVIDER_NAME.fullmatch(name):
        raise ValueError(f"expected NAME=URL with a lower-case NAME, got {text!r}")
    forward.Target.parse(url.strip())
    return name, url.strip()


@dataclass(frozen=True)
class RelayConfig:
    """Where each provider name leads, and how long to wait for an upstream."""

    targets: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_TARGETS))
    timeout_s: float = DEFAULT_TIMEOUT_S

    def with_targets(self, options: Iterable[str]) -> RelayConfig:
        """This config with ``NAME=URL`` options replacing (or adding) targets."""
        return RelayConfig({**self.targets, **dict(map(parse_target_option, options))}, self.timeout_s)


class Relay:
    """Answers ``/relay/…`` requests for one server."""

    def __init__(self, config: RelayConfig) -> None:
        self.config = config
        self._targets = {name: forward.Target.parse(url) for name, url in config.targets.items()}
        self._tls = ssl.create_default_context()  # verified certificates and host names

    def handle(self, handler: BaseHTTPRequestHandler) -> bool:
        """Fully answer a relay request; False when the path is not the relay's."""
        path, _, query = handler.path.partition("?")
        if not (path + "/").startswith(PREFIX):
            return False
        if not access.is_same_origin_request(handler.headers):
            send_json_error(handler, 403, "The relay answers only pages served by this server.")
            return True
        provider, slash, rest = path.removeprefix(PREFIX).partition("/")
        if not provider and handler.command in ("GET", "HEAD"):
            answer_listing(handler, sorted(self._targets))  # GET /relay/: is the relay on, and for whom
            return True
        target = self._targets.get(provider)
        if target is None:
            known = ", ".join(sorted(self._targets))
            send_json_error(handler, 404, f"No relay provider by that name (known: {known}).")
            return True
        if any(segment in (".", "..") for segment in unquote(rest).split("/")):
            send_json_error(handler, 400, "Relay paths may not contain '.' or '..' segments.")
            return True
        upstream_path = target.base_path.rstrip("/") + slash + rest
        call = forward.Call(handler, provider, target, self._tls, self.config.timeout_s)
        call.run(upstream_path + ("?" + query if query else ""))
        return True


def answer_listing(handler: BaseHTTPRequestHandler, names: list[str]) -> None:
    """``{"relay": [names]}``: the page asks before it offers "route through the local relay"
    (an empty list when the relay is off, so the question never shows as an error)."""
    body = json.dumps({"relay": names}).encode("utf-8")
    handler.send_response(200)
    handler.send_header("content-type", "application/json")
    handler.send_header("cache-control", "no-store")
    handler.send_header("content-length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)


def is_relay_path(path: str) -> bool:
    return (urlsplit(path).path + "/").startswith(PREFIX)
