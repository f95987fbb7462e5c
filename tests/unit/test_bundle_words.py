"""The pure pieces around the bundle services: the app's record checks, the key payload,
progress words and the import summary."""

from __future__ import annotations

import pytest

from app.core.bundle.app_records import VALIDATORS, readable
from app.core.bundle.keys import BundleKey, parse_payload, payload_bytes
from app.core.bundle.plan import ImportPlan, PlanItem
from app.core.bundle.progress import BackupProgress, ProgressGate
from app.core.bundle.summary import detail_lines, has_changes, headline, summary_rows
from app.core.errors import VaultError
from app.core.stores import ASSETS, JOBS, PRESETS, SETTINGS
from tests.unit.bundle_kit import asset, job


# -- records ------------------------------------------------------------------------------------
def test_every_bundled_store_has_a_validator_and_presets_are_checked_by_their_model() -> None:
    assert set(VALIDATORS) == {SETTINGS, JOBS, ASSETS, PRESETS}
    checked = VALIDATORS[PRESETS]({"id": "p1", "name": "Noir", "prompt": "high contrast", "settings": {"seconds": 8}})
    assert checked["settings"] == {"seconds": 8} and checked["provider_id"] == ""
    with pytest.raises(ValueError, match="name"):
        VALIDATORS[PRESETS]({"id": "p1", "name": ""})


def test_files_of_a_type_the_app_never_stores_are_refused() -> None:
    record = asset("x", "job-a", b"<script>", mime="text/html")
    with pytest.raises(ValueError, match="'text/html' are not imported"):
        VALIDATORS[ASSETS](record)
    assert VALIDATORS[ASSETS](asset("v", "job-a", b"mp4"))["mime"] == "video/mp4"


def test_readable_keeps_what_the_app_reads_and_counts_the_rest() -> None:
    kept, bad = readable(JOBS, [job("a"), {"id": "b"}, job("c")])
    assert [r["id"] for r in kept] == ["a", "c"] and bad == 1


# -- keys ---------------------------------------------------------------------------------------
def test_the_key_payload_keeps_provider_and_origin_with_each_key() -> None:
    keys = [BundleKey(provider_id="openrouter", origin="https://openrouter.ai", key="sk-or-v1-abc")]
    assert parse_payload(payload_bytes(keys)) == tuple(keys)


def test_a_key_never_shows_in_its_repr() -> None:
    key = BundleKey(provider_id="openrouter", origin="https://openrouter.ai", key="sk-or-v1-secret")
    assert "secret" not in repr(key) and "secret" not in str(key) and "secret" not in str([key])


@pytest.mark.parametrize(
    "origin", ["https://OpenRouter.ai", "https://openrouter.ai/api/v1", "ftp://openrouter.ai", "openrouter.ai"]
)
def test_an_origin_must_be_written_the_way_the_vault_binds_keys(origin: str) -> None:
    with pytest.raises(ValueError, match="origin"):
        BundleKey(provider_id="openrouter", origin=origin, key="k")


@pytest.mark.parametrize(
    "plaintext",
    [
        b"not json",
        b"\xff\xfe",
        b'{"version": 2, "keys": []}',
        b'{"version": 1, "keys": [{"provider_id": "a", "origin": "https://a.example", "key": "1"},'
        b' {"provider_id": "a", "origin": "https://b.example", "key": "2"}]}',
    ],
)
def test_a_payload_that_is_not_one_is_refused_without_echoing_it(plaintext: bytes) -> None:
    with pytest.raises(VaultError) as caught:
        parse_payload(plaintext)
    assert "could not be decrypted" in str(caught.value) and "https://" not in str(caught.value)


# -- progress -----------------------------------------------------------------------------------
def test_progress_says_bytes_and_share_or_only_the_step() -> None:
    assert BackupProgress("export", "reading", 250_000_000, 1_000_000_000).text == (
        "Reading the stored files: 250.0 MB of 1.0 GB (25%)"
    )
    saving = BackupProgress("import", "saving")
    assert saving.fraction is None and saving.text == "Saving the import…"


def test_the_gate_lets_through_a_new_step_the_last_report_and_a_few_per_second() -> None:
    gate = ProgressGate(0.2)
    assert gate.due("reading", 10.0)
    assert not gate.due("reading", 10.1)
    assert gate.due("reading", 10.15, final=True)
    assert gate.due("writing", 10.16)
    assert gate.due("writing", 10.4)


# -- summary ------------------------------------------------------------------------------------
def plan_of(*items: PlanItem) -> ImportPlan:
    return ImportPlan(items, (), (), (), None)


def test_the_summary_counts_by_kind_and_action() -> None:
    plan = plan_of(
        PlanItem(JOBS, "a", "add", "new"),
        PlanItem(JOBS, "b", "merge", "newer in the bundle"),
        PlanItem(JOBS, "c", "skip", "identical"),
        PlanItem(ASSETS, "va", "add", "new file", 2_000_000),
        PlanItem(ASSETS, "vb", "add", "new file", 3_000_000),
        PlanItem(SETTINGS, "app", "skip", "your settings are kept"),
    )
    rows = summary_rows(plan)
    assert [(r.label, r.added, r.merged, r.skipped) for r in rows] == [
        ("Renders", "1", "1", "1"),
        ("Files", "2 (5.0 MB)", "–", "–"),
        ("Settings", "–", "–", "1"),
    ]
    assert headline(plan) == (
        "Adds 1 render and 2 files (5.0 MB); merges 1 render; skips 1 render and 1 settings record."
    )
    lines, more = detail_lines(plan, {"b": "A calm sea"}, limit=2)
    assert lines == ["Merged: render “A calm sea” — newer in the bundle", "Skipped: render c — identical"]
    assert more == 1


def test_a_plan_without_anything_new_says_so() -> None:
    plan = plan_of(PlanItem(JOBS, "c", "skip", "identical"))
    assert headline(plan) == "Skips 1 render." and not has_changes(plan)
    assert headline(plan_of()) == "The bundle holds nothing to import."
