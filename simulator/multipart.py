"""multipart/form-data bodies, parsed with the standard ``email`` package (``cgi`` is gone)."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP


class MultipartError(ValueError):
    """The body is not well-formed multipart/form-data."""


@dataclass(frozen=True)
class FilePart:
    """An uploaded file: what the client declared, and the raw bytes."""

    filename: str
    content_type: str
    data: bytes


def parse_form(content_type: str, body: bytes) -> dict[str, str | FilePart]:
    """Fields of a form in order; a part with a ``filename`` is a file, others are text.

    A field sent twice keeps its last value, as most form parsers do.
    """
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise MultipartError("expected a multipart body with a boundary")
    if not message.get_boundary():
        raise MultipartError("the Content-Type header has no boundary")
    fields: dict[str, str | FilePart] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str) or not name:
            raise MultipartError("a part has no form-data name")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            declared = part.get_content_type() if part.get("content-type") else "application/octet-stream"
            fields[name] = FilePart(filename, declared, data)
        else:
            charset = part.get_content_charset() or "utf-8"
            fields[name] = data.decode(charset, errors="replace")
    return fields
