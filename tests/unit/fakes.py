"""In-memory stand-ins for the browser adapters, for CPython tests of the services."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from app.core.errors import StorageQuotaError
from app.services.ports import Clear, Delete, Op, Put


class MemoryRecords:
    """A RecordStore over dicts; ``fail_next_write`` simulates a full disk."""

    def __init__(self) -> None:
        self.stores: dict[str, dict[str, Any]] = {}
        self.key_paths: dict[str, str] = {"settings": "id", "vault": "id", "jobs": "id", "assets": "id"}
        self.fail_next_write = False

    async def get(self, store: str, key: str) -> Any:
        return copy.deepcopy(self.stores.get(store, {}).get(key))

    async def get_all(self, store: str, *, index: str | None = None, query: Any = None) -> list[Any]:
        values = list(self.stores.get(store, {}).values())
        if index is not None and query is not None:
            values = [v for v in values if isinstance(v, dict) and v.get(index) == query]
        return copy.deepcopy(values)

    async def keys(self, store: str) -> list[str]:
        return list(self.stores.get(store, {}))

    async def write(self, ops: Sequence[Op]) -> None:
        if self.fail_next_write:
            self.fail_next_write = False
            raise StorageQuotaError("quota exhausted")
        staged = copy.deepcopy(self.stores)
        for op in ops:
            table = staged.setdefault(op.store, {})
            if isinstance(op, Put):
                key = op.key if op.key is not None else op.value[self.key_paths[op.store]]
                table[key] = copy.deepcopy(op.value)
            elif isinstance(op, Delete):
                table.pop(op.key, None)
            elif isinstance(op, Clear):
                table.clear()
        self.stores = staged
