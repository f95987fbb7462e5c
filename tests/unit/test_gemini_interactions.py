"""Gemini Omni answers read as jobs: the status table of the contract row by row, the video
found in the steps, usage as video tokens, and download URLs with the key only where it belongs."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.core import errors as e
from app.core.http import Expect, HttpResponse
from app.core.providers.base import Endpoint, RemoteJob, RemoteOutput, RemoteStatus
from app.core.providers.gemini_omni.codec import GeminiOmniProvider
from app.core.providers.gemini_omni.files import download_url, file_id, trusted, video_url

BASE = "https://generativelanguage.googleapis.com/v1beta"
ENDPOINT = Endpoint(BASE, "AIza-k")
PROVIDER = GeminiOmniProvider()
FILE = BASE + "/files/abc123:download?alt=media"
S = RemoteStatus
# The contract's table, row by row (raw status → what the app makes of it), as the codec's comment has it.
STATUS_RULES: tuple[tuple[str, str], ...] = (
    ("queued", "queued"),
    ("in_progress", "running"),
    ("completed + a video block", "completed, with the video as the output"),
    ("completed, no video block, no video tokens", "blocked: the model's own words are the reason"),
    ("completed, video tokens but no readable block", "failed: shape drift"),
    ("failed naming SAFETY/PROHIBITED_CONTENT/BLOCKLIST/SPII or 'blocked … safety/policy'", "blocked"),
    ("failed (other)", "failed, with Google's words"),
    ("cancelled", "canceled"),
    ("budget_exceeded / incomplete / requires_action", "failed, said plainly"),
    ("any other word", "running (keep polling), unless it reads like a failure"),
)


def parse(**fields: Any) -> RemoteJob:
    body = {"id": "v1_x", "object": "interaction", "model": "gemini-omni-1.2-flash", **fields}
    return PROVIDER.parse_job(HttpResponse(200, {}, json.dumps(body).encode()))


def video(**block: Any) -> dict[str, Any]:
    return {"type": "model_output", "content": [{"type": "video", "mime_type": "video/mp4", **block}]}


def usage(video_tokens: int | None) -> dict[str, Any]:
    by = [{"modality": "video", "tokens": video_tokens}] if video_tokens is not None else []
    return {"total_output_tokens": video_tokens or 42, "output_tokens_by_modality": by or [{"modality": "text",
            "tokens": 42}]}  # fmt: skip


REFUSAL = {"type": "model_output", "content": [{"type": "text", "text": "I can't create that video."}]}
SAFETY = [{"code": "safety", "message": "The generated video was blocked for SAFETY (PROHIBITED_CONTENT)."}]

# The contract's table, each case tagged with the row of STATUS_RULES it checks: what comes
# in and the state it must give.
TABLE: list[tuple[int, str, dict[str, Any], RemoteStatus]] = [
    (0, "queued", {"status": "queued"}, S.QUEUED),
    (1, "in_progress", {"status": "in_progress"}, S.RUNNING),
    (2, "completed + a video block", {"status": "completed", "steps": [video(uri=FILE)], "usage": usage(46336)},
     S.COMPLETED),
    (2, "completed + inline video", {"status": "completed", "steps": [video(data="AAAA")]}, S.COMPLETED),
    (3, "completed, no video block, no video tokens", {"status": "completed", "steps": [REFUSAL], "usage": usage(None)},
     S.BLOCKED),
    (3, "completed, nothing at all", {"status": "completed"}, S.BLOCKED),
    (4, "completed, video tokens but no readable block",
     {"status": "completed", "steps": [video(uri=None, data=None)], "usage": usage(46336)}, S.FAILED),
    (4, "completed, tokens only as a total but no readable block",
     {"status": "completed", "steps": [video(uri=None, data=None)], "usage": {"total_output_tokens": 46336}},
     S.FAILED),
    (3, "completed, a text refusal with tokens only as a total",
     {"status": "completed", "steps": [REFUSAL], "usage": {"total_output_tokens": 12}}, S.BLOCKED),
    (5, "failed naming SAFETY", {"status": "failed", "errors": SAFETY}, S.BLOCKED),
    (5, "failed naming PROHIBITED_CONTENT in a step",
     {"status": "failed", "steps": [{"type": "model_output", "error": {"code": 3, "message": "PROHIBITED_CONTENT"}}]},
     S.BLOCKED),
    (5, "failed naming BLOCKLIST", {"status": "failed", "errors": [{"code": "blocklist", "message": "x"}]}, S.BLOCKED),
    (5, "failed naming SPII", {"status": "failed", "errors": [{"code": 400, "message": "SPII detected"}]}, S.BLOCKED),
    (5, "failed: blocked … policy", {"status": "failed", "errors": [{"message": "Output blocked by usage policy."}]},
     S.BLOCKED),
    (6, "failed (other)", {"status": "failed", "errors": [{"code": "internal", "message": "Video generation failed."}]},
     S.FAILED),
    (6, "failed, no words", {"status": "failed"}, S.FAILED),
    (7, "cancelled", {"status": "cancelled"}, S.CANCELED),
    (8, "budget_exceeded", {"status": "budget_exceeded"}, S.FAILED),
    (8, "incomplete", {"status": "incomplete"}, S.FAILED),
    (8, "requires_action", {"status": "requires_action"}, S.FAILED),
    (9, "any other word", {"status": "paused_for_review"}, S.RUNNING),
    (9, "another word reading like a failure", {"status": "generation_error"}, S.FAILED),
    (9, "another word reading like a block", {"status": "safety_hold"}, S.BLOCKED),
    (9, "no status at all", {}, S.RUNNING),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "case", "fields", "status"), TABLE, ids=[case for _, case, _, _ in TABLE])
def test_the_status_table(rule: int, case: str, fields: dict[str, Any], status: RemoteStatus) -> None:
    job = parse(**fields)
    assert job.status is status, (STATUS_RULES[rule], case)
    assert job.raw_status == fields.get("status", "")
    assert bool(job.outputs) is (status is S.COMPLETED)
    if status in (S.FAILED, S.BLOCKED):
        assert job.error_code


def test_every_row_of_the_contract_is_checked() -> None:
    assert {rule for rule, *_ in TABLE} == set(range(len(STATUS_RULES)))
    assert [raw for raw, _ in STATUS_RULES[:2]] == ["queued", "in_progress"]


def test_a_refusal_is_blocked_in_the_models_own_words_with_no_tokens() -> None:
    job = parse(status="completed", steps=[REFUSAL], usage=usage(None))
    assert job.error_message == "I can't create that video." and job.video_tokens == 0


def test_google_words_are_kept_and_plain_endings_explained() -> None:
    assert parse(status="failed", errors=SAFETY).error_message == SAFETY[0]["message"]
    failed = parse(status="failed", errors=[{"code": "internal", "message": "Video generation failed."}])
    assert (failed.error_code, failed.error_message) == ("internal", "Video generation failed.")
    ended = parse(status="budget_exceeded", errors=[{"message": "Budget of 1 exhausted."}])
    assert ended.error_code == "budget_exceeded"
    assert ended.error_message is not None and "budget" in ended.error_message and "Budget of 1" in ended.error_message
    drift = parse(status="completed", steps=[video()], usage=usage(1000))
    assert drift.error_code == "shape_drift" and drift.error_message is not None and "1,000" in drift.error_message


def test_the_video_is_the_last_block_of_the_newest_model_output() -> None:
    old = BASE + "/files/old:download?alt=media"
    steps = [
        {"type": "user_input", "content": [{"type": "video", "uri": BASE + "/files/mine"}]},
        video(uri=old),
        {"type": "model_output", "content": [{"type": "video", "uri": FILE}, {"type": "text", "text": "Done."}]},
        {"type": "thought", "content": [{"type": "video", "uri": BASE + "/files/thought"}]},
    ]
    job = parse(status="completed", steps=steps)
    assert job.outputs == (RemoteOutput("video", url=FILE, mime="video/mp4"),)


def test_odd_blocks_do_not_hide_the_video() -> None:
    steps = [{"type": "model_output", "content": ["junk", {"type": "text", "text": 5}, {"type": "video", "uri": FILE,
              "mime_type": None}]}, "not a step"]  # fmt: skip
    job = parse(status="completed", steps=steps, usage={"output_tokens_by_modality": "nope"})
    assert job.outputs == (RemoteOutput("video", url=FILE, mime="video/mp4"),) and job.video_tokens == 0


def test_inline_video_is_bare_base64() -> None:
    job = parse(status="completed", steps=[video(data="data:video/mp4;base64,AAAA\nBBBB", uri=None)])
    assert job.outputs == (RemoteOutput("video", data_b64="AAAABBBB", mime="video/mp4"),)


def test_usage_gives_video_tokens_and_no_billed_cost() -> None:
    tokens = {"output_tokens_by_modality": [{"modality": "VIDEO", "tokens": "46336"}, {"modality": "text",
              "tokens": 9}]}  # fmt: skip
    job = parse(status="completed", steps=[video(uri=FILE)], usage=tokens)
    assert job.video_tokens == 46336 and job.billed_usd is None
    assert parse(status="in_progress").video_tokens is None


def test_times_come_from_created_and_updated() -> None:
    job = parse(status="completed", steps=[video(uri=FILE)], created="2026-12-01T10:00:00Z",
                updated="2026-12-01T10:00:24Z")  # fmt: skip
    assert job.created_at == 1_796_119_200.0 and job.completed_at == 1_796_119_224.0
    assert job.expires_at == job.completed_at + 48 * 3600
    running = parse(status="in_progress", created="2026-12-01T10:00:00Z", updated="garbage")
    assert running.completed_at is None and running.expires_at is None


def test_an_answer_without_an_id_is_not_understood() -> None:
    with pytest.raises(e.ApiError, match="does not understand"):
        PROVIDER.parse_job(HttpResponse(200, {}, b'{"status": "completed"}'))


# -- URLs and the key -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("uri", "normalised"),
    [
        (FILE, FILE),
        (BASE + "/files/abc123", FILE),
        (BASE + "/files/abc123:download", FILE),
        ("files/abc123", FILE),
        ("/v1beta/files/abc123", FILE),
        (BASE + "/files/abc123:download?alt=media&key=AIza-leak", FILE),
        ("http://sim.test/sim/gemini/v1beta/files/f1", "http://sim.test/sim/gemini/v1beta/files/f1:download?alt=media"),
        ("https://cdn.example/v.mp4?sig=a%2Fb&key=AIza", "https://cdn.example/v.mp4?sig=a%2Fb"),
        ("https://cdn.example/v.mp4?sig=a%2Fb", "https://cdn.example/v.mp4?sig=a%2Fb"),
    ],
)
def test_video_uris_are_normalised_and_never_keep_a_key(uri: str, normalised: str) -> None:
    assert video_url(uri) == normalised
    assert "key=" not in video_url(uri)


def test_file_ids_and_trusted_origins() -> None:
    assert file_id(FILE) == "abc123" and file_id("https://cdn.example/v.mp4") is None
    sim = "http://sim.test/sim/gemini/v1beta"
    assert trusted(FILE, sim) and trusted(sim + "/files/x", sim)
    for foreign in ("https://evil.example/v1beta/files/abc", "http://generativelanguage.googleapis.com/v1beta/files/a",
                    "https://generativelanguage.googleapis.com@evil.example/v1beta/files/a",
                    "https://generativelanguage.googleapis.com.evil.example/files/a"):  # fmt: skip
        assert not trusted(foreign, sim), foreign
        assert download_url(foreign, sim) == foreign


def test_a_file_on_the_api_moves_onto_the_configured_base() -> None:
    proxy = "https://proxy.example/gemini/v1beta"
    assert download_url(FILE, proxy) == proxy + "/files/abc123:download?alt=media"
    assert download_url(FILE, BASE) == FILE


def _downloads(output: RemoteOutput, endpoint: Endpoint = ENDPOINT) -> Any:
    job = RemoteJob("v1_x", S.COMPLETED, "completed", outputs=(output,))
    (download,) = PROVIDER.downloads(endpoint, job)
    return download


def test_download_of_a_file_sends_the_key_to_the_api_only() -> None:
    download = _downloads(RemoteOutput("video", url=FILE, mime="video/mp4"))
    assert download.variant == "video" and download.request.url == FILE
    assert download.request.expect is Expect.BLOB and download.request.method == "GET"
    assert dict(download.request.headers) == {"x-goog-api-key": "AIza-k"}
    foreign = _downloads(RemoteOutput("video", url="https://cdn.example/v.mp4?sig=1"))
    assert foreign.request.url == "https://cdn.example/v.mp4?sig=1" and dict(foreign.request.headers) == {}


def test_inline_output_needs_no_request() -> None:
    download = _downloads(RemoteOutput("video", data_b64="AAAA", mime="video/mp4"))
    assert (download.request, download.data_b64, download.mime) == (None, "AAAA", "video/mp4")


def test_without_a_per_modality_list_the_total_counts_as_video() -> None:
    drift = parse(status="completed", steps=[video()], usage={"total_output_tokens": 46336})
    assert drift.error_code == "shape_drift" and drift.video_tokens == 46336  # paid: said, and costed
    refusal = parse(status="completed", steps=[REFUSAL], usage={"total_output_tokens": 12})
    assert refusal.error_message == "I can't create that video." and refusal.video_tokens == 0
    done = parse(status="completed", steps=[video(uri=FILE)], usage={"total_output_tokens": 46336})
    assert done.status is S.COMPLETED and done.video_tokens == 46336
