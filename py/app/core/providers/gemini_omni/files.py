"""Where a generated video is fetched from, and who may see the key on the way.

Gemini names a video as ``…/v1beta/files/{id}:download?alt=media``, but ``files/{id}``
and ``…/files/{id}`` have been seen too [unverified]; without ``alt=media`` the answer
is the file's metadata, not the MP4. Every form becomes
``{base}/files/{id}:download?alt=media``. The key (``x-goog-api-key``) goes only to the
API's own origin or the configured base's: a URL anywhere else is fetched without it.
No URL the app keeps ever carries ``key=``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from app.core.providers.codec_kit import origin
from app.core.providers.gemini_omni.capabilities import DEFAULT_BASE_URL

API_ORIGIN = origin(DEFAULT_BASE_URL)
_FILE_PATH = re.compile(r"^(?P<prefix>.*?/)?files/(?P<id>[A-Za-z0-9][A-Za-z0-9._-]*)(?::download)?/?$")


def file_id(url: str) -> str | None:
    """The file id of a Files URL in any of its forms, else ``None``."""
    match = _FILE_PATH.match(urlsplit(url).path)
    return match.group("id") if match else None


def _download_url(base_url: str, identifier: str) -> str:
    return f"{base_url.rstrip('/')}/files/{identifier}:download?alt=media"


def _without_key(url: str) -> str:
    """``url`` without a ``key`` parameter (untouched otherwise: a signed query stays as it is)."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if all(name != "key" for name, _ in pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode([(n, v) for n, v in pairs if n != "key"])))


def video_url(uri: str) -> str:
    """An output ``uri`` as an absolute URL, in the download form where it names a file.

    A relative form is read against the API's address; an absolute one keeps its own
    origin and prefix (:func:`download_url` moves it onto the configured base later).
    """
    absolute = urljoin(DEFAULT_BASE_URL + "/", uri.strip())
    parts = urlsplit(absolute)
    match = _FILE_PATH.match(parts.path)
    if match is None:
        return _without_key(absolute)
    base = urlunsplit((parts.scheme, parts.netloc, (match.group("prefix") or "/").rstrip("/"), "", ""))
    return _download_url(base, match.group("id"))


def trusted(url: str, base_url: str) -> bool:
    """Whether ``url`` is on the API's origin or the configured base's (the key may go there)."""
    return origin(url) in (API_ORIGIN, origin(base_url))


def download_url(url: str, base_url: str) -> str:
    """Where to fetch ``url`` from: a file on a trusted origin moves onto the configured base
    (a proxy or the simulator answers it there); any other URL is fetched as it is."""
    identifier = file_id(url)
    if identifier is not None and trusted(url, base_url):
        return _download_url(base_url, identifier)
    return url
