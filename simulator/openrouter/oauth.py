"""OpenRouter's OAuth PKCE: the consent page, the redirect with ``?code=``, the key exchange.

``GET {site}/auth?callback_url=…&code_challenge=…&code_challenge_method=S256|plain``
shows a consent page (a plain form, no script: the app's pages run under a strict CSP);
its "Authorize" button posts back and is redirected (302) to ``callback_url`` with
``code`` added. ``POST {api}/auth/keys`` trades ``{code, code_verifier,
code_challenge_method}`` for ``{key, user_id}``. Codes are single use and expire after
``SimConfig.oauth_code_ttl_s`` (10 minutes at OpenRouter). Errors follow OpenRouter:
400 method mismatch, 403 bad or used or old code and wrong verifier, 405 wrong verb.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit, urlunsplit

from simulator.call import Call
from simulator.messages import SimResponse, json_response
from simulator.openrouter import errors
from simulator.store import key_scope

METHODS = ("S256", "plain")
_CHALLENGE = re.compile(r"[A-Za-z0-9._~-]{43,128}")
_LOOPBACK = ("localhost", "127.0.0.1", "[::1]", "::1")
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"


@dataclass
class Grant:
    callback_url: str
    challenge: str | None
    method: str | None
    issued_at: float
    used: bool = False


@dataclass(frozen=True)
class IssuedKey:
    label: str
    user_id: str


def s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class PageError(Exception):
    """A consent-page request that cannot be served (shown as a 400 HTML page)."""


def _page(status: int, title: str, body: str) -> SimResponse:
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)} · OpenRouter (simulated)</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem}"
        "button{font:inherit;padding:.5rem 1.5rem;cursor:pointer}code{word-break:break-all}</style>"
        f"</head><body><h1>{escape(title)}</h1>{body}"
        "<p><small>Sora Renderer's OpenRouter simulator: no account, nothing is charged.</small></p></body></html>"
    )
    headers = [
        ("content-type", "text/html; charset=utf-8"),
        ("content-security-policy", PAGE_CSP),
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
    ]
    return SimResponse(status, headers, html.encode("utf-8"))


def _check_callback(url: str | None) -> str:
    if not url:
        raise PageError("callback_url is required.")
    parts = urlsplit(url)
    secure = parts.scheme == "https" or (parts.scheme == "http" and (parts.hostname or "") in _LOOPBACK)
    if not secure or not parts.netloc:
        raise PageError("callback_url must be an https URL, or http on localhost / 127.0.0.1 (any port).")
    return url


def _check_challenge(challenge: str | None, method: str | None) -> tuple[str | None, str | None]:
    if not challenge:
        if method:
            raise PageError("code_challenge_method was given without a code_challenge.")
        return None, None
    method = method or "plain"  # RFC 7636's default
    if method not in METHODS:
        raise PageError("code_challenge_method must be S256 or plain.")
    if not _CHALLENGE.fullmatch(challenge) or (method == "S256" and len(challenge) != 43):
        raise PageError("code_challenge is malformed (S256: 43 base64url characters; plain: 43-128 characters).")
    return challenge, method


def with_code(callback_url: str, code: str) -> str:
    parts = urlsplit(callback_url)
    query = urlencode([*parse_qsl(parts.query, keep_blank_values=True), ("code", code)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


class OAuth:
    """Pending codes and the keys issued for them (thread-safe, bounded)."""

    def __init__(self, code_ttl_s: float, max_codes: int = 1000) -> None:
        self._grants: OrderedDict[str, Grant] = OrderedDict()
        self._issued: dict[str, IssuedKey] = {}
        self._ttl = code_ttl_s
        self._max = max_codes
        self._lock = threading.Lock()

    # ---- the consent page ---------------------------------------------------------------

    def page(self, call: Call, now: float) -> SimResponse:
        """GET shows the consent form; POST (the form's button) redirects with a new code."""
        request = call.request
        fields = request.query if request.method in ("GET", "HEAD") else _form(request.body)
        values = {name: (fields.get(name) or [""])[-1] for name in ("callback_url", "code_challenge")}
        method = (fields.get("code_challenge_method") or [""])[-1] or None
        try:
            callback = _check_callback(values["callback_url"])
            challenge, method = _check_challenge(values["code_challenge"] or None, method)
        except PageError as exc:
            return _page(400, "Authorization failed", f"<p>{escape(str(exc))}</p>")
        if request.method == "POST":
            return self._approve(callback, challenge, method, now)
        hidden = "".join(
            f'<input type="hidden" name="{name}" value="{escape(value)}">'
            for name, value in (
                ("callback_url", callback),
                ("code_challenge", challenge),
                ("code_challenge_method", method),
            )
            if value
        )
        host = escape(urlsplit(callback).netloc)
        body = (
            f"<p><strong>{host}</strong> asks to create an OpenRouter API key for your account.</p>"
            f"<p>You will return to <code>{escape(callback)}</code>.</p>"
            f'<form method="post" action="{escape(call.prefix)}/auth">{hidden}'
            '<button type="submit" name="decision" value="authorize">Authorize</button></form>'
        )
        return _page(200, "Authorize application", body)

    def _approve(self, callback: str, challenge: str | None, method: str | None, now: float) -> SimResponse:
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._grants[code] = Grant(callback, challenge, method, now)
            while len(self._grants) > self._max:
                self._grants.popitem(last=False)
        return SimResponse(302, [("location", with_code(callback, code)), ("cache-control", "no-store")])

    # ---- POST /auth/keys ------------------------------------------------------------------

    def exchange(self, body: dict[str, object], now: float) -> SimResponse:
        code, verifier, method = body.get("code"), body.get("code_verifier"), body.get("code_challenge_method")
        if not isinstance(code, str) or not code:
            raise errors.bad_request("code is required")
        if verifier is not None and not isinstance(verifier, str):
            raise errors.bad_request("code_verifier must be a string")
        if method is not None and method not in METHODS:
            raise errors.bad_request("code_challenge_method must be S256, plain or null")
        with self._lock:
            grant = self._grants.get(code)
            if grant is None:
                raise errors.OpenRouterError(403, "Invalid code or code_verifier")
            if grant.used:
                raise errors.OpenRouterError(403, "This authorization code has already been used")
            if now - grant.issued_at > self._ttl:
                raise errors.OpenRouterError(403, "This authorization code has expired")
            if method != grant.method:
                raise errors.bad_request("code_challenge_method does not match the authorization request")
            if grant.challenge is not None and not _verifies(grant, verifier):
                raise errors.OpenRouterError(403, "Invalid code or code_verifier")
            grant.used = True
            key = "sk-or-v1-" + secrets.token_hex(32)
            issued = IssuedKey(f"{key[:12]}...{key[-3:]}", "user_" + secrets.token_urlsafe(20).replace("-", "x"))
            self._issued[key_scope(key)] = issued
        return json_response(200, {"key": key, "user_id": issued.user_id})

    def label_of(self, scope: str) -> str | None:
        with self._lock:
            issued = self._issued.get(scope)
        return issued.label if issued else None

    def user_of(self, scope: str) -> str | None:
        with self._lock:
            issued = self._issued.get(scope)
        return issued.user_id if issued else None


def _verifies(grant: Grant, verifier: str | None) -> bool:
    if not verifier or grant.challenge is None:
        return False
    expected = s256(verifier) if grant.method == "S256" else verifier
    return hmac.compare_digest(expected.encode(), grant.challenge.encode())


def _form(body: bytes) -> dict[str, list[str]]:
    try:
        return parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        return {}
