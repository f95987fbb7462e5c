"""``serve.py``'s command line: its options, the checks they need, and the start banner."""

from __future__ import annotations

import argparse
import sys

from server import access
from server.relay import LOOPBACK_ONLY, Relay, RelayConfig
from simulator import SimConfig

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve Sora Renderer with its simulated Videos API.")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8000; 0 = any free port)")
    parser.add_argument(
        "--sim-job-seconds",
        type=float,
        default=SimConfig().job_seconds,
        help="how long a simulated render takes (default %(default)s s)",
    )
    parser.add_argument("--no-vendor", action="store_true", help="skip the vendoring check")
    parser.add_argument("--verbose", action="store_true", help="log every request (method, path, status)")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer requests that name this host (for a non-loopback --host; repeatable)",
    )
    relay = parser.add_argument_group("relay (see docs/serving.md)")
    relay.add_argument("--relay", action="store_true", help="forward /relay/{provider}/… to the providers")
    relay.add_argument(
        "--relay-target",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="point a provider name at another base URL (repeatable)",
    )
    relay.add_argument(
        "--relay-timeout",
        type=float,
        default=RelayConfig().timeout_s,
        metavar="SECONDS",
        help="give up on a silent upstream after this long (default %(default)s s)",
    )
    return parser.parse_args(argv)


def relay_config(args: argparse.Namespace) -> RelayConfig | None:
    """The relay the options ask for; ``ValueError`` with the reason when they do not add up."""
    if not args.relay:
        if args.relay_target:
            raise ValueError("--relay-target needs --relay")
        return None
    if not access.is_loopback(args.host):
        raise ValueError(LOOPBACK_ONLY.format(host=args.host))
    if args.relay_timeout <= 0:
        raise ValueError("--relay-timeout must be more than 0 seconds")
    return RelayConfig(timeout_s=args.relay_timeout).with_targets(args.relay_target)


def announce(host: str, policy: access.HostPolicy, relay: Relay | None) -> None:
    """The start banner; its first line ends with the URL (``bench/server.py`` reads it)."""
    url = policy.url
    print(f"Sora Renderer is running at {url}", flush=True)
    print(f"  demo mode (simulated API, no key, no cost): {url}?demo=1", flush=True)
    print(f"  simulated Videos API: {url}sim/v1   (Ctrl+C to stop)", flush=True)
    if relay is not None:
        for name, target in sorted(relay.config.targets.items()):
            print(f"  relay (this machine only): {url}relay/{name}/… → {target}/…", flush=True)
    if not access.is_loopback(host):
        names = ", ".join(sorted(policy.names))
        print(
            f"serve: WARNING: listening on {host}, so the app and the simulated API are reachable from the "
            f"network, by anyone who can reach this machine. Requests must name one of {names} on port "
            f"{policy.port} (add names with --allow-host). Use the default --host {DEFAULT_HOST} unless you "
            "mean this.",
            file=sys.stderr,
            flush=True,
        )
