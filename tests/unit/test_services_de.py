"""The services speak German: the worker's retry notes, key checks, queue and download notes, bundles."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from app.core import errors as e
from app.core import poll_messages as pm
from app.core.i18n import active_locale, set_locale
from app.core.poll_plan import PollState, Wait, after_error, variant_word
from app.core.retry import ErrorBackoff
from app.services.backup_run import busy
from app.services.bundle_export import no_keys, vault_locked
from app.services.bundle_keys import check_passphrase
from app.services.key_check import check_key
from simulator.testing import new_key
from tests.unit.aio import run
from tests.unit.queue_harness import EngineLink, Rig
from tests.unit.test_provider_contract import SORA, TODAY, client_for


@pytest.fixture(autouse=True)
def german() -> Iterator[None]:
    set_locale("de")
    yield
    set_locale("en")


def _note(error: e.AppError) -> str:
    _state, decision = after_error(PollState(), error, ErrorBackoff())
    assert isinstance(decision, Wait)
    return decision.note


def test_the_retry_notes_of_poll_plan_are_german() -> None:
    assert _note(e.ServerError("boom", status=503)) == "Die API antwortete mit HTTP 503; neuer Versuch in 2 s."
    assert _note(e.NetworkError("offline")) == "Keine Antwort von der API; neuer Versuch in 2 s."
    assert _note(e.ContentError("short")) == "Der Download war unvollständig; neuer Versuch in 2 s."
    rate = e.RateLimitError("slow", status=429, retry_after_s=0.5)
    assert _note(rate) == "Die API begrenzt die Anfragen; neuer Versuch in einem Moment."
    assert [variant_word(v) for v in ("video", "video-2", "thumbnail", "spritesheet", "x")] == [
        "Video",
        "Video 2",
        "Vorschaubild",
        "Sprite-Sheet",
        "x",
    ]


def test_a_key_check_says_its_result_in_german() -> None:
    client, _transport, _clock = client_for(new_key())
    valid = run(check_key(client, SORA, "sora-2", host="sim.test", today=TODAY))
    assert (valid.title, valid.detail) == (
        "Der Schlüssel funktioniert",
        "sim.test akzeptiert ihn und bietet „sora-2“ an.",
    )
    missing = run(check_key(client, None, "sora-9", host="sim.test", today=TODAY))
    assert missing.title == "Der Schlüssel funktioniert, aber dieser Endpunkt bietet das Modell nicht an"
    assert missing.detail == "sim.test führt „sora-9“ nicht."
    assert "Basis-URL" in missing.action


class GermanLink(EngineLink):
    """The page asks the worker in German, whatever this interpreter spoke before."""

    def track(self, spec: pm.TrackSpec) -> None:
        super().track(dataclasses.replace(spec, locale="de"))


def _flow_in_german(prompt: str) -> list[str]:
    set_locale("en")
    rig = Rig()
    rig.link = GermanLink(engine=rig.engine)

    async def scenario() -> None:
        await rig.queue.become_poller(rig.link)
        await rig.submit(prompt)
        await rig.settle()

    run(scenario())
    assert active_locale() == "de"  # the track spec switched the worker's language
    return [event.note for event in rig.events if isinstance(event, pm.Retrying)]


def test_the_worker_writes_its_retry_notes_in_the_track_specs_language() -> None:
    assert _flow_in_german("z [sim:500=2]") == [
        "Die API antwortete mit HTTP 500; neuer Versuch in 2 s.",
        "Die API antwortete mit HTTP 500; neuer Versuch in 4 s.",
    ]
    notes = _flow_in_german("w [sim:truncate=2]")
    assert len(notes) == 2
    assert all(n.startswith("Das Video konnte nicht heruntergeladen werden (") for n in notes)
    assert all(n.endswith("); neuer Versuch.") for n in notes)


def test_queue_and_inbox_notes_are_german() -> None:
    rig = Rig()

    async def scenario() -> None:
        job_id = await rig.submit("a lighthouse")
        with pytest.raises(e.AppError) as caught:
            await rig.queue.fetch_files(job_id)  # this tab does not follow the queue
        assert str(caught.value) == (
            "Ein anderer Tab verfolgt die Warteschlange; laden Sie dort herunter, oder schließen Sie ihn zuerst."
        )
        await rig.queue.inbox.on_event(pm.FileSkipped(job_id, "thumbnail", "404"))
        assert rig.store.state.job_notes[job_id] == "Kein Vorschaubild von diesem Endpunkt (404)."
        await rig.queue.inbox.on_event(pm.DownloadPaused(job_id, "video", "HTTP 502"))
        note = rig.store.state.job_notes[job_id]
        assert note.startswith(
            "Das Rendering ist fertig, aber sein Video konnte nicht heruntergeladen werden (HTTP 502)."
        )
        assert "„Jetzt herunterladen“" in note

    run(scenario())


def test_bundle_and_passphrase_problems_are_german() -> None:
    assert busy() == "Ein Export oder Import läuft bereits: Warten Sie, bis er fertig ist."
    assert "Einstellungen → Schlüsseltresor" in vault_locked()
    assert no_keys().startswith("In diesem Browser ist kein API-Schlüssel gespeichert")
    with pytest.raises(e.InputError) as short:
        check_passphrase("abc")
    assert short.value.message == "Verwenden Sie eine Passphrase mit mindestens 8 Zeichen."
    with pytest.raises(e.InputError) as mismatch:
        check_passphrase("long enough", "long enougj")
    assert mismatch.value.message == "Die beiden Passphrasen stimmen nicht überein."
