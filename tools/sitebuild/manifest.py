"""``site.json``: every file of the build with its size and hash, and the build's version.

The service worker precaches exactly these files, each fetch checked against its hash
(``integrity``), under a cache named after the version. The version is a hash of the
file list, the hashes and the demo simulator's options, so it changes when anything
the page can load changes, and only then. It is written into ``sw.js`` too: the browser
compares a service worker's bytes to find an update, and a worker must not precache the
files of another build (a half-finished deploy), so it checks the version it reads.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

CONFIG_NAME = "site.json"
VERSION_LINE = 'const VERSION = "dev";'


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: bytes

    @classmethod
    def of(cls, path: str, data: bytes) -> FileEntry:
        return cls(path, len(data), hashlib.sha256(data).digest())

    @property
    def integrity(self) -> str:
        """The Subresource Integrity value ``fetch`` checks the answer against."""
        return "sha256-" + base64.b64encode(self.sha256).decode()


def version_of(entries: list[FileEntry], sim_options: dict[str, Any]) -> str:
    lines = [f"{e.path}\0{e.sha256.hex()}" for e in sorted(entries, key=lambda e: e.path)]
    lines.append(json.dumps(sim_options, sort_keys=True))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def site_config(entries: list[FileEntry], sim_wheels: list[str], sim_options: dict[str, Any]) -> dict[str, Any]:
    """The content of ``site.json`` (``static``: the service worker answers ``sim/`` itself)."""
    return {
        "version": version_of(entries, sim_options),
        "static": True,
        "sim": {"wheels": sim_wheels, "options": sim_options},
        "total_bytes": sum(e.size for e in entries),
        "files": [{"path": e.path, "bytes": e.size, "integrity": e.integrity} for e in entries],
    }


def config_bytes(config: dict[str, Any]) -> bytes:
    return (json.dumps(config, indent=1) + "\n").encode()


def stamp_service_worker(source: str, version: str) -> str:
    """``sw.js`` with the build's version in place of ``"dev"`` (exactly one such line)."""
    if source.count(VERSION_LINE) != 1:
        raise ValueError(f"sw.js must contain the line {VERSION_LINE!r} exactly once")
    return source.replace(VERSION_LINE, f'const VERSION = "{version}";')
