"""The state of a :class:`~simulator.Simulator` as bytes, and back, for a host that restarts.

``serve.py`` keeps its simulator for as long as it runs. The in-page host of the static
site (``simulator.pagehost``) does not: a reload, another tab or a closed tab ends it,
while a render started before must still finish after. So the host saves the state after
each request that changed it and loads it before the next one.

What is saved is everything the simulator *remembers* (jobs of every API, the signing
secret, OAuth grants, submit attempts, the debug log and counters), found generically:
every attribute of the simulator except the ones it can rebuild (configuration, clock,
rendered-file cache, body-reader slots). New state added to the simulator is therefore
saved without a change here; ``tests/sim/test_pagehost.py`` exercises every API so an
attribute that cannot be saved shows up there. Locks are saved as fresh locks.

The format is :mod:`pickle`, read back only from the page's own IndexedDB (data of the
same origin, written by this module); a snapshot that does not load is dropped, and the
simulator starts empty.
"""

from __future__ import annotations

import io
import pickle
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.api import Simulator

# Rebuilt by the host (or derived): saved as a reference to the live object.
TRANSIENT = ("config", "clock", "content", "body_slots")
_SELF = "simulator"
_LOCK_TYPE = type(threading.Lock())
_RLOCK_TYPE = type(threading.RLock())


class SnapshotError(ValueError):
    """A snapshot that cannot be read back (corrupt, or from another simulator version)."""


class _Saver(pickle.Pickler):
    def __init__(self, file: io.BytesIO, sim: Simulator) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._live = {id(sim): _SELF, **{id(getattr(sim, name)): name for name in TRANSIENT}}

    def persistent_id(self, obj: Any) -> str | None:
        return self._live.get(id(obj))

    def reducer_override(self, obj: Any) -> Any:
        # A lock is saved as a new, unlocked one: no request is running when the state is saved.
        if isinstance(obj, _LOCK_TYPE):
            return threading.Lock, ()
        if isinstance(obj, _RLOCK_TYPE):
            return threading.RLock, ()
        return NotImplemented


class _Loader(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, sim: Simulator) -> None:
        super().__init__(file)
        self._live: dict[str, object] = {_SELF: sim, **{name: getattr(sim, name) for name in TRANSIENT}}

    def persistent_load(self, pid: Any) -> object:
        if pid not in self._live:
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self._live[pid]


def dump(sim: Simulator) -> bytes:
    """Everything ``sim`` remembers, as bytes."""
    state = {name: value for name, value in vars(sim).items() if name not in TRANSIENT}
    buffer = io.BytesIO()
    _Saver(buffer, sim).dump(state)
    return buffer.getvalue()


def load(sim: Simulator, data: bytes) -> None:
    """Make ``sim`` remember what the snapshot holds (its own configuration and clock stay)."""
    try:
        state = _Loader(io.BytesIO(data), sim).load()
    except Exception as exc:  # any corruption, or classes that changed shape
        raise SnapshotError(f"the simulator state could not be read ({type(exc).__name__}: {exc})") from exc
    if not isinstance(state, dict) or set(state) != {n for n in vars(sim) if n not in TRANSIENT}:
        raise SnapshotError("the simulator state is from another version of the simulator")
    vars(sim).update(state)
