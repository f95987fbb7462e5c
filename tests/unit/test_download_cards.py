"""What a queue card says about a download that is not whole yet."""

from __future__ import annotations

from app.core.download_ledger import PartialDownload
from app.core.i18n import set_locale
from app.core.job_status import JobPhase, JobStatus
from app.core.queue_cards import build_card, disk_full_note, no_ranges_note
from app.core.state import AppState
from app.core.store import Store
from app.services.job_book import JobBook
from app.services.job_store import JobStore
from tests.unit.fakes import MemoryRecords
from tests.unit.jobs_factory import T0, make_job

DOWNLOADING = {"status": JobStatus.RUNNING, "phase": JobPhase.DOWNLOADING}


def test_after_a_reload_the_card_shows_the_bytes_already_stored_and_offers_resume() -> None:
    job = make_job(**DOWNLOADING)
    card = build_card(job, now=T0, partial=PartialDownload(60_000_000, 200_000_000))
    assert card.label == "Paused" and card.progress == 30
    assert card.progress_text == "60.0 MB of 200.0 MB stored"
    assert card.actions[0] == "resume" and card.notice == ""


def test_while_parts_arrive_the_card_shows_the_transfer() -> None:
    job = make_job(**DOWNLOADING)
    card = build_card(job, now=T0, transfer=(100, 200), partial=PartialDownload(100, 200))
    assert card.label == "Downloading" and card.progress == 50 and "resume" not in card.actions


def test_a_server_without_ranges_is_said_on_the_card() -> None:
    job = make_job(**DOWNLOADING)
    card = build_card(job, now=T0, transfer=(10, 200), partial=PartialDownload(0, 200, resumable=False))
    assert card.notice == no_ranges_note() and "starts again" in card.notice
    finished = build_card(make_job(), now=T0, partial=PartialDownload(0, 200, resumable=False))
    assert finished.notice == ""


def test_a_full_disk_says_how_much_space_and_where_to_free_it() -> None:
    note = disk_full_note(stored=50_000_000, total=200_000_000, needed=350_000_000)
    assert "50.0 MB of 200.0 MB are stored and kept" in note
    assert "350.0 MB" in note and "Settings → Storage" in note and "Resume" in note
    joined = disk_full_note(stored=200_000_000, total=200_000_000, needed=200_000_000)
    assert "All 200.0 MB are downloaded" in joined


def test_a_download_just_asked_for_offers_no_second_download_in_any_language() -> None:
    job = make_job(**DOWNLOADING)
    assert build_card(job, now=T0).actions == ("download",)
    store: Store[AppState] = Store(AppState())
    book = JobBook(store, JobStore(MemoryRecords()))
    set_locale("de")  # the flag, not the note's words, says so
    try:
        book.note(job.id, "Wird heruntergeladen…", fetching=True)
        assert build_card(job, now=T0, fetching=job.id in store.state.fetching).actions == ()
    finally:
        set_locale("en")
    book.note(job.id, "The provider did not answer; trying again")  # any later note ends it
    assert job.id not in store.state.fetching
    assert build_card(job, now=T0, fetching=job.id in store.state.fetching).actions == ("download",)
