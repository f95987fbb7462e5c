from __future__ import annotations

import pytest

from app.core.routes import DEFAULT_ROUTE, Route, href, page_title, parse_hash


@pytest.mark.parametrize(
    ("fragment", "route", "canonical"),
    [
        ("", Route.NEW, False),
        ("#/", Route.NEW, False),
        ("#/queue", Route.QUEUE, True),
        ("#/library/", Route.LIBRARY, True),
        ("#/settings?tab=key", Route.SETTINGS, True),
        ("#/nowhere", DEFAULT_ROUTE, False),
    ],
)
def test_parse_hash(fragment: str, route: Route, canonical: bool) -> None:
    location = parse_hash(fragment)
    assert location.route is route
    assert location.canonical is canonical


def test_params_round_trip() -> None:
    link = href(Route.LIBRARY, item="abc 1")
    assert link == "#/library?item=abc+1"
    assert parse_hash(link).params == {"item": "abc 1"}


def test_titles() -> None:
    assert page_title(Route.QUEUE) == "Queue · Sora Renderer"
