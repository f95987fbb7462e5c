"""In-memory stand-ins for the browser adapters, for CPython tests of the services."""

from __future__ import annotations

import base64
import copy
import hashlib
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.capabilities import FrameSize
from app.core.compose import ImageFit, PreparedImage
from app.core.compose_images import IMAGE_TYPES, check_image_header
from app.core.errors import StorageQuotaError
from app.core.image_header import read_image_info
from app.services.ports import Clear, Delete, Op, Put


class MemoryRecords:
    """A RecordStore over dicts; ``fail_next_write`` simulates a full disk."""

    def __init__(self) -> None:
        self.stores: dict[str, dict[str, Any]] = {}
        self.key_paths: dict[str, str] = {
            "settings": "id",
            "vault": "id",
            "jobs": "id",
            "assets": "id",
            "presets": "id",
            "downloads": "id",
        }
        self.fail_next_write = False

    async def get(self, store: str, key: str) -> Any:
        return copy.deepcopy(self.stores.get(store, {}).get(key))

    async def get_all(self, store: str, *, index: str | None = None, query: Any = None) -> list[Any]:
        values = list(self.stores.get(store, {}).values())
        if index is not None and query is not None:
            values = [v for v in values if isinstance(v, dict) and v.get(index) == query]
        return copy.deepcopy(values)

    async def keys(self, store: str) -> list[str]:
        return list(self.stores.get(store, {}))

    async def write(self, ops: Sequence[Op]) -> None:
        if self.fail_next_write:
            self.fail_next_write = False
            raise StorageQuotaError("quota exhausted")
        staged = copy.deepcopy(self.stores)
        for op in ops:
            table = staged.setdefault(op.store, {})
            if isinstance(op, Put):
                key = op.key if op.key is not None else op.value[self.key_paths[op.store]]
                table[key] = copy.deepcopy(op.value)
            elif isinstance(op, Delete):
                table.pop(op.key, None)
            elif isinstance(op, Clear):
                table.clear()
        self.stores = staged


@dataclass(frozen=True)
class FakeSource:
    """An "opened" image: bytes standing in for the Blob, with a declared size."""

    blob: bytes
    mime: str
    name: str
    width: int
    height: int


class FakeImages:
    """An ImageProcessor over bytes: the header decides type and size, as in the page."""

    async def open(self, file: Any, name: str = "", accepted: tuple[str, ...] = ()) -> FakeSource:
        data = bytes(file)
        mime = check_image_header(data[:65536], name, accepted or IMAGE_TYPES)
        info = read_image_info(data)
        assert info is not None
        return FakeSource(data, mime, name or "image", info.width, info.height)

    async def fit(self, source: FakeSource, size: str, fit: ImageFit) -> PreparedImage:
        frame = FrameSize.parse(size)
        return PreparedImage(source.blob, source.mime, frame.width, frame.height, len(source.blob), source.name)

    async def bounded(self, source: FakeSource, max_side: int) -> PreparedImage:
        scale = min(1.0, max_side / max(source.width, source.height))
        width, height = round(source.width * scale), round(source.height * scale)
        return PreparedImage(source.blob, source.mime, width, height, len(source.blob), source.name)

    async def base64(self, blob: Any) -> str:
        return base64.b64encode(bytes(blob)).decode("ascii")


class BytesBlobs:
    """The Blobs port over bytes."""

    def from_base64(self, data: str, mime: str) -> tuple[Any, int]:
        raw = base64.b64decode(data)
        return raw, len(raw)

    def join(self, parts: Sequence[Any], mime: str) -> tuple[Any, int]:
        joined = b"".join(bytes(part) for part in parts)
        return joined, len(joined)

    async def sha256(self, blob: Any) -> str:
        return hashlib.sha256(bytes(blob)).hexdigest()


def png_bytes(width: int, height: int, tag: bytes = b"") -> bytes:
    """A PNG header of ``width`` × ``height`` (what the image checks read), ``tag`` appended to tell images apart."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk)) + tag


class StillFrames:
    """A FrameGrabber that 'draws' fixed images, keeping the videos it was given."""

    def __init__(self, last: bytes = b"", *, fail: bool = False) -> None:
        self.videos: list[object] = []
        self.last = last or png_bytes(1280, 720, b"last-frame")
        self.fail = fail

    async def first_frame(self, video: object) -> tuple[bytes, int]:
        self.videos.append(video)
        return b"RIFF....WEBPposter", 18

    async def last_frame(self, video: object) -> tuple[bytes, int]:
        self.videos.append(video)
        if self.fail:
            raise RuntimeError("unreadable")
        return self.last, len(self.last)
