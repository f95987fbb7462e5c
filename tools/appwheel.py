"""Pack ``py/app`` into a wheel the page installs next to pydantic.

Shipping the app as one wheel in ``pyscript.toml``'s ``packages`` lets Pyodide fetch it
in parallel with its own boot (``packages_cache = "passthrough"``) instead of one request
per module, and the very same source tree is what the CPython tests import. The wheel is
built in memory from the working tree, so an edit shows up on the next reload.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tools.wheel_bytecode import record_line

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "py"
PACKAGE = "app"
DIST_NAME = "sora_renderer_app"
VERSION = "0.1.0"
WHEEL_NAME = f"{DIST_NAME}-{VERSION}-py3-none-any.whl"
WHEEL_URL_PATH = f"/build/{WHEEL_NAME}"
_FIXED_DATE = (2026, 1, 1, 0, 0, 0)


def source_files(source_dir: Path = SOURCE_DIR, package: str = PACKAGE) -> list[Path]:
    """Every Python file of ``package`` under ``source_dir``, in a stable order."""
    return sorted(p for p in (source_dir / package).rglob("*.py") if "__pycache__" not in p.parts)


def latest_mtime(source_dir: Path = SOURCE_DIR) -> float:
    """Newest modification time in the package, to know when to rebuild."""
    files = source_files(source_dir)
    return max((p.stat().st_mtime for p in files), default=0.0)


def wheel_name(dist_name: str, version: str = VERSION) -> str:
    return f"{dist_name}-{version}-py3-none-any.whl"


def build_wheel(source_dir: Path = SOURCE_DIR) -> bytes:
    """A reproducible wheel (fixed timestamps, sorted entries) of ``py/app``."""
    return build_package_wheel(source_dir, PACKAGE, DIST_NAME)


def build_package_wheel(source_dir: Path, package: str, dist_name: str, version: str = VERSION) -> bytes:
    """A reproducible pure-Python wheel of ``source_dir/package`` (the static site also ships the simulator)."""
    dist_info = f"{dist_name}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (p.relative_to(source_dir).as_posix(), p.read_bytes()) for p in source_files(source_dir, package)
    ]
    entries.append(
        (f"{dist_info}/METADATA", f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: {version}\n".encode())
    )
    entries.append(
        (
            f"{dist_info}/WHEEL",
            b"Wheel-Version: 1.0\nGenerator: sora-renderer\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        )
    )
    record = "\n".join(record_line(name, data) for name, data in entries)
    record += f"\n{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
