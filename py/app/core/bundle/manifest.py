"""``manifest.json``: what a bundle holds, in a strict, versioned format.

Records are kept schema-agnostic here (by IndexedDB store name); the app checks each
one with its own models when a bundle is validated. Unknown fields are refused, so a
typo or a newer field never passes silently. A bundle made by a newer app version is
refused with a message saying so; an older one is brought up to date by the migration
registered for its version (``MIGRATIONS[v]`` turns version ``v`` into ``v + 1``).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, ConfigDict, Field, ValidationError, model_validator

from app.core.bundle.errors import ManifestError, Problem
from app.core.i18n import tr
from app.core.model_base import Model

FORMAT: Final = "sora-renderer-bundle"
CURRENT_VERSION = 1
MANIFEST_NAME = "manifest.json"
FILES_FOLDER = "files/"
PBKDF2_MIN_ITERATIONS = 600_000
MAX_RECORDS_PER_STORE = 1_000_000
MAX_FILES = 100_000

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: Mapping[int, Migration] = {}  # none yet: version 1 is the first

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
_EXTENSION = re.compile(r"[a-z0-9]{1,10}")
_STORE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MIME = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}")


def _matching(pattern: re.Pattern[str], what_id: str) -> Callable[[str], str]:
    """A check that ``value`` matches ``pattern``; ``what_id`` is the message describing it."""

    def check(value: str) -> str:
        if not pattern.fullmatch(value):
            raise ValueError(tr("bchk.manifest.must_be", what=tr(what_id)))
        return value

    return check


def _base64(min_bytes: int, max_bytes: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > 2 * max_bytes + 16:  # far too long: do not even decode it
            raise ValueError(tr("bchk.manifest.base64_size", low=str(min_bytes), high=str(max_bytes)))
        try:
            size = len(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError):
            raise ValueError(tr("bchk.manifest.base64")) from None
        if not min_bytes <= size <= max_bytes:
            raise ValueError(tr("bchk.manifest.base64_not", low=str(min_bytes), high=str(max_bytes), size=str(size)))
        return value

    return check


AssetId = Annotated[str, AfterValidator(_matching(_ID, "bchk.manifest.id"))]
Sha256Hex = Annotated[str, AfterValidator(_matching(_SHA256, "bchk.manifest.sha256"))]
Mime = Annotated[str, AfterValidator(_matching(_MIME, "bchk.manifest.mime"))]
StoreName = Annotated[str, AfterValidator(_matching(_STORE, "bchk.manifest.store"))]
Record = dict[str, Any]


class FileEntry(Model):
    """One stored Blob in the bundle, at ``files/<asset_id>.<ext>``."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    path: str = Field(max_length=160)
    asset_id: AssetId
    bytes: int = Field(ge=0, le=2**53)
    sha256: Sha256Hex
    mime: Mime

    @model_validator(mode="after")
    def _path_names_the_asset(self) -> FileEntry:
        stem, dot, extension = self.path.removeprefix(FILES_FOLDER).rpartition(".")
        if not (
            self.path.startswith(FILES_FOLDER) and dot and stem == self.asset_id and _EXTENSION.fullmatch(extension)
        ):
            raise ValueError(tr("bchk.manifest.path", asset=self.asset_id))
        return self


class EncryptedKeys(Model):
    """The key vault, encrypted with a key derived from a passphrase; never the plaintext."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    kdf: Literal["PBKDF2-SHA-256"]
    iterations: int = Field(ge=PBKDF2_MIN_ITERATIONS, le=10_000_000)
    salt: Annotated[str, AfterValidator(_base64(16, 64))]
    iv: Annotated[str, AfterValidator(_base64(12, 12))]
    ciphertext: Annotated[str, AfterValidator(_base64(17, 64 * 1024))]  # at least the GCM tag and a byte
    cipher: Literal["AES-GCM"]


class Manifest(Model):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    format: Literal["sora-renderer-bundle"]  # FORMAT
    version: int = Field(ge=1)
    created_at: float = Field(ge=0, allow_inf_nan=False)  # seconds since the epoch
    app_version: str = Field(min_length=1, max_length=64)
    scope: Literal["everything", "selection"]
    stores: dict[StoreName, Annotated[list[Record], Field(max_length=MAX_RECORDS_PER_STORE)]] = Field(max_length=32)
    files: list[FileEntry] = Field(max_length=MAX_FILES)
    keys: EncryptedKeys | None = None


def validation_problems(exc: ValidationError, where: str) -> list[Problem]:
    """Each pydantic error as a readable problem: ``field.path: what is wrong``."""
    problems = []
    for error in exc.errors(include_url=False):
        location = ".".join(f"[{part}]" if isinstance(part, int) else str(part) for part in error["loc"])
        location = location.replace(".[", "[")
        message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
        problems.append(Problem(where, f"{location}: {message}" if location else message))
    return problems


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(tr("bchk.manifest.key_twice", key=repr(key)))
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(tr("bchk.manifest.constant", name=name))


def _problem(message: str) -> ManifestError:
    return ManifestError([Problem(MANIFEST_NAME, message)])


def load_json(raw: bytes) -> Any:
    """Strict JSON: UTF-8, no duplicate keys, no NaN/Infinity, bounded nesting."""
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise _problem(tr("bchk.manifest.utf8", offset=str(exc.start))) from None
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        where = {"line": str(exc.lineno), "column": str(exc.colno)}
        raise _problem(tr("bchk.manifest.json", error=exc.msg, **where)) from None
    except RecursionError:
        raise _problem(tr("bchk.manifest.nesting")) from None
    except ValueError as exc:
        raise _problem(tr("bchk.manifest.unusable", error=str(exc))) from None


def parse_manifest(
    raw: bytes, *, current_version: int = CURRENT_VERSION, migrations: Mapping[int, Migration] = MIGRATIONS
) -> Manifest:
    """The validated manifest, migrated to ``current_version``; raises :class:`ManifestError`."""
    data = load_json(raw)
    if not isinstance(data, dict):
        raise _problem(tr("bchk.manifest.object"))
    if data.get("format") != FORMAT:
        raise _problem(tr("bchk.manifest.format", found=repr(data.get("format")), expected=repr(FORMAT)))
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise _problem(tr("bchk.manifest.version", found=repr(version)))
    if version > current_version:
        raise _problem(tr("bchk.manifest.newer", version=str(version), current=str(current_version)))
    while version < current_version:
        migrate = migrations.get(version)
        if migrate is None:
            raise _problem(tr("bchk.manifest.no_migration", version=str(version), next=str(version + 1)))
        data = migrate(data)
        if data.get("version") != version + 1:
            raise _problem(tr("bchk.manifest.migration", version=str(version), next=str(version + 1)))
        version += 1
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        raise ManifestError(validation_problems(exc, MANIFEST_NAME)) from None
