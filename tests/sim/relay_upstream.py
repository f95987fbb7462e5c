"""A stand-in provider for the relay tests: it records what arrived and answers on cue.

Routes (under ``/base``, the target's base path): ``/echo`` returns the request as JSON;
``/sink`` hashes a streamed upload; ``/stream`` sends a body in blocks, pausing after the
first until ``release`` is set; ``/range`` honours ``Range``; ``/redirect`` answers 302;
``/hang`` says nothing until released; ``/cut`` breaks off mid-body; ``/headers`` sends
headers the relay must drop.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

BLOCK = bytes(range(256)) * 256  # 64 KiB of a known pattern
RANGE_BODY = bytes(range(256)) * 1024


def pattern(size: int) -> Iterator[bytes]:
    """``size`` bytes of the repeating pattern, in blocks (the same object, no copies)."""
    while size >= len(BLOCK):
        yield BLOCK
        size -= len(BLOCK)
    if size:
        yield BLOCK[:size]


def pattern_digest(size: int) -> str:
    digest = hashlib.sha256()
    for block in pattern(size):
        digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Received:
    method: str
    target: str
    headers: list[tuple[str, str]]


class Upstream(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _UpstreamHandler)
        self.received: list[Received] = []
        self.release = threading.Event()  # lets /stream and /hang go on
        self.first_bytes = threading.Event()  # /sink got the start of its body
        self.finished = threading.Event()  # /stream sent its last byte

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Upstream

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def _route(self) -> None:
        path, _, query = self.path.partition("?")
        params = {name: values[-1] for name, values in parse_qs(query).items()}
        self.server.received.append(Received(self.command, self.path, list(self.headers.items())))
        name = path.removeprefix("/base").strip("/").split("/")[0]
        getattr(self, f"_{name}", self._echo)(params)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _route  # noqa: N815

    # -- bodies ------------------------------------------------------------------
    def _body(self) -> Iterator[bytes]:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while size := int(self.rfile.readline().split(b";")[0], 16):
                yield self.rfile.read(size)
                self.rfile.readline()
            while self.rfile.readline().strip():
                pass
            return
        left = int(self.headers.get("Content-Length", "0"))
        while left:
            piece = self.rfile.read(min(len(BLOCK), left))
            left -= len(piece)
            yield piece

    def _answer(self, status: int, body: bytes, *headers: tuple[str, str]) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, value: object) -> None:
        self._answer(200, json.dumps(value).encode(), ("Content-Type", "application/json"))

    # -- routes --------------------------------------------------------------------
    def _echo(self, params: dict[str, str]) -> None:
        body = b"".join(self._body())
        headers = [[name, value] for name, value in self.headers.items()]
        self._json({"method": self.command, "target": self.path, "headers": headers, "body": body.decode()})

    def _sink(self, params: dict[str, str]) -> None:
        digest, size = hashlib.sha256(), 0
        for piece in self._body():
            self.server.first_bytes.set()
            digest.update(piece)
            size += len(piece)
        self._json({"size": size, "sha256": digest.hexdigest()})

    def _stream(self, params: dict[str, str]) -> None:
        size, chunked = int(params["size"]), params.get("chunked") == "1"
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header(*(("Transfer-Encoding", "chunked") if chunked else ("Content-Length", str(size))))
        self.end_headers()
        if self.command == "HEAD":
            return
        for index, block in enumerate(pattern(size)):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block) if chunked else block)
            if index == 0 and params.get("pause") == "1":
                self.server.release.wait(10)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        self.server.finished.set()

    def _range(self, params: dict[str, str]) -> None:
        spec = self.headers.get("Range", "")
        if not spec.startswith("bytes="):
            self._answer(200, RANGE_BODY, ("Accept-Ranges", "bytes"))
            return
        first, _, last = spec.removeprefix("bytes=").partition("-")
        start, end = int(first), min(int(last), len(RANGE_BODY) - 1)
        content_range = f"bytes {start}-{end}/{len(RANGE_BODY)}"
        self._answer(206, RANGE_BODY[start : end + 1], ("Content-Range", content_range))

    def _redirect(self, params: dict[str, str]) -> None:
        self._answer(302, b"", ("Location", params.get("to", "/elsewhere?sig=abc")))

    def _hang(self, params: dict[str, str]) -> None:
        self.server.release.wait(10)
        try:
            self._answer(200, b"late")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the relay gave up on this answer first, as it should

    def _cut(self, params: dict[str, str]) -> None:
        self.send_response(200)
        if params.get("chunked") == "1":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"64\r\n" + b"x" * 100 + b"\r\n")
        else:
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"x" * 100)
        self.close_connection = True

    def _headers(self, params: dict[str, str]) -> None:
        self._answer(
            200,
            b"{}",
            ("Content-Type", "application/json"),
            ("Set-Cookie", "session=upstream; Path=/"),
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Expose-Headers", "x-kept"),
            ("X-Frame-Options", "SAMEORIGIN"),
            ("Keep-Alive", "timeout=5"),
            ("Connection", "X-Private"),
            ("X-Private", "hop-by-hop"),
            ("X-Kept", "yes"),
            ("Cache-Control", "private, max-age=60"),
        )
