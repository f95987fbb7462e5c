"""Glue between ``http.server`` and the simulator: read the request, write the answer.

``serve.py`` mixes :class:`SimRequestHandlerMixin` into its handler and calls
``handle_sim()`` first in every ``do_*`` method::

    class AppHandler(SimRequestHandlerMixin, SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if not self.handle_sim():
                super().do_GET()

    server.simulator = Simulator(SimConfig())

All API behaviour lives in :class:`simulator.Simulator`; this module only translates,
bounds how many request bodies are read at once (503 beyond ``max_body_readers``),
sleeps for ``[sim:slow]`` and cuts ``[sim:truncate]`` downloads short.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from simulator import errors
from simulator.api import Simulator, is_sim_path
from simulator.errors import ApiError
from simulator.messages import SimRequest, SimResponse

_log = logging.getLogger("simulator")
_NO_BODY_STATUSES = frozenset({204, 304})
DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)  # the client went away

if TYPE_CHECKING:
    _HandlerBase = BaseHTTPRequestHandler
else:
    _HandlerBase = object


class SimRequestHandlerMixin(_HandlerBase):
    """Answers every simulator path (``is_sim_path``: the three APIs, signed files, the debug log)."""

    def handle_sim(self) -> bool:
        """Fully answer the request if it is for the simulator; False leaves it to the caller."""
        target = urlsplit(self.path)
        if not is_sim_path(target.path):
            return False
        simulator = self._simulator()
        headers = {name.lower(): value for name, value in self.headers.items()}
        request = SimRequest(self.command, target.path, parse_qs(target.query, keep_blank_values=True), headers)
        body = self._read_bounded_body(simulator)
        if isinstance(body, ApiError):
            self.close_connection = True  # the unread body would poison the next request
            response = simulator.reject(request, body)
            response.headers.append(("connection", "close"))
        else:
            response = simulator.handle(replace(request, body=body))
        if response.delay_s > 0:
            time.sleep(response.delay_s)
        self._write_sim_response(response)
        return True

    def _simulator(self) -> Simulator:
        simulator = getattr(self.server, "simulator", None)
        if not isinstance(simulator, Simulator):
            raise RuntimeError("the HTTP server has no .simulator (a simulator.Simulator)")
        return simulator

    def _read_bounded_body(self, simulator: Simulator) -> bytes | ApiError:
        """The body, if one of the few body-reading slots is free (503 otherwise).

        Slow uploads hold a thread each; bounding how many are read at once keeps a
        flood of them from tying up the server (``SimConfig.max_body_readers``).
        """
        length = self.headers.get("content-length", "").strip()
        chunked = "chunked" in self.headers.get("transfer-encoding", "").lower()
        if not chunked and length in ("", "0"):
            return b""
        if not simulator.body_slots.acquire(blocking=False):
            return errors.server_busy()
        try:
            return self._read_sim_body(simulator.config.max_body_bytes)
        finally:
            simulator.body_slots.release()

    def _read_sim_body(self, limit: int) -> bytes | ApiError:
        if "chunked" in self.headers.get("transfer-encoding", "").lower():
            return self._read_chunked(limit)
        text = self.headers.get("content-length", "").strip()
        if not text:
            return b""
        if not text.isdigit():
            return errors.ApiError(400, f"Invalid Content-Length header: {text!r}.")
        length = int(text)
        if length > limit:
            return errors.body_too_large(limit)
        return self.rfile.read(length)

    def _read_chunked(self, limit: int) -> bytes | ApiError:
        """A ``Transfer-Encoding: chunked`` body (fetch with a stream body sends one)."""
        body = bytearray()
        while True:
            size_line = self.rfile.readline(1024).split(b";", 1)[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                return errors.ApiError(400, "Malformed chunked request body.")
            if size == 0:
                break
            if len(body) + size > limit:
                return errors.body_too_large(limit)
            body += self.rfile.read(size)
            self.rfile.readline(1024)  # the CRLF after the chunk
        while self.rfile.readline(1024).strip():  # trailer fields, up to the blank line
            pass
        return bytes(body)

    def _write_sim_response(self, response: SimResponse) -> None:
        has_body = response.status not in _NO_BODY_STATUSES
        self.send_response(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        if has_body:
            self.send_header("content-length", str(response.content_length))
        self.end_headers()
        if not has_body or self.command == "HEAD":
            return
        try:
            self._write_sim_body(response)
        except DISCONNECTS:
            self.close_connection = True  # the client went away; nothing more to say
        except Exception:  # a failing stream after the headers: all we can do is hang up
            _log.exception("simulator stream failed on %s", urlsplit(self.path).path)
            self.close_connection = True

    def _write_sim_body(self, response: SimResponse) -> None:
        """Send the body; with ``truncate_at``, stop there and drop the connection."""
        chunks = [response.body] if isinstance(response.body, bytes) else response.body
        limit = response.truncate_at
        sent = 0
        for chunk in chunks:
            if limit is not None and sent + len(chunk) >= limit:
                self.wfile.write(chunk[: limit - sent])
                break
            self.wfile.write(chunk)
            sent += len(chunk)
        close = getattr(chunks, "close", None)
        if callable(close):
            close()  # release a generator stopped early (range, truncation, HEAD)
        if limit is not None:
            self.wfile.flush()
            self.close_connection = True
