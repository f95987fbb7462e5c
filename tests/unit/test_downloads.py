"""Download checks: what a file must look like before it is stored."""

from __future__ import annotations

import pytest

from app.core.downloads import checked_type
from app.core.errors import ContentError


def test_html_error_page_is_not_stored_as_a_video() -> None:
    with pytest.raises(ContentError, match="text/html"):
        checked_type("video", "text/html; charset=utf-8", 500)
    with pytest.raises(ContentError, match="empty"):
        checked_type("video", "video/mp4", 0)
    assert checked_type("video", "application/octet-stream", 10) == "video/mp4"
    assert checked_type("thumbnail", "image/webp", 10) == "image/webp"
