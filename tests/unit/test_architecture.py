"""The layering holds: core and services never import browser modules; the boot path
renders without pydantic; the page's configs agree with the vendoring lock."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools import appwheel, vendor

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / "py"
BROWSER_MODULES = ("js", "pyodide", "pyodide_js", "pyscript", "app.browser", "app.ui", "app.page")
BOOT_ENTRY = "app.page"


def _module_path(name: str) -> Path | None:
    base = PY.joinpath(*name.split("."))
    if (base / "__init__.py").exists():
        return base / "__init__.py"
    if base.with_suffix(".py").exists():
        return base.with_suffix(".py")
    return None


def _imports(path: Path, *, runtime_only: bool = False, top_level_only: bool = False) -> Iterator[str]:
    """Imported module names; optionally skip ``TYPE_CHECKING`` blocks and function bodies."""
    tree = ast.parse(path.read_text(), filename=str(path))

    def visit(node: ast.AST, in_function: bool) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            if runtime_only and isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if top_level_only and nested:
                continue
            if isinstance(child, ast.Import):
                yield from (alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module:
                yield child.module
                yield from (f"{child.module}.{alias.name}" for alias in child.names)
            yield from visit(child, nested)

    yield from visit(tree, False)


def _package_files(package: str) -> list[Path]:
    return sorted((PY / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", ["app.core", "app.services"])
def test_core_and_services_import_no_browser_module(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _package_files(package)
        for name in _imports(path)
        if name.split(".")[0] in ("js", "pyodide", "pyodide_js", "pyscript") or name.startswith(BROWSER_MODULES[4:])
    ]
    assert offenders == []


def test_a_browser_import_in_core_would_be_caught(tmp_path: Path) -> None:
    # The check above must be able to fail: feed it a module that imports js.
    bad = tmp_path / "bad.py"
    bad.write_text("import js\nfrom app.browser.dom import h\n")
    assert list(_imports(bad)) == ["js", "app.browser.dom", "app.browser.dom.h"]


def test_boot_path_does_not_import_pydantic() -> None:
    # Everything app.page imports at module level (transitively) must work before pydantic loads.
    seen: set[str] = set()
    pending = [BOOT_ENTRY]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_path(name)
        if path is None:
            continue
        for imported in _imports(path, runtime_only=True, top_level_only=True):
            assert not imported.startswith("pydantic"), f"{name} imports {imported} on the boot path"
            if imported.startswith("app"):
                pending.append(imported)
    assert "app.ui.shell" in seen and "app.core.settings" not in seen


def test_pyscript_config_serves_only_local_files() -> None:
    config = tomllib.loads((ROOT / "pyscript.toml").read_text())
    assert config["interpreter"] == "./vendor/pyodide/pyodide.mjs"
    assert config["packages"] == [f".{appwheel.WHEEL_URL_PATH}"]
    assert config["packages_cache"] == "passthrough"
    assert "index_urls" not in config


def test_vendor_lock_pins_every_wheel_by_hash() -> None:
    lock = vendor.load_lock()
    names = {w.name for w in lock.wheels}
    assert {"pydantic", "pydantic-core", "typing-extensions", "typing-inspection", "annotated-types"} <= names
    assert all(len(w.sha256) == 64 for w in lock.wheels)
    assert all(p.integrity.startswith("sha512-") for p in lock.npm)
    assert {p.label for p in lock.npm} >= {"pyodide@314.0.7", "@pyscript/core@0.7.31"}
