"""One relayed call: the request streamed up, the answer streamed back, nothing buffered.

What crosses: method, path, query, body and end-to-end headers, both ways. What does not:
hop-by-hop headers, the browser's ``Host``, ``Cookie``, ``Origin``, ``Referer`` and
``Sec-*`` metadata on the way up (the provider sees a plain server-to-server call);
``Set-Cookie`` and CORS headers on the way down (the relay's origin is ours, and only
our own pages may read it). Redirects are handed back, never followed.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler
from urllib.parse import urljoin, urlsplit

from server.headers import OWNED_NAMES
from server.redact import loggable_target

CHUNK = 64 * 1024
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection"}
    | {"te", "trailer", "transfer-encoding", "upgrade"}
)
_REQUEST_DROPPED = HOP_BY_HOP | {"host", "expect", "cookie", "origin", "referer"}
_RESPONSE_DROPPED = HOP_BY_HOP | {"set-cookie"} | OWNED_NAMES
_NO_BODY_STATUSES = frozenset({204, 304})
_UNRELAYABLE = "The request holds characters that cannot be relayed."
_log = logging.getLogger("serve.relay")


class ClientGoneError(Exception):
    """The browser closed the connection (or sent a broken body): nobody to answer."""


@dataclass(frozen=True)
class Target:
    """A provider's base URL, split for ``http.client``."""

    scheme: str
    host: str
    port: int | None
    base_path: str

    @classmethod
    def parse(cls, url: str) -> Target:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"a relay target must be an http(s) URL without a query, got {url!r}")
        return cls(parts.scheme, parts.hostname, parts.port, parts.path or "/")

    def connect(self, tls: ssl.SSLContext, timeout_s: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout_s, context=tls)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout_s)

    def url(self, path: str) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}{'' if self.port is None else f':{self.port}'}{path}"


def _named_in_connection(headers: Message) -> set[str]:
    """Headers the sender marked hop-by-hop in ``Connection``."""
    return {token.strip().lower() for value in headers.get_all("Connection", []) for token in value.split(",")}


def _request_headers(headers: Message, *, chunked: bool) -> list[tuple[str, str]]:
    dropped = _REQUEST_DROPPED | _named_in_connection(headers) | ({"content-length"} if chunked else set())
    return [(name, value) for name, value in headers.items() if not _is_dropped(name.lower(), dropped, "sec-")]


def _response_headers(response: http.client.HTTPResponse, *, keep_length: bool) -> list[tuple[str, str]]:
    dropped = _RESPONSE_DROPPED | _named_in_connection(response.msg) | (set() if keep_length else {"content-length"})
    return [
        (name, value)
        for name, value in response.getheaders()
        if not _is_dropped(name.lower(), dropped, "access-control-")
    ]


def _is_dropped(name: str, dropped: set[str] | frozenset[str], prefix: str) -> bool:
    return name in dropped or name.startswith(prefix)


def _body_length(headers: Message) -> int | None:
    """The request body's length; ``None`` for a chunked body; ``ValueError`` if malformed."""
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        return None
    text = headers.get("Content-Length", "0").strip()
    if not text.isdigit():
        raise ValueError("invalid Content-Length")
    return int(text)


def _read(handler: BaseHTTPRequestHandler, size: int, *, line: bool = False) -> bytes:
    try:
        data = handler.rfile.readline(size) if line else handler.rfile.read(size)
    except OSError as exc:
        raise ClientGoneError from exc
    if not data and size:
        raise ClientGoneError
    return data


def _chunked_body(handler: BaseHTTPRequestHandler) -> Iterator[bytes]:
    """The pieces of a ``Transfer-Encoding: chunked`` request body, as they arrive."""
    while True:
        size_text = _read(handler, 1024, line=True).split(b";", 1)[0].strip()
        try:
            left = int(size_text, 16)
        except ValueError:
            raise ClientGoneError from None
        if left == 0:
            break
        while left:
            piece = _read(handler, min(CHUNK, left))
            left -= len(piece)
            yield piece
        _read(handler, 1024, line=True)  # the CRLF after the chunk
    while _read(handler, 1024, line=True).strip():  # trailer fields, up to the blank line
        pass


def _sized_body(handler: BaseHTTPRequestHandler, length: int) -> Iterator[bytes]:
    while length:
        piece = _read(handler, min(CHUNK, length))
        length -= len(piece)
        yield piece


def _describe(exc: BaseException) -> str:
    """A short, secret-free reason (exception texts can quote the URL, query included)."""
    if isinstance(exc, TimeoutError):
        return "it went silent"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "its TLS certificate could not be verified"
    if isinstance(exc, ssl.SSLError):
        return "the TLS handshake failed"
    if isinstance(exc, socket.gaierror):
        return "its host name did not resolve"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "it closed the connection without answering"
    if isinstance(exc, ConnectionError):
        return "the connection was reset"
    if isinstance(exc, http.client.HTTPException):
        return "its answer was not valid HTTP"
    return "the network call failed"


def send_json_error(handler: BaseHTTPRequestHandler, status: int, message: str) -> None:
    """``{"error": {"code", "message"}}``, then close: the request body may be unread."""
    body = json.dumps({"error": {"code": status, "message": message}}).encode("utf-8")
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Cache-Control", "no-store")
    handler.send_header("Connection", "close")
    handler.end_headers()
    if handler.command != "HEAD":
        with contextlib.suppress(OSError):  # the browser left; nothing more to say
            handler.wfile.write(body)


@dataclass
class Call:
    """One request through the relay, from the browser's request to the last byte back."""

    handler: BaseHTTPRequestHandler
    provider: str
    target: Target
    tls: ssl.SSLContext
    timeout_s: float

    def run(self, upstream_target: str) -> None:
        """Forward to ``upstream_target`` (path and query on the provider's host) and answer."""
        try:
            length = _body_length(self.handler.headers)
        except ValueError:
            send_json_error(self.handler, 400, "The request's Content-Length is not a number.")
            return
        connection = self.target.connect(self.tls, self.timeout_s)
        try:
            response = self._send(connection, upstream_target, length)
            if response is not None:
                self._answer(response, self.target.url(upstream_target))
        except ClientGoneError:
            self.handler.close_connection = True
        finally:
            connection.close()

    def _send(
        self, connection: http.client.HTTPConnection, upstream_target: str, length: int | None
    ) -> http.client.HTTPResponse | None:
        """Stream the request up; the upstream's answer, or ``None`` once an error was sent."""
        try:
            connection.putrequest(self.handler.command, upstream_target, skip_accept_encoding=True)
            for name, value in _request_headers(self.handler.headers, chunked=length is None):
                connection.putheader(name, value)
            if length is None:
                connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()  # connects
            if length is None:
                for piece in _chunked_body(self.handler):
                    connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
                connection.send(b"0\r\n\r\n")
            else:
                for piece in _sized_body(self.handler, length):
                    connection.send(piece)
            return connection.getresponse()
        except http.client.InvalidURL:  # control characters in the path
            send_json_error(self.handler, 400, _UNRELAYABLE)
        except TimeoutError:
            send_json_error(self.handler, 504, f"{self.provider} did not answer within {self.timeout_s:g} s.")
        except (OSError, http.client.HTTPException) as exc:  # TLS failures included (before ValueError)
            send_json_error(self.handler, 502, f"The relay could not reach {self.provider}: {_describe(exc)}.")
        except ValueError:  # a header value http.client will not send, a non-ASCII path
            send_json_error(self.handler, 400, _UNRELAYABLE)
        return None

    def _answer(self, response: http.client.HTTPResponse, upstream_url: str) -> None:
        """Status and headers as the upstream sent them, then the body as it arrives."""
        handler = self.handler
        status = response.status
        bodyless = handler.command == "HEAD" or status in _NO_BODY_STATUSES or status < 200
        sized = bodyless or (not response.chunked and response.length is not None)
        chunked = not sized and handler.request_version == "HTTP/1.1"
        handler.log_request(status)
        handler.send_response_only(status, response.reason)
        for name, value in _response_headers(response, keep_length=sized):
            # A relative Location means the upstream's host, not ours: make it absolute.
            handler.send_header(name, urljoin(upstream_url, value) if name.lower() == "location" else value)
        if chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        elif not sized:
            handler.send_header("Connection", "close")  # an HTTP/1.0 client: the end is the close
        handler.end_headers()
        if not bodyless:
            self._stream(response, chunked=chunked)

    def _stream(self, response: http.client.HTTPResponse, *, chunked: bool) -> None:
        write = self.handler.wfile.write
        try:
            while True:
                try:
                    piece = response.read1(CHUNK)
                except (OSError, http.client.HTTPException) as exc:
                    self._abort(f"the upstream stream broke ({_describe(exc)})")
                    return
                if not piece:
                    break
                write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            if response.length:
                self._abort("the upstream closed before the end of its body")
            elif chunked:
                write(b"0\r\n\r\n")
        except OSError:
            self.handler.close_connection = True  # the browser left

    def _abort(self, reason: str) -> None:
        """Hang up mid-body: a cut connection is how HTTP says the body is incomplete."""
        target = loggable_target(self.handler.path)
        _log.warning("relay %s %s %s: %s", self.handler.command, self.provider, target, reason)
        self.handler.close_connection = True
