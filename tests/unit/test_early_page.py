"""The early page's snapshot (what ``static/early.js`` draws before Python) and its hand-over."""

from __future__ import annotations

import datetime
import json

from app.core.compose import Draft
from app.core.early import MAX_SECONDS_CHOICES, SNAPSHOT_VERSION, read_input, says_polling, snapshot
from app.core.providers import registry
from app.core.settings import Settings
from tools import early_defaults

TODAY = datetime.date(2026, 12, 2)


def _models(data: dict[str, object], provider_id: str) -> list[dict[str, object]]:
    providers = data["providers"]
    assert isinstance(providers, list)
    [provider] = [p for p in providers if p["id"] == provider_id]
    return list(provider["models"])


def test_a_first_visit_gets_the_default_provider_and_its_default_model() -> None:
    directory = registry.directory()
    data = snapshot(directory, {}, None, Draft(), TODAY)
    assert data["v"] == SNAPSHOT_VERSION and data["welcome_done"] is False and data["demo"] is False
    assert data["provider"] == directory.default_id
    draft = data["draft"]
    assert isinstance(draft, dict)
    models = _models(data, directory.default_id)
    assert draft["model"] in [m["id"] for m in models]
    [model] = [m for m in models if m["id"] == draft["model"]]
    seconds, frames = model["seconds"], model["frames"]
    assert isinstance(seconds, list) and isinstance(frames, list)
    assert draft["seconds"] in seconds and draft["frame"] in frames


def test_only_models_a_picker_offers_today_are_in_it() -> None:
    directory = registry.directory()
    data = snapshot(directory, {}, None, Draft(), TODAY)
    for provider in directory.providers:
        offered = [m.id for m in provider.offered(TODAY)]
        assert [m["id"] for m in _models(data, provider.provider_id)] == offered


def test_a_range_of_lengths_becomes_whole_seconds_and_is_bounded() -> None:
    data = snapshot(registry.directory(), {}, None, Draft(), TODAY)
    ranged = [m for p in registry.directory().providers for m in p.offered(TODAY) if m.durations_are_range]
    assert ranged, "the registry has a model with a range of lengths"
    for model in ranged:
        [entry] = [m for m in _models(data, _provider_of(model.id)) if m["id"] == model.id]
        seconds = entry["seconds"]
        assert isinstance(seconds, list)
        assert seconds[0] == min(model.durations) and len(seconds) <= MAX_SECONDS_CHOICES
        assert seconds == list(range(seconds[0], seconds[-1] + 1))


def _provider_of(model_id: str) -> str:
    return next(p.provider_id for p in registry.directory().providers if p.model(model_id) is not None)


def test_the_saved_settings_and_draft_are_what_the_next_visit_shows() -> None:
    settings = Settings(welcome_done=True, demo_mode=True, provider_id="gemini")
    draft = Draft(prompt="Tide pools </script> at dawn", model="x", seconds=6, aspect_ratio="9:16")
    data = snapshot(registry.directory(), {}, settings, draft, TODAY)
    assert data["welcome_done"] is True and data["demo"] is True and data["provider"] == "gemini"
    assert data["draft"] == {"prompt": "Tide pools </script> at dawn", "model": "x", "seconds": 6, "frame": "9:16"}
    assert json.loads(json.dumps(data)) == data


def test_what_the_early_page_hands_over_is_read_defensively() -> None:
    early = read_input(
        {
            "prompt": "typed",
            "provider": None,
            "model": "sora-2",
            "seconds": "8",
            "frame_field": "size",
            "frame": "720x1280",
            "choice": "demo",
            "focused": True,
            "selection": [2, 5],
        }
    )
    assert (early.prompt, early.provider, early.model, early.seconds) == ("typed", None, "sora-2", 8)
    assert (early.frame_field, early.frame, early.choice, early.focused, early.selection) == (
        "size",
        "720x1280",
        "demo",
        True,
        (2, 5),
    )
    junk = read_input({"prompt": 5, "seconds": "8; drop", "frame_field": "onclick", "choice": "steal", "focused": 1})
    assert junk.prompt is None and junk.seconds is None and junk.frame_field == "" and junk.choice == ""
    assert junk.focused is False and not junk.touched
    assert read_input({"choice": "sign-in:openrouter"}).choice == "sign-in:openrouter"


def test_index_html_carries_the_current_first_visit_defaults() -> None:
    page = early_defaults.INDEX.read_text()
    assert early_defaults.embedded(page) == early_defaults.defaults_json(), (
        "index.html is out of date: run `python3 -m tools.early_defaults`"
    )
    assert "</script>" not in early_defaults.defaults_json().replace("<\\/", "")


def test_running_jobs_are_remembered_so_the_next_start_boots_the_worker_at_once() -> None:
    directory = registry.directory()
    assert says_polling(snapshot(directory, {}, None, Draft(), TODAY, polling=True))
    assert not says_polling(snapshot(directory, {}, None, Draft(), TODAY))
    assert not says_polling({"v": 99, "polling": True}) and not says_polling("polling") and not says_polling(None)
