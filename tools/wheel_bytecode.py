"""Add bytecode to wheels: each ``x.py`` gets ``__pycache__/x.<tag>.pyc`` beside it, or is
replaced by ``x.pyc`` in a *sourceless* wheel (what the app serves: smaller to unpack).

Runs inside Pyodide (``tools/bytecode.mjs``), so the bytecode matches the page's
interpreter exactly. The ``.pyc`` files are *unchecked hash-based* (PEP 552): the
importer uses them without comparing the source's modification time, which the wheel
installer does not keep. The output is reproducible: same entries, same order, fixed dates, a rewritten ``RECORD``.
Standard library only.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]
from pathlib import Path

FIXED_DATE = (2026, 1, 1, 0, 0, 0)


def record_line(name: str, data: bytes) -> str:
    """One ``RECORD`` line of a wheel (``tools/appwheel.py`` writes its RECORD with it too)."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def bytecode_of(name: str, source: bytes, *, sourceless: bool) -> tuple[str, bytes]:
    """The entry name and the unchecked hash-based ``.pyc`` of one module: in ``__pycache__``
    beside its source, or in the source's place (``x.pyc``) for a sourceless wheel."""
    code = compile(source, name, "exec", dont_inherit=True)
    pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
    where = name + "c" if sourceless else str(importlib.util.cache_from_source(name))
    return where, bytes(pyc)


def with_bytecode(source_wheel: Path, target: Path, *, sourceless: bool = False) -> int:
    """Write ``source_wheel`` with bytecode to ``target`` (its sources dropped when ``sourceless``);
    returns how many modules were compiled."""
    entries: list[tuple[str, bytes, int]] = []
    record_name = ""
    with zipfile.ZipFile(source_wheel) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            data = archive.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                record_name = info.filename
                continue
            entries.append((info.filename, data, info.external_attr))
    compiled = [
        (*bytecode_of(name, data, sourceless=sourceless), 0o644 << 16)
        for name, data, _ in entries
        if name.endswith(".py")
    ]
    kept = [entry for entry in entries if not (sourceless and entry[0].endswith(".py"))]
    everything = kept + compiled
    if record_name:
        lines = [record_line(name, data) for name, data, _ in everything] + [f"{record_name},,"]
        everything.append((record_name, ("\n".join(lines) + "\n").encode(), 0o644 << 16))
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name, data, attr in everything:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = attr or 0o644 << 16
            out.writestr(info, data)
    partial.replace(target)
    return len(compiled)


def compile_wheels(input_dir: str, output_dir: str, names: list[str], sourceless: bool) -> None:
    for name in names:
        count = with_bytecode(Path(input_dir) / name, Path(output_dir) / name, sourceless=sourceless)
        print(f"bytecode: {name}: {count} modules")
