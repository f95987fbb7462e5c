"""Gemini simulator: interaction life cycle, outputs, cancel/delete/extend/edit, errors and key markers."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from simulator.testing import Harness, body_of, jbody, png_image

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


def test_file_downloads_honour_ranges_unless_noranges(harness: Harness) -> None:
    for prompt, status in (("ranged", 206), ("whole [sim:noranges]", 200)):
        done = _done(harness, prompt)
        path = _output(done)["uri"].removeprefix("http://sim.test/sim/gemini/v1beta")
        response = harness.gemini("GET", path, headers={"range": "bytes=0-15"})
        assert response.status == status
        assert len(body_of(response)) == (16 if status == 206 else response.content_length)
