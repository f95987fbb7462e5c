"""Wheels with bytecode made in advance: sourceless, importable, reproducible, RECORD honest.

The browser build runs this code inside the page's Pyodide; here CPython runs it on
itself, which checks the same logic (the bytecode is for whichever interpreter runs it).
"""

from __future__ import annotations

import base64
import hashlib
import sys
import zipfile
from pathlib import Path

import pytest

from tools import bytecode, wheel_bytecode


def _wheel(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("demo_pkg/__init__.py", "VALUE = 41 + 1\n")
        archive.writestr("demo_pkg/data.txt", "kept as it is\n")
        archive.writestr("demo_pkg-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: demo-pkg\nVersion: 1.0\n")
        archive.writestr("demo_pkg-1.0.dist-info/RECORD", "stale,,\n")
    return path


def test_a_sourceless_wheel_has_bytecode_in_place_of_each_module_and_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _wheel(tmp_path / "demo_pkg-1.0-py3-none-any.whl")
    target = tmp_path / "out.whl"
    assert wheel_bytecode.with_bytecode(source, target, sourceless=True) == 1
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert "demo_pkg/__init__.pyc" in names and "demo_pkg/__init__.py" not in names
        assert "demo_pkg/data.txt" in names
        record = archive.read("demo_pkg-1.0.dist-info/RECORD").decode().splitlines()
        for line in record[:-1]:
            name, digest, size = line.split(",")
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(data)
        assert record[-1] == "demo_pkg-1.0.dist-info/RECORD,,"
        archive.extractall(tmp_path / "site")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    import demo_pkg  # type: ignore[import-not-found]

    assert demo_pkg.VALUE == 42 and demo_pkg.__file__.endswith("__init__.pyc")
    sys.modules.pop("demo_pkg", None)


def test_the_output_is_reproducible(tmp_path: Path) -> None:
    source = _wheel(tmp_path / "demo_pkg-1.0-py3-none-any.whl")
    first, second = tmp_path / "a.whl", tmp_path / "b.whl"
    wheel_bytecode.with_bytecode(source, first, sourceless=True)
    wheel_bytecode.with_bytecode(source, second, sourceless=True)
    assert first.read_bytes() == second.read_bytes()


def test_without_node_the_wheel_is_served_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bytecode, "_node", lambda: None)
    monkeypatch.setattr(bytecode, "CACHE_DIR", tmp_path / "cache")
    data = _wheel(tmp_path / "demo_pkg-1.0-py3-none-any.whl").read_bytes()
    assert bytecode.compiled_bytes("demo_pkg-1.0-py3-none-any.whl", data) == data
    assert not bytecode.can_compile()
