"""The layering holds, checked on the source: who may import what, where ports and the
storage schema live, and that the boot path renders without pydantic. Every rule is a
predicate over parsed modules, and each predicate is shown to flag an offender."""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.stores import ALL_STORES
from tools import appwheel, vendor

ROOT = Path(__file__).resolve().parents[2]
PY = ROOT / "py"
FFI_ROOTS = ("js", "pyodide", "pyodide_js", "pyscript")
BOOT_ENTRY = "app.page"
# The composition roots: the only modules outside a provider's own package that name it.
COMPOSITION_ROOTS = frozenset({"app.page", "app.browser.poll_worker"})
STORE_OPS = frozenset({"Put", "Delete", "Clear"})  # a write op names its store first
STORE_READS = {"get": 2, "get_all": 1}  # RecordStore reads: (store, key) and (store)


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. app.ui.shell
    path: Path
    tree: ast.Module

    @classmethod
    def parse(cls, path: Path, name: str) -> Module:
        return cls(name, path, ast.parse(path.read_text(), filename=str(path)))


def imports(module: Module, *, runtime_only: bool = False, top_level_only: bool = False) -> Iterator[str]:
    """Imported module names; optionally skip ``TYPE_CHECKING`` blocks and function bodies."""

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

    yield from visit(module.tree, False)


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


# -- the rules: each returns the offences of one module ------------------------------------------
def ffi_outside_browser(module: Module) -> list[str]:
    """Only ``app.browser`` (and the two entry scripts) touch js / pyodide / pyscript."""
    if _within(module.name, "app.browser") or module.name in ("main", "worker"):
        return []
    return [f"{module.name} imports {n}" for n in imports(module) if n.split(".")[0] in FFI_ROOTS]


def inward_dependencies(module: Module) -> list[str]:
    """core imports no upper layer; services import neither browser nor ui nor the page."""
    banned: tuple[str, ...] = ()
    if _within(module.name, "app.core"):
        banned = ("app.services", "app.browser", "app.ui", "app.page")
    elif _within(module.name, "app.services"):
        banned = ("app.browser", "app.ui", "app.page")
    return [f"{module.name} imports {n}" for n in imports(module) if any(_within(n, b) for b in banned)]


def provider_named_outside_root(module: Module) -> list[str]:
    """Provider data and codecs are injected: only composition roots import a concrete provider."""
    if module.name in COMPOSITION_ROOTS or _within(module.name, "app.core.providers"):
        return []
    offences = []
    for name in imports(module):
        parts = name.split(".")
        concrete = len(parts) >= 4 and parts[:3] == ["app", "core", "providers"] and parts[3] != "base"
        if concrete:
            offences.append(f"{module.name} imports {name}")
    return sorted(set(offences))


def protocol_outside_ports(module: Module) -> list[str]:
    """Every port (a ``Protocol``) of the services is declared in ``app.services.ports``."""
    if module.name == "app.services.ports" or _within(module.name, "app.core"):
        return []
    return [
        f"{module.name} declares the port {node.name}"
        for node in ast.walk(module.tree)
        if isinstance(node, ast.ClassDef) and any(ast.unparse(base).endswith("Protocol") for base in node.bases)
    ]


def store_name_spelled(module: Module) -> list[str]:
    """IndexedDB store names are the constants of ``app.core.stores``, never literals elsewhere."""
    if module.name == "app.core.stores":
        return []
    offences = []
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        first = node.args[0]
        names_store = called in STORE_OPS or (
            isinstance(func, ast.Attribute) and STORE_READS.get(called) == len(node.args)
        )
        if names_store and isinstance(first, ast.Constant) and first.value in ALL_STORES:
            offences.append(f"{module.name}:{node.lineno} names the store {first.value!r}")
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            called = ast.unparse(node.value.func)
            if called.endswith("StoreSpec"):
                offences.append(f"{module.name}:{node.lineno} defines a store outside app.core.stores")
    return offences


RULES: tuple[Callable[[Module], list[str]], ...] = (
    ffi_outside_browser,
    inward_dependencies,
    provider_named_outside_root,
    protocol_outside_ports,
    store_name_spelled,
)


def _app_modules() -> list[Module]:
    modules = []
    for path in sorted(PY.rglob("*.py")):
        relative = path.relative_to(PY).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules.append(Module.parse(path, ".".join(parts)))
    return modules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_every_module_keeps_the_rule(rule: Callable[[Module], list[str]]) -> None:
    offences = [offence for module in _app_modules() for offence in rule(module)]
    assert offences == []


OFFENDERS: dict[str, tuple[str, str]] = {
    # rule name -> (module name, source that breaks it)
    "ffi_outside_browser": ("app.ui.views.bad", "import js\n"),
    "inward_dependencies": ("app.core.bad", "from app.services.job_store import JobStore\n"),
    "provider_named_outside_root": ("app.ui.views.bad", "from app.core.providers.openai_videos import codec\n"),
    "protocol_outside_ports": ("app.services.bad", "from typing import Protocol\nclass Port(Protocol): ...\n"),
    "store_name_spelled": ("app.services.bad", "async def f(db):\n    return await db.get('jobs', 'id1')\n"),
}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_each_rule_flags_an_offender(rule: Callable[[Module], list[str]], tmp_path: Path) -> None:
    # A rule that cannot fail proves nothing: feed it a module that breaks it.
    name, source = OFFENDERS[rule.__name__]
    path = tmp_path / "bad.py"
    path.write_text(source)
    assert rule(Module.parse(path, name)) != []


def test_services_may_name_the_provider_interface_only() -> None:
    path = PY / "app" / "services" / "provider_client.py"
    module = Module.parse(path, "app.services.provider_client")
    assert provider_named_outside_root(module) == []
    assert any(n.startswith("app.core.providers.base") for n in imports(module))


def _module_path(name: str) -> Path | None:
    base = PY.joinpath(*name.split("."))
    if (base / "__init__.py").exists():
        return base / "__init__.py"
    if base.with_suffix(".py").exists():
        return base.with_suffix(".py")
    return None


def _reached(entry: str) -> dict[str, list[str]]:
    """The app modules ``entry`` imports when it is imported (module level, transitively),
    each with what it imports then."""
    reached: dict[str, list[str]] = {}
    pending = [entry]
    while pending:
        name = pending.pop()
        path = _module_path(name)
        if name in reached or path is None:
            continue
        reached[name] = list(imports(Module.parse(path, name), runtime_only=True, top_level_only=True))
        pending.extend(imported for imported in reached[name] if imported.startswith("app"))
    return reached


def test_boot_path_does_not_import_pydantic() -> None:
    # Everything app.page imports at module level (transitively) must work before pydantic loads.
    reached = _reached(BOOT_ENTRY)
    for name, imported in reached.items():
        assert not [i for i in imported if i.startswith("pydantic")], f"{name} imports pydantic on the boot path"
    assert "app.ui.shell" in reached and "app.core.settings" not in reached


def _shell_views() -> list[tuple[str, str]]:
    """The (module, class) of each route in ``app.ui.shell.VIEWS``, read from its source."""
    tree = ast.parse((PY / "app" / "ui" / "shell.py").read_text())
    table = next(n.value for n in tree.body if isinstance(n, ast.AnnAssign) and ast.unparse(n.target) == "VIEWS")
    assert isinstance(table, ast.Dict)
    return [ast.literal_eval(value) for value in table.values]


def test_views_are_imported_when_shown() -> None:
    # Before the page is ready only the landing view is imported (by the shell, when shown).
    reached = _reached(BOOT_ENTRY)
    assert not [name for name in reached if name.startswith("app.ui.views.") and name != "app.ui.views.base"]
    views = _shell_views()
    assert len(views) == 4
    for module, name in views:
        path = _module_path(module)
        assert path is not None, module
        classes = [n for n in ast.parse(path.read_text()).body if isinstance(n, ast.ClassDef) and n.name == name]
        assert classes and ast.unparse(classes[0].bases[0]) == "View", f"{module}.{name} is not a view"


def test_backups_are_imported_on_first_use() -> None:
    # Export and import are a quarter of what the page imports before it is ready: the
    # controller builds them when first asked (a backup, an import), not at the start.
    reached = _reached("app.services.controller")
    assert "app.services.job_store" in reached  # the walk does follow the controller's imports
    assert not [
        name
        for name in reached
        if name.startswith(("app.services.bundle_", "app.core.bundle.")) and name != "app.core.bundle.names"
    ]


def test_pyscript_config_serves_only_local_files() -> None:
    for name in ("pyscript.toml", "worker.toml"):
        config = tomllib.loads((ROOT / name).read_text())
        assert config["interpreter"] == "./vendor/pyodide/pyodide.mjs"
        # The page imports the app wheel from its zip (py/main.py); the worker installs it.
        assert config.get("packages", []) == ([] if name == "pyscript.toml" else [f".{appwheel.WHEEL_URL_PATH}"])
        assert config["packages_cache"] == "passthrough"
        assert "index_urls" not in config
        modules = {**config.get("js_modules", {}).get("main", {}), **config.get("js_modules", {}).get("worker", {})}
        assert modules and all(url.startswith("./static/js/") and (ROOT / url).is_file() for url in modules)


def test_the_page_preloads_and_imports_the_wheel_appwheel_builds() -> None:
    wheel = appwheel.WHEEL_URL_PATH.lstrip("/")
    assert f'APP_WHEEL = "{wheel}"' in (ROOT / "py" / "main.py").read_text()
    assert (
        f'<link rel="preload" href="{wheel}" as="fetch" crossorigin="anonymous">' in (ROOT / "index.html").read_text()
    )


def test_no_javascript_in_python_strings() -> None:
    # JS glue lives in files under static/js/, loaded as modules: never compiled from a string.
    offenders = [str(path.relative_to(ROOT)) for path in PY.rglob("*.py") if "Function.new(" in path.read_text()]
    assert offenders == []


def test_vendor_lock_pins_every_wheel_by_hash() -> None:
    lock = vendor.load_lock()
    names = {w.name for w in lock.wheels}
    assert {"pydantic", "pydantic-core", "typing-extensions", "typing-inspection", "annotated-types"} <= names
    assert all(len(w.sha256) == 64 for w in lock.wheels)
    assert all(p.integrity.startswith("sha512-") for p in lock.npm)
    assert {p.label for p in lock.npm} >= {"pyodide@314.0.7", "@pyscript/core@0.7.31"}
