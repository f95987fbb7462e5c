"""Turn a request body (JSON or multipart/form-data) into a field mapping.

The Videos API takes both encodings for the same fields; decoding them here lets one
validator judge both. File parts stay :class:`~simulator.multipart.FilePart`.
"""

from __future__ import annotations

import json

from simulator import errors
from simulator.multipart import FilePart, MultipartError, parse_form

Fields = dict[str, object]
MULTIPART = "multipart/form-data"


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def decode_fields(content_type: str, body: bytes) -> Fields:
    """The body's fields; raises :class:`~simulator.errors.ApiError` when unreadable."""
    kind = media_type(content_type)
    if not body.strip():
        return {}  # nothing sent: the missing fields are reported by name
    if kind == MULTIPART:
        try:
            form: dict[str, str | FilePart] = parse_form(content_type, body)
        except MultipartError as exc:
            raise errors.unparsable_multipart(str(exc)) from None
        return dict(form)
    if kind == "application/json" or (not kind and body.lstrip().startswith(b"{")):
        try:
            value = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise errors.unparsable_json() from None
        if not isinstance(value, dict):
            raise errors.invalid_type("body", "an object", value)
        return value
    raise errors.unsupported_content_type(content_type or "(none)")


class JsonBodyError(ValueError):
    """The body is not one JSON object; ``unparsable`` tells bad JSON from another JSON value."""

    def __init__(self, *, unparsable: bool) -> None:
        super().__init__("unparsable JSON" if unparsable else "not a JSON object")
        self.unparsable = unparsable


def json_object(body: bytes) -> dict[str, object]:
    """The body as a JSON object (an empty body is ``{}``); raises :class:`JsonBodyError`."""
    if not body.strip():
        return {}
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise JsonBodyError(unparsable=True) from None
    if not isinstance(value, dict):
        raise JsonBodyError(unparsable=False)
    return value
