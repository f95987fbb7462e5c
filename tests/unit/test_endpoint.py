from __future__ import annotations

import pytest

from app.core.endpoint import check_base_url, demo_base_url, display_host


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://api.openai.com/v1", "https://api.openai.com/v1"),
        ("  https://api.openai.com/v1/  ", "https://api.openai.com/v1"),
        ("http://localhost:4000/v1", "http://localhost:4000/v1"),
        ("http://127.0.0.1:8000/sim/v1", "http://127.0.0.1:8000/sim/v1"),
    ],
)
def test_accepts_and_normalises(text: str, url: str) -> None:
    check = check_base_url(text)
    assert check.ok and check.url == url and check.warning == ""


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter the API base URL"),
        ("ftp://example.com", "must start with https://"),
        ("https://", "no host"),
        ("https://example.com/v1?x=1", "cannot contain"),
        ("https://user:pw@example.com/v1", "credentials"),
        ("https://example.com:99999/v1", "not a valid URL"),
    ],
)
def test_rejects_with_a_clear_message(text: str, fragment: str) -> None:
    check = check_base_url(text)
    assert not check.ok
    assert fragment in check.error


def test_plain_http_to_a_remote_host_warns() -> None:
    check = check_base_url("http://gateway.example.com/v1")
    assert check.ok
    assert "unencrypted" in check.warning


def test_demo_and_display() -> None:
    assert demo_base_url("http://127.0.0.1:8000", "/sim/v1") == "http://127.0.0.1:8000/sim/v1"
    assert display_host("https://api.openai.com/v1") == "api.openai.com/v1"
