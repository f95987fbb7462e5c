"""CRC-32 and SHA-256 computed chunk by chunk, so a Blob is read once and never held whole."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass


class Crc32:
    """The ZIP CRC-32 of everything fed so far (``zlib.crc32`` carried across chunks)."""

    def __init__(self) -> None:
        self.value = 0

    def update(self, chunk: bytes) -> None:
        self.value = zlib.crc32(chunk, self.value)


@dataclass(frozen=True)
class Digest:
    """What a bundle records about one file's bytes."""

    size: int
    crc32: int
    sha256: str  # 64 lowercase hex digits


class FileDigest:
    """Size, CRC-32 (for the ZIP headers) and SHA-256 (for the manifest) in one pass."""

    def __init__(self) -> None:
        self._crc = Crc32()
        self._sha = hashlib.sha256()
        self._size = 0

    def update(self, chunk: bytes) -> None:
        self._crc.update(chunk)
        self._sha.update(chunk)
        self._size += len(chunk)

    def result(self) -> Digest:
        return Digest(self._size, self._crc.value, self._sha.hexdigest())


def digest_of(data: bytes) -> Digest:
    """The digest of bytes already in memory (the manifest, tests)."""
    digest = FileDigest()
    digest.update(data)
    return digest.result()
