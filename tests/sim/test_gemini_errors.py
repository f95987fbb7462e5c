"""Gemini simulator: every error envelope, auth variant, key marker, submit-time marker and the model list."""

from __future__ import annotations

from typing import Any

import pytest

from simulator.testing import Harness, body_of, jbody, new_key

OMNI = "gemini-omni-1.2-flash"


def _create(harness: Harness, prompt: str = "a lighthouse") -> Any:
    payload = {"model": OMNI, "input": prompt, "background": True}
    response = harness.gemini("POST", "/interactions", json_body=payload)
    assert response.status == 200, response.body
    return jbody(response)


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
