"""Form checks follow the language: New Render, reference images, API keys and base URLs in German."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.compose import Draft, quote
from app.core.compose_checks import parse_seed, prompt_counter, validate
from app.core.compose_images import check_image_header
from app.core.endpoint import check_base_url
from app.core.errors import InputError
from app.core.i18n import set_locale
from app.core.keys import normalize_key
from app.core.providers.gemini_omni.capabilities import CAPABILITIES as GEMINI
from app.core.providers.openai_videos.capabilities import CAPABILITIES as CAPS
from tests.unit.test_compose import TODAY, _png, _sora


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    set_locale("de")
    yield
    set_locale("en")


def _messages(draft: Draft) -> list[str]:
    return [problem.message for problem in validate(CAPS, draft, today=TODAY)]


def test_the_prompt_checks_are_german_with_german_numbers() -> None:
    assert _messages(_sora(prompt="   ")) == ["Beschreiben Sie das gewünschte Video: Der Prompt ist leer."]
    assert _messages(_sora(prompt="x" * 33_234)) == ["Der Prompt liegt 1.234 Zeichen über der Grenze von 32.000."]
    assert prompt_counter(CAPS, "x" * 1234) == ("1.234 / 32.000", False)


def test_duration_seed_and_frame_checks_are_german() -> None:
    assert _messages(_sora(seconds=10)) == ["10 s ist für Sora 2 keine erlaubte Länge."]
    assert _messages(_sora(seed="12")) == ["Sora 2 nimmt keinen Seed an."]
    assert _messages(_sora(size="1792x1024")) == ["1792×1024 ist für sora-2 nicht verfügbar."]
    with pytest.raises(InputError) as caught:
        parse_seed("-3")
    assert caught.value.message == "Ein Seed ist eine ganze Zahl von 0 bis 4.294.967.295."


def test_a_retired_model_names_its_date_and_replacement_in_german() -> None:
    draft = Draft(prompt="old", model="veo-3.1-generate-preview", aspect_ratio="16:9", resolution="720p", seconds=8)
    assert [p.message for p in validate(GEMINI, draft, today=TODAY)] == [
        "Veo 3.1 (preview) wurde am 2026-10-22 abgeschaltet. Verwenden Sie stattdessen gemini-omni-1.2-flash."
    ]
    assert quote(CAPS, _sora(model="gateway/sora-x")).basis == "kein veröffentlichter Preis für ein eigenes Modell"


@pytest.mark.parametrize(
    ("head", "name", "message"),
    [
        (
            b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
            "broken.png",
            "Dieses Bild konnte nicht gelesen werden; es ist vielleicht beschädigt. Versuchen Sie eine andere Datei.",
        ),
        (
            b"GIF89a" + b"\0" * 20,
            "a.gif",
            "GIF-Bilder können nicht verwendet werden; verwenden Sie JPEG, PNG oder WebP.",
        ),
        (
            _png(30_000, 30_000),
            "bomb.png",
            "Dieses Bild hat 30.000 × 30.000 Pixel: zu groß zum Verwenden (die Grenze liegt bei 50 Megapixeln). "
            "Verkleinern Sie es und versuchen Sie es noch einmal.",
        ),
    ],
)
def test_image_problems_are_german(head: bytes, name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        check_image_header(head, name, CAPS.models[0].images.mime_types)
    assert caught.value.message == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Fügen Sie zuerst Ihren API-Schlüssel ein."),
        (
            "sk-abc def ghi jkl",
            "Der Schlüssel enthält Leerzeichen oder Zeilenumbrüche: Kopieren Sie ihn noch einmal in einem Stück.",
        ),
        (
            "https://api.openai.com/v1",
            "Das ist eine URL, kein Schlüssel: Tragen Sie Adressen unter „API-Basis-URL“ ein.",
        ),
        ("sk-1", "Das ist zu kurz für einen API-Schlüssel."),
    ],
)
def test_key_checks_are_german(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        normalize_key(text)
    assert caught.value.message == message


def test_base_url_checks_and_the_plain_http_warning_are_german() -> None:
    assert check_base_url("").error == "Geben Sie die API-Basis-URL ein, zum Beispiel https://api.openai.com/v1."
    assert check_base_url("ftp://example.com").error == (
        "Die API-Basis-URL muss mit https:// beginnen (oder mit http:// für ein lokales Gateway)."
    )
    assert check_base_url("https://example.com:99999/v1").error == "Das ist keine gültige URL."
    plain = check_base_url("http://gateway.example.com/v1")
    assert plain.ok and plain.warning.startswith("Dieser Endpunkt verwendet unverschlüsseltes http:")
    assert "Verwenden Sie https" in plain.warning
    assert check_base_url("http://localhost:4000/v1").warning == ""
