"""index.html asks for everything the start needs at once; each hint must name a real file.

A PyScript or Pyodide update renames its chunks: a stale hint would fetch a 404 (and the
start would quietly go back to loading one step after another), so this fails instead.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tools import appwheel

ROOT = Path(__file__).resolve().parents[2]
HINT = re.compile(r'<link rel="(preload|modulepreload)" href="([^"]+)"([^>]*)>')


def _hints() -> dict[str, tuple[str, str]]:
    return {href: (rel, rest) for rel, href, rest in HINT.findall((ROOT / "index.html").read_text())}


def test_every_hint_names_a_file_the_site_serves() -> None:
    built = appwheel.WHEEL_URL_PATH.lstrip("/")
    missing = [href for href in _hints() if href != built and not (ROOT / href).is_file()]
    assert missing == []


def test_fetched_files_are_hinted_as_the_fetch_that_uses_them() -> None:
    # A preload is reused only by a request of the same mode: fetch() of this origin.
    for href, (rel, rest) in _hints().items():
        if rel == "preload":
            assert 'as="fetch" crossorigin="anonymous"' in rest, href


def test_the_interpreter_the_config_and_the_glue_modules_are_hinted() -> None:
    config = tomllib.loads((ROOT / "pyscript.toml").read_text())
    wanted = {config["interpreter"].removeprefix("./"), "pyscript.toml", "py/main.py"}
    wanted |= {url.removeprefix("./") for url in config["js_modules"]["main"]}
    wanted |= {"vendor/pyodide/pyodide.asm.wasm", "vendor/pyodide/python_stdlib.zip"}
    assert wanted <= set(_hints())
