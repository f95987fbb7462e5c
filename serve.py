#!/usr/bin/env python3
"""Serve Sora Renderer locally, with a simulated OpenAI Videos API at ``/sim/v1``.

``python3 serve.py`` vendors the pinned runtime (first run only), then serves the app
at http://127.0.0.1:8000. The page is static; this server adds only what a static host
cannot: the simulator (demo mode and tests), security headers, a Host check against DNS
rebinding and, with ``--relay``, a same-origin relay to providers that refuse browser
calls (``server/``; docs/serving.md). Standard library only.
"""

from __future__ import annotations

import email.utils
import errno
import logging
import os
import socket
import sys
from collections.abc import Iterable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from server import access, cli  # noqa: E402
from server.headers import content_security_policy, security_headers  # noqa: E402
from server.redact import loggable_target  # noqa: E402
from server.relay import LOOPBACK_ONLY, Relay, RelayConfig, answer_listing  # noqa: E402
from server.wheel import AppWheel  # noqa: E402
from simulator import SimConfig, Simulator  # noqa: E402
from simulator.http import DISCONNECTS, SimRequestHandlerMixin  # noqa: E402
from tools import appwheel, vendor  # noqa: E402

# What the page may load: the shell, its configs, static assets and the vendored runtime.
PUBLIC_FILES = frozenset({"index.html", "pyscript.toml", "worker.toml", "manifest.webmanifest"})
PUBLIC_DIRS = ("static/", "bench/pages/", "vendor/pyodide/", "vendor/pyscript/", "vendor/wheels/", "vendor/axe/", "py/")
IMMUTABLE_DIRS = ("vendor/",)
API_DIRS = ("sim/", "relay/")  # answers that set their own caching
_log = logging.getLogger("serve")

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".toml": "application/toml; charset=utf-8",
    ".py": "text/x-python; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}


class AppServer(ThreadingHTTPServer):
    """Threaded server that carries the simulator, the app wheel and its rules for its handlers."""

    daemon_threads = True
    simulator: Simulator
    app_wheel: AppWheel
    host_policy: access.HostPolicy
    relay: Relay | None


class AppServerV6(AppServer):
    address_family = socket.AF_INET6


class AppHandler(SimRequestHandlerMixin, SimpleHTTPRequestHandler):
    """Static files (an allow-list, never the repository at large), the simulator, the relay."""

    server: AppServer
    protocol_version = "HTTP/1.1"  # keep-alive, and chunked answers for the relay's streams
    # The stdlib declares it as a plain class attribute, so it stays one here.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(ROOT), **kwargs)

    # -- routing -------------------------------------------------------------------
    def parse_request(self) -> bool:
        """Also refuse a ``Host`` we do not answer to: a DNS-rebinding page names its own."""
        if not super().parse_request():
            return False
        if self.server.host_policy.allows(self.headers):
            return True
        reason = f"Unexpected Host header: this server answers as {self.server.host_policy.url}\n"
        body = reason.encode("utf-8")
        self.send_response(HTTPStatus.MISDIRECTED_REQUEST)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return False

    def _answered_by_api(self) -> bool:
        relay = self.server.relay
        if relay is None and self.command in ("GET", "HEAD") and self.path.split("?")[0] in ("/relay", "/relay/"):
            answer_listing(self, [])  # the relay is off: the page learns it without an error
            return True
        return (relay is not None and relay.handle(self)) or self.handle_sim()

    def do_GET(self) -> None:
        if not (self._answered_by_api() or self._serve_app_wheel(head=False)):
            super().do_GET()

    def do_HEAD(self) -> None:
        if not (self._answered_by_api() or self._serve_app_wheel(head=True)):
            super().do_HEAD()

    def _api_or_405(self) -> None:
        if not self._answered_by_api():
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def do_POST(self) -> None:
        self._api_or_405()

    def do_PUT(self) -> None:
        self._api_or_405()

    def do_PATCH(self) -> None:
        self._api_or_405()

    def do_DELETE(self) -> None:
        self._api_or_405()

    def do_OPTIONS(self) -> None:
        self._api_or_405()

    # -- static files ----------------------------------------------------------------
    def _relative_path(self) -> str:
        return unquote(urlsplit(getattr(self, "path", "")).path).lstrip("/")

    def translate_path(self, path: str) -> str:
        """Map a URL to a file only inside the allow-list; anything else (directories too) is a 404."""
        relative = unquote(urlsplit(path).path).lstrip("/") or "index.html"
        not_found = str(ROOT / "__not_found__")
        if ".." in relative.split("/") or "\x00" in relative:
            return not_found
        if not (relative in PUBLIC_FILES or relative.startswith(PUBLIC_DIRS)):
            return not_found
        candidate = ROOT / relative
        return not_found if candidate.is_dir() else str(candidate)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        """A static file; a tab closed or crashed mid-file ends it quietly, as the simulator's streams do
        (the stdlib would print a traceback for every such hang-up)."""
        try:
            super().copyfile(source, outputfile)
        except DISCONNECTS:
            self.close_connection = True

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """Never list a directory (``translate_path`` already maps them to a 404)."""
        self.send_error(HTTPStatus.NOT_FOUND)

    def _serve_app_wheel(self, *, head: bool) -> bool:
        if urlsplit(self.path).path != appwheel.WHEEL_URL_PATH:
            return False
        data, etag, mtime = self.server.app_wheel.current()
        if self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.end_headers()
            return True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.end_headers()
        if not head:
            self.wfile.write(data)
        return True

    def end_headers(self) -> None:
        """Security headers on every answer; caching rules on the app's own files."""
        relative = self._relative_path()
        page_policy = None
        if relative in ("", "index.html"):
            index = ROOT / "index.html"
            page_policy = content_security_policy(index, index.stat().st_mtime)
        for name, value in security_headers(page_policy):
            self.send_header(name, value)
        if not relative.startswith(API_DIRS):
            immutable = relative.startswith(IMMUTABLE_DIRS)
            self.send_header("Cache-Control", "public, max-age=86400" if immutable else "no-cache")
        super().end_headers()

    # -- logs: method, path (query values redacted) and status; never headers or bodies --
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        status = code.value if isinstance(code, HTTPStatus) else code
        _log.info("%s %s %s", getattr(self, "command", ""), loggable_target(getattr(self, "path", "")), status)

    def log_error(self, format: str, *args: Any) -> None:
        """Silent: ``send_error`` may quote the raw request line, query and all; its status is logged."""

    def log_message(self, format: str, *args: Any) -> None:
        _log.info(format, *args)


def build_server(
    host: str,
    port: int,
    sim_config: SimConfig,
    *,
    relay: RelayConfig | None = None,
    allowed_hosts: Iterable[str] = (),
) -> AppServer:
    """Bind the server; ``OSError`` when the port is taken, ``ValueError`` for a relay off loopback."""
    if relay is not None and not access.is_loopback(host):
        raise ValueError(LOOPBACK_ONLY.format(host=host))
    relay_handler = None if relay is None else Relay(relay)
    server_class = AppServerV6 if ":" in host else AppServer
    server = server_class((host.strip("[]"), port), AppHandler)
    server.simulator = Simulator(sim_config)
    server.app_wheel = AppWheel()
    server.app_wheel.warm_up()
    server.host_policy = access.HostPolicy.for_bind(host, int(server.server_address[1]), allowed_hosts)
    server.relay = relay_handler
    return server


def _configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    _log.addHandler(handler)
    _log.setLevel(logging.INFO if verbose else logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = cli.parse_args(argv)
    try:
        relay = cli.relay_config(args)
    except ValueError as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 2
    if not args.no_vendor:
        try:
            vendor.ensure(("runtime", "test"), quiet=False)
        except vendor.VendorError as exc:
            print(f"serve: cannot vendor the runtime: {exc}", file=sys.stderr)
            return 1
    _configure_logging(args.verbose)
    try:
        server = build_server(
            args.host,
            args.port,
            SimConfig(job_seconds=args.sim_job_seconds),
            relay=relay,
            allowed_hosts=args.allow_host,
        )
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(
                f"serve: port {args.port} on {args.host} is already in use. Stop the other server, "
                "or pick another port with --port (0 picks a free one).",
                file=sys.stderr,
            )
            return 2
        print(f"serve: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    cli.announce(args.host, server.host_policy, server.relay)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nserve: stopped")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
