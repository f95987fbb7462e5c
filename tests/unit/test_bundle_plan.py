"""Import plans: what is added, merged and skipped, with counts and bytes, before anything is written."""

from __future__ import annotations

from app.core.bundle.export import select_export
from app.core.bundle.manifest import EncryptedKeys
from app.core.bundle.plan import ImportPlan, LocalState, PlanItem, Tally, plan_import
from app.core.bundle.validate import Bundle, open_bundle
from app.core.settings import ProviderSettings, Settings
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS
from tests.unit.bundle_kit import NOW, VALIDATORS, Library, bundle_bytes, job, library, preset, reader

KEYS = EncryptedKeys(
    kdf="PBKDF2-SHA-256", iterations=600_000, salt="A" * 24, iv="B" * 16, ciphertext="C" * 40, cipher="AES-GCM"
)
SIZES = {asset_id: len(blob) for asset_id, blob in library().blobs.items()}


def bundle_of(lib: Library | None = None, **options: object) -> Bundle:
    data = bundle_bytes(lib, **options)
    result = open_bundle(len(data), reader(data), VALIDATORS)
    assert isinstance(result, Bundle), result
    return result


def local_copy_of(lib: Library) -> LocalState:
    """What a browser that already imported ``lib`` holds."""
    return LocalState(
        job_updated_at={j["id"]: j["updated_at"] for j in lib.records[JOBS]},
        asset_ids=frozenset(a["id"] for a in lib.records[ASSETS]),
        preset_ids=frozenset(p["id"] for p in lib.records[PRESETS]),
        preset_names=frozenset(p["name"] for p in lib.records[PRESETS]),
        settings=lib.records[SETTINGS][0],
    )


def item(plan: ImportPlan, store: str, key: str) -> PlanItem:
    return next(i for i in plan.items if (i.store, i.key) == (store, key))


def test_everything_is_added_to_an_empty_browser() -> None:
    lib = library()
    plan = plan_import(bundle_of(lib), LocalState())
    assert {(i.store, i.key): i.action for i in plan.items if i.store != SETTINGS} == {
        (JOBS, "job-a"): "add", (JOBS, "job-b"): "add", (ASSETS, "va"): "add", (ASSETS, "ta"): "add",
        (ASSETS, "vb"): "add", (PRESETS, "p1"): "add",
    }  # fmt: skip
    assert plan.tally("add") == Tally(records=3, files=3, bytes=sum(SIZES.values()))
    assert {b.asset_id for b in plan.blobs} == {"va", "ta", "vb"}
    assert {(w.store, w.key) for w in plan.writes} == {(i.store, i.key) for i in plan.items if i.action != "skip"}
    assert [b.file.entry.bytes for b in plan.blobs] == [SIZES["va"], SIZES["ta"], SIZES["vb"]]


def test_importing_the_same_bundle_twice_skips_everything() -> None:
    lib = library()
    plan = plan_import(bundle_of(lib), local_copy_of(lib), replace_settings=True)
    assert all(i.action == "skip" for i in plan.items)
    assert plan.writes == () and plan.blobs == ()
    assert item(plan, JOBS, "job-a").reason == "identical"
    assert item(plan, ASSETS, "va").reason == "already stored (your file is kept)"
    assert item(plan, SETTINGS, "app").reason == "identical"
    assert plan.tally("skip") == Tally(records=4, files=3, bytes=sum(SIZES.values()))
    assert plan.warnings == ()


def test_a_newer_job_in_the_bundle_is_merged_and_local_files_are_kept() -> None:
    lib = library()
    local = local_copy_of(lib)
    newer = library()
    newer.records[JOBS][0] = job("job-a", updated_at=NOW + 60, assets={"video": "va", "thumbnail": "ta"})
    local = LocalState(job_updated_at=local.job_updated_at, asset_ids=frozenset({"va"}))  # the thumbnail was lost here
    plan = plan_import(bundle_of(newer), local)
    assert item(plan, JOBS, "job-a").action == "merge"
    assert item(plan, JOBS, "job-b").action == "skip"
    assert item(plan, ASSETS, "va").action == "skip"  # the local file is kept, not rewritten
    assert item(plan, ASSETS, "ta").action == "add"
    assert [b.asset_id for b in plan.blobs] == ["ta", "vb"]  # vb: its job is identical, its file was missing
    merged = next(w for w in plan.writes if w.key == "job-a")
    assert merged.record["updated_at"] == NOW + 60
    assert plan.tally("merge") == Tally(records=1, files=0, bytes=0)


def test_a_job_that_is_newer_here_is_kept_with_its_files() -> None:
    lib = library()
    local = LocalState(job_updated_at={"job-a": NOW + 500, "job-b": NOW})
    plan = plan_import(bundle_of(lib), local)
    assert item(plan, JOBS, "job-a") == PlanItem(JOBS, "job-a", "skip", "yours is newer")
    assert item(plan, ASSETS, "va").reason == "its job is newer here"
    assert [b.asset_id for b in plan.blobs] == ["vb"]
    assert plan.tally("skip", ASSETS) == Tally(records=0, files=2, bytes=SIZES["va"] + SIZES["ta"])


def test_settings_are_kept_unless_the_user_chose_to_import_them() -> None:
    lib = library()
    mine = Settings(theme="dark").model_dump(mode="json")
    kept = plan_import(bundle_of(lib), LocalState(settings=mine))
    assert item(kept, SETTINGS, "app").action == "skip" and all(w.store != SETTINGS for w in kept.writes)
    replaced = plan_import(bundle_of(lib), LocalState(settings=mine), replace_settings=True)
    settings = item(replaced, SETTINGS, "app")
    assert settings.action == "merge" and settings.reason == "replaces yours; changes theme, welcome_done"
    assert [w.record for w in replaced.writes if w.store == SETTINGS] == lib.records[SETTINGS]
    assert replaced.warnings == ()  # the API address does not change
    first_run = plan_import(bundle_of(lib), LocalState(), replace_settings=True)
    assert item(first_run, SETTINGS, "app").action == "add"


def test_imported_settings_that_move_the_api_address_come_with_a_warning() -> None:
    lib = library()
    evil = Settings(providers={"openrouter": ProviderSettings(base_url="https://api.example.net/v1")}).model_dump(
        mode="json"
    )
    lib.records[SETTINGS] = [evil]
    mine = Settings().model_dump(mode="json")
    plan = plan_import(bundle_of(lib), LocalState(settings=mine), replace_settings=True)
    (warning,) = plan.warnings
    assert "https://api.example.net/v1" in warning and "the app asks before sending one elsewhere" in warning
    assert "providers" in item(plan, SETTINGS, "app").reason
    assert plan_import(bundle_of(lib), LocalState(settings=mine)).warnings == ()  # not chosen: nothing changes


def test_presets_with_a_known_id_are_skipped_and_name_clashes_renamed() -> None:
    lib = library()
    lib.records[PRESETS] = [
        preset("p1", "Watercolour"),
        preset("p2", "Noir"),
        preset("p3", "noir"),
        preset("p4", "New"),
    ]
    local = LocalState(preset_ids=frozenset({"p1"}), preset_names=frozenset({"NOIR", "Noir (imported)"}))
    plan = plan_import(bundle_of(lib), local)
    assert item(plan, PRESETS, "p1").action == "skip"
    written = {w.key: w.record["name"] for w in plan.writes if w.store == PRESETS}
    assert written == {"p2": "Noir (imported 2)", "p3": "noir (imported 3)", "p4": "New"}
    assert item(plan, PRESETS, "p2").reason == "renamed to 'Noir (imported 2)': a preset named 'Noir' exists"


def test_other_stores_add_new_keys_and_skip_known_ones() -> None:
    lib = library()
    lib.records["folders"] = [{"id": "f1"}, {"id": "f2"}]
    validators = {**VALIDATORS, "folders": dict}
    data = bundle_bytes(lib)
    bundle = open_bundle(len(data), reader(data), validators)
    assert isinstance(bundle, Bundle)
    plan = plan_import(bundle, LocalState(other_keys={"folders": frozenset({"f1"})}))
    assert (item(plan, "folders", "f1").action, item(plan, "folders", "f2").action) == ("skip", "add")


def test_an_encrypted_key_is_offered_not_written() -> None:
    plan = plan_import(bundle_of(library(), keys=KEYS), LocalState())
    assert plan.keys == KEYS
    assert any("passphrase" in w for w in plan.warnings)
    assert all(w.store not in ("vault", "keys") for w in plan.writes)


def test_a_selection_bundle_plans_only_what_it_holds() -> None:
    lib = library()
    plan = plan_import(bundle_of(lib, job_ids=["job-b"]), LocalState())
    assert {(i.store, i.key) for i in plan.items} == {(JOBS, "job-b"), (ASSETS, "vb")}
    assert select_export(lib.records, job_ids=["job-b"]).missing == ()
