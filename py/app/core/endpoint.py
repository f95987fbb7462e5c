"""API base URL checks: what the user may type as the endpoint, and what to warn about.

Standard library and the catalogue only, so the boot path (and the simulator) can use it without pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from app.core.i18n import tr

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


@dataclass(frozen=True)
class EndpointCheck:
    """The normalised URL (or an error), plus a warning the user should see."""

    url: str
    error: str = ""
    warning: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def is_loopback(host: str) -> bool:
    return host.lower() in LOOPBACK_HOSTS or host.startswith("127.")


def check_base_url(text: str) -> EndpointCheck:
    """Validate an API base URL such as ``https://api.openai.com/v1``."""
    raw = text.strip()
    if not raw:
        return EndpointCheck("", error=tr("checks.url.empty", example="https://api.openai.com/v1"))
    try:
        parts = urlsplit(raw)
        host = parts.hostname or ""
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return EndpointCheck(raw, error=tr("checks.url.invalid"))
    if parts.scheme not in ("http", "https"):
        return EndpointCheck(raw, error=tr("checks.url.scheme"))
    if not host:
        return EndpointCheck(raw, error=tr("checks.url.no_host"))
    if parts.query or parts.fragment:
        return EndpointCheck(raw, error=tr("checks.url.query"))
    if parts.username or parts.password:
        return EndpointCheck(raw, error=tr("checks.url.credentials"))
    netloc = host if port is None else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        netloc = f"[{host}]" if port is None else f"[{host}]:{port}"
    url = f"{parts.scheme}://{netloc}{parts.path.rstrip('/')}"
    plain = parts.scheme == "http" and not is_loopback(host)
    return EndpointCheck(url, warning=tr("checks.url.plain_http") if plain else "")


def demo_base_url(page_origin: str, demo_path: str) -> str:
    """A provider's simulator (``demo_path``, e.g. ``/sim/v1``) where the page is served
    (``page_origin`` includes the site's folder, so a static site on a sub-path has its own)."""
    return page_origin.rstrip("/") + demo_path


RELAY_PREFIX = "/relay/"


def relay_base_url(page_origin: str, relay_name: str) -> str:
    """A provider reached through serve.py's local relay, same origin as the page."""
    return page_origin.rstrip("/") + RELAY_PREFIX + relay_name


def endpoint_origin(base_url: str, page_origin: str, provider_base_url: str) -> str:
    """The origin a key is bound to for ``base_url``: its own, except for the local relay,
    which stands for the provider it forwards to (it is served by the app's own server)."""
    if base_url.startswith(page_origin.rstrip("/") + RELAY_PREFIX):
        return _origin(provider_base_url)
    return _origin(base_url)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def display_host(url: str) -> str:
    """Short form of an endpoint for the top bar: host and path, no scheme."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}" if parts.netloc else url
