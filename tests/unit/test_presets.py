"""Prompt presets: saved from the form, applied back, renamed, deleted, carried by a bundle."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.compose import Draft
from app.core.errors import InputError
from app.core.preset_record import PresetRecord
from app.core.presets import applied, preset_name, preset_of
from app.core.state import AppState
from app.core.store import Store
from app.core.stores import PRESETS
from app.services.preset_service import PresetService
from tests.unit.aio import run
from tests.unit.backup_kit import BytesSource, MemoryTarget, Profile
from tests.unit.fakes import MemoryRecords
from tests.unit.simtransport import FixedClock

DRAFT = Draft(
    prompt="A lighthouse in a storm, waves crashing",
    model="sora-2-pro",
    size="1792x1024",
    seconds=12,
    audio=True,
    seed="42",
    negative_prompt="text, watermark",
    image_fit="contain",
)


def service() -> tuple[PresetService, MemoryRecords, FixedClock]:
    records, clock = MemoryRecords(), FixedClock()
    ids = iter(f"p{n}" for n in range(1, 100))
    return PresetService(Store(AppState()), records, clock, new_id=lambda: next(ids)), records, clock


def test_a_preset_gives_back_the_prompt_and_every_choice_but_not_the_images() -> None:
    preset = preset_of(DRAFT, preset_id="p1", name="  Storm   look ", provider_id="openai-videos", now=5.0)
    assert preset.name == "Storm look"
    assert set(preset.settings) == {
        "model", "size", "aspect_ratio", "resolution", "seconds", "audio", "seed", "negative_prompt", "image_fit"
    }  # fmt: skip
    assert applied(Draft(prompt="something else", model="sora-2"), preset) == DRAFT


def test_values_of_the_wrong_type_or_unknown_fields_are_left_out() -> None:
    preset = PresetRecord(
        id="p1",
        name="Edited by hand",
        prompt="p",
        settings={"seconds": True, "model": 7, "image_fit": "stretch", "colour": "red", "size": "720x1280"},
    )
    result = applied(DRAFT, preset)
    assert result == dataclasses.replace(DRAFT, prompt="p", size="720x1280")


@pytest.mark.parametrize(("name", "words"), [("   ", "Give the preset a name"), ("x" * 81, "under 80")])
def test_a_name_must_be_there_and_short(name: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        preset_name(name)


def test_save_stores_then_shows_and_the_same_name_replaces_keeping_the_id() -> None:
    presets, records, clock = service()
    first, replaced = run(presets.save("Noir", DRAFT, "openai-videos"))
    assert not replaced and records.stores[PRESETS]["p1"]["prompt"] == DRAFT.prompt
    clock.value += 60
    again, replaced = run(presets.save("NOIR", dataclasses.replace(DRAFT, prompt="changed"), "openai-videos"))
    assert replaced and again.id == "p1" and again.created_at == first.created_at < again.updated_at
    assert [p.prompt for p in presets.store.state.presets] == ["changed"]
    assert list(records.stores[PRESETS]) == ["p1"]


def test_presets_are_listed_by_name_and_renaming_onto_another_is_refused() -> None:
    presets, records, _ = service()
    run(presets.save("zebra", DRAFT, ""))
    run(presets.save("Alpha", DRAFT, ""))
    assert [p.name for p in presets.store.state.presets] == ["Alpha", "zebra"]
    with pytest.raises(InputError, match="exists already"):
        run(presets.rename("p1", "alpha"))
    renamed = run(presets.rename("p1", "Beta"))
    assert renamed.name == "Beta" and records.stores[PRESETS]["p1"]["name"] == "Beta"
    assert run(presets.rename("p1", "BETA")).name == "BETA"  # its own name in other letters is fine


def test_delete_removes_it_from_the_store_and_the_list() -> None:
    presets, records, _ = service()
    run(presets.save("Noir", DRAFT, ""))
    run(presets.delete("p1"))
    assert records.stores[PRESETS] == {} and presets.store.state.presets == ()
    with pytest.raises(InputError, match="gone"):
        presets.get("p1")


def test_load_reads_the_stored_presets_and_leaves_out_one_it_cannot_read() -> None:
    presets, records, _ = service()
    good = preset_of(DRAFT, preset_id="k", name="Kept", provider_id="", now=1.0).model_dump(mode="json")
    records.stores[PRESETS] = {"k": good, "bad": {"id": "bad"}}
    run(presets.load())
    assert [p.name for p in presets.store.state.presets] == ["Kept"]


def test_presets_travel_in_the_bundle_and_come_back_after_a_reset() -> None:
    source = Profile()
    saver = PresetService(source.store, source.records, source.clock)
    run(saver.save("Noir", DRAFT, "openai-videos"))
    target = MemoryTarget()
    run(source.exports.export(target))
    assert target.data is not None
    fresh = Profile()
    preview = run(fresh.imports.open(BytesSource(target.data), "bundle.zip"))
    run(fresh.imports.commit(preview))
    loader = PresetService(fresh.store, fresh.records, fresh.clock)
    run(loader.load())
    (preset,) = fresh.store.state.presets
    assert preset.name == "Noir" and applied(Draft(), preset) == DRAFT
