"""Gemini simulator: interaction life cycle, outputs, cancel/delete/extend/edit, errors and key markers."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from simulator.testing import Harness, body_of, jbody, new_key, png_image

OMNI = "gemini-omni-1.2-flash"
FORMAT = {"type": "video", "aspect_ratio": "16:9", "resolution": "720p", "duration": "8s", "delivery": "uri"}
FILE_URI = "http://sim.test/sim/gemini/v1beta/files/"


def _create(harness: Harness, prompt: object = "a lighthouse", key: str | None = None, **changes: Any) -> Any:
    payload = {"model": OMNI, "input": prompt, "background": True, "response_format": dict(FORMAT), **changes}
    response = harness.gemini("POST", "/interactions", json_body=payload, key=key)
    assert response.status == 200, response.body
    return jbody(response)


def _get(harness: Harness, interaction_id: str, key: str | None = None) -> Any:
    response = harness.gemini("GET", f"/interactions/{interaction_id}", key=key)
    assert response.status == 200, response.body
    return jbody(response)


def _done(harness: Harness, prompt: str = "a lighthouse", **changes: Any) -> Any:
    interaction = _create(harness, f"{prompt} [sim:duration=0]", **changes)
    return _get(harness, interaction["id"])


def _output(interaction: Any) -> Any:
    return interaction["steps"][-1]["content"][-1]


def test_queued_then_in_progress_then_completed_with_a_video_uri(harness: Harness) -> None:
    interaction_id = _create(harness)["id"]
    harness.clock.advance(1.0)
    assert _get(harness, interaction_id)["status"] == "queued"
    harness.clock.advance(1.0)
    running = _get(harness, interaction_id)
    assert running["status"] == "in_progress" and "steps" not in running
    harness.clock.advance(8.0)
    done = _get(harness, interaction_id)
    assert done["status"] == "completed"
    assert [step["type"] for step in done["steps"]] == ["user_input", "model_output"]
    assert done["steps"][0]["content"] == [{"type": "text", "text": "a lighthouse"}]
    video = _output(done)
    assert set(video) == {"type", "mime_type", "uri"} and video["mime_type"] == "video/mp4"
    assert video["uri"].startswith(FILE_URI) and video["uri"].endswith(":download?alt=media")
    assert done["usage"]["output_tokens_by_modality"] == [{"modality": "video", "tokens": 5792 * 8}]
    assert done["usage"]["total_tokens"] == done["usage"]["total_input_tokens"] + done["usage"]["total_output_tokens"]
    assert done["updated"] > done["created"]


@pytest.mark.parametrize(("resolution", "tokens"), [("360p", 13901), ("720p", 46336), ("1080p", 69504), ("4k", 139008)])
def test_video_tokens_scale_with_resolution(harness: Harness, resolution: str, tokens: int) -> None:
    done = _done(harness, response_format={**FORMAT, "resolution": resolution})
    assert done["usage"]["output_tokens_by_modality"][0]["tokens"] == tokens


def test_inline_delivery_puts_the_mp4_in_the_json(harness: Harness) -> None:
    done = _done(harness, response_format={**FORMAT, "delivery": "inline"})
    video = _output(done)
    assert set(video) == {"type", "mime_type", "data"}
    assert base64.b64decode(video["data"])[4:8] == b"ftyp"
    defaulted = _done(harness, "no delivery", response_format={"type": "video"})
    assert "data" in _output(defaulted)  # omitted delivery means inline


def test_images_are_echoed_by_type_with_token_counts(harness: Harness) -> None:
    blocks = [{"type": "image", "data": base64.b64encode(png_image(8, 8)).decode(), "mime_type": "image/png"},
              {"type": "text", "text": "<FIRST_FRAME> wakes up [sim:duration=0]"}]  # fmt: skip
    done = _get(harness, _create(harness, blocks)["id"])
    assert done["steps"][0]["content"][0] == {"type": "image", "mime_type": "image/png"}
    assert {"modality": "image", "tokens": 258} in done["usage"]["input_tokens_by_modality"]


def test_moderation_completes_with_text_only_and_no_video_tokens(harness: Harness) -> None:
    done = _done(harness, "a fight [sim:moderation]")
    assert done["status"] == "completed"
    assert [block["type"] for block in done["steps"][-1]["content"]] == ["text"]
    modalities = [m["modality"] for m in done["usage"]["output_tokens_by_modality"]]
    assert "video" not in modalities


@pytest.mark.parametrize(
    ("marker", "status", "code"),
    [
        ("[sim:fail]", "failed", "internal"),
        ("[sim:safetyfail]", "failed", "safety"),
        ("[sim:canceled]", "cancelled", None),
        ("[sim:status=budget_exceeded]", "budget_exceeded", None),
        ("[sim:status=incomplete]", "incomplete", None),
        ("[sim:status=requires_action]", "requires_action", None),
    ],
)
def test_other_end_states(harness: Harness, marker: str, status: str, code: str | None) -> None:
    done = _done(harness, f"x {marker}")
    assert done["status"] == status
    assert "steps" not in done and "usage" not in done
    assert [e["code"] for e in done.get("errors", [])] == ([code] if code else [])
    if code == "safety":
        assert "SAFETY" in done["errors"][0]["message"]


# ---- cancel, delete, extend, edit ---------------------------------------------------------------------


def test_cancel_stops_a_running_interaction_and_refuses_a_finished_one(harness: Harness) -> None:
    interaction_id = _create(harness)["id"]
    harness.clock.advance(3)
    cancelled = harness.gemini("POST", f"/interactions/{interaction_id}/cancel")
    assert (cancelled.status, jbody(cancelled)["status"]) == (200, "cancelled")
    harness.clock.advance(20)
    assert _get(harness, interaction_id)["status"] == "cancelled"
    again = harness.gemini("POST", f"/interactions/{interaction_id}/cancel")
    error = jbody(again)["error"]
    assert (again.status, error["status"]) == (400, "FAILED_PRECONDITION")
    done = _done(harness)
    assert harness.gemini("POST", f"/interactions/{done['id']}/cancel").status == 400


def test_delete_removes_the_interaction(harness: Harness) -> None:
    done = _done(harness)
    deleted = harness.gemini("DELETE", f"/interactions/{done['id']}")
    assert (deleted.status, jbody(deleted)) == (200, {})
    gone = harness.gemini("GET", f"/interactions/{done['id']}")
    assert (gone.status, jbody(gone)["error"]["message"]) == (
        400,
        f"Invalid interaction name: interactions/{done['id']}",
    )
    extend = harness.gemini("POST", "/interactions", json_body={
        "model": OMNI, "input": "go on", "background": True, "previous_interaction_id": done["id"],
        "response_format": {"type": "video", "duration": "5s"}})  # fmt: skip
    assert extend.status == 400 and "Invalid interaction name" in jbody(extend)["error"]["message"]
    uri = _output(done)["uri"].removeprefix("http://sim.test/sim/gemini/v1beta")
    assert harness.gemini("GET", uri).status == 200  # the file outlives the interaction


def _continue(harness: Harness, source: str, **changes: object) -> Any:
    payload = {"model": OMNI, "input": "and then the sun sets", "background": True, "previous_interaction_id": source,
               **changes}  # fmt: skip
    response = harness.gemini("POST", "/interactions", json_body=payload)
    return response.status, jbody(response)


def test_extend_adds_seconds_up_to_thirty(harness: Harness) -> None:
    source = _done(harness, response_format={**FORMAT, "duration": "15s"})
    status, extended = _continue(harness, source["id"], response_format={"type": "video", "duration": "10s"})
    assert (status, extended["previous_interaction_id"]) == (200, source["id"])
    harness.clock.advance(10)
    done = _get(harness, extended["id"])
    assert done["usage"]["output_tokens_by_modality"][0]["tokens"] == 5792 * 10  # only the added seconds
    status, again = _continue(harness, extended["id"], response_format={"type": "video", "duration": "6s"})
    assert status == 400 and "at most 30s" in again["error"]["message"]
    for added in ("2s", "11s"):
        status, answer = _continue(harness, source["id"], response_format={"type": "video", "duration": added})
        assert status == 400 and "minimum allowed 3s, maximum allowed 10s" in answer["error"]["message"]
    status, answer = _continue(
        harness, source["id"], response_format={"type": "video", "duration": "5s", "aspect_ratio": "9:16"}
    )
    assert status == 400 and "keeps the source's aspect_ratio" in answer["error"]["message"]


def test_edit_inherits_everything_and_refuses_new_settings(harness: Harness) -> None:
    source = _done(harness, response_format={**FORMAT, "resolution": "1080p"})
    status, edit = _continue(harness, source["id"])
    assert status == 200
    harness.clock.advance(10)
    assert _get(harness, edit["id"])["usage"]["output_tokens_by_modality"][0]["tokens"] == round(5792 * 1.5 * 8)
    status, answer = _continue(harness, source["id"], response_format={"type": "video", "resolution": "720p"})
    assert status == 400 and "omit them" in answer["error"]["message"]


@pytest.mark.parametrize(
    ("prompt", "changes", "fragment"),
    [
        ("x", {"store": False}, "store=false"),
        ("x [sim:moderation]", {}, "has no video"),
        ("x [sim:fail]", {}, "is failed"),
    ],
)
def test_only_stored_completed_videos_can_be_continued(
    harness: Harness, prompt: str, changes: dict[str, object], fragment: str
) -> None:
    source = _done(harness, prompt, **changes)
    status, answer = _continue(harness, source["id"], response_format={"type": "video", "duration": "5s"})
    assert status == 400 and fragment in answer["error"]["message"]
    running = _create(harness)
    status, answer = _continue(harness, running["id"])
    assert status == 400 and "is queued" in answer["error"]["message"]


# ---- errors -----------------------------------------------------------------------------------------


def test_unknown_interactions_are_400_invalid_interaction_name(harness: Harness) -> None:
    for method, path in (("GET", "/interactions/nope"), ("POST", "/interactions/nope/cancel"),
                         ("DELETE", "/interactions/nope")):  # fmt: skip
        response = harness.gemini(method, path)
        assert (response.status, jbody(response)["error"]["status"]) == (400, "INVALID_ARGUMENT")
    other = _create(harness)
    assert harness.gemini("GET", f"/interactions/{other['id']}", key=new_key()).status == 400


def test_poll_faults_in_order_then_normal(harness: Harness) -> None:
    interaction_id = _create(harness, "x [sim:500=1] [sim:429=1] [sim:poll400=1]")["id"]
    answers = [harness.gemini("GET", f"/interactions/{interaction_id}") for _ in range(4)]
    assert [a.status for a in answers] == [500, 429, 400, 200]
    assert [jbody(a)["error"]["status"] for a in answers[:3]] == ["INTERNAL", "RESOURCE_EXHAUSTED", "INVALID_ARGUMENT"]
    assert "Invalid interaction name" not in jbody(answers[2])["error"]["message"]


def _retry_info(error: Any) -> Any:
    return next(d for d in error["details"] if d["@type"] == "type.googleapis.com/google.rpc.RetryInfo")


def _quota_violation(error: Any) -> Any:
    quota = next(d for d in error["details"] if d["@type"] == "type.googleapis.com/google.rpc.QuotaFailure")
    return quota["violations"][0]


def test_rate_limits_carry_retry_info_and_a_quota_failure(harness: Harness) -> None:
    response = harness.gemini("GET", "/models", key=new_key("sim-ratelimit"))
    error = jbody(response)["error"]
    assert (response.status, error["status"]) == (429, "RESOURCE_EXHAUSTED")
    assert _retry_info(error)["retryDelay"] == "27s"
    assert _quota_violation(error)["quotaId"] == "GenerateRequestsPerMinutePerProjectPerModel"
    assert response.header("retry-after") is None


def test_a_daily_zero_quota_is_a_429_that_waiting_will_not_clear(harness: Harness) -> None:
    key = new_key("sim-quota")
    assert harness.gemini("GET", "/models", key=key).status == 200
    response = harness.gemini("POST", "/interactions", key=key, json_body={
        "model": OMNI, "input": "x", "background": True})  # fmt: skip
    error = jbody(response)["error"]
    assert response.status == 429
    violation = _quota_violation(error)
    assert ("PerDay" in violation["quotaId"], violation["quotaValue"]) == (True, "0")
    assert "limit: 0" in error["message"]


@pytest.mark.parametrize(
    ("headers", "anonymous", "status", "status_name"),
    [
        ({}, True, 403, "PERMISSION_DENIED"),
        ({"authorization": "Bearer ya29.token"}, True, 401, "UNAUTHENTICATED"),
        ({"authorization": "Bearer AIza-key"}, False, 401, "UNAUTHENTICATED"),
    ],
)
def test_auth_variants(
    harness: Harness, headers: dict[str, str], anonymous: bool, status: int, status_name: str
) -> None:
    response = harness.gemini("GET", "/models", headers=headers, anonymous=anonymous)
    assert (response.status, jbody(response)["error"]["status"]) == (status, status_name)


def test_the_key_may_come_as_a_query_parameter(harness: Harness) -> None:
    assert harness.gemini("GET", f"/models?key={harness.key}", anonymous=True).status == 200


@pytest.mark.parametrize(
    ("marker", "status", "status_name", "reason"),
    [
        ("sim-401", 400, "INVALID_ARGUMENT", "API_KEY_INVALID"),
        ("sim-403", 403, "PERMISSION_DENIED", "SERVICE_DISABLED"),
        ("sim-500", 500, "INTERNAL", None),
        ("sim-503", 503, "UNAVAILABLE", None),
    ],
)
def test_key_markers(harness: Harness, marker: str, status: int, status_name: str, reason: str | None) -> None:
    response = harness.gemini("GET", "/interactions/x", key=new_key(marker))
    error = jbody(response)["error"]
    assert (response.status, error["code"], error["status"]) == (status, status, status_name)
    if reason:
        assert error["details"][0]["reason"] == reason


def test_submit_time_markers_and_shapes(harness: Harness) -> None:
    def submit(prompt: str) -> Any:
        return harness.gemini("POST", "/interactions", json_body={"model": OMNI, "input": prompt, "background": True})

    safety = submit("x [sim:safety400]")
    assert safety.status == 400 and "SAFETY" in jbody(safety)["error"]["message"]
    string = submit("x [sim:stringerror]")
    assert (string.status, jbody(string)["error"]["code"]) == (400, "invalid_request")
    assert set(jbody(string)["error"]) == {"code", "message"}
    listed = submit("x [sim:arrayerror]")
    assert listed.status == 400 and jbody(listed)[0]["error"]["status"] == "INVALID_ARGUMENT"
    assert [submit("again [sim:submit429=1] [sim:submit500=1]").status for _ in range(3)] == [429, 500, 200]
    assert harness.sim.log.recent(1, provider="gemini", kind="create")[0]["status"] == 200


def test_nomodel_keys_see_no_omni_model(harness: Harness) -> None:
    key = new_key("sim-nomodel")
    names = [m["name"] for m in jbody(harness.gemini("GET", "/models", key=key))["models"]]
    assert names and not [n for n in names if "omni" in n]
    create = harness.gemini(
        "POST", "/interactions", key=key, json_body={"model": OMNI, "input": "x", "background": True}
    )
    assert create.status == 404
    assert harness.gemini("GET", f"/models/{OMNI}", key=key).status == 404


def test_the_model_list_pages_and_lists_the_omni_ids(harness: Harness) -> None:
    every = jbody(harness.gemini("GET", "/models"))
    names = [m["name"] for m in every["models"]]
    assert {"models/gemini-omni-1.2-flash", "models/gemini-omni-1.1-flash"} <= set(names)
    assert "nextPageToken" not in every
    assert not [n for n in names if "veo" in n or "preview" in n]
    first = jbody(harness.gemini("GET", "/models?pageSize=2"))
    second = jbody(harness.gemini("GET", f"/models?pageSize=2&pageToken={first['nextPageToken']}"))
    assert [m["name"] for m in first["models"] + second["models"]] == names[:4]
    assert harness.gemini("GET", "/models?pageToken=%%%").status == 400
    model = jbody(harness.gemini("GET", f"/models/{OMNI}"))
    assert "interactions" not in str(model["supportedGenerationMethods"]).lower()


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/nowhere"), ("PUT", "/interactions/x"), ("GET", "/interactions")]
)
def test_unknown_methods_are_404_not_found(harness: Harness, method: str, path: str) -> None:
    response = harness.gemini(method, path, anonymous=True)
    assert (response.status, jbody(response)["error"]) == (404, {"code": 404, "message": "Method not found.",
                                                                  "status": "NOT_FOUND"})  # fmt: skip


def test_slow_jobs_delay_their_answers(harness: Harness) -> None:
    interaction = _create(harness, "x [sim:slow=700]")
    assert harness.gemini("GET", f"/interactions/{interaction['id']}").delay_s == 0.7
    assert len(body_of(harness.gemini("GET", "/models"))) > 0


def test_file_downloads_honour_ranges_unless_noranges(harness: Harness) -> None:
    for prompt, status in (("ranged", 206), ("whole [sim:noranges]", 200)):
        done = _done(harness, prompt)
        path = _output(done)["uri"].removeprefix("http://sim.test/sim/gemini/v1beta")
        response = harness.gemini("GET", path, headers={"range": "bytes=0-15"})
        assert response.status == status
        assert len(body_of(response)) == (16 if status == 206 else response.content_length)
