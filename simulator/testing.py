"""Helpers for tests and benchmarks that talk to the simulator (standard library only).

- :class:`SimClient`: a small ``urllib`` client that returns every answer (errors,
  redirects, cut-short bodies) as a :class:`Reply` instead of raising.
- :func:`encode_multipart`: a multipart/form-data body, like a browser's ``FormData``.
- :func:`png_image`, :func:`jpeg_image`, :func:`webp_image`: small images of a given size.
- :class:`FakeMedia`, :class:`FakeClock`: instant media and a hand-moved clock, and
  :class:`Harness`, which drives a :class:`~simulator.Simulator` without HTTP (its
  ``openrouter`` / ``gemini`` methods call those simulators with the right auth).
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any

from simulator.api import Simulator
from simulator.messages import SimRequest, SimResponse
from simulator.testimages import jpeg_image, png_image, webp_image

SIM_HOST = "sim.test"
OPENROUTER_API = "/sim/openrouter/api/v1"
GEMINI_API = "/sim/gemini/v1beta"


__all__ = ["jpeg_image", "png_image", "webp_image"]  # re-exported: tests import them from here


def new_key(marker: str = "") -> str:
    """A fresh API key (so a test sees only its own jobs), optionally holding a ``sim-*`` marker."""
    return f"sk-test-{marker + '-' if marker else ''}{uuid.uuid4().hex}"


@dataclass
class LiveSim:
    """A simulator served over real HTTP at ``url``."""

    url: str
    simulator: Simulator


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    incomplete: bool = False  # the connection closed before Content-Length bytes arrived

    def json(self) -> Any:
        return json.loads(self.body)

    def error(self) -> Any:
        """The ``error`` member of an error envelope (fails the caller's test otherwise)."""
        return error_of(self.json())


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # hand 3xx answers back to the caller


def _collect(response: http.client.HTTPResponse | urllib.error.HTTPError, status: int, method: str) -> Reply:
    headers: Message = response.headers
    pairs = [(name.lower(), value) for name, value in headers.items()]
    incomplete = False
    try:
        body = b"" if method == "HEAD" else response.read()
    except http.client.IncompleteRead as exc:
        body, incomplete = exc.partial, True
    return Reply(status, dict(pairs), body, incomplete)


@dataclass
class SimClient:
    """Requests against ``base_url`` (e.g. ``http://127.0.0.1:PORT``) with an optional key."""

    base_url: str
    api_key: str | None = None
    timeout: float = 30.0

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        follow_redirects: bool = False,
    ) -> Reply:
        all_headers = dict(headers or {})
        if self.api_key is not None:
            all_headers.setdefault("Authorization", f"Bearer {self.api_key}")
        if json_body is not None:
            body = json.dumps(json_body).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        request = urllib.request.Request(self.base_url + path, data=body, headers=all_headers, method=method)
        handlers = [] if follow_redirects else [_KeepRedirects()]
        opener = urllib.request.build_opener(*handlers)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return _collect(response, response.status, method)
        except urllib.error.HTTPError as error:
            with error:
                return _collect(error, error.code, method)

    def get(self, path: str, *, headers: Mapping[str, str] | None = None, follow_redirects: bool = False) -> Reply:
        return self.request("GET", path, headers=headers, follow_redirects=follow_redirects)

    def post_json(self, path: str, payload: object) -> Reply:
        return self.request("POST", path, json_body=payload)

    def post_form(
        self, path: str, fields: Mapping[str, str], files: Mapping[str, tuple[str, str, bytes]] | None = None
    ) -> Reply:
        content_type, body = encode_multipart(fields, files or {})
        return self.request("POST", path, body=body, headers={"Content-Type": content_type})

    def delete(self, path: str) -> Reply:
        return self.request("DELETE", path)


def encode_multipart(fields: Mapping[str, str], files: Mapping[str, tuple[str, str, bytes]]) -> tuple[str, bytes]:
    """``(content type, body)``; ``files`` maps a field to (file name, content type, bytes)."""
    boundary = "----SimFormBoundary" + os.urandom(12).hex()
    out = bytearray()
    for name, value in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        out += value.encode("utf-8") + b"\r\n"
    for name, (filename, content_type, data) in files.items():
        out += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", bytes(out)


class FakeClock:
    """A clock for the simulator that only moves when told to."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# ---- media ---------------------------------------------------------------------------------


class FakeMedia:
    """Instant, deterministic stand-ins for the real encoders (right magic bytes, fixed sizes)."""

    VIDEO_BYTES = 4096

    def __init__(self) -> None:
        self.renders: list[tuple[str, str]] = []

    def render_video(self, width: int, height: int, seconds: float, seed: str, *, fps: int = 24) -> bytes:
        self.renders.append(("video", seed))
        head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
        return (head + seed.encode()).ljust(self.VIDEO_BYTES, b"\x00")

    def padded_video_size(
        self, width: int, height: int, seconds: float, seed: str, *, total_bytes: int, fps: int = 24
    ) -> int:
        return max(total_bytes, self.VIDEO_BYTES)

    def iter_padded_video(
        self,
        width: int,
        height: int,
        seconds: float,
        seed: str,
        *,
        total_bytes: int,
        fps: int = 24,
        chunk: int = 1 << 20,
    ) -> Iterator[bytes]:
        yield self.render_video(width, height, seconds, seed, fps=fps)
        left = self.padded_video_size(width, height, seconds, seed, total_bytes=total_bytes) - self.VIDEO_BYTES
        while left > 0:
            size = min(chunk, left)
            yield b"\x00" * size
            left -= size

    def render_thumbnail(self, width: int, height: int, seed: str, *, seconds: float | None = None) -> bytes:
        self.renders.append(("thumbnail", seed))
        return webp_image(width, height)

    def render_spritesheet(self, width: int, height: int, seconds: float, seed: str) -> bytes:
        self.renders.append(("spritesheet", seed))
        return jpeg_image(width, height)


def error_of(body: object) -> Any:
    """The ``error`` object of an error envelope."""
    if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
        raise AssertionError(f"not an error envelope: {body!r}")
    return body["error"]


def jbody(response: SimResponse) -> Any:
    """A simulator answer's JSON body, loosely typed for terse test assertions."""
    return response.json()


def _object(response: SimResponse) -> Any:
    body = response.json()
    if response.status != 200 or not isinstance(body, dict):
        raise AssertionError(f"expected 200 and an object, got {response.status}: {body!r}")
    return body


@dataclass
class Harness:
    """A simulator driven directly (no sockets) with a fake clock, instant media and one key."""

    sim: Simulator
    clock: FakeClock
    media: FakeMedia
    key: str

    def call(
        self,
        method: str,
        target: str,
        *,
        json_body: object = None,
        key: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> SimResponse:
        request = SimRequest.build(method, target, api_key=key or self.key, json_body=json_body, headers=headers)
        return self.sim.handle(request)

    def create(self, prompt: str = "a lighthouse at dusk", **fields: object) -> Any:
        """POST /videos with JSON; the Video object (fails unless 200)."""
        return _object(self.call("POST", "/sim/v1/videos", json_body={"prompt": prompt, **fields}))

    def video(self, video_id: object) -> Any:
        """GET /videos/{id}; the Video object (fails unless 200)."""
        return _object(self.call("GET", f"/sim/v1/videos/{video_id}"))

    def openrouter(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        key: str | None = None,
        anonymous: bool = False,
        headers: Mapping[str, str] | None = None,
        prefix: str = OPENROUTER_API,
    ) -> SimResponse:
        """A call to the OpenRouter simulator (``path`` under ``/api/v1``), Bearer key unless ``anonymous``."""
        auth = {} if anonymous else {"authorization": f"Bearer {key or self.key}"}
        return self._send(method, prefix + path, json_body, {**auth, **(headers or {})})

    def gemini(
        self,
        method: str,
        path: str,
        *,
        json_body: object = None,
        key: str | None = None,
        anonymous: bool = False,
        headers: Mapping[str, str] | None = None,
        prefix: str = GEMINI_API,
    ) -> SimResponse:
        """A call to the Gemini simulator (``path`` under ``/v1beta``), ``x-goog-api-key`` unless ``anonymous``."""
        auth = {} if anonymous else {"x-goog-api-key": key or self.key}
        return self._send(method, prefix + path, json_body, {**auth, **(headers or {})})

    def _send(self, method: str, target: str, json_body: object, headers: Mapping[str, str]) -> SimResponse:
        """A request as it reaches the simulator from ``http://sim.test``."""
        request = SimRequest.build(method, target, json_body=json_body, headers={"host": SIM_HOST, **headers})
        return self.sim.handle(request)


def body_of(response: SimResponse) -> bytes:
    """All body bytes a client would receive (a streamed body joined, a cut one cut)."""
    data = response.body if isinstance(response.body, bytes) else b"".join(response.body)
    return data if response.truncate_at is None else data[: response.truncate_at]
