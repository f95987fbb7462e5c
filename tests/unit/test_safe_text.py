"""Text that cannot spoof: control characters and bidi overrides are dropped from what the
page shows, letters of every script and the harmless marks stay, file names are plain."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.core.downloads import file_name
from app.core.safe_text import BIDI_CONTROLS, file_part, is_clean, shown
from tests.unit.jobs_factory import make_job

BROWSER = Path(__file__).resolve().parents[2] / "py" / "app" / "browser"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("invoice_\u202efdp.mp4", "invoice_fdp.mp4"),  # RLO: would read as "invoice_4pm.pdf"
        ("a\u202ab\u202bc\u202cd\u202de", "abcde"),  # embeddings, their end, LRO
        ("\u2066x\u2067y\u2068z\u2069", "xyz"),  # isolates
        ("rate\x00 limit", "rate limit"),  # NUL
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),  # an escape sequence is inert once ESC is gone
        ("bell\x07 del\x7f c1\x9b", "bell del c1"),
        ("one\r\ntwo\rthree\u2028four\u2029five\x85six", "one\ntwo\nthree\nfour\nfive\nsix"),
        ("ann\ufff9ot\ufffaat\ufffbed", "annotated"),
    ],
)
def test_hostile_characters_are_dropped(text: str, expected: str) -> None:
    assert shown(text) == expected
    assert not is_clean(text) and is_clean(expected)
    assert shown(expected) == expected  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        "A red kite over a windy beach",
        "שלום עולם — a prompt in Hebrew",
        "مرحبا\u061c بالعالم",  # ALM: a mark, not an override
        "left\u200eright\u200f",  # LRM / RLM nudge punctuation only
        "family 👨\u200d👩\u200d👧 and e\u0301",  # joiners and combining marks build what is written
        "日本語のプロンプト",
        "tab\tand\nnewline",  # kept: prompts have lines
        "",
    ],
)
def test_text_of_every_script_is_kept_as_written(text: str) -> None:
    assert shown(text) == text and is_clean(text)


def test_every_bidi_control_is_dropped() -> None:
    assert shown("".join(sorted(BIDI_CONTROLS))) == ""
    for code in [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]:
        assert shown(f"a{chr(code)}b") in ("ab", "a\nb"), hex(code)


def test_file_parts_are_plain_ascii() -> None:
    assert file_part("Forest at dawn\u202e4pm.exe") == "forest-at-dawn-4pm-exe"
    assert file_part("../../etc/passwd") == "etc-passwd"
    assert file_part("google/veo-3.1") == "google-veo-3-1"
    assert file_part("x" * 100, 10) == "x" * 10
    assert file_part("\u202e\x00") == ""


def test_a_hostile_model_id_or_title_cannot_shape_the_download_name() -> None:
    job = make_job(model="../\u202egpj.exe", title="a\u202eflm.exe")
    name = file_name(job, "video/mp4")
    assert name.endswith(".mp4") and name.isascii() and name.isprintable()
    assert "/" not in name and ".." not in name and "\u202e" not in name
    assert name.startswith("gpj-exe_a-flm-exe_")
    assert file_name(make_job(model="sora-2", title="Kite"), "video/mp4", "video-2").startswith("sora-2_kite_")


def _constant(node: ast.expr) -> bool:
    if isinstance(node, ast.IfExp):
        return _constant(node.body) and _constant(node.orelse)
    return isinstance(node, ast.Constant)


def _shown_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and ast.unparse(node.func) == "shown"


def _dom_write(node: ast.AST) -> ast.expr | None:
    """The value a node hands to the DOM as text: ``createTextNode``, ``setAttribute``, ``textContent =``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
        return node.args[-1] if node.func.attr in ("createTextNode", "setAttribute") else None
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Attribute) and t.attr == "textContent" for t in node.targets
    ):
        return node.value
    return None


def _unguarded_writes(path: Path) -> list[str]:
    """Each DOM text write of a browser module whose value is not a constant, a ``shown(...)``
    call, or a name bound to one in the same function."""
    offences = []
    for function in ast.walk(ast.parse(path.read_text())):
        if not isinstance(function, ast.FunctionDef):
            continue
        nodes = list(ast.walk(function))
        cleaned = {
            target.id
            for node in nodes
            if isinstance(node, ast.Assign) and _shown_call(node.value)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in nodes:
            value = _dom_write(node)
            named_clean = isinstance(value, ast.Name) and value.id in cleaned
            if value is not None and not (_constant(value) or _shown_call(value) or named_clean):
                offences.append(f"{function.name}: {ast.unparse(node)}")
    return offences


def test_the_dom_layer_writes_no_string_unneutralised() -> None:
    assert _unguarded_writes(BROWSER / "dom.py") == [
        "_append_children: document.createTextNode(str(child))",  # a number
        "svg: element.setAttribute(name, value)",  # the app's own icon paths
    ]
