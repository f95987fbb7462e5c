"""serve.py --relay: forwarding to a provider, streamed both ways, for this origin only.

The relay points at local upstreams: the simulator (as ``openai``, on a server of its
own) and :mod:`tests.sim.relay_upstream` (as ``echo``), which records what arrived.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import socket
import ssl
import subprocess
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing
from pathlib import Path

import pytest

import serve
from server.relay import RelayConfig, parse_target_option
from simulator import SimConfig
from simulator.testing import LiveSim, new_key
from tests.sim.local_server import connect, running, send
from tests.sim.relay_upstream import BLOCK, RANGE_BODY, Upstream, pattern, pattern_digest

StartRelay = Callable[..., str]
BIG = 48 * 1024 * 1024


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    server = Upstream()
    with running(server):
        yield server
        server.release.set()  # free any handler still waiting


@pytest.fixture
def start_relay(live_sim: LiveSim, upstream: Upstream) -> Iterator[StartRelay]:
    """Starts serve.py servers with the relay on; targets ``openai``, ``echo`` and any given."""
    with ExitStack() as stack:

        def start(*, timeout_s: float = 5.0, targets: tuple[str, ...] = ()) -> str:
            defaults = (f"openai={live_sim.url}/sim/v1", f"echo={upstream.url}/base")
            config = RelayConfig(timeout_s=timeout_s).with_targets((*defaults, *targets))
            return stack.enter_context(running(serve.build_server("127.0.0.1", 0, SimConfig(), relay=config)))

        yield start


@pytest.fixture
def relay(start_relay: StartRelay) -> str:
    return start_relay()


def _echoed(body: bytes) -> dict[str, object]:
    value: dict[str, object] = json.loads(body)
    return value


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- on, off, loopback only -----------------------------------------------------------------
def test_the_relay_is_off_by_default(upstream: Upstream) -> None:
    with running(serve.build_server("127.0.0.1", 0, SimConfig())) as url:
        assert send(url, "GET", "/relay/openai/models").status == 404
        assert send(url, "POST", "/relay/openai/videos", body=b"{}").status == 405


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::"])
def test_the_relay_refuses_a_network_address(host: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="loopback"):
        serve.build_server(host, 0, SimConfig(), relay=RelayConfig())
    assert serve.main(["--relay", "--host", host, "--port", "0", "--no-vendor"]) == 2
    err = capsys.readouterr().err
    assert "--relay" in err and "not a loopback address" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--relay-target", "echo=http://127.0.0.1:9"],  # needs --relay
        ["--relay", "--relay-target", "echo"],
        ["--relay", "--relay-target", "echo=ftp://example.com"],
        ["--relay", "--relay-target", "Echo Two=https://example.com"],
        ["--relay", "--relay-timeout", "0"],
    ],
)
def test_bad_relay_options_stop_the_start(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert serve.main([*argv, "--port", "0", "--no-vendor"]) == 2
    assert capsys.readouterr().err.startswith("serve: ")


def test_targets_can_be_overridden_and_added() -> None:
    config = RelayConfig().with_targets(["openai=http://127.0.0.1:1/v1", "mine=https://proxy.example/api"])
    assert config.targets["openai"] == "http://127.0.0.1:1/v1"
    assert config.targets["mine"] == "https://proxy.example/api"
    assert config.targets["gemini"] == "https://generativelanguage.googleapis.com/v1beta"
    assert config.targets["openrouter"] == "https://openrouter.ai/api/v1"
    assert parse_target_option(" Gemini = https://g.example/v1 ") == ("gemini", "https://g.example/v1")


# -- the simulator, through the relay -------------------------------------------------------
def test_the_simulator_answers_through_the_relay(relay: str) -> None:
    auth = {"Authorization": f"Bearer {new_key()}", "Content-Type": "application/json"}
    prompt = json.dumps({"prompt": "a harbour at dawn [sim:duration=0]"}).encode()
    created = send(relay, "POST", "/relay/openai/videos", headers=auth, body=prompt)
    assert created.status == 200, created.body
    video_id = json.loads(created.body)["id"]
    assert json.loads(send(relay, "GET", f"/relay/openai/videos/{video_id}", headers=auth).body)["id"] == video_id
    whole = send(relay, "GET", f"/relay/openai/videos/{video_id}/content", headers=auth)
    assert whole.status == 200 and whole.body[4:8] == b"ftyp"
    part = send(relay, "GET", f"/relay/openai/videos/{video_id}/content", headers={**auth, "Range": "bytes=0-99"})
    assert part.status == 206
    assert part.headers["Content-Range"] == f"bytes 0-99/{len(whole.body)}"
    assert part.body == whole.body[:100]
    assert part.headers.get("Access-Control-Allow-Origin") is None  # the simulator's CORS stays behind


def test_a_simulator_redirect_is_handed_back_not_followed(relay: str, live_sim: LiveSim) -> None:
    auth = {"Authorization": f"Bearer {new_key()}", "Content-Type": "application/json"}
    prompt = json.dumps({"prompt": "a pier [sim:duration=0] [sim:redirect]"}).encode()
    video_id = json.loads(send(relay, "POST", "/relay/openai/videos", headers=auth, body=prompt).body)["id"]
    answer = send(relay, "GET", f"/relay/openai/videos/{video_id}/content", headers=auth)
    assert answer.status == 302 and answer.body == b""
    location = answer.headers["Location"]
    assert location.startswith(f"{live_sim.url}/sim/files/")  # the upstream's own address, made absolute
    assert send(live_sim.url, "GET", location.removeprefix(live_sim.url)).body[4:8] == b"ftyp"


# -- what crosses, and what does not --------------------------------------------------------
def test_the_request_arrives_as_sent_minus_browser_and_hop_by_hop_headers(relay: str, upstream: Upstream) -> None:
    port = relay.rsplit(":", 1)[1]
    headers = {
        "Authorization": "Bearer sk-kept",
        "Content-Type": "application/json",
        "X-Goog-Api-Key": "kept-too",
        "User-Agent": "Mozilla/5.0",
        "Accept-Encoding": "gzip, br",
        "Cookie": "session=browser",
        "Origin": f"http://127.0.0.1:{port}",
        "Referer": f"http://127.0.0.1:{port}/#/new",
        "Sec-Fetch-Site": "same-origin",
        "Sec-Fetch-Mode": "cors",
        "Sec-Fetch-Dest": "empty",
        "Sec-CH-UA": '"Chromium";v="140"',
        "Connection": "keep-alive, X-Hop",
        "X-Hop": "named in Connection",
        "Keep-Alive": "timeout=5",
        "TE": "trailers",
        "Proxy-Authorization": "Basic eDp5",
    }
    answer = send(relay, "PATCH", "/relay/echo/echo/a%20b/c?x=1&y=%2F&key=", headers=headers, body=b'{"n": 1}')
    assert answer.status == 200
    echoed = _echoed(answer.body)
    assert echoed["method"] == "PATCH"
    assert echoed["target"] == "/base/echo/a%20b/c?x=1&y=%2F&key="
    assert echoed["body"] == '{"n": 1}'
    received = {name.lower(): value for name, value in echoed["headers"]}  # type: ignore[attr-defined]
    assert received == {
        "host": f"127.0.0.1:{upstream.server_address[1]}",  # the provider's host, not ours
        "authorization": "Bearer sk-kept",
        "content-type": "application/json",
        "x-goog-api-key": "kept-too",
        "user-agent": "Mozilla/5.0",
        "accept-encoding": "gzip, br",
        "content-length": "8",
    }


def test_the_answer_keeps_its_headers_but_not_cookies_cors_or_hop_by_hop_ones(relay: str) -> None:
    answer = send(relay, "GET", "/relay/echo/headers")
    assert answer.status == 200 and answer.body == b"{}"
    assert answer.headers["X-Kept"] == "yes"
    assert answer.headers["Cache-Control"] == "private, max-age=60"  # the upstream's caching, not ours
    assert answer.headers["Content-Type"] == "application/json"
    for dropped in ("Set-Cookie", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Keep-Alive"):
        assert answer.headers.get(dropped) is None, dropped
    assert answer.headers.get("X-Private") is None
    assert answer.headers.get_all("X-Frame-Options") == ["DENY"]
    assert answer.headers["Content-Security-Policy"] == "frame-ancestors 'none'"


def test_range_requests_and_206_answers_pass_through(relay: str, upstream: Upstream) -> None:
    answer = send(relay, "GET", "/relay/echo/range", headers={"Range": "bytes=1000-1099"})
    assert answer.status == 206
    assert answer.headers["Content-Range"] == f"bytes 1000-1099/{len(RANGE_BODY)}"
    assert answer.body == RANGE_BODY[1000:1100]
    assert ("Range", "bytes=1000-1099") in upstream.received[-1].headers


def test_head_keeps_the_length_and_sends_no_body(relay: str) -> None:
    answer = send(relay, "HEAD", "/relay/echo/stream?size=5000")
    assert answer.status == 200 and answer.body == b""
    assert answer.headers["Content-Length"] == "5000"


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("/elsewhere?sig=abc", "{upstream}/elsewhere?sig=abc"),
        ("https://cdn.example/v.mp4?sig=abc", "https://cdn.example/v.mp4?sig=abc"),
    ],
)
def test_upstream_redirects_are_returned_not_followed(
    relay: str, upstream: Upstream, location: str, expected: str
) -> None:
    answer = send(relay, "GET", f"/relay/echo/redirect?to={location.replace('?', '%3F').replace('&', '%26')}")
    assert answer.status == 302
    assert answer.headers["Location"] == expected.format(upstream=upstream.url)
    assert [r.target.split("?")[0] for r in upstream.received] == ["/base/redirect"]


# -- streaming ------------------------------------------------------------------------------
@pytest.mark.parametrize("chunked", [False, True])
def test_a_download_streams_before_the_upstream_has_finished(relay: str, upstream: Upstream, chunked: bool) -> None:
    size = 4 * len(BLOCK) + 123
    with closing(connect(relay)) as connection:
        connection.request("GET", f"/relay/echo/stream?size={size}&pause=1&chunked={int(chunked)}")
        response = connection.getresponse()
        first = response.read(1000)
        assert first == BLOCK[:1000]
        assert not upstream.finished.is_set()  # the relay passed the first block on while the rest was pending
        upstream.release.set()
        rest = response.read()
    assert len(first) + len(rest) == size
    assert hashlib.sha256(first + rest).hexdigest() == pattern_digest(size)
    if chunked:
        assert response.getheader("Transfer-Encoding") == "chunked"
    else:
        assert response.getheader("Content-Length") == str(size)


@pytest.mark.parametrize("chunked", [False, True])
def test_an_upload_streams_before_the_browser_has_finished(relay: str, upstream: Upstream, chunked: bool) -> None:
    size = 4 * len(BLOCK)

    def body() -> Iterator[bytes]:
        yield BLOCK
        assert upstream.first_bytes.wait(5), "the upstream saw nothing before the whole body was sent"
        yield from pattern(size - len(BLOCK))

    headers = {} if chunked else {"Content-Length": str(size)}
    answer = send(relay, "POST", "/relay/echo/sink", headers=headers, body=body())
    assert answer.status == 200
    assert _echoed(answer.body) == {"size": size, "sha256": pattern_digest(size)}
    sent_with = {name.lower(): value for name, value in upstream.received[-1].headers}
    assert sent_with.get("transfer-encoding") == ("chunked" if chunked else None)


def test_large_bodies_cross_without_being_held_in_memory(relay: str) -> None:
    tracemalloc.start()
    try:
        with closing(connect(relay, timeout=60)) as connection:
            connection.request("GET", f"/relay/echo/stream?size={BIG}")
            response = connection.getresponse()
            digest, received = hashlib.sha256(), 0
            while piece := response.read(len(BLOCK)):
                digest.update(piece)
                received += len(piece)
        upload = send(relay, "POST", "/relay/echo/sink", headers={"Content-Length": str(BIG)}, body=pattern(BIG))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert received == BIG and digest.hexdigest() == pattern_digest(BIG)
    assert _echoed(upload.body) == {"size": BIG, "sha256": pattern_digest(BIG)}
    assert peak < 8 * 1024 * 1024, f"{peak / 2**20:.1f} MiB traced while relaying 2 × {BIG / 2**20:.0f} MiB"


@pytest.mark.parametrize("chunked", [False, True])
def test_an_upstream_that_breaks_off_leaves_the_answer_visibly_incomplete(relay: str, chunked: bool) -> None:
    answer = send(relay, "GET", f"/relay/echo/cut?chunked={int(chunked)}")
    assert answer.status == 200
    assert answer.incomplete and answer.body == b"x" * 100


# -- failures -------------------------------------------------------------------------------
def test_an_unreachable_upstream_is_a_502(start_relay: StartRelay) -> None:
    relay = start_relay(targets=(f"dead=http://127.0.0.1:{_closed_port()}/v1",))
    answer = send(relay, "POST", "/relay/dead/videos", body=b"{}")
    assert answer.status == 502
    assert answer.headers["Content-Type"] == "application/json"
    error = _echoed(answer.body)["error"]
    assert isinstance(error, dict) and error["code"] == 502
    assert error["message"] == "The relay could not reach dead: the connection was refused."


def test_a_silent_upstream_is_a_504(start_relay: StartRelay) -> None:
    relay = start_relay(timeout_s=0.3)
    started = time.monotonic()
    answer = send(relay, "GET", "/relay/echo/hang")
    assert answer.status == 504
    assert _echoed(answer.body) == {"error": {"code": 504, "message": "echo did not answer within 0.3 s."}}
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("target", "status"),
    [("/relay/nobody/models", 404), ("/relay/echo/%2e%2e/secret", 400), ("/relay/echo/a/../b", 400)],
)
def test_unknown_providers_and_dot_segments_are_refused(
    relay: str, upstream: Upstream, target: str, status: int
) -> None:
    answer = send(relay, "GET", target)
    assert answer.status == status
    error = _echoed(answer.body)["error"]
    assert isinstance(error, dict) and error["code"] == status and error["message"]
    assert upstream.received == []


# -- same origin only -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost:{port}"},  # this server under another name is another origin
        {"Origin": "http://127.0.0.1:{port}.evil.example"},
        {"Sec-Fetch-Site": "cross-site"},  # a no-cors request from another site sends no Origin
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_other_origins_may_not_use_the_relay(relay: str, upstream: Upstream, headers: dict[str, str]) -> None:
    port = relay.rsplit(":", 1)[1]
    answer = send(relay, "POST", "/relay/echo/echo", headers={k: v.format(port=port) for k, v in headers.items()})
    assert answer.status == 403
    assert _echoed(answer.body)["error"] == {
        "code": 403,
        "message": "The relay answers only pages served by this server.",
    }
    assert answer.headers.get("Access-Control-Allow-Origin") is None
    assert upstream.received == []


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
def test_this_origin_may_use_the_relay(relay: str, name: str) -> None:
    host = f"{name}:{relay.rsplit(':', 1)[1]}"
    headers = {"Host": host, "Origin": f"http://{host}", "Sec-Fetch-Site": "same-origin"}
    answer = send(relay, "GET", "/relay/echo/echo", headers=headers)
    assert answer.status == 200
    assert answer.headers.get("Access-Control-Allow-Origin") is None


# -- logs -----------------------------------------------------------------------------------
def test_logs_show_method_provider_path_and_status_but_no_secret(
    start_relay: StartRelay, caplog: pytest.LogCaptureFixture
) -> None:
    relay = start_relay(targets=(f"dead=http://127.0.0.1:{_closed_port()}",))
    secret_headers = {"Authorization": "Bearer sk-SECRET-1", "X-Goog-Api-Key": "SECRET-2", "Cookie": "s=SECRET-3"}
    with caplog.at_level(logging.INFO, logger="serve"):
        send(relay, "POST", "/relay/echo/echo?key=SECRET-4&alt=sse", headers=secret_headers, body=b"SECRET-5")
        send(relay, "GET", "/relay/dead/models?key=SECRET-6", headers=secret_headers)
        send(relay, "GET", "/relay/echo/cut?key=SECRET-7")
        send(relay, "GET", "/relay/echo/echo?key=SECRET-8", headers={"Origin": "https://evil.example"})
    assert "SECRET" not in caplog.text
    messages = [record.getMessage() for record in caplog.records]
    assert "POST /relay/echo/echo?key=…&alt=… 200" in messages
    assert "GET /relay/dead/models?key=… 502" in messages
    assert "GET /relay/echo/echo?key=… 403" in messages
    assert any(m.startswith("relay GET echo /relay/echo/cut?key=…: ") for m in messages), messages


def test_control_characters_in_the_path_are_refused(relay: str, upstream: Upstream) -> None:
    port = int(relay.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        raw.sendall(f"GET /relay/echo/a\x01b HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        assert raw.recv(100).split(b"\r\n")[0] == b"HTTP/1.1 400 Bad Request"
    assert upstream.received == []


# -- TLS --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that no system trust store knows."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = "req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
    command = ["openssl", *request.split(), "-keyout", str(key), "-out", str(cert)]
    subprocess.run(command, check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_upstream(self_signed: tuple[Path, Path]) -> Iterator[Upstream]:
    server = Upstream()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with running(server):
        yield server


def test_upstream_certificates_are_verified(start_relay: StartRelay, tls_upstream: Upstream) -> None:
    target = f"tls=https://127.0.0.1:{tls_upstream.server_address[1]}/base"
    answer = send(start_relay(targets=(target,)), "GET", "/relay/tls/echo")
    assert answer.status == 502
    assert _echoed(answer.body)["error"] == {
        "code": 502,
        "message": "The relay could not reach tls: its TLS certificate could not be verified.",
    }
    assert tls_upstream.received == []


def test_a_trusted_certificate_is_accepted(
    start_relay: StartRelay, tls_upstream: Upstream, self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed[0]))  # read when the relay builds its TLS context
    target = f"tls=https://127.0.0.1:{tls_upstream.server_address[1]}/base"
    answer = send(start_relay(targets=(target,)), "GET", "/relay/tls/echo?x=1")
    assert answer.status == 200
    assert _echoed(answer.body)["target"] == "/base/echo?x=1"


def test_the_relay_lists_its_providers_for_the_page(relay: str, start_relay: StartRelay) -> None:
    # The page asks GET /relay/ to learn whether it may offer "route through the local relay".
    listed = send(relay, "GET", "/relay/")
    assert listed.status == 200 and "echo" in json.loads(listed.body)["relay"]
    assert "openrouter" in json.loads(listed.body)["relay"]


def test_without_the_relay_the_listing_is_empty(upstream: Upstream) -> None:
    with running(serve.build_server("127.0.0.1", 0, SimConfig())) as base:
        listed = send(base, "GET", "/relay/")
        assert listed.status == 200 and json.loads(listed.body) == {"relay": []}
        assert send(base, "GET", "/relay/openrouter/videos/models").status == 404
