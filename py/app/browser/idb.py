"""IndexedDB through the FFI: a versioned schema and one transaction helper.

JSON records (validated by pydantic in the services) and binary values (Blobs,
CryptoKeys) live in separate object stores. A transaction auto-commits as soon as
control returns to the event loop, so :meth:`Database.write` issues every request of a
transaction back to back and only then awaits its completion; callers finish any other
awaiting (WebCrypto, fetch) before they call it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any

import js
from pyodide.ffi import JsException, JsProxy, create_proxy

from app.browser.ffi import await_events, is_null, js_object, py_value
from app.core.errors import StorageError, StorageQuotaError
from app.core.i18n import tr
from app.core.stores import DB_NAME, DB_VERSION, SCHEMA
from app.services.ports import Delete, Op, Put

TRANSACTION_TIMEOUT_S = 30.0
BLOB_BYTES_PER_S = 10_000_000  # a slow disk's pace for the Blobs a transaction copies in (an import)


def _storage_error(error: Any, action: str) -> StorageError:
    name = "" if is_null(error) else str(getattr(error, "name", ""))
    message = "" if is_null(error) else str(getattr(error, "message", ""))
    if name == "QuotaExceededError":
        return StorageQuotaError(tr("plat.idb.quota", action=action))
    return StorageError(
        tr("plat.idb.failed", action=action, name=name or tr("plat.idb.error"), message=message).strip()
    )


def _to_js_value(value: Any) -> Any:
    return js_object(value) if isinstance(value, dict | list) else value


def _timeout_s(ops: Sequence[Op]) -> float:
    """Long enough for the Blobs the transaction writes (a GB-sized import is one transaction)."""
    blob_bytes = 0
    for op in ops:
        size = getattr(op.value, "size", None) if isinstance(op, Put) and isinstance(op.value, JsProxy) else None
        blob_bytes += int(size) if isinstance(size, int | float) else 0
    return TRANSACTION_TIMEOUT_S + blob_bytes / BLOB_BYTES_PER_S


class Database:
    """An open IndexedDB database. Create with :meth:`open`."""

    def __init__(self, handle: Any) -> None:
        self._db = handle
        self._on_version_change = create_proxy(lambda _event: self._db.close())
        self._db.onversionchange = self._on_version_change

    @classmethod
    async def open(cls, name: str = DB_NAME) -> Database:
        request = js.indexedDB.open(name, DB_VERSION)

        def upgrade(event: Any) -> None:
            db = event.target.result
            for version, specs in SCHEMA:
                if event.oldVersion >= version:
                    continue
                for spec in specs:
                    if db.objectStoreNames.contains(spec.name):
                        continue
                    options = js_object({"keyPath": spec.key_path} if spec.key_path else {})
                    store = db.createObjectStore(spec.name, options)
                    for index_name, key_path in spec.indexes:
                        store.createIndex(index_name, key_path)

        upgrade_proxy = create_proxy(upgrade)
        request.onupgradeneeded = upgrade_proxy
        try:
            handle = await asyncio.wait_for(
                await_events(
                    request,
                    ["success"],
                    ["error", "blocked"],
                    lambda _e: request.result,
                    lambda _e: _storage_error(request.error, tr("plat.idb.open")),
                ),
                TRANSACTION_TIMEOUT_S,
            )
        finally:
            request.onupgradeneeded = None
            upgrade_proxy.destroy()
        return cls(handle)

    def close(self) -> None:
        self._db.close()

    # -- reads ---------------------------------------------------------------------
    async def _read(self, store: str, make_request: Callable[[Any], Any], action: str) -> Any:
        transaction = self._db.transaction(store, "readonly")
        request = make_request(transaction.objectStore(store))
        return await asyncio.wait_for(
            await_events(
                request,
                ["success"],
                ["error"],
                lambda _e: request.result,
                lambda _e: _storage_error(request.error, action),
            ),
            TRANSACTION_TIMEOUT_S,
        )

    async def get(self, store: str, key: str) -> Any:
        """The value under ``key`` (dicts for JSON records, JS handles for Blobs), or ``None``."""
        value = await self._read(store, lambda s: s.get(key), tr("plat.idb.read", store=store))
        return None if is_null(value) or _is_undefined(value) else py_value(value)

    async def get_all(self, store: str, *, index: str | None = None, query: Any = None) -> list[Any]:
        """Every value in ``store`` (optionally through ``index`` and a key/range)."""

        def request(s: Any) -> Any:
            source = s.index(index) if index else s
            return source.getAll(query) if query is not None else source.getAll()

        values = await self._read(store, request, tr("plat.idb.read", store=store))
        return [py_value(v) for v in values]

    async def keys(self, store: str) -> list[str]:
        values = await self._read(store, lambda s: s.getAllKeys(), tr("plat.idb.list", store=store))
        return [str(k) for k in values]

    async def count(self, store: str) -> int:
        return int(await self._read(store, lambda s: s.count(), tr("plat.idb.count", store=store)))

    # -- writes ----------------------------------------------------------------------
    async def write(self, ops: Sequence[Op]) -> None:
        """Apply ``ops`` atomically in one readwrite transaction (all or nothing)."""
        if not ops:
            return
        stores = sorted({op.store for op in ops})
        transaction = self._db.transaction(js_object(stores), "readwrite")
        done = await_events(
            transaction,
            ["complete"],
            ["error", "abort"],
            lambda _e: None,
            lambda _e: _storage_error(transaction.error, tr("plat.idb.save")),
        )
        try:
            for op in ops:
                object_store = transaction.objectStore(op.store)
                if isinstance(op, Put):
                    value = _to_js_value(op.value)
                    if op.key is None:
                        object_store.put(value)
                    else:
                        object_store.put(value, op.key)
                elif isinstance(op, Delete):
                    object_store.delete(op.key)
                else:
                    object_store.clear()
        except Exception as exc:
            transaction.abort()
            done.cancel()
            raise _storage_error(getattr(exc, "js_error", None), tr("plat.idb.save")) from exc
        try:
            await asyncio.wait_for(done, _timeout_s(ops))
        except TimeoutError:
            with suppress(JsException):  # too late once it commits: then it completes on its own
                transaction.abort()
            raise StorageError(tr("plat.idb.save_timeout")) from None

    async def put(self, store: str, value: Any, key: str | None = None) -> None:
        await self.write([Put(store, value, key)])

    async def delete(self, store: str, key: str) -> None:
        await self.write([Delete(store, key)])


def _is_undefined(value: Any) -> bool:
    return isinstance(value, JsProxy) and str(value) == "undefined"


async def delete_database(name: str = DB_NAME) -> None:
    """Remove the whole database (Hard reset). Open connections close on versionchange."""
    request = js.indexedDB.deleteDatabase(name)
    await asyncio.wait_for(
        await_events(
            request,
            ["success"],
            ["error"],
            lambda _e: None,
            lambda _e: _storage_error(request.error, tr("plat.idb.delete_database")),
        ),
        TRANSACTION_TIMEOUT_S,
    )
