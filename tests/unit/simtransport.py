"""A Transport that hands requests straight to the simulator (no sockets), for CPython
tests of the provider codec and the services against the real contract."""

from __future__ import annotations

import hashlib
import hmac
import os
from urllib.parse import urlsplit

from app.core.errors import ContentError, NetworkError, VaultError
from app.core.http import Expect, FileField, HttpRequest, HttpResponse, Progress
from simulator.api import Simulator
from simulator.messages import SimRequest, SimResponse
from simulator.testing import encode_multipart

BASE_URL = "http://sim.test/sim/v1"
OPENROUTER_URL = "http://sim.test/sim/openrouter/api/v1"
GEMINI_URL = "http://sim.test/sim/gemini/v1beta"


def _body_bytes(response: SimResponse) -> bytes:
    if isinstance(response.body, bytes):
        return response.body
    return b"".join(response.body)


class SimTransport:
    """Routes :class:`HttpRequest` values to a :class:`Simulator`; ``offline`` simulates no network."""

    def __init__(self, sim: Simulator) -> None:
        self.sim = sim
        self.offline = False
        self.sent: list[HttpRequest] = []

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse:
        self.sent.append(request)
        if self.offline:
            raise NetworkError("Failed to fetch")
        split = urlsplit(request.url)
        target = split.path + (f"?{split.query}" if split.query else "")
        headers = {k.lower(): v for k, v in request.headers.items()}
        headers.setdefault("host", split.netloc)  # as a browser sends it: the simulators build URLs from it
        body = b""
        if request.json_body is not None:
            sim_request = SimRequest.build(request.method, target, headers=headers, json_body=request.json_body)
        else:
            if request.form is not None:
                fields = {k: v for k, v in request.form if isinstance(v, str)}
                files = {
                    k: (v.filename, v.content_type, bytes(v.blob)) for k, v in request.form if isinstance(v, FileField)
                }
                content_type, body = encode_multipart(fields, files)
                headers["content-type"] = content_type
            sim_request = SimRequest.build(request.method, target, headers=headers, body=body)
        response = self.sim.handle(sim_request)
        if response.status in (301, 302, 303, 307, 308):
            location = response.header("location") or ""
            return await self.send(
                HttpRequest("GET", "http://sim.test" + location, expect=request.expect), progress=progress
            )
        data = _body_bytes(response)
        answer_headers = {k.lower(): v for k, v in response.headers}
        if response.truncate_at is not None:
            raise ContentError("the download was cut off before the end")
        if request.expect is Expect.BLOB and 200 <= response.status < 300:
            if progress is not None:
                progress(len(data), len(data))
            kind = answer_headers.get("content-type", "")
            return HttpResponse(
                response.status, answer_headers, blob=data, blob_size=len(data), blob_type=kind, url=request.url
            )
        return HttpResponse(response.status, answer_headers, body=data, url=request.url)


class FakeCipher:
    """A stand-in for WebCrypto AES-GCM: HMAC keystream + tag over the additional data too,
    so a wrong key or altered ``aad`` is detected; ``derivations`` counts PBKDF2 runs."""

    def __init__(self) -> None:
        self.derivations = 0

    async def new_device_key(self) -> bytes:
        return os.urandom(32)

    async def derive_key(self, passphrase: str, salt: bytes, iterations: int) -> bytes:
        self.derivations += 1
        return hashlib.pbkdf2_hmac("sha256", passphrase.encode(), salt, 1000)  # fewer rounds: tests stay fast

    async def encrypt(self, key: bytes, plaintext: bytes, aad: bytes = b"") -> tuple[bytes, bytes]:
        iv = os.urandom(12)
        stream = hashlib.sha256(key + iv).digest() * (len(plaintext) // 32 + 1)
        sealed = bytes(a ^ b for a, b in zip(plaintext, stream, strict=False))
        return iv, sealed + self._tag(key, iv, sealed, aad)

    async def decrypt(self, key: bytes, iv: bytes, ciphertext: bytes, aad: bytes = b"") -> bytes:
        sealed, tag = ciphertext[:-16], ciphertext[-16:]
        if not hmac.compare_digest(tag, self._tag(key, iv, sealed, aad)):
            raise VaultError("The stored key could not be decrypted.")
        stream = hashlib.sha256(key + iv).digest() * (len(sealed) // 32 + 1)
        return bytes(a ^ b for a, b in zip(sealed, stream, strict=False))

    @staticmethod
    def _tag(key: bytes, iv: bytes, sealed: bytes, aad: bytes) -> bytes:
        framed = len(aad).to_bytes(8, "big") + aad + iv + sealed  # as GCM, the length keeps the parts apart
        return hmac.new(key, framed, "sha256").digest()[:16]

    def random_bytes(self, count: int) -> bytes:
        return os.urandom(count)


class FixedClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.value = now

    def now(self) -> float:
        return self.value
