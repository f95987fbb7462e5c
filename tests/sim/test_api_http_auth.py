"""Over real HTTP: API keys, the ``sim-*`` key markers, and CORS on every answer."""

from __future__ import annotations

import re

import pytest

from simulator.testing import LiveSim, Reply, SimClient, new_key

SORA = "sora-2"


def _assert_envelope(reply: Reply, status: int, type_: str, code: str | None) -> dict[str, object]:
    error = reply.error()
    assert reply.status == status
    assert set(error) == {"message", "type", "param", "code"}
    assert (error["type"], error["code"]) == (type_, code)
    assert reply.headers["access-control-allow-origin"] == "*"
    assert reply.headers["content-type"] == "application/json"
    assert re.fullmatch(r"req_[0-9a-f]{32}", reply.headers["x-request-id"])
    return dict(error)


@pytest.mark.parametrize("authorization", [None, "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz", "sk-no-scheme"])
def test_a_missing_key_is_401_with_openais_message(anon: SimClient, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    reply = anon.get("/sim/v1/models", headers=headers)
    error = _assert_envelope(reply, 401, "invalid_request_error", None)
    assert str(error["message"]).startswith("You didn't provide an API key.")


def test_every_api_path_needs_a_key(anon: SimClient) -> None:
    for method, path in [
        ("GET", "/sim/v1/videos"),
        ("POST", "/sim/v1/videos"),
        ("GET", "/sim/v1/videos/video_x"),
        ("DELETE", "/sim/v1/videos/video_x"),
        ("GET", "/sim/v1/videos/video_x/content"),
        ("POST", "/sim/v1/videos/video_x/remix"),
        ("GET", "/sim/v1/models/sora-2"),
        ("GET", "/sim/v1/nowhere"),
    ]:
        assert anon.request(method, path).status == 401, (method, path)


def test_invalid_key_is_masked_never_echoed(live_sim: LiveSim) -> None:
    key = new_key("sim-401")
    reply = SimClient(live_sim.url, key).get("/sim/v1/models")
    error = _assert_envelope(reply, 401, "invalid_request_error", "invalid_api_key")
    message = str(error["message"])
    assert message.startswith("Incorrect API key provided: sk-")
    assert key[-4:] in message
    assert key not in reply.body.decode()
    assert key[8:-4] not in message


def test_forbidden_key_is_403_on_videos_and_models(live_sim: LiveSim) -> None:
    client = SimClient(live_sim.url, new_key("sim-403"))
    videos = _assert_envelope(client.post_json("/sim/v1/videos", {"prompt": "x"}), 403, "invalid_request_error", None)
    assert "must be verified" in str(videos["message"])
    models = _assert_envelope(client.get("/sim/v1/models"), 403, "invalid_request_error", None)
    assert "insufficient permissions" in str(models["message"])


def test_quota_key_is_429_insufficient_quota(live_sim: LiveSim) -> None:
    client = SimClient(live_sim.url, new_key("sim-quota"))
    for reply in (client.get("/sim/v1/models"), client.post_json("/sim/v1/videos", {"prompt": "x"})):
        error = _assert_envelope(reply, 429, "insufficient_quota", "insufficient_quota")
        assert str(error["message"]).startswith("You exceeded your current quota")
        assert "retry-after" not in reply.headers  # no point retrying without credit


def test_rate_limited_key_is_429_with_retry_hints(live_sim: LiveSim) -> None:
    reply = SimClient(live_sim.url, new_key("sim-ratelimit")).get("/sim/v1/models")
    _assert_envelope(reply, 429, "requests", "rate_limit_exceeded")
    assert (reply.headers["retry-after"], reply.headers["retry-after-ms"]) == ("1", "1000")
    assert reply.headers["x-ratelimit-remaining-requests"] == "0"


def test_server_error_key_fails_everything(live_sim: LiveSim) -> None:
    client = SimClient(live_sim.url, new_key("sim-500"))
    for path in ("/sim/v1/models", "/sim/v1/videos"):
        _assert_envelope(client.get(path), 500, "server_error", None)


def test_models_list_and_retrieve(client: SimClient) -> None:
    listed = client.get("/sim/v1/models").json()
    ids = [model["id"] for model in listed["data"]]
    assert listed["object"] == "list"
    assert {"sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "gpt-4o-mini"} <= set(ids)
    model = client.get("/sim/v1/models/sora-2-pro").json()
    assert set(model) == {"id", "object", "created", "owned_by"}
    assert (model["id"], model["object"], model["owned_by"]) == ("sora-2-pro", "model", "system")
    missing = client.get("/sim/v1/models/sora-9")
    assert _assert_envelope(missing, 404, "invalid_request_error", "model_not_found")["message"] == (
        "The model `sora-9` does not exist or you do not have access to it."
    )


def test_nomodel_key_validates_but_cannot_render(live_sim: LiveSim) -> None:
    client = SimClient(live_sim.url, new_key("sim-nomodel"))
    ids = [model["id"] for model in client.get("/sim/v1/models").json()["data"]]
    assert ids
    assert not [model_id for model_id in ids if model_id.startswith("sora")]
    _assert_envelope(client.get(f"/sim/v1/models/{SORA}"), 404, "invalid_request_error", "model_not_found")
    created = client.post_json("/sim/v1/videos", {"prompt": "x", "model": "sora-2-pro"})
    error = _assert_envelope(created, 404, "invalid_request_error", "model_not_found")
    assert "`sora-2-pro` does not exist" in str(error["message"])


def test_retired_key_sees_the_shutdown_date_and_gets_410(live_sim: LiveSim) -> None:
    client = SimClient(live_sim.url, new_key("sim-retired"))
    model = client.get(f"/sim/v1/models/{SORA}").json()
    assert model["shutdown_date"] == "2026-09-24"
    listed = {m["id"]: m for m in client.get("/sim/v1/models").json()["data"]}
    assert listed["sora-2-pro"]["shutdown_date"] == "2026-09-24"
    assert "shutdown_date" not in listed["gpt-4o-mini"]
    gone = client.post_json("/sim/v1/videos", {"prompt": "x"})
    error = _assert_envelope(gone, 410, "invalid_request_error", "model_deprecated")
    assert str(error["message"]).startswith("The Sora 2 Videos API has been shut down.")
    assert client.get("/sim/v1/videos").status == 200  # reading old jobs still works


def test_preflight_needs_no_key_and_allows_the_sdk_headers(anon: SimClient) -> None:
    reply = anon.request(
        "OPTIONS",
        "/sim/v1/videos",
        headers={
            "Origin": "http://localhost:8000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, x-stainless-os",
        },
    )
    assert reply.status == 204
    assert reply.body == b""
    assert reply.headers["access-control-allow-origin"] == "*"
    assert reply.headers["access-control-allow-methods"] == "GET, POST, DELETE, OPTIONS"
    assert reply.headers["access-control-allow-headers"] == "authorization, content-type, x-stainless-os"
    assert int(reply.headers["access-control-max-age"]) >= 600


def test_preflight_without_requested_headers_lists_the_known_ones(anon: SimClient) -> None:
    for requested in (None, "bad header; x"):
        headers = {"Access-Control-Request-Headers": requested} if requested else {}
        allowed = anon.request("OPTIONS", "/sim/v1/anything/at/all", headers=headers).headers
        names = {h.strip() for h in allowed["access-control-allow-headers"].split(",")}
        expected = {
            "authorization",
            "content-type",
            "openai-organization",
            "openai-project",
            "idempotency-key",
        }
        assert expected <= names
        assert any(name.startswith("x-stainless-") for name in names)


def test_every_answer_exposes_the_headers_the_app_reads(client: SimClient, anon: SimClient) -> None:
    required = {
        "x-request-id",
        "openai-poll-after-ms",
        "openai-processing-ms",
        "retry-after",
        "retry-after-ms",
        "x-ratelimit-limit-requests",
        "x-ratelimit-remaining-requests",
        "x-ratelimit-reset-requests",
    }
    for reply in (
        client.get("/sim/v1/models"),
        client.get("/sim/v1/videos/video_nope"),
        anon.get("/sim/v1/videos"),
    ):
        exposed = {h.strip() for h in reply.headers["access-control-expose-headers"].split(",")}
        assert required <= exposed
        assert reply.headers["access-control-allow-origin"] == "*"
        assert int(reply.headers["openai-processing-ms"]) >= 0
    ok = client.get("/sim/v1/models")
    assert ok.headers["x-ratelimit-limit-requests"] == "60"
    assert ok.headers["x-ratelimit-remaining-requests"] == "59"
