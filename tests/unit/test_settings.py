from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.core.preferences import POLL_DEFAULT_MS
from app.core.providers.openai_videos.capabilities import CAPABILITIES
from app.core.settings import ProviderSettings, Settings
from app.services.settings_service import SettingsService
from tests.unit.aio import run
from tests.unit.fakes import MemoryRecords


def test_defaults_are_safe() -> None:
    settings = Settings()
    assert settings.chosen_base_url(CAPABILITIES) == "https://api.openai.com/v1"
    assert settings.poll_interval_ms == POLL_DEFAULT_MS == 2500
    assert settings.auto_download is True and settings.theme == "dark" and not settings.demo_mode


@pytest.mark.parametrize(
    "changes",
    [{"poll_interval_ms": 10}, {"poll_interval_ms": 10**6}, {"theme": "neon"}, {"lock_after_minutes": -1}],
)
def test_invalid_values_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Settings.model_validate(changes)


def test_first_run_then_save_and_reload() -> None:
    records = MemoryRecords()
    service = SettingsService(records)

    async def scenario() -> None:
        settings, existed = await service.load()
        assert not existed
        await service.change(settings, demo_mode=True, theme="light")
        again, existed = await service.load()
        assert existed and again.demo_mode and again.theme == "light"

    run(scenario())


def test_a_corrupt_record_keeps_what_is_still_valid() -> None:
    records = MemoryRecords()
    records.stores["settings"] = {"app": {"id": "app", "theme": "light", "poll_interval_ms": "soon", "x": 1}}
    settings, existed = run(SettingsService(records).load())
    assert existed and settings.theme == "light" and settings.poll_interval_ms == POLL_DEFAULT_MS


def test_effective_base_url_in_demo_mode() -> None:
    settings = Settings(demo_mode=True)
    assert settings.effective_base_url("http://127.0.0.1:8000", CAPABILITIES) == "http://127.0.0.1:8000/sim/v1"
    assert Settings().effective_base_url("http://x", CAPABILITIES) == "https://api.openai.com/v1"
    custom = Settings(providers={"openai-videos": ProviderSettings(base_url="https://gateway.example/v1")})
    assert custom.effective_base_url("http://x", CAPABILITIES) == "https://gateway.example/v1"
    relayed = Settings(providers={"openai-videos": ProviderSettings(via_relay=True)})
    assert relayed.effective_base_url("http://127.0.0.1:8000", CAPABILITIES) == "http://127.0.0.1:8000/relay/openai"


def test_a_version_1_record_becomes_the_openai_providers_settings() -> None:
    old = {"id": "app", "schema_version": 1, "base_url": "https://gateway.example/v1", "default_model": "sora-2-pro"}
    settings = Settings.model_validate(old)
    assert settings.schema_version == 2
    assert settings.provider("openai-videos").base_url == "https://gateway.example/v1"
    assert settings.provider("openai-videos").model == "sora-2-pro"
    assert settings.chosen_base_url(CAPABILITIES) == "https://gateway.example/v1"
    with pytest.raises(ValidationError):
        Settings(providers={"openrouter": ProviderSettings(base_url="ftp://nope")})
