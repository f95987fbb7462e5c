"""The static site build: what goes in (and stays out), site.json, the pins, GitHub Pages' limits."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tools import appwheel, vendor
from tools.sitebuild import limits, manifest, page
from tools.sitebuild.build import ROOT, BuildError, SimOptions, build_site

WHEEL = "tiny-1.0-py3-none-any.whl"
WHEEL_BYTES = b"not really a wheel"


@pytest.fixture(autouse=True)
def _source_wheels(monkeypatch: pytest.MonkeyPatch) -> None:
    """The wheels as they are: compiling them (Node + Pyodide) is the bytecode tests' business."""
    monkeypatch.setenv("SORA_BYTECODE", "0")


def fake_runtime(vendor_dir: Path, *, index: list[str] | None = None, wheel: bytes = WHEEL_BYTES) -> vendor.Lock:
    """A vendored runtime in miniature: one pinned Pyodide file, a PyScript folder, one wheel."""
    (vendor_dir / "pyodide").mkdir(parents=True)
    (vendor_dir / "pyodide" / "pyodide.mjs").write_text("export {}")
    (vendor_dir / "pyodide" / "unpinned.txt").write_text("not named by the pin: not shipped")
    (vendor_dir / "pyscript").mkdir()
    (vendor_dir / "pyscript" / "core.js").write_text("// core")
    (vendor_dir / "axe").mkdir()
    (vendor_dir / "axe" / "axe.min.js").write_text("// tests only")
    wheels = vendor_dir / "wheels"
    (wheels / "compiled").mkdir(parents=True)
    (wheels / WHEEL).write_bytes(WHEEL_BYTES)
    (wheels / "compiled" / WHEEL).write_bytes(wheel)
    (wheels / "stale-0.1-py3-none-any.whl").write_bytes(b"left over, not in the index")
    (wheels / "index.json").write_text(json.dumps({"wheels": index if index is not None else [WHEEL]}))
    npm = (
        vendor.NpmPin("pyodide", "1", "sha512-x", "pyodide", "runtime", files=("pyodide.mjs",)),
        vendor.NpmPin("@pyscript/core", "1", "sha512-x", "pyscript", "runtime"),
        vendor.NpmPin("axe-core", "1", "sha512-x", "axe", "test", files=("axe.min.js",)),
    )
    pin = vendor.WheelPin("tiny", "1.0", WHEEL, hashlib.sha256(WHEEL_BYTES).hexdigest())
    return vendor.Lock(npm, (pin,), {}, "digest")


def build(tmp_path: Path, **kwargs: Any) -> tuple[Path, dict[str, Any]]:
    vendor_dir = tmp_path / "vendor"
    lock = fake_runtime(vendor_dir, **kwargs)
    out = tmp_path / "site"
    build_site(out, vendor_dir=vendor_dir, lock=lock)
    return out, json.loads((out / manifest.CONFIG_NAME).read_text())


def shipped(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


def test_the_site_holds_what_the_page_loads_and_no_server_code(tmp_path: Path) -> None:
    out, _ = build(tmp_path)
    files = shipped(out)
    assert {"index.html", "sw.js", "manifest.webmanifest", "pyscript.toml", "worker.toml", ".nojekyll"} <= files
    assert {"py/main.py", "py/worker.py", "static/js/sim-host.mjs", "static/icons/icon-512.png"} <= files
    assert {"vendor/pyodide/pyodide.mjs", "vendor/pyscript/core.js", "vendor/wheels/index.json"} <= files
    assert f"vendor/wheels/{WHEEL}" in files
    assert f"build/{appwheel.WHEEL_NAME}" in files
    assert not any(f.endswith(".py") and not f.startswith("py/") for f in files), "server or tool code shipped"
    assert not any(f.startswith(("py/app/", "simulator/", "tests/", "tools/", "vendor/axe/")) for f in files)
    assert "vendor/pyodide/unpinned.txt" not in files
    assert "vendor/wheels/stale-0.1-py3-none-any.whl" not in files


def test_wheels_follow_the_index_the_page_reads(tmp_path: Path) -> None:
    out, _ = build(tmp_path, index=[f"compiled/{WHEEL}"], wheel=b"precompiled")
    files = shipped(out)
    assert f"vendor/wheels/compiled/{WHEEL}" in files
    assert f"vendor/wheels/{WHEEL}" not in files


def test_site_json_lists_every_precached_file_with_its_integrity(tmp_path: Path) -> None:
    out, site = build(tmp_path)
    listed = {entry["path"]: entry for entry in site["files"]}
    assert set(listed) == shipped(out) - {"site.json", "sw.js", ".nojekyll"}
    for path, entry in listed.items():
        data = (out / path).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["integrity"] == "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert site["static"] is True
    assert site["total_bytes"] == sum(e["bytes"] for e in listed.values())


def test_the_worker_carries_the_build_version(tmp_path: Path) -> None:
    out, site = build(tmp_path)
    worker = (out / "sw.js").read_text()
    assert f'const VERSION = "{site["version"]}";' in worker
    assert manifest.VERSION_LINE not in worker


def test_the_version_changes_with_the_content_and_only_then(tmp_path: Path) -> None:
    _, first = build(tmp_path / "a")
    _, same = build(tmp_path / "b")
    _, other = build(tmp_path / "c", index=[f"compiled/{WHEEL}"], wheel=b"other bytes")
    assert first["version"] == same["version"]
    assert other["version"] != first["version"]


def test_the_simulator_travels_as_a_wheel_with_its_options(tmp_path: Path) -> None:
    out, site = build(tmp_path)
    sim = site["sim"]
    [wheel_path] = [p for p in sim["wheels"] if "sim" in p]
    names = zipfile.ZipFile(io.BytesIO((out / wheel_path).read_bytes())).namelist()
    assert "simulator/pagehost.py" in names and "simulator/api.py" in names
    assert not any(n.startswith(("app/", "serve")) for n in names)
    assert sim["options"]["job_seconds"] == SimOptions().job_seconds


def test_the_built_page_is_marked_static_and_installable(tmp_path: Path) -> None:
    out, _ = build(tmp_path)
    html = (out / "index.html").read_text()
    head = html[: html.index("</head>")]
    for tag in page.ADDED:
        assert tag in head
    assert head.count('name="referrer"') == 1
    assert (ROOT / "index.html").read_text().count(page.STATIC_MARKER) == 0, "the repository page stays as it is"


def test_a_wheel_that_does_not_match_its_pin_stops_the_build(tmp_path: Path) -> None:
    vendor_dir = tmp_path / "vendor"
    lock = fake_runtime(vendor_dir)
    (vendor_dir / "wheels" / WHEEL).write_bytes(b"tampered")
    with pytest.raises(BuildError, match="pinned SHA-256"):
        build_site(tmp_path / "site", vendor_dir=vendor_dir, lock=lock)
    assert not (tmp_path / "site").exists(), "nothing is written when a check fails"


def test_a_runtime_not_vendored_says_what_to_run(tmp_path: Path) -> None:
    vendor_dir = tmp_path / "vendor"
    lock = fake_runtime(vendor_dir)
    (vendor_dir / "wheels" / "index.json").unlink()
    with pytest.raises(BuildError, match=r"tools/vendor\.py"):
        build_site(tmp_path / "site", vendor_dir=vendor_dir, lock=lock)
    lock = fake_runtime(tmp_path / "other", index=["missing-1-py3-none-any.whl"])
    with pytest.raises(BuildError, match=r"listed in index\.json but missing"):
        build_site(tmp_path / "site", vendor_dir=tmp_path / "other", lock=lock)


def test_an_unrelated_folder_is_never_replaced(tmp_path: Path) -> None:
    vendor_dir = tmp_path / "vendor"
    lock = fake_runtime(vendor_dir)
    out = tmp_path / "site"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(BuildError, match="not replacing it"):
        build_site(out, vendor_dir=vendor_dir, lock=lock)
    assert (out / "notes.txt").read_text() == "mine"
    (out / "notes.txt").unlink()
    build_site(out, vendor_dir=vendor_dir, lock=lock)
    (out / "left-over.txt").write_text("from the earlier build")
    build_site(out, vendor_dir=vendor_dir, lock=lock)  # an earlier build is replaced whole
    assert not (out / "left-over.txt").exists()


def test_a_file_too_large_for_github_pages_stops_the_build_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "FILE_LIMIT", 1000)
    monkeypatch.setattr(limits, "FILE_WARNING", 500)
    vendor_dir = tmp_path / "vendor"
    lock = fake_runtime(vendor_dir)
    with pytest.raises(BuildError, match=r"too large for GitHub Pages: .* GitHub refuses files over"):
        build_site(tmp_path / "site", vendor_dir=vendor_dir, lock=lock)
    assert not (tmp_path / "site").exists()


def test_size_limits() -> None:
    mb = limits.MB
    report = limits.check_sizes({"a.wasm": 101 * mb, "b.bin": 60 * mb, "c.js": 10})
    assert report.errors == ["a.wasm is 101.0 MB: GitHub refuses files over 100.0 MB"]
    assert report.warnings == ["b.bin is 60.0 MB: GitHub warns about files of 50.0 MB or more"]
    report = limits.check_sizes({f"part{i}": 90 * mb for i in range(12)})
    assert report.errors == ["the site is 1080.0 MB: a GitHub Pages site may be at most 1024.0 MB"]
    assert limits.check_sizes({"x": 49 * mb}).errors == limits.check_sizes({"x": 49 * mb}).warnings == []


def test_static_page_refuses_what_it_cannot_make_static() -> None:
    with pytest.raises(page.PageError, match="no </head>"):
        page.static_page("<html><body></body></html>")
    with pytest.raises(page.PageError, match="no-referrer"):
        page.static_page('<head><meta name="referrer" content="origin"></head>')
    built = page.static_page("<head><title>t</title></head>")
    assert page.REFERRER in built
    with pytest.raises(page.PageError, match="already"):
        page.static_page(built)


def test_the_worker_must_have_exactly_one_version_line() -> None:
    with pytest.raises(ValueError, match="exactly once"):
        manifest.stamp_service_worker("const VERSION = 1;", "abc")
    assert manifest.stamp_service_worker(manifest.VERSION_LINE, "abc") == 'const VERSION = "abc";'


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_web_app_manifest_is_installable_under_a_sub_path() -> None:
    app_manifest = json.loads((ROOT / "manifest.webmanifest").read_text())
    assert app_manifest["name"] and app_manifest["short_name"]
    assert app_manifest["display"] == "standalone"
    assert app_manifest["start_url"] == app_manifest["scope"] == "./", "relative: works at / and under /repo/"
    assert app_manifest["theme_color"] and app_manifest["background_color"]
    purposes: dict[str, set[int]] = {}
    for icon in app_manifest["icons"]:
        assert not icon["src"].startswith("/")
        if icon["type"] == "image/png":
            width, height = png_size(ROOT / icon["src"])
            assert icon["sizes"] == f"{width}x{height}"
            purposes.setdefault(icon["purpose"], set()).add(width)
    assert {192, 512} <= purposes["any"]
    assert 512 in purposes["maskable"]


def test_the_pages_workflow_publishes_what_the_local_command_builds() -> None:
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "run: scripts/build-site --out _site" in workflow
    assert "path: _site" in workflow and "actions/deploy-pages@" in workflow
    assert "hashFiles('tools/vendor.lock.json')" in workflow, "the vendored runtime is keyed on the pins"
    command = (ROOT / "scripts" / "build-site").read_text()
    assert (ROOT / "scripts" / "build-site").stat().st_mode & 0o111 and "tools/build_site.py" in command
