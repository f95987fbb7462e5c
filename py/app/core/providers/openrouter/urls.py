"""Where OpenRouter requests go, and the rule that the key never leaves the configured API.

Answers name URLs of their own: ``polling_url`` (relative, ``/api/v1/videos/{id}``, or
absolute) and ``unsigned_urls`` (normally ``…/videos/{id}/content?index=i``). The app
follows such a URL with the key only on the origin of the base URL it was configured
with (:func:`~app.core.providers.codec_kit.on_origin`). A polling URL must also stay
under the base URL's path, so a proxy base such as ``https://proxy.example/openrouter/api/v1``
is polled at its own ``/videos/{id}`` instead of a path that exists only at OpenRouter;
anything else is polled at ``{base}/videos/{id}``, which always works.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit

from app.core.providers.codec_kit import join, on_origin

_ANY_ORIGIN = "https://origin.invalid"  # a path is checked on its own: any origin will do


def job_url(base_url: str, remote_id: str) -> str:
    return join(base_url, f"/videos/{quote(remote_id, safe='')}")


def content_url(base_url: str, remote_id: str, index: int) -> str:
    return job_url(base_url, remote_id) + "/content?" + urlencode({"index": index})


def _under_base(base_url: str, url: str) -> bool:
    prefix = urlsplit(base_url).path.rstrip("/") + "/"
    return urlsplit(url).path.startswith(prefix)


def poll_url(base_url: str, remote_id: str, polling_url: str | None) -> str:
    """``polling_url`` when it is safe to send the key there, else ``{base}/videos/{id}``."""
    resolved = on_origin(base_url, polling_url or "")
    if resolved is not None and _under_base(base_url, resolved):
        return resolved
    return job_url(base_url, remote_id)


def checked_polling_url(polling_url: str | None, answered_from: str = "") -> str | None:
    """What ``RemoteJob.poll_url`` keeps of an answer's ``polling_url``: a clean path, or an
    absolute URL on the origin of the URL that answered (when the transport says which);
    else ``None``. :func:`poll_url` checks it again against the configured base."""
    if not polling_url:
        return None
    if polling_url.startswith("/") and not polling_url.startswith("//"):
        return polling_url if on_origin(_ANY_ORIGIN, polling_url) else None
    return polling_url if answered_from and on_origin(answered_from, polling_url) else None


def download_target(base_url: str, remote_id: str, index: int, url: str) -> tuple[str, bool]:
    """``(url, send the key)`` for output ``index``.

    An URL under the base URL is fetched with the key (one on its origin but elsewhere, such
    as OpenRouter's own ``/api/v1/…`` path behind a proxy base, from this job's content route
    under the base instead); an URL elsewhere that names this
    job's content route (a base URL that is a proxy, while OpenRouter names itself) is
    fetched from ``{base}`` instead, with the key; a file host's URL is fetched without
    any key; no usable URL: ``{base}/videos/{id}/content?index=i``.
    """
    own = on_origin(base_url, url)
    if own is not None and _under_base(base_url, own):
        return own, True
    if own is not None:  # the API's own path, behind a proxy or the relay: its route under the base
        return content_url(base_url, remote_id, index), True
    if _file_host_url(url) and not urlsplit(url).path.endswith(f"/videos/{quote(remote_id, safe='')}/content"):
        return url, False
    return content_url(base_url, remote_id, index), True


def _file_host_url(url: str) -> bool:
    """An absolute ``http(s)`` URL with a host and no user info (fine to fetch without a key)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and "@" not in parts.netloc
