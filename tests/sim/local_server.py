"""Helpers for the serve.py tests: run a server on a thread, and send exact requests.

``http.client`` rather than ``urllib``: the tests need to choose every header
(``Host`` included), send bodies as they are produced, and see repeated headers.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Answer:
    status: int
    headers: Message  # .get() for one value, .get_all() for repeated ones
    body: bytes
    incomplete: bool = False  # the connection closed before the body's end


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[str]:
    """Serve on a daemon thread; yields ``http://127.0.0.1:PORT``; shuts down afterwards."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def connect(base_url: str, timeout: float = 10.0) -> http.client.HTTPConnection:
    parts = urlsplit(base_url)
    return http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)


def send(
    base_url: str,
    method: str,
    target: str,
    *,
    headers: Mapping[str, str] | None = None,
    body: bytes | Iterable[bytes] | None = None,
    timeout: float = 10.0,
) -> Answer:
    """One request with exactly these headers (plus the ``Host`` and length ``http.client`` adds)."""
    connection = connect(base_url, timeout)
    try:
        all_headers = {"Accept-Encoding": "identity", **(headers or {})}
        connection.request(method, target, body=body, headers=all_headers)
        response = connection.getresponse()
        try:
            data, incomplete = response.read(), False
        except http.client.IncompleteRead as exc:
            data, incomplete = exc.partial, True
        return Answer(response.status, response.msg, data, incomplete)
    finally:
        connection.close()
