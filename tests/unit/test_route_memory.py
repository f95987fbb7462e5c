"""A status-less failure is a CORS refusal only on a route that never answered."""

from __future__ import annotations

from app.core.route_memory import MAX_ROUTES, RouteMemory, route_key

CREATE = "https://openrouter.ai/api/v1/videos"


def test_a_route_that_never_answered_and_a_reachable_server_is_a_cors_refusal() -> None:
    assert RouteMemory().failure_kind("POST", CREATE, server_reachable=True) == "cors"


def test_a_route_that_answered_before_has_lost_its_connection_not_been_refused() -> None:
    memory = RouteMemory()
    assert memory.answered("POST", CREATE) is True
    assert memory.answered("post", CREATE + "?x=1") is False  # same route: nothing new to save
    assert memory.failure_kind("POST", CREATE, server_reachable=True) == "network"


def test_an_unreachable_server_is_always_no_answer() -> None:
    assert RouteMemory().failure_kind("POST", CREATE, server_reachable=False) == "network"


def test_the_method_and_the_path_make_the_route() -> None:
    memory = RouteMemory()
    memory.answered("GET", CREATE)
    assert memory.failure_kind("POST", CREATE, server_reachable=True) == "cors"  # a GET needs no preflight
    assert memory.failure_kind("POST", CREATE + "/abc/cancel", server_reachable=True) == "cors"
    assert route_key("post", "http://127.0.0.1:8000/sim/v1/videos?a=b#c") == "POST http://127.0.0.1:8000/sim/v1/videos"


def test_the_memory_survives_a_reload_and_forgets_the_oldest_first() -> None:
    memory = RouteMemory()
    for n in range(MAX_ROUTES + 5):
        memory.answered("POST", f"https://host{n}.example/v1/videos")
    again = RouteMemory.from_json(memory.to_json())
    assert again.has_answered("POST", f"https://host{MAX_ROUTES + 4}.example/v1/videos")
    assert not again.has_answered("POST", "https://host0.example/v1/videos")


def test_unreadable_memory_is_empty() -> None:
    for text in (None, "", "{", '{"a": 1}', "[1, 2]"):
        assert RouteMemory.from_json(text).failure_kind("POST", CREATE, server_reachable=True) == "cors"
