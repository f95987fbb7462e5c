"""Wheels with their bytecode made in advance, so the page imports instead of compiling.

Compiling the app (about 20,000 lines) and pydantic's closure (about 53,000) costs the
browser seconds at every start; a ``.pyc`` made by the page's own Pyodide (the host's
CPython is another version, and bytecode must match its interpreter) removes that.
``tools/bytecode.mjs`` runs that Pyodide under Node; results are cached under
``build/bytecode/`` by content, so a wheel is compiled once per change. Without Node
the wheel is served as it is, with a notice: the app works, it only starts slower.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "vendor" / "pyodide"
CACHE_DIR = ROOT / "build" / "bytecode"
DRIVER = Path(__file__).with_name("bytecode.mjs")
TOOL_FILES = (DRIVER, Path(__file__).with_name("wheel_bytecode.py"))
TIMEOUT_S = 300
_warned: set[str] = set()


def _notice(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"bytecode: {message}", file=sys.stderr)


def _node() -> str | None:
    return shutil.which("node") or shutil.which("nodejs")


def can_compile() -> bool:
    """Whether this machine can make bytecode (Node and the vendored Pyodide are there)."""
    return _node() is not None and (PYODIDE_DIR / "pyodide.mjs").is_file()


def _tool_digest() -> str:
    """What the bytecode depends on besides the wheel: the tool and the interpreter's build."""
    digest = hashlib.sha256()
    for path in (*TOOL_FILES, PYODIDE_DIR / "pyodide-lock.json"):
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def _cache_path(name: str, data: bytes, tool: str) -> Path:
    key = hashlib.sha256(tool.encode() + hashlib.sha256(data).digest()).hexdigest()[:24]
    return CACHE_DIR / key / name


def _compile_batch(pairs: list[tuple[Path, Path]], *, sourceless: bool) -> bool:
    """Compile every ``(source wheel, target path)`` with one Node start; False when that fails."""
    node = _node()
    if node is None:
        _notice("Node.js not found: wheels are served without bytecode (the app starts slower)")
        return False
    if not (PYODIDE_DIR / "pyodide.mjs").is_file():
        _notice("vendor/pyodide is missing: run tools/vendor.py first")
        return False
    with tempfile.TemporaryDirectory() as work:
        inputs, outputs = Path(work, "in"), Path(work, "out")
        inputs.mkdir()
        outputs.mkdir()
        for source, _ in pairs:
            shutil.copyfile(source, inputs / source.name)
        command = [node, str(DRIVER), str(PYODIDE_DIR), str(inputs), str(outputs), "1" if sourceless else "0"]
        command += [source.name for source, _ in pairs]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            _notice(f"compiling failed ({exc}): wheels are served without bytecode")
            return False
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
            _notice(f"compiling failed ({tail[0]}): wheels are served without bytecode")
            return False
        for source, target in pairs:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            shutil.copyfile(outputs / source.name, partial)
            partial.replace(target)
    return True


def compiled_paths(wheels: Iterable[Path], *, sourceless: bool = True) -> dict[Path, Path]:
    """Each wheel mapped to its compiled copy in the cache (or to itself when that is impossible)."""
    tool = _tool_digest() + ("-sourceless" if sourceless else "")
    chosen = {wheel: _cache_path(wheel.name, wheel.read_bytes(), tool) for wheel in wheels}
    missing = [(wheel, target) for wheel, target in chosen.items() if not target.is_file()]
    if missing and not _compile_batch(missing, sourceless=sourceless):
        return {wheel: (target if target.is_file() else wheel) for wheel, target in chosen.items()}
    return chosen


def compiled_bytes(name: str, data: bytes, *, sourceless: bool = True) -> bytes:
    """The wheel ``name`` (given as bytes) with bytecode, or ``data`` itself without Node."""
    tool = _tool_digest() + ("-sourceless" if sourceless else "")
    target = _cache_path(name, data, tool)
    if not target.is_file():
        with tempfile.TemporaryDirectory() as work:
            source = Path(work, name)
            source.write_bytes(data)
            if not _compile_batch([(source, target)], sourceless=sourceless):
                return data
    return target.read_bytes()
