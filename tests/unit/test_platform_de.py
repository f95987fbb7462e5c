"""The platform's texts follow the language: image headers, price bases, small core checks,
what Gemini's and OpenRouter's answers mean, and the browser's storage and file errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from app.core import errors as e
from app.core.batch_plan import prompts_from_csv
from app.core.continuation import frame_name, why_not
from app.core.downloads import checked_type
from app.core.http import HttpResponse
from app.core.i18n import set_locale, tr
from app.core.image_header import ImageError, read_image_info
from app.core.job_deadline import overdue_note
from app.core.key_binding import origin_of
from app.core.presets import preset_name
from app.core.price_rules import PerImage, PerSecond, PerToken, PerVideo, PriceFacts
from app.core.providers.base import Call
from app.core.providers.codec_kit import unsupported
from app.core.providers.gemini_omni.codec import GeminiOmniProvider
from app.core.providers.gemini_omni.prices import format_usage_cost, usage_quote
from app.core.providers.openrouter.codec import OpenRouterProvider
from app.core.providers.openrouter.sign_in import parse_exchange
from tests.unit.test_continuation import OPENAI, _finished, _without_first_frames

GEMINI = GeminiOmniProvider()
OPENROUTER = OpenRouterProvider()
RPC = "type.googleapis.com/google.rpc."
D = Decimal


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    set_locale("de")
    yield
    set_locale("en")


def _answer(status: int, body: Any) -> HttpResponse:
    return HttpResponse(status, {}, json.dumps(body).encode())


def test_a_broken_image_header_is_described_in_german() -> None:
    with pytest.raises(ImageError, match=r"^PNG ohne IHDR-Kopf$"):
        read_image_info(b"\x89PNG\r\n\x1a\n" + bytes(24))
    with pytest.raises(ImageError, match=r"^JPEG ohne Frame-Kopf$"):
        read_image_info(b"\xff\xd8\xff\xd9" + bytes(8))


def test_price_bases_are_german() -> None:
    facts = PriceFacts(seconds=8, resolution="720p", audio=True, mode="image", input_images=2)
    timed = PerSecond.flat(D("0.10"), resolution="720p", audio=True, mode="image").price(facts)
    assert timed.basis == "10\u00a0¢/s bei 720p mit Ton (Bild zu Video) × 8 s"
    assert PerImage(D("0.02")).price(facts).basis == "+ 2 Eingabebilder × 2\u00a0¢"
    one = PriceFacts(seconds=8, input_images=1)
    assert PerImage(D("0.02")).price(one).basis == "+ 1 Eingabebild × 2\u00a0¢"
    assert PerVideo(D("0.50")).price(facts).basis == "50\u00a0¢ pro Video"
    tokens = PerToken(D("0.000007")).price(PriceFacts(seconds=8, width=1280, height=720))
    assert tokens.basis == "≈ 173k–216k Video-Tokens × 0,000007\u00a0$"
    big = PerToken(D("0.000007")).price(PriceFacts(seconds=20, width=1920, height=1080))
    assert big.basis == "≈ 972k–1,2M Video-Tokens × 0,000007\u00a0$"  # the decimal comma in counts too
    quote = usage_quote(57_920)
    assert quote.basis.startswith("aus der Nutzung berechnet: 57.920 Video-Tokens × ")
    assert quote.basis.endswith(" pro 1 Mio. (nicht abgerechnet)")
    assert quote.source == "Token-Preis der Gemini API für Videoausgabe"
    assert format_usage_cost(0) == "Aus der Nutzung berechnet: 0,00\u00a0$ (nicht abgerechnet)"


def test_continuing_a_clip_and_naming_a_preset_are_german() -> None:
    job = _finished(model="sora-2", provider_id="openai-videos")
    no_images = _without_first_frames(OPENAI)
    assert why_not(job, no_images) == (
        "sora-2 kann kein Rendering aus einem Bild beginnen, daher lässt sich dieser Clip nicht fortsetzen."
    )
    assert "laden Sie zuerst sein Video herunter" in why_not(job.model_copy(update={"assets": {}}), OPENAI)
    assert frame_name(job).startswith("letztes Bild von ") and frame_name(job).endswith(".png")
    with pytest.raises(e.InputError) as caught:
        preset_name("   ")
    assert caught.value.message == "Geben Sie der Vorlage einen Namen."
    with pytest.raises(e.InputError) as caught:
        preset_name("x" * 81)
    assert caught.value.message == "Der Name muss kürzer als 80 Zeichen sein."


def test_small_core_checks_are_german() -> None:
    with pytest.raises(e.VaultError, match=r"^„ftp://x“ ist keine Webadresse, an die ein Schlüssel"):
        origin_of("ftp://x")
    with pytest.raises(e.ContentError, match=r"^der Download „video“ war leer$"):
        checked_type("video", "video/mp4", 0)
    with pytest.raises(e.ContentError, match=r"^der Download „video“ ist ohne Typ, nicht video/mp4$"):
        checked_type("video", "", 10)
    with pytest.raises(e.InputError) as caught:
        prompts_from_csv("name\nx\n")
    assert caught.value.message == "Die CSV-Datei braucht eine Kopfzeile mit einer Spalte „prompt“."
    note = overdue_note(1800, "Gemini")
    assert note.startswith("Nach 30 Min. noch kein Ergebnis") and "„Erneut nachsehen“" in note
    assert str(unsupported("Gemini", "remix")) == "Gemini bietet keine Möglichkeit, ein Video zu remixen."


def test_gemini_explains_its_errors_in_german_and_keeps_googles_words() -> None:
    said = "API key not valid. Please pass a valid API key."
    body = {"error": {"code": 400, "message": said, "status": "INVALID_ARGUMENT",
            "details": [{"@type": RPC + "ErrorInfo", "reason": "API_KEY_INVALID"}]}}  # fmt: skip
    error = GEMINI.parse_error(_answer(400, body), Call.CHECK)
    assert isinstance(error, e.AuthenticationError)
    assert error.message == (
        f"Der API-Schlüssel ist ungültig: Fügen Sie einen neuen Schlüssel aus AI Studio ein. Antwort von Google: {said}"
    )
    gone = GEMINI.parse_error(_answer(404, {"error": {"code": 404, "message": "x"}}), Call.DOWNLOAD)
    assert gone.message.startswith("Die Videodatei ist bei Gemini abgelaufen")
    ended = GEMINI.parse_job(_answer(200, {"id": "v1_x", "status": "incomplete"}))
    assert ended.error_message == "Gemini hat die Interaktion beendet, bevor das Video fertig war (incomplete)."
    refused = GEMINI.parse_job(_answer(200, {"id": "v1_x", "status": "completed"}))
    assert refused.error_message == "Gemini endete ohne Video und ohne Video-Tokens: Die Anfrage wurde abgelehnt."


def test_openrouter_errors_are_german_around_the_providers_words() -> None:
    body = {"error": {"code": 403, "message": "Blocked", "metadata": {"reasons": ["hate", "violence"]}}}
    error = OPENROUTER.parse_error(_answer(403, body), Call.CREATE)
    assert isinstance(error, e.BlockedError)
    assert error.message == "Blocked (beanstandet wegen: hate, violence)"
    with pytest.raises(e.ApiError, match=r"^OpenRouter hat die Anmeldung ohne Schlüssel beantwortet\.$"):
        parse_exchange(_answer(200, {"key": " "}))
    with pytest.raises(e.ApiError, match="App nicht versteht"):
        parse_exchange(_answer(200, {"nothing": 1}))


def test_the_browsers_storage_and_file_errors_are_german() -> None:
    """The browser modules cannot load here; their texts are checked through the catalogue."""
    saving = tr("plat.idb.save")
    assert tr("plat.idb.quota", action=saving) == "Speichern: Das Speicherkontingent des Browsers ist erschöpft"
    assert tr("plat.idb.read", store="jobs") == "Lesen von jobs"
    assert tr("plat.file.gone") == "Diese Datei ist in diesem Browser nicht mehr gespeichert."
    assert "Zwischenablage" in tr("plat.clipboard.no_type", mime="video/mp4")
    assert tr("plat.fetch.cors", host="api.example") == "api.example nimmt keine Aufrufe von dieser Webseite an"
    assert tr("plat.fetch.timeout", seconds="30") == "keine Antwort innerhalb von 30 s"
    assert tr("plat.bundle.file_type") == "Sora-Renderer-Paket"
