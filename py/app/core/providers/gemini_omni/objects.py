"""The Gemini API's answers as pydantic shapes, read defensively.

Unknown fields are ignored (the Interactions schema grows) and a wrongly typed field of
a content block or a usage entry reads as absent rather than failing the whole poll:
one odd block must not hide the video next to it. Only ``id`` is required.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from app.core.providers.codec_kit import Lenient


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)  # protobuf JSON writes int64 as a string
    return None


def _objects(value: Any) -> list[Any]:
    """A list's dict items (``null`` or another type: empty)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text_of(value: Any) -> str | None:
    return None if value is None or isinstance(value, dict | list) else str(value)


def _code(value: Any) -> int | str | None:
    return value if isinstance(value, int | str) and not isinstance(value, bool) else None


def _object_or_none(value: Any) -> Any:
    return value if isinstance(value, dict) else None


LooseStr = Annotated[str | None, BeforeValidator(_str_or_none)]
LooseInt = Annotated[int | None, BeforeValidator(_int_or_none)]


class ErrorItem(Lenient):
    """An entry of ``errors[]`` or a step's ``error``; ``code`` is a string or a number."""

    code: Annotated[str | None, BeforeValidator(_text_of)] = None
    message: LooseStr = None

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.code, self.message) if part)


def _error_item(value: Any) -> Any:
    if isinstance(value, str):
        return {"message": value}
    return value if isinstance(value, dict) else None


class Block(Lenient):
    """A content block: ``{type:"text", text}``, ``{type:"video", mime_type, uri | data}`` …"""

    type: LooseStr = None
    text: LooseStr = None
    uri: LooseStr = None
    data: LooseStr = None
    mime_type: LooseStr = None


class Step(Lenient):
    type: LooseStr = None  # "user_input", "model_output", "thought", …
    content: Annotated[list[Block], BeforeValidator(_objects)] = Field(default_factory=list)
    error: Annotated[ErrorItem | None, BeforeValidator(_error_item)] = None


class ModalityTokens(Lenient):
    modality: LooseStr = None
    tokens: LooseInt = None


class Usage(Lenient):
    total_input_tokens: LooseInt = None
    total_output_tokens: LooseInt = None
    total_tokens: LooseInt = None
    output_tokens_by_modality: Annotated[list[ModalityTokens], BeforeValidator(_objects)] = Field(default_factory=list)

    def video_tokens(self) -> int:
        """Output tokens of the video modality (0 when none are listed)."""
        return sum(entry.tokens or 0 for entry in self.output_tokens_by_modality if _is_video(entry.modality))


def _is_video(modality: str | None) -> bool:
    return (modality or "").strip().lower() == "video"


class Interaction(Lenient):
    """The Interaction object of create, poll and cancel answers."""

    id: str
    status: LooseStr = None
    model: LooseStr = None
    created: LooseStr = None
    updated: LooseStr = None
    previous_interaction_id: LooseStr = None
    steps: Annotated[list[Step], BeforeValidator(_objects)] = Field(default_factory=list)
    usage: Annotated[Usage | None, BeforeValidator(_object_or_none)] = None
    errors: Annotated[list[ErrorItem], BeforeValidator(_objects)] = Field(default_factory=list)


class ListedModel(Lenient):
    name: LooseStr = None  # "models/gemini-omni-1.2-flash"

    @property
    def model_id(self) -> str:
        return (self.name or "").removeprefix("models/")


class ModelList(Lenient):
    """``GET /models``: one page of the listing."""

    models: Annotated[list[ListedModel], BeforeValidator(_objects)] = Field(default_factory=list)
    next_page_token: LooseStr = Field(default=None, alias="nextPageToken")


class GoogleError(Lenient):
    """The ``error`` of either envelope: Google's front end (``code`` an int, a canonical
    ``status``, typed ``details``) or the Interactions service (``code`` a string)."""

    code: Annotated[int | str | None, BeforeValidator(_code)] = None
    message: LooseStr = None
    status: LooseStr = None
    details: Annotated[list[dict[str, Any]], BeforeValidator(_objects)] = Field(default_factory=list)


class ErrorEnvelope(Lenient):
    error: GoogleError
