"""Texts built in core follow the language: queue cards, times, costs and money in German."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from app.core import errors as e
from app.core.bundle.plan import PlanItem
from app.core.bundle.progress import BackupProgress
from app.core.bundle.summary import detail_lines, headline, summary_rows
from app.core.costs import cost_facts, cost_text
from app.core.download_ledger import PartialDownload
from app.core.eta import format_duration
from app.core.i18n import set_locale
from app.core.job_news import job_news
from app.core.job_status import JobPhase, JobStatus
from app.core.messages import describe
from app.core.prices import Quote, QuoteTotal, estimate_note, format_quote, format_source, format_total, format_usd
from app.core.queue_cards import build_card, disk_full_note, locked_note, meta_line, no_ranges_note
from app.core.stores import ASSETS, JOBS
from app.core.vault_messages import VaultWords, locked, wrong_passphrase
from tests.unit.jobs_factory import T0, make_job
from tests.unit.test_bundle_words import plan_of


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    set_locale("de")
    yield
    set_locale("en")


def test_every_finished_state_has_its_german_label_and_tone() -> None:
    cases = {
        (JobStatus.SUCCEEDED, None): ("Fertig", "ok"),
        (JobStatus.BLOCKED, None): ("Blockiert", "warn"),
        (JobStatus.CANCELED, None): ("Abgebrochen", "muted"),
        (JobStatus.FAILED, None): ("Fehlgeschlagen", "danger"),
        (JobStatus.FAILED, "expired"): ("Abgelaufen", "danger"),
        (JobStatus.FAILED, "submission_unknown"): ("Unbestätigt", "warn"),
    }
    for (status, code), expected in cases.items():
        card = build_card(make_job(status=status, error_code=code, finished_at=T0 + 95), now=T0 + 100)
        assert (card.label, card.tone) == expected
    done = build_card(make_job(finished_at=T0 + 95), now=T0 + 100)
    assert done.times == "Dauer 1:35"


def test_a_running_card_counts_and_sizes_the_german_way() -> None:
    running = make_job(status=JobStatus.RUNNING, phase=JobPhase.WAITING, progress=42, submitted_at=T0)
    card = build_card(running, now=T0 + 62)
    assert (card.label, card.progress_text, card.times) == ("Wird gerendert", "42 %", "Läuft seit 1:02")
    paused = build_card(
        make_job(status=JobStatus.RUNNING, phase=JobPhase.DOWNLOADING),
        now=T0,
        partial=PartialDownload(1_500_000, 12_260_000, resumable=False),
    )
    assert (paused.label, paused.progress_text) == ("Pausiert", "1,5 MB von 12,3 MB gespeichert")
    assert paused.notice == no_ranges_note() and "von vorn" in paused.notice
    assert "Schlüsseltresor" in locked_note()


def test_durations_money_and_costs_in_german() -> None:
    assert [format_duration(s) for s in (3, 44, 180, 3900)] == ["3 s", "45 s", "3 Min.", "1 Std. 05 Min."]
    assert format_usd(Decimal("1234.5")) == "1.234,50\u00a0$" and format_usd(Decimal("0.001")) == "<0,01\u00a0$"
    job = make_job(estimate_usd=Decimal("0.80"))
    assert cost_text(job) == "geschätzt 0,80\u00a0$"
    assert cost_text(job.model_copy(update={"demo": True})) == "simuliert: würde 0,80\u00a0$ kosten"
    usage = job.model_copy(update={"billed_usd": Decimal("1.6"), "cost_source": "usage", "video_tokens": 21600})
    assert cost_facts(usage)[1] == ("Kosten", "≈ 1,60\u00a0$ berechnet aus 21.600 Video-Tokens (nicht abgerechnet)")
    assert meta_line(job, "OpenAI") == "OpenAI · sora-2 · 1280x720 · 4 s · geschätzt 0,80\u00a0$"


def test_a_full_disk_is_explained_in_german() -> None:
    note = disk_full_note(stored=50_000_000, total=200_000_000, needed=350_000_000)
    assert note.startswith("Der Speicher des Browsers ist voll: 50,0 MB von 200,0 MB sind gespeichert")
    assert "Einstellungen → Speicher" in note


def test_the_vault_speaks_german_and_names_the_provider() -> None:
    words = VaultWords({"openrouter": "OpenRouter"})
    assert words.no_key("openrouter").startswith("Für OpenRouter ist kein Schlüssel gespeichert.")
    assert "https://a.example" in words.other_origin("openrouter", "https://a.example", "https://b.example")
    assert locked().startswith("Der Schlüsseltresor ist gesperrt.") and "Passphrase" in wrong_passphrase()


def test_every_error_is_explained_in_german_with_a_next_step() -> None:
    from tests.unit.test_messages import CASES

    english: dict[int, e.UserMessage] = {}
    set_locale("en")
    for error in CASES:
        english[id(error)] = describe(error, host="api.example")
    set_locale("de")
    for error in CASES:
        message = describe(error, host="api.example")
        before = english[id(error)]
        assert message.title != before.title, (error, message.title)
        assert message.action != before.action or not before.action, (error, message.action)
    denied = describe(e.AuthenticationError("bad key", request_id="req_1"))
    assert denied.detail.startswith("Die API hat diesen Schlüssel abgelehnt (401)")  # the host named in German too
    assert denied.as_text().endswith("Anfrage-ID: req_1")


def test_status_news_is_announced_in_german() -> None:
    before = make_job(status=JobStatus.RUNNING, title="Hafen")
    for status, words in (
        (JobStatus.SUCCEEDED, "„Hafen“ ist fertig."),
        (JobStatus.CANCELED, "„Hafen“ wurde abgebrochen."),
        (JobStatus.BLOCKED, "„Hafen“ wurde von der Inhaltsrichtlinie blockiert."),
    ):
        news = job_news({"j1": before.model_copy(update={"status": status})}, {"j1": before})
        assert [n.text for n in news] == [words]
    started = job_news({"j1": before}, {})
    assert [n.text for n in started] == ["„Hafen“ wird gerendert."]


def test_estimates_and_totals_in_german() -> None:
    quote = Quote(Decimal("0.8"), Decimal("0.8"), "", "OpenAI", "2026-11-20", Decimal("0.1"))
    assert format_quote(quote) == "Geschätzt: 0,80\u00a0$ (10\u00a0¢/s)"
    assert format_quote(Quote(None, None, "", "OpenAI", "2026-11-20")) == "Geschätzt: Preis unbekannt"
    partly = QuoteTotal(Decimal("1.6"), Decimal("1.6"), parts=3, unknown=1)
    assert format_total(partly) == "Geschätzt insgesamt: Preis unbekannt (1 von 3 ohne Preis; der Rest 1,60\u00a0$)"
    assert format_source(quote) == "Preise: OpenAI, Stand 2026-11-20" and "Wiederholungen" in estimate_note()


def test_every_mode_name_a_missing_price_can_give_is_in_the_catalogue() -> None:
    from app.core.i18n import tr
    from app.core.price_rules import MODE_IDS

    assert [tr(msg_id) for msg_id in MODE_IDS.values()] == [
        "Text zu Video",
        "Bild zu Video",
        "Referenz zu Video",
        "Verlängerung",
    ]


def test_an_import_plan_and_its_progress_in_german() -> None:
    plan = plan_of(
        PlanItem(JOBS, "a", "add", "new"),
        PlanItem(JOBS, "b", "merge", "newer"),
        PlanItem(ASSETS, "va", "add", "new file", 2_000_000),
        PlanItem(ASSETS, "vb", "add", "new file", 3_000_000),
    )
    assert headline(plan) == "Fügt 1 Rendering und 2 Dateien (5,0 MB) hinzu; führt 1 Rendering zusammen."
    assert [r.label for r in summary_rows(plan)] == ["Renderings", "Dateien"]
    lines, _ = detail_lines(plan, {"b": "Ruhige See"})
    assert lines == ["Zusammengeführt: Rendering „Ruhige See“ — newer"]
    step = BackupProgress("import", "checking", done=1_500_000, total=3_000_000)
    assert step.text == "Jede Datei des Pakets wird geprüft: 1,5 MB von 3,0 MB (50 %)"
    assert headline(plan_of()) == "Das Paket enthält nichts zum Importieren."
