"""Who may talk to the local server: Host names (DNS rebinding) and same-origin callers.

A page on another website can make the browser send requests to ``127.0.0.1``; two
checks keep it out. A rebinding attack reaches us under the attacker's host name, so
every request must name one of ours in ``Host``. The relay forwards the user's keys, so
it also requires that a browser request comes from our own origin.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import Message

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})
_SAME_ORIGIN_FETCH_SITES = frozenset({"same-origin", "none"})


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.0/8``, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """``host`` as it appears in a URL or a ``Host`` header (IPv6 literals in brackets)."""
    bare = host.strip("[]")
    return f"[{bare}]" if ":" in bare else host


def _split_host_header(value: str) -> tuple[str, int | None]:
    """``"name:port"`` → ``("name", port)``; no port means 80, a malformed one ``None``."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value.partition("]")
        name += "]"
        if rest and not rest.startswith(":"):
            return name, None
        port_text = rest[1:] if rest else None
    else:
        name, colon, port_text_or_empty = value.partition(":")
        port_text = port_text_or_empty if colon else None
    if port_text is None:
        return name, 80
    return name, int(port_text) if port_text.isdigit() else None


@dataclass(frozen=True)
class HostPolicy:
    """The ``Host`` header values this server answers: a name it knows, on its own port."""

    names: frozenset[str]
    port: int
    url: str  # where a browser on this machine finds the server

    @classmethod
    def for_bind(cls, bind_host: str, port: int, extra_names: Iterable[str] = ()) -> HostPolicy:
        """Loopback names always; a deliberately bound address and ``extra_names`` on top."""
        names = {*LOOPBACK_NAMES, *(url_host(name).lower() for name in extra_names)}
        if bind_host in WILDCARD_HOSTS:
            local_name = LOOPBACK_NAMES[0] if ":" not in bind_host else LOOPBACK_NAMES[2]
        else:
            local_name = url_host(bind_host).lower()
            names.add(local_name)
        return cls(frozenset(names), port, f"http://{local_name}:{port}/")

    def allows(self, headers: Message) -> bool:
        """One ``Host`` header, naming one of ours with our port."""
        values = headers.get_all("Host", [])
        if len(values) != 1:
            return False
        name, port = _split_host_header(values[0])
        return name in self.names and port == self.port


def is_same_origin_request(headers: Message) -> bool:
    """False when a browser says the request comes from another origin or site.

    ``Origin`` must be exactly this server as named in ``Host`` (already checked against
    the :class:`HostPolicy`); ``Sec-Fetch-Site``, when sent, must be ``same-origin`` or
    ``none`` (typed into the address bar). Clients that send neither (curl, scripts on
    this machine) are allowed: they already run here.
    """
    origin = headers.get("Origin")
    if origin is not None and origin.strip().lower() != f"http://{headers.get('Host', '').strip().lower()}":
        return False
    site = headers.get("Sec-Fetch-Site")
    return site is None or site.strip().lower() in _SAME_ORIGIN_FETCH_SITES
