"""No user-visible string is written in code: they all come from the catalogue.

The check parses every module under ``py/app`` (the views, and core, services and browser
modules, which build texts too; a few named exemptions say why) and flags string literals
(and f-strings with literal words) that reach the user: the text children of ``h(...)``, what
``set_text``/``announce``/``toast`` show, and the attributes people read or hear
(``aria-label``, ``title``, ``placeholder``, ``alt``, ``label``); plus anything else that
reads like prose (capitalised words, sentences), outside docstrings and comparisons.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "py" / "app"
UI = APP / "ui"
DATA = "provider data (names, notes), shown through data_text with core/i18n/de/data_texts.py"

PENDING: tuple[str, ...] = ()  # modules another session is converting right now
# NOT_YET: modules not converted to the catalogue yet. Each entry is a debt: convert the
# module, add its German, and delete it from here.
NOT_YET: tuple[str, ...] = ()

# Modules outside the views that may keep literals, each with why: everything else under
# py/app must take its user-visible texts from the catalogue (the check below).
EXEMPT: dict[str, str] = {
    "browser/dom.py": "a type alias and JS global names",
    "browser/notify.py": "the JS global Notification",
    "browser/early_page.py": "a console message for developers",
    "browser/poller_start.py": "console messages for developers",
    "browser/route_log.py": "a console message for developers",
    "core/bundle/zip_format.py": "the ZIP format's own compression method names",
    "core/http.py": "placeholders in the stored technical request record",
    "core/providers/gemini_omni/capabilities.py": DATA,
    "core/providers/gemini_omni/prices.py": DATA,
    "core/providers/openai_videos/capabilities.py": DATA,
    "core/providers/openai_videos/price_sheet.py": DATA,
    "core/providers/openrouter/capabilities.py": DATA,
    "core/providers/openrouter/skus.py": DATA,
}

USER_ATTRS = frozenset({"aria_label", "title", "placeholder", "alt", "label", "aria_valuetext", "aria_roledescription"})
TEXT_CALLS = {"set_text": 1, "announce": 0, "toast": 0, "text_node": 0, "toast_error": 0}  # call → text argument
BUG_ERRORS = frozenset(
    {"TransitionError", "ValueError", "TypeError", "KeyError", "RuntimeError", "AssertionError", "NotImplementedError"}
)
KEY_NAMES = frozenset({"Home", "End", "Enter", "Escape", "Tab", "Delete", "Backspace", "Spacebar"})  # event.key
WIRE_TEXTS = frozenset({"Authorization", "Bearer 0", "Range"})  # HTTP headers and a value (f"Bearer {key}")
# Calls whose arguments are matched against, never shown: regular expressions, a provider's words looked for.
MATCH_CALLS = frozenset({"compile", "search", "match", "fullmatch", "findall", "sub", "says", "startswith", "endswith"})
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"^[A-Z][a-z]+$")  # one capitalised word: "Settings", "Delete"
_TOKENS = re.compile(r"^[\w\-./:#\[\]=\"'()>*+~,@%&?{}]+( [\w\-./:#\[\]=\"'()>*+~,@%&?{}]+)*$")
_PROSE_MARKS = re.compile(r"[A-Z][a-z]+ |[a-z] [a-z]+[.?!:…]$|[.?!…]$| [a-z]+ [a-z]+ ")


def literal_text(node: ast.AST) -> str | None:
    """The literal words of a string constant or f-string, else ``None``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(part.value) if isinstance(part, ast.Constant) else "0" for part in node.values)
    return None


def shown_parts(node: ast.AST) -> Iterator[ast.AST]:
    """The expressions a value can be: both branches of ``a if c else b``, ``a or b``, items."""
    if isinstance(node, ast.IfExp):
        yield from shown_parts(node.body)
        yield from shown_parts(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from shown_parts(value)
    elif isinstance(node, ast.List | ast.Tuple):
        for item in node.elts:
            yield from shown_parts(item)
    else:
        yield node


def looks_like_prose(text: str) -> bool:
    text = text.strip()
    if not _LETTER.search(text) or text in KEY_NAMES or text in WIRE_TEXTS:
        return False
    if text.startswith("/") and " " not in text:  # a URL path ("/content?")
        return False
    if _WORD.match(text):
        return True
    if " " not in text and not text.endswith((".", "…", "?", "!")):
        return False
    return bool(_PROSE_MARKS.search(text)) or not _TOKENS.match(text)


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _user_positions(tree: ast.AST) -> Iterator[ast.AST]:
    """Expressions whose value the user reads or hears."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name == "h":
                yield from node.args[2:]
            elif name in TEXT_CALLS and len(node.args) > TEXT_CALLS[name]:
                yield node.args[TEXT_CALLS[name]]
            yield from (kw.value for kw in node.keywords if kw.arg in USER_ATTRS)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in USER_ATTRS:
                    yield value
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Attribute) and t.attr in ("textContent", "title", "ariaLabel", "placeholder")
            for t in node.targets
        ):
            yield node.value


def _exempt(tree: ast.AST) -> set[int]:
    """Docstrings (any bare string statement, attribute docstrings included), the operands of
    comparisons (key names, values compared), the arguments of matching calls (patterns, a
    provider's words looked for) and the literal pieces of f-strings (the f-string is judged
    whole) are not shown on their own."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            skipped.update(id(part) for part in ast.walk(node.value))  # names exported, not words
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and _call_name(node.exc) in BUG_ERRORS:
            skipped.update(id(part) for part in ast.walk(node.exc))  # a programmer's error, never shown as is
        if isinstance(node, ast.Compare):
            for operand in [node.left, *node.comparators]:
                skipped.update(id(part) for part in shown_parts(operand))
        if isinstance(node, ast.Call) and _call_name(node) in MATCH_CALLS:
            for argument in node.args:
                skipped.update(id(part) for part in shown_parts(argument))
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
    return skipped


def offenders(source: str, filename: str) -> list[str]:
    """``file:line: text`` for every user-visible literal in ``source``."""
    tree = ast.parse(source, filename=filename)
    skipped = _exempt(tree)
    found: dict[int, tuple[int, str]] = {}
    for position in _user_positions(tree):
        for part in shown_parts(position):
            text = literal_text(part)
            if isinstance(part, ast.expr) and text is not None and _LETTER.search(text):
                found[id(part)] = (part.lineno, text)
    for node in ast.walk(tree):
        text = literal_text(node)
        fresh = id(node) not in skipped and id(node) not in found
        if isinstance(node, ast.expr) and text is not None and fresh and looks_like_prose(text):
            found[id(node)] = (node.lineno, text)
    return [f"{filename}:{line}: {text!r}" for line, text in sorted(found.values())]


def ui_modules() -> Iterator[Path]:
    for path in sorted(UI.rglob("*.py")):
        relative = path.relative_to(UI).as_posix()
        if not any(relative == p or (p.endswith("/") and relative.startswith(p)) for p in PENDING + NOT_YET):
            yield path


def test_no_user_visible_literal_in_the_views() -> None:
    problems = [o for path in ui_modules() for o in offenders(path.read_text(), str(path.relative_to(ROOT)))]
    assert not problems, "strings not from the catalogue (use tr()):\n" + "\n".join(problems)


def outside_the_views() -> Iterator[tuple[str, Path]]:
    """Every module of the app but the views and the catalogue's own tables."""
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP).as_posix()
        if not relative.startswith(("ui/", "core/i18n/")):
            yield relative, path


def test_no_user_visible_literal_outside_the_views_but_the_named_exemptions() -> None:
    problems = [
        o
        for relative, path in outside_the_views()
        if relative not in EXEMPT
        for o in offenders(path.read_text(), str(path.relative_to(ROOT)))
    ]
    assert not problems, "strings not from the catalogue (use tr(), or exempt the module with why):\n" + "\n".join(
        problems
    )


def test_each_exemption_is_still_needed() -> None:
    modules = dict(outside_the_views())
    assert set(EXEMPT) <= modules.keys(), sorted(set(EXEMPT) - modules.keys())
    unneeded = [name for name in EXEMPT if not offenders(modules[name].read_text(), name)]
    assert not unneeded, f"no literal left: remove from EXEMPT {unneeded}"


def test_the_check_flags_planted_strings() -> None:
    planted = '''
def view(scope, n):
    """A docstring is fine."""
    if event.key == "Escape":
        pass
    node = h("button", {"class_": "btn primary", "aria_label": "Close the drawer"}, "Delete", scope=scope)
    set_text(node, f"{n} videos")
    toast("saved")
    hint = "Press Render when you are ready."
    ok = h("p", {"class_": "small muted", "data_id": "x-1"}, tr("queue.empty"), "·")
    if n < 0:
        raise ValueError("a count is never negative here")
    if n > 9:
        raise InputError("prompt", "Keep the prompt shorter.")
    if answer.says("api key not valid") or re.compile(r"\\blimit: 0").search(said) or key in (" ", "Spacebar"):
        request = {**headers, "Range": span, "url": base + "/content?" + query}
LIMIT = 9
"""How many fit (an attribute docstring)."""
__all__ = ["Minimum", "view"]
'''
    found = offenders(planted, "planted.py")
    assert [line.split(": ", 1)[1] for line in found] == [
        "'Close the drawer'",
        "'Delete'",
        "'0 videos'",
        "'saved'",
        "'Press Render when you are ready.'",
        "'Keep the prompt shorter.'",
    ]
    assert found[0].startswith("planted.py:6: ")


def test_pending_paths_exist() -> None:
    """Each PENDING/NOT_YET entry names a real file or folder, and each NOT_YET file still has
    strings to convert (a converted file must leave the list)."""
    for entry in PENDING + NOT_YET:
        assert (UI / entry).exists(), entry
    for entry in NOT_YET:
        path = UI / entry
        assert offenders(path.read_text(), entry), f"{entry} is converted: remove it from NOT_YET"
