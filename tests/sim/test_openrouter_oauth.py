"""OpenRouter simulator: OAuth PKCE (consent page, redirect with a code, single-use key exchange)."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Mapping
from html import unescape as html_unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from simulator.messages import SimRequest, SimResponse
from simulator.testing import Harness, LiveSim, SimClient, body_of, jbody

SITE = "/sim/openrouter/auth"
CALLBACK = "http://127.0.0.1:8000/#/settings?tab=keys"


def pkce() -> tuple[str, str]:
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def _site(harness: Harness, method: str, query: dict[str, str], form: dict[str, str] | None = None) -> SimResponse:
    body = urlencode(form).encode() if form is not None else b""
    headers = {"content-type": "application/x-www-form-urlencoded"} if form is not None else {}
    target = SITE + ("?" + urlencode(query) if query else "")
    return harness.sim.handle(SimRequest.build(method, target, headers=headers, body=body))


def authorize(harness: Harness, challenge: str | None, method: str | None, callback: str = CALLBACK) -> str:
    """Show the consent page, press Authorize; the code from the redirect."""
    fields = {"callback_url": callback}
    if challenge is not None:
        fields["code_challenge"] = challenge
    if method is not None:
        fields["code_challenge_method"] = method
    page = _site(harness, "GET", fields)
    assert page.status == 200
    html = body_of(page).decode()
    form_fields = dict(re.findall(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">', html))
    redirect = _site(harness, "POST", {}, {k: html_unescape(v) for k, v in form_fields.items()})
    assert redirect.status == 302
    location = redirect.header("location") or ""
    return parse_qs(urlsplit(location).query)["code"][0]


def exchange(harness: Harness, body: Mapping[str, object]) -> SimResponse:
    return harness.openrouter("POST", "/auth/keys", json_body=body, anonymous=True)


def test_the_consent_page_is_a_plain_form_under_a_strict_policy(harness: Harness) -> None:
    page = _site(
        harness, "GET", {"callback_url": CALLBACK, "code_challenge": pkce()[1], "code_challenge_method": "S256"}
    )
    html = body_of(page).decode()
    assert page.header("content-type") == "text/html; charset=utf-8"
    assert "default-src 'none'" in (page.header("content-security-policy") or "")
    assert "<script" not in html.lower()
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers either
    assert '<form method="post" action="/sim/openrouter/auth">' in html
    assert ">Authorize</button>" in html


@pytest.mark.parametrize("method", ["S256", "plain"])
def test_pkce_round_trip_gives_a_key_that_works(harness: Harness, method: str) -> None:
    verifier, challenge = pkce()
    code = authorize(harness, challenge if method == "S256" else verifier, method)
    response = exchange(harness, {"code": code, "code_verifier": verifier, "code_challenge_method": method})
    assert response.status == 200
    answer = jbody(response)
    assert set(answer) == {"key", "user_id"}
    assert re.fullmatch(r"sk-or-v1-[0-9a-f]{64}", answer["key"])
    info = jbody(harness.openrouter("GET", "/key", key=answer["key"]))["data"]
    assert info["label"] == answer["key"][:12] + "..." + answer["key"][-3:]
    assert info["creator_user_id"] == answer["user_id"]


def test_the_redirect_keeps_the_callbacks_own_query(harness: Harness) -> None:
    redirect = _site(harness, "POST", {}, {"callback_url": "https://app.example/cb?state=7#done"})
    location = urlsplit(redirect.header("location") or "")
    assert (location.netloc, location.path, location.fragment) == ("app.example", "/cb", "done")
    assert parse_qs(location.query)["state"] == ["7"] and "code" in parse_qs(location.query)


def test_a_code_without_challenge_needs_no_verifier(harness: Harness) -> None:
    code = authorize(harness, None, None)
    assert exchange(harness, {"code": code}).status == 200


@pytest.mark.parametrize(
    ("verifier", "method", "status"),
    [
        ("wrong-verifier-" + "x" * 40, "S256", 403),
        (None, "S256", 403),
        ("right", "plain", 400),  # method mismatch
        ("right", None, 400),
    ],
)
def test_bad_exchanges(harness: Harness, verifier: str | None, method: str | None, status: int) -> None:
    right, challenge = pkce()
    code = authorize(harness, challenge, "S256")
    body: dict[str, object] = {"code": code, "code_challenge_method": method}
    if verifier is not None:
        body["code_verifier"] = right if verifier == "right" else verifier
    response = exchange(harness, body)
    assert (response.status, jbody(response)["error"]["code"]) == (status, status)
    # a failed attempt does not burn the code
    assert exchange(harness, {"code": code, "code_verifier": right, "code_challenge_method": "S256"}).status == 200


def test_codes_are_single_use_and_expire_after_ten_minutes(harness: Harness) -> None:
    verifier, challenge = pkce()
    body = {"code": authorize(harness, challenge, "S256"), "code_verifier": verifier, "code_challenge_method": "S256"}
    assert exchange(harness, body).status == 200
    reused = exchange(harness, body)
    assert (reused.status, "already been used" in jbody(reused)["error"]["message"]) == (403, True)
    late = {**body, "code": authorize(harness, challenge, "S256")}
    harness.clock.advance(600.5)
    expired = exchange(harness, late)
    assert (expired.status, "expired" in jbody(expired)["error"]["message"]) == (403, True)
    unknown = exchange(harness, {**body, "code": "nope"})
    assert unknown.status == 403
    assert exchange(harness, {"code_verifier": verifier}).status == 400


def test_the_exchange_takes_only_post(harness: Harness) -> None:
    for method in ("GET", "PUT", "DELETE"):
        response = harness.openrouter(method, "/auth/keys", anonymous=True)
        assert (response.status, jbody(response)["error"]["code"], response.header("allow")) == (
            405,
            405,
            "POST, OPTIONS",
        )


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"callback_url": "http://evil.example/cb"},
        {"callback_url": "ftp://127.0.0.1/cb"},
        {"callback_url": CALLBACK, "code_challenge": "short", "code_challenge_method": "S256"},
        {"callback_url": CALLBACK, "code_challenge": "a" * 43, "code_challenge_method": "S512"},
        {"callback_url": CALLBACK, "code_challenge_method": "S256"},
    ],
)
def test_bad_authorization_requests_show_an_error_page(harness: Harness, query: dict[str, str]) -> None:
    page = _site(harness, "GET", query)
    assert page.status == 400
    assert "Authorization failed" in body_of(page).decode()


def test_the_key_exchange_answers_cors_even_on_the_nocors_variant(harness: Harness) -> None:
    for prefix in ("/sim/openrouter/api/v1", "/sim/openrouter-nocors/api/v1"):
        preflight = harness.openrouter(
            "OPTIONS", "/auth/keys", anonymous=True, prefix=prefix,
            headers={"origin": "http://127.0.0.1:8000", "access-control-request-headers": "content-type"},
        )  # fmt: skip
        assert (preflight.status, preflight.header("access-control-allow-headers")) == (204, "content-type")
        refused = harness.openrouter("POST", "/auth/keys", json_body={"code": "x"}, anonymous=True, prefix=prefix)
        assert refused.header("access-control-allow-origin") == "*"


def test_pkce_over_http(live_sim: LiveSim) -> None:
    anon = SimClient(live_sim.url)
    verifier, challenge = pkce()
    query = urlencode({"callback_url": CALLBACK, "code_challenge": challenge, "code_challenge_method": "S256"})
    page = anon.get(f"{SITE}?{query}")
    assert page.status == 200 and b"Authorize" in page.body
    form = urlencode({"callback_url": CALLBACK, "code_challenge": challenge, "code_challenge_method": "S256"})
    redirect = anon.request(
        "POST", SITE, body=form.encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert redirect.status == 302
    code = parse_qs(urlsplit(redirect.headers["location"]).query)["code"][0]
    keys = anon.post_json(
        "/sim/openrouter/api/v1/auth/keys", {"code": code, "code_verifier": verifier, "code_challenge_method": "S256"}
    )
    assert keys.status == 200
    key = keys.json()["key"]
    assert SimClient(live_sim.url, key).get("/sim/openrouter/api/v1/key").status == 200
