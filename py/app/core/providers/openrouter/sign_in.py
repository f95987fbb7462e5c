"""Sign in with OpenRouter: OAuth PKCE (S256) from a static page, no client id or secret.

The consent page lives beside the API (``https://openrouter.ai/auth`` for the API at
``https://openrouter.ai/api/v1``; the simulator mirrors that layout), and comes back to
the app with ``?code=``; ``POST /auth/keys`` turns the code (single use, 10 minutes) and
the verifier into a key.
"""

from __future__ import annotations

from urllib.parse import urlencode

from app.core.errors import ApiError
from app.core.http import HttpRequest, HttpResponse
from app.core.i18n import tr
from app.core.providers.codec_kit import Lenient, join, validated

API_SUFFIX = "/api/v1"


class KeyExchange(Lenient):
    key: str
    user_id: str | None = None


def consent_url(base_url: str, callback_url: str, challenge: str) -> str:
    site = base_url.rstrip("/").removesuffix(API_SUFFIX)
    query = urlencode({"callback_url": callback_url, "code_challenge": challenge, "code_challenge_method": "S256"})
    return f"{site}/auth?{query}"


def exchange_request(base_url: str, code: str, verifier: str) -> HttpRequest:
    body = {"code": code, "code_verifier": verifier, "code_challenge_method": "S256"}
    return HttpRequest("POST", join(base_url, "/auth/keys"), {}, json_body=body, timeout_s=30.0)


def parse_exchange(response: HttpResponse) -> str:
    answer = validated(KeyExchange, response)
    if not answer.key.strip():
        raise ApiError(tr("plat.openrouter.no_key"), status=response.status)
    return answer.key.strip()
