"""serve.py's own defences: security headers, the Host check, no directory listings, quiet logs."""

from __future__ import annotations

import logging
import re
import socket
import struct
import time
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

import serve
from server import access, cli
from simulator import SimConfig
from tests.sim.local_server import running, send
from tools import appwheel

ROOT = Path(__file__).resolve().parents[2]
FRAMING = "frame-ancestors 'none'"


@pytest.fixture(scope="module")
def app() -> Iterator[str]:
    """serve.py's server (no relay) on a free loopback port."""
    with running(serve.build_server("127.0.0.1", 0, SimConfig(job_seconds=1.0))) as url:
        yield url


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _meta_policy() -> str:
    match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', (ROOT / "index.html").read_text())
    assert match is not None
    return match.group(1)


def test_the_page_gets_its_own_policy_plus_the_framing_rule(app: str) -> None:
    answer = send(app, "GET", "/")
    assert answer.status == 200
    assert answer.headers.get_all("Content-Security-Policy") == [f"{_meta_policy()}; {FRAMING}"]
    assert "frame-ancestors" not in _meta_policy()  # a meta policy cannot carry it, so the header must


@pytest.mark.parametrize(
    ("method", "target"),
    [
        ("GET", "/index.html"),
        ("GET", "/static/boot.js"),
        ("GET", "/pyscript.toml"),
        ("GET", "/nothing-here"),  # a 404 page
        ("GET", "/sim/v1/models"),  # a simulator error (no key)
        ("OPTIONS", "/sim/v1/videos"),  # a simulator preflight
        ("POST", "/static/boot.js"),  # a 405
        ("GET", appwheel.WHEEL_URL_PATH),  # the in-memory app wheel
    ],
)
def test_every_answer_carries_the_security_headers(app: str, method: str, target: str) -> None:
    answer = send(app, method, target)
    policies = answer.headers.get_all("Content-Security-Policy") or []
    assert len(policies) == 1 and policies[0].endswith(FRAMING), policies
    assert answer.headers.get_all("X-Frame-Options") == ["DENY"]
    assert answer.headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert answer.headers.get_all("Referrer-Policy") == ["no-referrer"]


def test_files_other_than_the_page_get_only_the_framing_rule(app: str) -> None:
    assert send(app, "GET", "/static/boot.js").headers["Content-Security-Policy"] == FRAMING


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LocalHost", "[::1]"])
def test_loopback_host_names_are_answered(app: str, name: str) -> None:
    answer = send(app, "GET", "/static/boot.js", headers={"Host": f"{name}:{_port(app)}"})
    assert answer.status == 200


@pytest.mark.parametrize(
    "host",
    [
        "attacker.example:{port}",  # DNS rebinding: the attacker's name, our address and port
        "attacker.example",
        "127.0.0.1:{other}",
        "127.0.0.1",
        "localhost.attacker.example:{port}",
        "127.0.0.1:{port}@attacker.example",
        "",
    ],
)
@pytest.mark.parametrize("target", ["/", "/static/boot.js", "/sim/v1/models", "/relay/openai/models"])
def test_any_other_host_is_refused(app: str, host: str, target: str) -> None:
    port = _port(app)
    answer = send(app, "GET", target, headers={"Host": host.format(port=port, other=port + 1)})
    assert answer.status == 421
    assert answer.headers["Content-Type"].startswith("text/plain")
    assert answer.body.decode().startswith("Unexpected Host header")
    assert answer.headers["Connection"] == "close"


def test_a_request_without_or_with_two_host_headers_is_refused(app: str) -> None:
    port = _port(app)
    for head in (b"GET / HTTP/1.0\r\n\r\n", f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: x\r\n\r\n".encode()):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            raw.sendall(head)
            assert raw.recv(100).split(b"\r\n")[0].endswith(b"421 Misdirected Request")


def test_a_deliberately_bound_host_and_extra_names_are_answered_too() -> None:
    policy = access.HostPolicy.for_bind("192.168.1.5", 8000, ["studio.lan"])
    for host in ("192.168.1.5:8000", "studio.lan:8000", "127.0.0.1:8000", "localhost:8000"):
        assert policy.allows(_host_headers(host)), host
    assert not policy.allows(_host_headers("192.168.1.6:8000"))
    assert not policy.allows(_host_headers("192.168.1.5:8001"))
    wildcard = access.HostPolicy.for_bind("0.0.0.0", 8000)
    assert wildcard.names == {"127.0.0.1", "localhost", "[::1]"}  # "0.0.0.0" is no name
    assert wildcard.url == "http://127.0.0.1:8000/"


def _host_headers(host: str) -> Message:
    headers = Message()
    headers["Host"] = host
    return headers


def test_extra_names_are_answered_by_a_running_server() -> None:
    with running(serve.build_server("127.0.0.1", 0, SimConfig(), allowed_hosts=["studio.lan"])) as url:
        assert send(url, "GET", "/", headers={"Host": f"studio.lan:{_port(url)}"}).status == 200
        assert send(url, "GET", "/", headers={"Host": f"other.lan:{_port(url)}"}).status == 421


def test_binding_a_network_address_warns_at_start(capsys: pytest.CaptureFixture[str]) -> None:
    cli.announce("0.0.0.0", access.HostPolicy.for_bind("0.0.0.0", 8123), None)
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "Sora Renderer is running at http://127.0.0.1:8123/"
    assert "WARNING" in err and "reachable from the network" in err and "--allow-host" in err


def test_binding_loopback_does_not_warn(capsys: pytest.CaptureFixture[str]) -> None:
    cli.announce("127.0.0.1", access.HostPolicy.for_bind("127.0.0.1", 8123), None)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("target", ["/static/", "/static", "/static/css/", "/py/", "/py", "/vendor/", "/bench/pages/"])
def test_directories_are_never_listed(app: str, target: str) -> None:
    answer = send(app, "GET", target)
    assert answer.status == 404
    assert b"Directory listing" not in answer.body


@pytest.mark.parametrize(
    "target", ["/serve.py", "/pyproject.toml", "/.git/config", "/static/../serve.py", "/tests/", "/server/relay.py"]
)
def test_files_outside_the_allow_list_are_not_found(app: str, target: str) -> None:
    assert send(app, "GET", target).status == 404


def test_the_page_and_its_files_are_served(app: str) -> None:
    page = send(app, "GET", "/?demo=1")
    assert page.status == 200 and b"<!doctype html>" in page.body
    assert page.headers["Cache-Control"] == "no-cache"
    assert send(app, "GET", "/static/css/app.css").headers["Content-Type"] == "text/css; charset=utf-8"


def test_request_logs_redact_query_values(app: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="serve"):
        send(app, "GET", "/sim/v1/models?key=AIzaSECRET&plain", headers={"Authorization": "Bearer sk-SECRET"})
        send(app, "GET", "/nothing?token=SECRET2")
    assert "SECRET" not in caplog.text
    assert "GET /sim/v1/models?key=…&… 200" in caplog.text  # a bare item may be the secret itself
    assert "GET /nothing?token=… 404" in caplog.text


def test_the_page_policy_allows_scripts_from_this_origin_only_and_eval_only_as_pyscript_needs() -> None:
    directives = dict(d.strip().split(" ", 1) for d in _meta_policy().split(";"))
    # 'unsafe-eval': PyScript builds its hooks with Function(); see docs/security.md before adding anything.
    assert directives["script-src"].split() == ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'none'" and directives["frame-src"] == "'none'"
    assert "unsafe-inline" not in _meta_policy()


def test_a_tab_that_hangs_up_mid_file_ends_it_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page closed or crashed while a large file is on its way: no traceback, the server goes on."""
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "big.bin").write_bytes(b"\0" * 32_000_000)  # far more than the socket buffers
    monkeypatch.setattr(serve, "ROOT", tmp_path)
    with running(serve.build_server("127.0.0.1", 0, SimConfig(job_seconds=1.0))) as url:
        client = socket.create_connection(("127.0.0.1", _port(url)))
        client.sendall(f"GET /static/big.bin HTTP/1.1\r\nHost: 127.0.0.1:{_port(url)}\r\n\r\n".encode())
        assert client.recv(4096).startswith(b"HTTP/1.1 200")
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset
        client.close()
        time.sleep(0.5)  # the server is mid-write when the reset arrives
        assert send(url, "HEAD", "/static/big.bin").status == 200  # and it still answers
    assert "Traceback" not in capsys.readouterr().err
