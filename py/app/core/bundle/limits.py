"""Bounds that keep a hostile bundle from exhausting memory, disk or time.

Defaults fit a large real library (tens of thousands of renders, tens of GB); tests
tighten them to prove each bound is enforced.
"""

from __future__ import annotations

from dataclasses import dataclass

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB


@dataclass(frozen=True)
class Limits:
    max_entries: int = 100_000
    max_total_bytes: int = 64 * GIB  # uncompressed, all entries together
    max_entry_bytes: int = 16 * GIB  # uncompressed, any one entry
    max_manifest_bytes: int = 64 * MIB
    max_central_directory_bytes: int = 64 * MIB  # read into memory in one piece
    max_name_bytes: int = 512
    max_entry_ratio: float = 200.0  # uncompressed / compressed, per DEFLATE entry
    max_total_ratio: float = 100.0  # uncompressed / compressed, all entries together
    ratio_floor_bytes: int = 1 * MIB  # ratios of smaller entries are harmless and not checked


DEFAULT_LIMITS = Limits()
