"""A small thread-safe LRU cache bounded by entry count and total weight (bytes)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """Least-recently-used values, computed once per key even under concurrent requests.

    ``weigh`` gives a value's size; the oldest values go when either bound is exceeded
    (a single value heavier than the bound is returned but not kept).
    """

    def __init__(self, max_entries: int, max_weight: int, weigh: Callable[[V], int]) -> None:
        self._items: OrderedDict[K, V] = OrderedDict()
        self._weights: dict[K, int] = {}
        self._total = 0
        self._max_entries = max_entries
        self._max_weight = max_weight
        self._weigh = weigh
        self._lock = threading.Lock()
        self._key_locks: dict[K, threading.Lock] = {}

    def get_or_compute(self, key: K, compute: Callable[[], V]) -> V:
        hit = self._lookup(key)
        if hit is not None:
            return hit[0]
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        try:
            with key_lock:  # a second request for the same key waits for the first render
                hit = self._lookup(key)
                if hit is not None:
                    return hit[0]
                value = compute()
                self._store(key, value)
                return value
        finally:
            with self._lock:
                self._key_locks.pop(key, None)

    def _lookup(self, key: K) -> tuple[V] | None:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return (self._items[key],)

    def _store(self, key: K, value: V) -> None:
        weight = self._weigh(value)
        if weight > self._max_weight:
            return
        with self._lock:
            self._total -= self._weights.pop(key, 0)
            self._items[key] = value
            self._weights[key] = weight
            self._total += weight
            while len(self._items) > self._max_entries or self._total > self._max_weight:
                old_key, _ = self._items.popitem(last=False)
                self._total -= self._weights.pop(old_key)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
