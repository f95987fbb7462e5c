#!/usr/bin/env python3
"""Serve Sora Renderer locally, with a simulated OpenAI Videos API at ``/sim/v1``.

``python3 serve.py`` vendors the pinned runtime (first run only), then serves the app
at http://127.0.0.1:8000. The page is static; this server adds only what a static host
cannot: the simulator (demo mode and tests), and the security headers that a static
host would carry in the page's ``<meta>`` policy anyway. Standard library only.
"""

from __future__ import annotations

import argparse
import email.utils
import errno
import hashlib
import re
import sys
import threading
from functools import lru_cache
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT / "py"), str(ROOT)]

from simulator import SimConfig, Simulator  # noqa: E402
from simulator.http import SimRequestHandlerMixin  # noqa: E402
from tools import appwheel, vendor  # noqa: E402

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

# What the page may load: the shell, its configs, static assets and the vendored runtime.
PUBLIC_FILES = frozenset({"index.html", "pyscript.toml", "worker.toml", "manifest.webmanifest"})
PUBLIC_DIRS = ("static/", "bench/pages/", "vendor/pyodide/", "vendor/pyscript/", "vendor/wheels/", "vendor/axe/", "py/")
IMMUTABLE_DIRS = ("vendor/",)

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

_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"')


@lru_cache(maxsize=1)
def content_security_policy(index_mtime: float) -> str:
    """The policy of ``index.html``'s ``<meta>`` tag: one copy, sent as a header too."""
    del index_mtime  # cache key only
    match = _CSP_META.search((ROOT / "index.html").read_text(encoding="utf-8"))
    if match is None:
        raise RuntimeError("index.html has no Content-Security-Policy <meta> tag")
    return match.group(1)


class AppWheel:
    """The app package as a wheel, rebuilt in memory whenever a source file changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._mtime = -1.0
        self._data = b""
        self._etag = ""

    def current(self) -> tuple[bytes, str, float]:
        with self._lock:
            mtime = appwheel.latest_mtime()
            if mtime != self._mtime:
                self._data = appwheel.build_wheel()
                self._etag = '"' + hashlib.sha256(self._data).hexdigest()[:32] + '"'
                self._mtime = mtime
            return self._data, self._etag, self._mtime


class AppServer(ThreadingHTTPServer):
    """Threaded server that carries the simulator and the app wheel for its handlers."""

    daemon_threads = True
    simulator: Simulator
    app_wheel: AppWheel


class AppHandler(SimRequestHandlerMixin, SimpleHTTPRequestHandler):
    """Static files (an allow-list, never the repository at large) plus the simulator."""

    server: AppServer
    # The stdlib declares it as a plain class attribute, so it stays one here.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012
    quiet = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(ROOT), **kwargs)

    # -- routing -------------------------------------------------------------------
    def do_GET(self) -> None:
        if self.handle_sim():
            return
        if self._serve_app_wheel(head=False):
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        if self.handle_sim():
            return
        if self._serve_app_wheel(head=True):
            return
        super().do_HEAD()

    def do_POST(self) -> None:
        if not self.handle_sim():
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def do_DELETE(self) -> None:
        if not self.handle_sim():
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def do_OPTIONS(self) -> None:
        if not self.handle_sim():
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    # -- static files ----------------------------------------------------------------
    def _relative_path(self) -> str:
        return unquote(urlsplit(self.path).path).lstrip("/")

    def translate_path(self, path: str) -> str:
        """Map a URL to a file only inside the allow-list; anything else is a 404."""
        relative = unquote(urlsplit(path).path).lstrip("/") or "index.html"
        if ".." in relative.split("/"):
            return str(ROOT / "__not_found__")
        allowed = relative in PUBLIC_FILES or relative.startswith(PUBLIC_DIRS)
        if not allowed:
            return str(ROOT / "__not_found__")
        return str(ROOT / relative)

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
        relative = self._relative_path()
        if not relative.startswith("sim/"):
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            if relative.startswith(IMMUTABLE_DIRS):
                self.send_header("Cache-Control", "public, max-age=86400")
            else:
                self.send_header("Cache-Control", "no-cache")
            if relative in ("", "index.html"):
                index_mtime = (ROOT / "index.html").stat().st_mtime
                self.send_header("Content-Security-Policy", content_security_policy(index_mtime))
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def build_server(host: str, port: int, sim_config: SimConfig) -> AppServer:
    """Bind the server; raises ``OSError`` when the port is taken."""
    server = AppServer((host, port), AppHandler)
    server.simulator = Simulator(sim_config)
    server.app_wheel = AppWheel()
    return server


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve Sora Renderer with its simulated Videos API.")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8000; 0 = any free port)")
    parser.add_argument(
        "--sim-job-seconds",
        type=float,
        default=SimConfig().job_seconds,
        help="how long a simulated render takes (default %(default)s s)",
    )
    parser.add_argument("--no-vendor", action="store_true", help="skip the vendoring check")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.no_vendor:
        try:
            vendor.ensure(("runtime", "test"), quiet=False)
        except vendor.VendorError as exc:
            print(f"serve: cannot vendor the runtime: {exc}", file=sys.stderr)
            return 1
    AppHandler.quiet = not args.verbose
    try:
        server = build_server(args.host, args.port, SimConfig(job_seconds=args.sim_job_seconds))
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
    host, port = str(server.server_address[0]), int(server.server_address[1])
    url = f"http://{host}:{port}/"
    print(f"Sora Renderer is running at {url}", flush=True)
    print(f"  demo mode (simulated API, no key, no cost): {url}?demo=1", flush=True)
    print(f"  simulated Videos API: {url}sim/v1   (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nserve: stopped")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
