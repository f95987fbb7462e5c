"""OpenRouter simulator: job life cycle, every status, markers, key markers and routes (fake clock)."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.testing import Harness, body_of, jbody, new_key

VEO = "google/veo-3.1"
ORIGIN = "http://sim.test"
API = "/sim/openrouter/api/v1"


def _submit(harness: Harness, prompt: str = "a fox", key: str | None = None, **fields: object) -> Any:
    body = {"model": VEO, "prompt": prompt, "duration": 8, **fields}
    response = harness.openrouter("POST", "/videos", json_body=body, key=key)
    assert response.status == 202, response.body
    return jbody(response)


def _poll(harness: Harness, job_id: str, key: str | None = None) -> Any:
    response = harness.openrouter("GET", f"/videos/{job_id}", key=key)
    assert response.status == 200, response.body
    return jbody(response)


def test_a_job_goes_pending_in_progress_completed_with_urls_and_cost(harness: Harness) -> None:
    job_id = _submit(harness)["id"]
    harness.clock.advance(1.0)
    assert _poll(harness, job_id)["status"] == "pending"
    harness.clock.advance(1.0)
    running = _poll(harness, job_id)
    assert (running["status"], running["generation_id"][:4]) == ("in_progress", "gen-")
    assert "unsigned_urls" not in running and "usage" not in running
    harness.clock.advance(8.0)
    done = _poll(harness, job_id)
    assert done["status"] == "completed"
    assert done["unsigned_urls"] == [f"{ORIGIN}{API}/videos/{job_id}/content?index=0"]
    assert done["usage"] == {"cost": 3.2, "is_byok": False}  # 8 s × $0.40 (with audio)
    assert set(done) == {"id", "polling_url", "status", "generation_id", "unsigned_urls", "usage"}


@pytest.mark.parametrize(
    ("marker", "status", "error"),
    [
        ("[sim:moderation]", "failed", "Content policy violation"),
        ("[sim:fail]", "failed", "Video generation failed"),
        ("[sim:canceled]", "cancelled", "Job was cancelled"),
        ("[sim:cancelled]", "cancelled", "Job was cancelled"),
        ("[sim:expired]", "expired", "Job exceeded maximum time to live"),
        ("[sim:status=queued_forever]", "queued_forever", None),
    ],
)
def test_every_end_status(harness: Harness, marker: str, status: str, error: str | None) -> None:
    job_id = _submit(harness, f"a fox {marker}")["id"]
    harness.clock.advance(10.0)
    job = _poll(harness, job_id)
    assert (job["status"], job.get("error")) == (status, error)
    assert "unsigned_urls" not in job and "usage" not in job
    assert harness.openrouter("GET", f"/videos/{job_id}/content").status == 404


def test_moderation_fails_half_way(harness: Harness) -> None:
    job_id = _submit(harness, "x [sim:moderation]")["id"]
    harness.clock.advance(4.9)
    assert _poll(harness, job_id)["status"] == "in_progress"
    harness.clock.advance(0.1)
    assert _poll(harness, job_id)["status"] == "failed"


def test_sora_on_openrouter_can_only_fail(harness: Harness) -> None:
    job_id = _submit(harness, model="openai/sora-2-pro", duration=4)["id"]
    harness.clock.advance(10.0)
    job = _poll(harness, job_id)
    assert job["status"] == "failed"
    assert job["error"].startswith("Provider returned error")


def test_expiry_after_the_configured_time(harness: Harness) -> None:
    job_id = _submit(harness)["id"]
    harness.clock.advance(10.0 + 3599)
    assert _poll(harness, job_id)["status"] == "completed"
    harness.clock.advance(1)
    assert _poll(harness, job_id)["status"] == "expired"


@pytest.mark.parametrize(
    ("marker", "url"),
    [
        ("", "{api}/videos/{id}"),
        ("[sim:absolute_poll]", "http://sim.test{api}/videos/{id}"),
        ("[sim:foreign_poll]", "https://openrouter-mirror.invalid/api/v1/videos/{id}"),
    ],
)
def test_polling_url_variants(harness: Harness, marker: str, url: str) -> None:
    job = _submit(harness, f"x {marker}")
    assert job["polling_url"] == url.format(api=API, id=job["id"])


def test_the_nocors_prefix_names_itself_in_every_url(harness: Harness) -> None:
    prefix = "/sim/openrouter-nocors/api/v1"
    created = harness.openrouter("POST", "/videos", json_body={"model": VEO, "prompt": "x"}, prefix=prefix)
    job_id = jbody(created)["id"]
    harness.clock.advance(10)
    job = jbody(harness.openrouter("GET", f"/videos/{job_id}", prefix=prefix))
    assert job["polling_url"] == f"{prefix}/videos/{job_id}"
    assert job["unsigned_urls"] == [f"{ORIGIN}{prefix}/videos/{job_id}/content?index=0"]
    assert all(not name.startswith("access-control-") for name, _ in created.headers)


def test_outputs_and_nocost(harness: Harness) -> None:
    job_id = _submit(harness, "x [sim:outputs=3] [sim:nocost]")["id"]
    harness.clock.advance(10)
    job = _poll(harness, job_id)
    assert [url.rsplit("=", 1)[1] for url in job["unsigned_urls"]] == ["0", "1", "2"]
    assert job["usage"] == {"cost": None, "is_byok": False}
    videos = [body_of(harness.openrouter("GET", f"/videos/{job_id}/content?index={i}")) for i in range(3)]
    assert len(set(videos)) == 3  # each output is its own video
    missing = harness.openrouter("GET", f"/videos/{job_id}/content?index=3")
    assert missing.status == 404
    assert "no index 3" in jbody(missing)["error"]["message"]


def test_content_index_must_be_a_whole_number(harness: Harness) -> None:
    job_id = _submit(harness, "x [sim:duration=0]")["id"]
    for bad in ("-1", "one", "1.5"):
        response = harness.openrouter("GET", f"/videos/{job_id}/content?index={bad}")
        assert (response.status, jbody(response)["error"]["code"]) == (400, 400)
    ok = harness.openrouter("GET", f"/videos/{job_id}/content")
    assert (ok.status, ok.header("content-type")) == (200, "video/mp4")


def test_content_needs_a_bearer_key_and_completion(harness: Harness) -> None:
    job_id = _submit(harness)["id"]
    assert harness.openrouter("GET", f"/videos/{job_id}/content").status == 404  # not completed yet
    harness.clock.advance(10)
    anonymous = harness.openrouter("GET", f"/videos/{job_id}/content", anonymous=True)
    assert (anonymous.status, jbody(anonymous)["error"]["message"]) == (401, "No auth credentials found")
    assert harness.openrouter("GET", f"/videos/{job_id}/content", key=new_key()).status == 404  # another key's job


def test_counted_poll_faults_then_normal(harness: Harness) -> None:
    job_id = _submit(harness, "x [sim:500=2] [sim:429=1]")["id"]
    statuses = [harness.openrouter("GET", f"/videos/{job_id}").status for _ in range(4)]
    assert statuses == [500, 500, 429, 200]
    limited = harness.openrouter("GET", f"/videos/{job_id}")
    assert limited.status == 200
    job_id = _submit(harness, "y [sim:429]")["id"]
    response = harness.openrouter("GET", f"/videos/{job_id}")
    assert (response.status, response.header("retry-after")) == (429, "1")
    assert jbody(response)["error"]["code"] == 429


def test_content500_then_success(harness: Harness) -> None:
    job_id = _submit(harness, "x [sim:duration=0] [sim:content500=1]")["id"]
    assert harness.openrouter("GET", f"/videos/{job_id}/content").status == 500
    assert harness.openrouter("GET", f"/videos/{job_id}/content").status == 200


def test_slow_jobs_delay_every_answer_about_them(harness: Harness) -> None:
    created = harness.openrouter("POST", "/videos", json_body={"model": VEO, "prompt": "x [sim:slow=1500]"})
    assert created.delay_s == 1.5
    assert harness.openrouter("GET", f"/videos/{jbody(created)['id']}").delay_s == 1.5


def test_submit_refusals_come_first_then_the_job(harness: Harness) -> None:
    prompt = "retry me [sim:submit429=2] [sim:submit500=1]"
    body = {"model": VEO, "prompt": prompt}
    answers = [harness.openrouter("POST", "/videos", json_body=body) for _ in range(4)]
    assert [a.status for a in answers] == [429, 429, 500, 202]
    assert answers[0].header("retry-after") == "1"
    counts = harness.sim.counters.creates("openrouter", prompt)
    assert counts[0]["count"] == 4
    assert (counts[0]["accepted"], counts[0]["refused"]) == (1, 3)
    assert harness.openrouter("POST", "/videos", json_body=body, key=new_key()).status == 429  # counted per key


# ---- key markers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "status", "message"),
    [
        ("sim-401", 401, "User not found."),
        ("sim-500", 500, "Internal Server Error"),
        ("sim-ratelimit", 429, "Rate limit exceeded"),
        ("sim-503", 503, "No allowed providers"),
    ],
)
def test_key_markers_fail_every_authenticated_call(harness: Harness, marker: str, status: int, message: str) -> None:
    key = new_key(marker)
    for method, path, body in (("POST", "/videos", {"model": VEO, "prompt": "x"}), ("GET", "/videos/job-x", None),
                               ("GET", "/key", None), ("GET", "/videos/job-x/content", None)):  # fmt: skip
        response = harness.openrouter(method, path, json_body=body, key=key)
        error = jbody(response)["error"]
        assert (response.status, error["code"]) == (status, status)
        assert error["message"].startswith(message)
    if marker in ("sim-ratelimit", "sim-503"):
        assert response.header("retry-after") is not None


def test_quota_key_is_402_on_create_and_shows_an_exhausted_limit(harness: Harness) -> None:
    key = new_key("sim-quota")
    response = harness.openrouter("POST", "/videos", json_body={"model": VEO, "prompt": "x"}, key=key)
    assert (response.status, jbody(response)["error"]["message"]) == (
        402,
        "Insufficient credits. Add more using https://openrouter.ai/credits",
    )
    info = jbody(harness.openrouter("GET", "/key", key=key))["data"]
    assert (info["limit_remaining"], info["is_free_tier"]) == (0.0, False)


def test_forbidden_key_is_a_403_guardrail_with_reasons(harness: Harness) -> None:
    response = harness.openrouter(
        "POST", "/videos", json_body={"model": VEO, "prompt": "a fight"}, key=new_key("sim-403")
    )
    error = jbody(response)["error"]
    assert (response.status, error["code"]) == (403, 403)
    assert error["metadata"]["reasons"] == ["violence/graphic"]
    assert error["metadata"]["flagged_input"] == "a fight"
    assert error["metadata"]["model_slug"] == VEO


def test_nomodel_key_is_404_for_every_model(harness: Harness) -> None:
    for model in (VEO, "bytedance/seedance-2.0"):
        response = harness.openrouter(
            "POST", "/videos", json_body={"model": model, "prompt": "x"}, key=new_key("sim-nomodel")
        )
        assert response.status == 404


def test_missing_or_non_bearer_keys_are_401(harness: Harness) -> None:
    for headers in ({}, {"authorization": "Basic abc"}, {"authorization": "Bearer   "}):
        response = harness.openrouter("GET", "/key", anonymous=True, headers=headers)
        assert (response.status, jbody(response)) == (
            401,
            {"error": {"code": 401, "message": "No auth credentials found"}},
        )


def test_key_info_sums_the_keys_billed_usage(harness: Harness) -> None:
    key = new_key()
    for prompt in ("a", "b", "c [sim:nocost]", "d [sim:fail]"):
        _submit(harness, prompt, key=key)
    harness.clock.advance(10)
    info = jbody(harness.openrouter("GET", "/key", key=key))["data"]
    assert info["usage"] == 6.4
    assert info["label"].startswith("sk-test-") and info["label"].endswith(key[-3:])
    assert key not in str(info)
    assert {"limit", "limit_remaining", "usage", "is_free_tier", "rate_limit", "expires_at"} <= set(info)


def test_credits_need_a_management_key(harness: Harness) -> None:
    response = harness.openrouter("GET", "/credits")
    assert (response.status, jbody(response)["error"]["message"]) == (
        403,
        "Only management keys can perform this operation",
    )
    assert harness.openrouter("GET", "/credits", anonymous=True).status == 401


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/videos"), ("DELETE", "/videos/job-1"), ("POST", "/videos/job-1/cancel"), ("GET", "/generations"),
     ("PUT", "/videos/job-1"), ("GET", "/videos/job-1/content/extra")],
)  # fmt: skip
def test_routes_openrouter_lacks_are_plain_404s_even_without_a_key(harness: Harness, method: str, path: str) -> None:
    response = harness.openrouter(method, path, anonymous=True)
    assert (response.status, jbody(response)) == (404, {"error": {"code": 404, "message": "Not Found"}})


def test_jobs_are_scoped_per_key(harness: Harness) -> None:
    job_id = _submit(harness)["id"]
    other = harness.openrouter("GET", f"/videos/{job_id}", key=new_key())
    assert (other.status, jbody(other)["error"]["code"]) == (404, 404)


def test_head_requests_use_up_no_fault_and_send_no_body(harness: Harness) -> None:
    job_id = _submit(harness, "x [sim:duration=0] [sim:content500=1] [sim:truncate=1]")["id"]
    head = harness.openrouter("HEAD", f"/videos/{job_id}/content")
    assert head.status == 200 and head.truncate_at is None
    assert harness.openrouter("GET", f"/videos/{job_id}/content").status == 500
    cut = harness.openrouter("GET", f"/videos/{job_id}/content")
    assert cut.truncate_at == cut.content_length // 2
