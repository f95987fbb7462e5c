"""The polling worker's commands before ``start()`` fail with a clear error (issue: no
``AttributeError`` on ``None``). The browser modules are imported with stand-ins for
``js``, ``pyodide_js`` and ``pyodide.ffi``: only the guard is under test, not the FFI."""

from __future__ import annotations

import importlib
import sys
import types

import pytest


@pytest.fixture
def poll_worker(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    ffi = types.ModuleType("pyodide.ffi")
    for name in ("JsProxy", "create_proxy", "jsnull", "to_js"):
        setattr(ffi, name, object())
    pyodide = types.ModuleType("pyodide")
    pyodide.ffi = ffi  # type: ignore[attr-defined]
    for name, module in (
        ("js", types.ModuleType("js")),
        ("pyodide_js", types.ModuleType("pyodide_js")),
        ("pyodide", pyodide),
        ("pyodide.ffi", ffi),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    for name in ("app.browser.poll_worker", "app.browser.ffi"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    return importlib.import_module("app.browser.poll_worker")


@pytest.mark.parametrize(
    ("command", "args"), [("track", ('{"job_id": "j"}',)), ("untrack", ("j",)), ("set_online", (True,))]
)
def test_a_command_before_start_says_to_call_start_first(
    poll_worker: types.ModuleType, command: str, args: tuple[object, ...]
) -> None:
    with pytest.raises(RuntimeError, match=r"before start\(\): call start\(\) first"):
        getattr(poll_worker, command)(*args)
