"""Messages between the page and the worker survive the trip unchanged."""

from __future__ import annotations

import json

import pytest

from app.core.errors import AuthenticationError, NetworkError
from app.core.poll_messages import (
    Expired,
    FileReady,
    FilesDone,
    RemoteUpdate,
    Retrying,
    Stopped,
    TrackSpec,
    Transfer,
    from_message,
    to_message,
)
from app.core.providers.base import RemoteJob, RemoteStatus


@pytest.mark.parametrize(
    "event",
    [
        RemoteUpdate("j", RemoteJob("v", RemoteStatus.RUNNING, "in_progress", progress=12, poll_after_ms=900)),
        Retrying("j", "HTTP 503", 4.0),
        Stopped("j", "invalid_api_key", "bad key", 401, "req_1"),
        Transfer("j", "video", 10, None),
        FilesDone("j"),
        Expired("j"),
    ],
)
def test_round_trip_through_json(event: object) -> None:
    message = json.loads(json.dumps(to_message(event)))  # type: ignore[arg-type]
    assert from_message(message) == event


def test_a_file_keeps_its_blob_handle() -> None:
    handle = object()
    event = from_message(to_message(FileReady("j", "video", handle, 5, "video/mp4")))
    assert isinstance(event, FileReady) and event.blob is handle


def test_unknown_messages_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown"):
        from_message({"type": "Launch"})


def test_track_spec_round_trip_and_stop_from_errors() -> None:
    spec = TrackSpec(
        "j", "v", "openrouter", "http://x/v1", "sk", have=("video",), extras=("thumbnail",), interval_s=5.0
    )
    assert TrackSpec.from_message(json.loads(json.dumps(spec.to_message()))) == spec
    stop = Stopped.from_error("j", AuthenticationError("bad", status=401, code="invalid_api_key", request_id="r"))
    assert (stop.code, stop.status, stop.request_id) == ("invalid_api_key", 401, "r")
    assert Stopped.from_error("j", NetworkError("down"), code="download_failed").code == "download_failed"
