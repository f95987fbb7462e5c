"""Vendor the page's runtime: Pyodide, PyScript and the wheels, pinned and hash-checked.

The app must never fetch anything from a CDN at run time, so everything the page loads
comes from ``vendor/`` (git-ignored), filled by this script from the npm registry and
PyPI at the pins in ``tools/vendor.lock.json``. It is idempotent: when the stamp of a
group matches the lock and every file is in place, it does nothing.

Usage: ``python3 tools/vendor.py [--with-test] [--force]``. Standard library only, so
it runs before any virtual environment exists.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script (python3 tools/vendor.py): tools.bytecode must import
    sys.path.insert(0, str(ROOT))
LOCK_PATH = ROOT / "tools" / "vendor.lock.json"
VENDOR_DIR = ROOT / "vendor"
DEFAULT_NPM_REGISTRY = "https://registry.npmjs.org/"
DOWNLOAD_TIMEOUT_S = 120
COMPILED = "compiled"  # vendor/wheels/compiled/: the same wheels with bytecode (tools/bytecode.py)


class VendorError(RuntimeError):
    """A package could not be fetched or did not match its pinned hash."""


@dataclass(frozen=True)
class NpmPin:
    """One npm package and the files of it the page serves."""

    name: str
    version: str
    integrity: str
    dest: str
    group: str
    files: tuple[str, ...] = ()
    directory: str = ""
    skip_suffixes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def tarball_url(self, registry: str) -> str:
        basename = self.name.split("/")[-1]
        return f"{registry.rstrip('/')}/{self.name}/-/{basename}-{self.version}.tgz"

    def wants(self, member: str) -> str | None:
        """The path under ``dest`` for a tarball member, or ``None`` to skip it."""
        inner = member.removeprefix("package/")
        if self.files:
            return inner if inner in self.files else None
        if not inner.startswith(self.directory) or inner.endswith(self.skip_suffixes):
            return None
        return inner.removeprefix(self.directory) or None


@dataclass(frozen=True)
class WheelPin:
    """One wheel for the page's Pyodide, pinned by version, file name and SHA-256."""

    name: str
    version: str
    filename: str
    sha256: str


@dataclass(frozen=True)
class Lock:
    npm: tuple[NpmPin, ...]
    wheels: tuple[WheelPin, ...]
    wheel_target: dict[str, str]
    digest: str


def load_lock(path: Path = LOCK_PATH) -> Lock:
    raw = path.read_bytes()
    data: dict[str, Any] = json.loads(raw)
    npm = tuple(
        NpmPin(
            name=p["name"],
            version=p["version"],
            integrity=p["integrity"],
            dest=p["dest"],
            group=p.get("group", "runtime"),
            files=tuple(p.get("files", ())),
            directory=p.get("directory", ""),
            skip_suffixes=tuple(p.get("skip_suffixes", ())),
        )
        for p in data["npm"]
    )
    wheels = tuple(WheelPin(**w) for w in data["wheels"])
    return Lock(npm, wheels, dict(data["wheel_target"]), hashlib.sha256(raw).hexdigest())


def _stamp_path(group: str) -> Path:
    return VENDOR_DIR / f".stamp-{group}"


def _npm_complete(pin: NpmPin) -> bool:
    dest = VENDOR_DIR / pin.dest
    if pin.files:
        return all((dest / f).is_file() for f in pin.files)
    return dest.is_dir() and any(dest.iterdir())


def _group_current(lock: Lock, group: str) -> bool:
    stamp = _stamp_path(group)
    if not stamp.is_file() or stamp.read_text().strip() != lock.digest:
        return False
    pins_ok = all(_npm_complete(p) for p in lock.npm if p.group == group)
    if group == "runtime":
        wheels_dir = VENDOR_DIR / "wheels"
        pins_ok = pins_ok and (wheels_dir / "index.json").is_file()
        pins_ok = pins_ok and all((wheels_dir / name).is_file() for name in _indexed(wheels_dir))
        pins_ok = pins_ok and all((wheels_dir / w.filename).is_file() for w in lock.wheels)
    return pins_ok


def _download(url: str, what: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response:
            data: bytes = response.read()
            return data
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise VendorError(
            f"Could not download {what} from the npm registry ({url}): {exc}. "
            "Check the network connection, or point NPM_CONFIG_REGISTRY at a reachable registry."
        ) from exc


def _check_integrity(data: bytes, integrity: str, what: str) -> None:
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise VendorError(f"{what}: downloaded file does not match its pinned {algorithm} hash.")


def vendor_npm(pin: NpmPin, registry: str) -> None:
    """Download one npm tarball, verify it, and unpack the wanted files atomically."""
    data = _download(pin.tarball_url(registry), pin.label)
    _check_integrity(data, pin.integrity, pin.label)
    staging = Path(tempfile.mkdtemp(prefix=f".{pin.dest}-", dir=VENDOR_DIR))
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive.getmembers():
            target = pin.wants(member.name) if member.isfile() else None
            if target is None:
                continue
            source = archive.extractfile(member)
            if source is None:
                continue
            out = staging / target
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(source.read())
    missing = [f for f in pin.files if not (staging / f).is_file()]
    if missing:
        shutil.rmtree(staging)
        raise VendorError(f"{pin.label}: the package has no {', '.join(missing)}.")
    final = VENDOR_DIR / pin.dest
    if final.exists():
        shutil.rmtree(final)
    staging.rename(final)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def vendor_wheel(pin: WheelPin, target: dict[str, str], wheels_dir: Path) -> None:
    """Fetch one wheel for Pyodide's platform with pip, pinned by hash."""
    if (wheels_dir / pin.filename).is_file() and sha256_file(wheels_dir / pin.filename) == pin.sha256:
        return
    with tempfile.TemporaryDirectory() as tmp:
        requirement = Path(tmp) / "requirement.txt"
        requirement.write_text(f"{pin.name}=={pin.version} --hash=sha256:{pin.sha256}\n")
        command = [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
            "--platform", target["platform"], "--python-version", target["python_version"],
            "--implementation", target["implementation"], "--abi", target["abi"],
            "--require-hashes", "-r", str(requirement), "-d", tmp,
            "--timeout", "30", "--retries", "2", "--disable-pip-version-check",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        fetched = Path(tmp) / pin.filename
        if result.returncode != 0 or not fetched.is_file():
            detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
            raise VendorError(
                f"Could not download the wheel {pin.name}=={pin.version} ({pin.filename}) from the "
                f"Python package index: {detail[0]}. Check the network connection or pip's index settings."
            )
        if sha256_file(fetched) != pin.sha256:
            raise VendorError(f"{pin.filename}: downloaded file does not match its pinned SHA-256.")
        shutil.move(str(fetched), wheels_dir / pin.filename)


def _indexed(wheels_dir: Path) -> list[str]:
    try:
        return [str(name) for name in json.loads((wheels_dir / "index.json").read_text())["wheels"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _bytecode_missing(wheels_dir: Path) -> bool:
    """True when the index lists a wheel without bytecode that Node could now compile."""
    from tools import bytecode

    plain = [name for name in _indexed(wheels_dir) if not name.startswith(f"{COMPILED}/")]
    return bool(plain) and bytecode.can_compile()


def write_wheel_index(lock: Lock, wheels_dir: Path) -> None:
    """``vendor/wheels/index.json``: the wheels the page loads after its first screen, with
    bytecode made in advance (in ``compiled/``) where ``tools/bytecode.py`` can make it."""
    from tools import bytecode

    compiled = bytecode.compiled_paths([wheels_dir / w.filename for w in lock.wheels])
    names: list[str] = []
    for wheel in lock.wheels:
        source = wheels_dir / wheel.filename
        made = compiled[source]
        if made == source:  # no bytecode could be made: the source wheel is served
            names.append(wheel.filename)
            continue
        (wheels_dir / COMPILED).mkdir(exist_ok=True)
        shutil.copyfile(made, wheels_dir / COMPILED / wheel.filename)
        names.append(f"{COMPILED}/{wheel.filename}")
    index = {"wheels": names}
    (wheels_dir / "index.json").write_text(json.dumps(index, indent=2) + "\n")


def ensure(groups: tuple[str, ...] = ("runtime",), *, force: bool = False, quiet: bool = False) -> None:
    """Make ``vendor/`` match the lock for ``groups``; a no-op when it already does."""
    lock = load_lock()
    registry = (
        os.environ.get("NPM_CONFIG_REGISTRY")
        or os.environ.get("npm_config_registry")  # noqa: SIM112 - the spelling npm itself sets
        or DEFAULT_NPM_REGISTRY
    )
    VENDOR_DIR.mkdir(exist_ok=True)
    for group in groups:
        if not force and _group_current(lock, group):
            if group == "runtime" and _bytecode_missing(VENDOR_DIR / "wheels"):
                write_wheel_index(lock, VENDOR_DIR / "wheels")
            if not quiet:
                print(f"vendor: {group} files are up to date")
            continue
        for pin in lock.npm:
            if pin.group == group:
                if not quiet:
                    print(f"vendor: fetching {pin.label} from the npm registry")
                vendor_npm(pin, registry)
        if group == "runtime":
            wheels_dir = VENDOR_DIR / "wheels"
            wheels_dir.mkdir(exist_ok=True)
            for wheel in lock.wheels:
                if not quiet:
                    print(f"vendor: fetching {wheel.filename}")
                vendor_wheel(wheel, lock.wheel_target, wheels_dir)
            write_wheel_index(lock, wheels_dir)
        _stamp_path(group).write_text(lock.digest + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--with-test", action="store_true", help="also fetch what the browser tests need")
    parser.add_argument("--force", action="store_true", help="fetch again even when up to date")
    args = parser.parse_args(argv)
    groups = ("runtime", "test") if args.with_test else ("runtime",)
    try:
        ensure(groups, force=args.force)
    except VendorError as exc:
        print(f"vendor: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
