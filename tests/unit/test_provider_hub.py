"""ProviderHub's live model lists: read from the API at most once a day, cached with their
date in the records, usable offline from that cache, and kept (with the reason) when a
refresh fails."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from app.core.provider_directory import Catalogue
from app.core.providers import registry
from app.core.settings import Settings
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import META
from app.services.provider_hub import CATALOGUE_MAX_AGE_S, ProviderHub, catalogue_key
from simulator import SimConfig, Simulator
from simulator.testing import FakeClock, FakeMedia
from tests.unit.aio import run
from tests.unit.fakes import MemoryRecords
from tests.unit.simtransport import FixedClock, SimTransport

if TYPE_CHECKING:
    from app.services.vault_service import VaultService

ORIGIN = "http://sim.test"
LIVE = "openrouter"


class Bench:
    """A hub in demo mode (the simulators' catalogue, no vault needed) over in-memory records."""

    def __init__(self, records: MemoryRecords | None = None) -> None:
        self.clock = FixedClock()
        sim = Simulator(SimConfig(public_origin=ORIGIN), clock=FakeClock(), media=FakeMedia())
        self.transport = SimTransport(sim)
        self.records = records or MemoryRecords()
        self.store: Store[AppState] = Store(AppState(page_origin=ORIGIN, settings=Settings(demo_mode=True)))
        no_vault = cast("VaultService", object())  # demo mode never asks it for a key
        self.hub = ProviderHub(
            self.store,
            registry.directory(),
            registry.codecs(),
            self.transport,
            no_vault,
            self.records,
            self.clock,
        )

    def refresh(self, provider_id: str = LIVE, *, force: bool = False) -> Catalogue | None:
        return run(self.hub.refresh_catalogue(provider_id, force=force))

    def catalogue_calls(self) -> int:
        return sum(1 for r in self.transport.sent if r.url.endswith("/videos/models"))


def _ids(catalogue: Catalogue | None) -> list[str]:
    assert catalogue is not None
    return [m.id for m in catalogue.models]


def test_a_refresh_reads_the_api_and_caches_the_answer_with_its_date() -> None:
    bench = Bench()
    fresh = bench.refresh()
    assert fresh is not None and fresh.models and not fresh.error
    assert fresh.fetched_at == bench.clock.now()
    assert bench.store.state.catalogues[LIVE] == fresh
    cached = bench.records.stores[META][catalogue_key(LIVE)]
    assert cached["fetched_at"] == bench.clock.now() and "data" in cached["body"]
    assert bench.catalogue_calls() == 1


def test_within_a_day_the_known_list_is_kept_unless_forced() -> None:
    bench = Bench()
    first = bench.refresh()
    bench.clock.value += CATALOGUE_MAX_AGE_S - 1
    assert bench.refresh() is first and bench.catalogue_calls() == 1
    forced = bench.refresh(force=True)
    assert bench.catalogue_calls() == 2 and forced is not None and forced.fetched_at == bench.clock.now()
    bench.clock.value += CATALOGUE_MAX_AGE_S
    bench.refresh()
    assert bench.catalogue_calls() == 3


def test_a_failed_refresh_keeps_the_models_and_says_why() -> None:
    bench = Bench()
    fresh = bench.refresh()
    assert fresh is not None
    bench.transport.offline = True
    failed = bench.refresh(force=True)
    assert failed is not None and failed.error
    assert failed.models == fresh.models and failed.fetched_at == fresh.fetched_at
    assert bench.store.state.catalogues[LIVE] == failed


def test_a_failed_first_refresh_has_no_models_and_no_date() -> None:
    bench = Bench()
    bench.transport.offline = True
    failed = bench.refresh()
    assert failed is not None and failed.error
    assert failed.models == () and failed.fetched_at is None
    assert catalogue_key(LIVE) not in bench.records.stores.get(META, {})


def test_after_a_reload_the_cached_list_is_used_offline() -> None:
    online = Bench()
    fresh = online.refresh()
    reloaded = Bench(online.records)
    reloaded.transport.offline = True
    run(reloaded.hub.load_catalogues())
    loaded = reloaded.store.state.catalogues[LIVE]
    assert _ids(loaded) == _ids(fresh) and loaded.fetched_at == online.clock.now()
    assert not reloaded.transport.sent  # loading never asks the API
    assert reloaded.hub.provider_of(LIVE).model(_ids(fresh)[0]) is not None


def test_a_corrupt_cache_is_ignored() -> None:
    records = MemoryRecords()
    records.stores[META] = {catalogue_key(LIVE): {"body": "{not json", "fetched_at": 5.0}}
    bench = Bench(records)
    run(bench.hub.load_catalogues())
    assert LIVE not in bench.store.state.catalogues


def test_providers_without_a_live_list_are_never_asked() -> None:
    bench = Bench()
    assert bench.refresh("gemini") is None and bench.refresh("openai-videos") is None
    run(bench.hub.load_catalogues())
    assert set(bench.store.state.catalogues) <= {LIVE} and not bench.transport.sent
