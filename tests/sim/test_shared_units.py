"""Unit tests of the pieces every simulated API shares: frames, origins, counters, submit gate, markers."""

from __future__ import annotations

import pytest

from simulator import SimConfig
from simulator.api import is_sim_path
from simulator.counters import SLICE_BYTES, Counters
from simulator.faults import GEMINI_MARKERS, OPENAI_MARKERS, OPENROUTER_MARKERS, MarkerError, parse_prompt_markers
from simulator.frames import aspect_of, frame_size, parse_size, render_size, resolution_of
from simulator.messages import SimRequest
from simulator.origin import request_origin
from simulator.submits import SubmitGate


@pytest.mark.parametrize(
    ("resolution", "aspect", "size"),
    [
        ("720p", "16:9", (1280, 720)),
        ("720p", "9:16", (720, 1280)),
        ("480p", "16:9", (854, 480)),
        ("1080p", "21:9", (2520, 1080)),
        ("4K", "9:21", (2160, 5040)),
        ("4k", "16:9", (3840, 2160)),
        ("2K", "16:9", (2560, 1440)),
        ("360p", "9:16", (360, 640)),
        ("720p", "1:1", (720, 720)),
    ],
)
def test_named_frames(resolution: str, aspect: str, size: tuple[int, int]) -> None:
    assert frame_size(resolution, aspect) == size


def test_frame_helpers() -> None:
    assert (parse_size("1920x1080"), parse_size("1920*1080"), parse_size("x")) == ((1920, 1080), None, None)
    assert (resolution_of(1920, 1080), resolution_of(1000, 999)) == ("1080p", None)
    assert aspect_of(1920, 1080) == "16:9"
    assert render_size(1280, 720, 3840 * 2160) == (1280, 720)
    width, height = render_size(5040, 2160, 3840 * 2160)
    assert width * height <= 3840 * 2160 and width % 2 == height % 2 == 0
    assert abs(width / height - 5040 / 2160) < 0.01
    with pytest.raises(ValueError, match="aspect"):
        frame_size("720p", "wide")


@pytest.mark.parametrize(
    ("headers", "origin"),
    [
        ({"host": "127.0.0.1:8000"}, "http://127.0.0.1:8000"),
        ({"host": "app.example", "x-forwarded-proto": "https"}, "https://app.example"),
        ({"host": "[::1]:9000"}, "http://[::1]:9000"),
        ({"host": "evil.example/path?x"}, "http://localhost"),
        ({}, "http://localhost"),
    ],
)
def test_request_origin(headers: dict[str, str], origin: str) -> None:
    assert request_origin(SimRequest.build("GET", "/x", headers=headers), SimConfig()) == origin


def test_a_configured_public_origin_wins() -> None:
    request = SimRequest.build("GET", "/x", headers={"host": "127.0.0.1"})
    assert request_origin(request, SimConfig(public_origin="https://demo.example/")) == "https://demo.example"


def test_download_bytes_are_counted_as_taken_and_cut_at_the_limit() -> None:
    counters = Counters()
    entry = counters.download("openrouter", "job-1", "index=0", 200_000, 200)
    stream = counters.counted(entry, [b"a" * 150_000, b"b" * 50_000], None)
    first = next(stream)
    assert len(first) == SLICE_BYTES and entry.bytes_served == SLICE_BYTES  # counted while streaming
    rest = b"".join(stream)
    assert len(first + rest) == 200_000 and entry.bytes_served == 200_000
    cut = counters.download("openrouter", "job-1", "index=0", 200_000, 206)
    assert len(b"".join(counters.counted(cut, [b"c" * 200_000], 70_000))) == 70_000
    [summary] = counters.downloads("openrouter", "job-1")
    assert (summary["requests"], summary["bytes_served"], summary["statuses"]) == (2, 270_000, [200, 206])


def test_create_counts_are_bounded_and_newest_first() -> None:
    counters = Counters(max_entries=2)
    for prompt in ("a", "b", "c"):
        counters.count_create("gemini", prompt, 200, f"id-{prompt}")
    assert [c["prompt"] for c in counters.creates()] == ["c", "b"]


def test_the_submit_gate_refuses_per_key_and_prompt() -> None:
    gate = SubmitGate()
    faults = parse_prompt_markers("p [sim:submit429=1] [sim:submit500=2]", OPENROUTER_MARKERS)
    assert [gate.refusal("openrouter", "k1", "p", faults) for _ in range(4)] == ["429", "500", "500", None]
    assert gate.refusal("openrouter", "k2", "p", faults) == "429"
    assert gate.refusal("gemini", "k1", "p", faults) == "429"
    assert gate.refusal("openrouter", "k1", "q", parse_prompt_markers("q", OPENROUTER_MARKERS)) is None


@pytest.mark.parametrize(
    ("marker", "openai", "openrouter", "gemini"),
    [
        ("[sim:redirect]", True, False, False),
        ("[sim:absolute_poll]", False, True, False),
        ("[sim:outputs=2]", False, True, False),
        ("[sim:safety400]", False, False, True),
        ("[sim:poll400=2]", False, False, True),
        ("[sim:submit429]", False, True, True),
        ("[sim:cancelled]", True, True, True),
        ("[sim:bytes=5000]", True, True, True),
    ],
)
def test_each_api_takes_its_own_markers(marker: str, openai: bool, openrouter: bool, gemini: bool) -> None:
    for allowed, accepted in ((OPENAI_MARKERS, openai), (OPENROUTER_MARKERS, openrouter), (GEMINI_MARKERS, gemini)):
        if accepted:
            assert parse_prompt_markers(marker, allowed).markers == (marker,)
        else:
            with pytest.raises(MarkerError):
                parse_prompt_markers(marker, allowed)


@pytest.mark.parametrize("value", ["0", "5", "x"])
def test_outputs_is_one_to_four(value: str) -> None:
    with pytest.raises(MarkerError):
        parse_prompt_markers(f"[sim:outputs={value}]", OPENROUTER_MARKERS)


@pytest.mark.parametrize(
    ("path", "served"),
    [
        ("/sim/v1/videos", True),
        ("/sim/openrouter/api/v1/videos", True),
        ("/sim/openrouter-nocors/api/v1/key", True),
        ("/sim/openrouter/auth", True),
        ("/sim/gemini/v1beta/interactions", True),
        ("/sim/gemini-nocors/v1beta/models", True),
        ("/sim/gemini", True),
        ("/sim/debug/creates", True),
        ("/sim/geminix/v1beta", False),
        ("/sim/openrouters", False),
        ("/static/app.js", False),
    ],
)
def test_sim_paths(path: str, served: bool) -> None:
    assert is_sim_path(path) is served
