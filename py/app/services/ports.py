"""Every interface the services need from the outside world, in one place.

The browser adapters (``app.browser``) implement them in the page and the worker;
the tests implement them in memory. Dependencies point inward: services never import
a browser module.

=================  ===============================  ================================
port               what it is                       browser adapter
=================  ===============================  ================================
RecordStore        IndexedDB object stores          ``browser.idb.Database``
Clock              the time                         :class:`SystemClock`
Transport          HTTP                             ``browser.fetch.FetchTransport``
Cipher             AES-GCM, PBKDF2                  ``browser.crypto.WebCryptoCipher``
StorageInfo        ``navigator.storage``            ``browser.storage_info``
ImageProcessor     decode, crop, re-encode images   ``browser.images.CanvasImages``
FrameGrabber       a video's first/last frame       ``browser.thumbnails.VideoFrames``
FolderWriter       a folder on this computer        ``browser.files.ExportFolder``
ByteSource         a File or Blob read by ranges    ``browser.byte_ranges.BlobSource``
BlobBytes          stored Blobs read, Blobs joined  ``browser.byte_ranges.BrowserBlobBytes``
BundleTarget       where an export bundle is saved  ``browser.bundle_target`` (file or download)
Blobs              Blobs of inline (base64) files   ``browser.blobs.BrowserBlobs``
Poller             the polling worker               ``browser.poller_link.WorkerPoller``
JobClients         a job's provider, key and client  ``services.provider_hub.ProviderHub``
SignInStore        PKCE verifier across a redirect  ``browser.sign_in.BrowserSignIn``
TabChannel         news for the other open tabs     ``browser.tabs.TabChannel``
=================  ===============================  ================================
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from app.core.compose import ImageFit, PreparedImage
from app.core.http import HttpRequest, HttpResponse, Progress

if TYPE_CHECKING:
    from app.core import poll_messages as pm
    from app.core.capabilities import ProviderCapabilities
    from app.core.job_record import JobRecord
    from app.services.provider_client import ProviderClient


@dataclass(frozen=True)
class Put:
    """Write ``value`` (a JSON dict or an opaque handle) into ``store``."""

    store: str
    value: Any
    key: str | None = None


@dataclass(frozen=True)
class Delete:
    store: str
    key: str


@dataclass(frozen=True)
class Clear:
    store: str


Op = Put | Delete | Clear


class RecordStore(Protocol):
    """Object stores of JSON records and opaque binary handles (IndexedDB)."""

    async def get(self, store: str, key: str) -> Any: ...

    async def get_all(self, store: str, *, index: str | None = None, query: Any = None) -> list[Any]: ...

    async def keys(self, store: str) -> list[str]: ...

    async def write(self, ops: Sequence[Op]) -> None:
        """Apply all ``ops`` atomically, or none of them."""
        ...


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""
        ...


class SystemClock:
    """The real clock (``time.time`` works the same under Pyodide)."""

    def now(self) -> float:
        return time.time()


class Transport(Protocol):
    """Sends a request; raises ``NetworkError`` when no HTTP answer arrives.

    An ``Expect.BLOB`` request is sent once, as built: a 206 answer (the request asked for
    a ``Range``) is read whole into a Blob; a 200 answer streams into one, calling
    ``progress`` on the way (only then: a part comes in one piece). The length is checked
    against ``Content-Length``; a body cut short raises ``ContentError``.
    """

    async def send(self, request: HttpRequest, *, progress: Progress | None = None) -> HttpResponse: ...


class Cipher(Protocol):
    """AES-GCM-256 with opaque key handles (WebCrypto in the page).

    ``aad`` is authenticated but not encrypted: decryption fails unless it is the same
    bytes that were given to encryption (the vault binds each key to its endpoint this way).
    """

    async def new_device_key(self) -> Any:
        """A fresh random, non-extractable key."""
        ...

    async def derive_key(self, passphrase: str, salt: bytes, iterations: int) -> Any:
        """A non-extractable key from PBKDF2-SHA-256."""
        ...

    async def encrypt(self, key: Any, plaintext: bytes, aad: bytes = b"") -> tuple[bytes, bytes]:
        """``(iv, ciphertext)`` with a fresh random IV."""
        ...

    async def decrypt(self, key: Any, iv: bytes, ciphertext: bytes, aad: bytes = b"") -> bytes:
        """Raises ``VaultError`` when the key is wrong or the data or ``aad`` was altered."""
        ...

    def random_bytes(self, count: int) -> bytes: ...


class StorageInfo(Protocol):
    """The browser's own view of this site's storage (``navigator.storage``)."""

    async def estimate(self) -> tuple[int | None, int | None]:
        """``(usage, quota)`` in bytes, ``None`` where the browser does not say."""
        ...

    async def persisted(self) -> bool: ...

    async def request_persist(self) -> bool: ...


class ImageProcessor(Protocol):
    async def open(self, file: Any, name: str = "", accepted: tuple[str, ...] = ()) -> Any:
        """Check (types ``accepted``; absurd sizes refused unread) and measure the user's file;
        ``InputError`` for the ``image`` field."""
        ...

    async def fit(self, source: Any, size: str, fit: ImageFit) -> PreparedImage:
        """The image re-encoded at exactly ``size`` (WxH), cropped or fitted."""
        ...

    async def bounded(self, source: Any, max_side: int) -> PreparedImage:
        """The image re-encoded with its longest side at most ``max_side`` (aspect kept)."""
        ...

    async def base64(self, blob: Any) -> str:
        """A Blob's bytes as base64 text (providers that take images inside JSON)."""
        ...


class FrameGrabber(Protocol):
    """Draws a poster from a stored video (the API gave no thumbnail)."""

    async def first_frame(self, video: Any) -> tuple[Any, int]:
        """A poster image of ``video`` (a Blob): ``(image Blob, size in bytes)``."""
        ...

    async def last_frame(self, video: Any) -> tuple[Any, int]:
        """The last frame of ``video`` at its full size, as a PNG: ``(image Blob, size in bytes)``."""
        ...


class Blobs(Protocol):
    """Binary data made in the browser without a round trip through the page."""

    def from_base64(self, data: str, mime: str) -> tuple[Any, int]:
        """A Blob of base64 ``data`` (a file sent inline in a JSON answer): ``(Blob, size)``."""
        ...

    def join(self, parts: Sequence[Any], mime: str) -> tuple[Any, int]:
        """One Blob made of ``parts`` in order, without copying their bytes: ``(Blob, size)``."""
        ...

    async def sha256(self, blob: Any) -> str:
        """The SHA-256 of a Blob's bytes, as lower-case hex."""
        ...


class FolderWriter(Protocol):
    """A local folder the user picked once and the app may write files into."""

    def supported(self) -> bool: ...

    async def write(self, blob: Any, name: str, *, choose: bool = False) -> str | None:
        """Write ``blob`` as ``name`` (asking for a folder the first time, or with ``choose``);
        the folder's name, or ``None`` when the user cancelled."""
        ...


class ByteSource(Protocol):
    """A File or Blob read by byte ranges, never whole: a bundle to import, a stored video."""

    @property
    def size(self) -> int: ...

    async def read(self, offset: int, length: int) -> bytes:
        """Those bytes; fewer only when the file ended or changed (the caller refuses it then)."""
        ...

    def slice(self, offset: int, length: int, mime: str) -> Any:
        """A Blob of those bytes that refers to them: nothing is read or copied."""
        ...


class BlobBytes(Protocol):
    """Stored Blobs read in ranges, and Blobs assembled from parts."""

    def open(self, blob: Any) -> ByteSource: ...

    def join(self, parts: Sequence[Any], mime: str) -> Any:
        """One Blob of ``parts`` (bytes or Blobs) in order: bytes are copied in, Blobs referenced."""
        ...


class BundleTarget(Protocol):
    """Where an export bundle goes, written part by part in order: a file the user chose, or a download."""

    @property
    def name(self) -> str: ...

    async def write(self, part: Any) -> None:
        """Append ``part``: bytes, or a Blob (streamed by the browser, never read into Python)."""
        ...

    async def close(self) -> None:
        """Finish: only now does the file appear (or the download start)."""
        ...

    async def abort(self) -> None:
        """Give up: no file is left behind and no download starts."""
        ...


class JobClients(Protocol):
    """How the queue reaches a job's provider: its data, the key for it, a client."""

    def provider_of(self, provider_id: str) -> ProviderCapabilities:
        """The provider's capabilities (with its live models, if read)."""
        ...

    def key_for(self, job: JobRecord) -> str:
        """The key to send for ``job`` (the demo key in demo mode); ``VaultError`` when there is none
        for its provider and endpoint, or the vault is locked."""
        ...

    def client(self, provider_id: str, base_url: str, api_key: str) -> ProviderClient: ...


class SignInStore(Protocol):
    """OAuth PKCE's browser side: random verifiers, SHA-256 challenges, and what is pending
    across the redirect (``sessionStorage``: it dies with the tab)."""

    def new_verifier(self) -> str: ...

    async def challenge(self, verifier: str) -> str:
        """base64url(SHA-256(verifier)), unpadded (S256)."""
        ...

    def remember(self, pending: dict[str, str]) -> None: ...

    def pending(self) -> dict[str, str] | None: ...

    def forget(self) -> None: ...


class Poller(Protocol):
    """The polling worker, as the page sees it."""

    def track(self, spec: pm.TrackSpec) -> None: ...

    def untrack(self, job_id: str) -> None: ...

    def set_online(self, online: bool) -> None: ...


class TabChannel(Protocol):
    """Tells the other open tabs that a job changed (they re-read it)."""

    def publish(self, job_id: str) -> None: ...
