"""Building and updating DOM nodes from Python, safely and with owned event proxies.

User text only ever becomes a Text node or an attribute value, never HTML: there is no
``innerHTML`` anywhere in the app. Every string written here goes through
:func:`~app.core.safe_text.shown` first, so control characters and bidi overrides in a
prompt or an API message cannot disguise it (one place, so no view can forget it).
Every event-listener proxy belongs to a :class:`Scope`, so a view that goes away
releases its proxies (Pyodide leaks them otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import js
from pyodide.ffi import create_proxy, jsnull

from app.core.safe_text import shown

Node = Any  # a JS DOM node (JsProxy)
Child = Node | str | int | float | None | Iterable["Child"]
Handler = Callable[[Any], Any]

SVG_NS = "http://www.w3.org/2000/svg"
_BOOL_ATTRS = frozenset(
    {"hidden", "disabled", "checked", "selected", "required", "readonly", "multiple", "open", "autofocus", "inert"}
)


class Pending:
    """One scheduled call (a timer, an animation frame, an idle callback) whose proxy is freed when it runs
    or is cancelled, so a view that closes first is never called back (Pyodide reports
    "Object has already been destroyed" as a page error otherwise)."""

    def __init__(
        self, scope: Scope, start: Callable[[Any], Any], stop: Callable[[Any], Any], callback: Callable[[], Any]
    ) -> None:
        self._scope = scope
        self._stop = stop
        self._callback = callback
        self._proxy: Any = create_proxy(self._fire)
        self._handle = start(self._proxy)
        scope._pending.add(self)

    def _fire(self, *_args: Any) -> None:
        if self._proxy is None:
            return
        self._scope._pending.discard(self)
        try:
            self._callback()
        finally:
            self._free()

    def cancel(self) -> None:
        if self._proxy is not None:
            self._stop(self._handle)
            self._scope._pending.discard(self)
            self._free()

    def _free(self) -> None:
        proxy, self._proxy = self._proxy, None
        if proxy is not None:
            proxy.destroy()


class Scope:
    """Owns event-listener proxies, observers and pending timers; ``close()`` detaches,
    cancels and destroys them all."""

    def __init__(self) -> None:
        self._listeners: list[tuple[Node, str, Any]] = []
        self._proxies: list[Any] = []
        self._observers: list[Any] = []
        self._pending: set[Pending] = set()
        self._intervals: list[Any] = []
        self._js_listeners: list[tuple[Node, str, Any]] = []

    def after(self, delay_ms: int, callback: Callable[[], Any]) -> Pending:
        """Call ``callback`` once after ``delay_ms``, unless cancelled or closed first."""
        return Pending(self, lambda proxy: js.setTimeout(proxy, delay_ms), js.clearTimeout, callback)

    def every(self, interval_ms: int, callback: Callable[[], Any]) -> None:
        """Call ``callback`` every ``interval_ms`` until the scope closes (clock ticks)."""
        handle = js.setInterval(self.callable(lambda *_args: callback()), interval_ms)
        self._intervals.append(handle)

    def next_frame(self, callback: Callable[[], Any]) -> Pending:
        """Call ``callback`` once before the next paint, unless cancelled or closed first."""
        return Pending(self, js.requestAnimationFrame, js.cancelAnimationFrame, callback)

    def when_idle(self, callback: Callable[[], Any]) -> Pending:
        """Call ``callback`` once when the page is idle (between frames, nothing else queued),
        unless cancelled or closed first; a short timer where the browser has no idle callbacks."""
        if hasattr(js, "requestIdleCallback"):
            return Pending(self, js.requestIdleCallback, js.cancelIdleCallback, callback)
        return Pending(self, lambda proxy: js.setTimeout(proxy, 50), js.clearTimeout, callback)

    def callable(self, function: Callable[..., Any]) -> Any:
        """A JS-callable proxy of ``function`` (timers, callbacks), destroyed with the scope."""
        proxy = create_proxy(function)
        self._proxies.append(proxy)
        return proxy

    def on(self, target: Node, event: str, handler: Handler, *, passive: bool = False) -> None:
        """Listen to ``event`` on ``target`` for as long as this scope lives."""
        proxy = create_proxy(handler)
        options = js.Object.new()
        options.passive = passive
        target.addEventListener(event, proxy, options)
        self._listeners.append((target, event, proxy))

    def on_js(self, target: Node, event: str, listener: Any, *, passive: bool = False) -> None:
        """Listen with a JS function (a glue module's, which filters events before any reach
        Python) for as long as this scope lives."""
        options = js.Object.new()
        options.passive = passive
        target.addEventListener(event, listener, options)
        self._js_listeners.append((target, event, listener))

    def on_resize(self, target: Node, handler: Handler) -> None:
        """Call ``handler`` whenever ``target``'s box changes size, including when it is first
        laid out (a ``ResizeObserver``, disconnected with the scope)."""
        observer = js.ResizeObserver.new(self.callable(lambda _entries, _observer: handler(None)))
        observer.observe(target)
        self._observers.append(observer)

    def close(self) -> None:
        for handle in self._intervals:
            js.clearInterval(handle)
        self._intervals.clear()
        for pending in list(self._pending):
            pending.cancel()
        for observer in self._observers:
            observer.disconnect()
        self._observers.clear()
        for target, event, proxy in self._listeners:
            target.removeEventListener(event, proxy)
            proxy.destroy()
        self._listeners.clear()
        for target, event, listener in self._js_listeners:
            target.removeEventListener(event, listener)
        self._js_listeners.clear()
        for proxy in self._proxies:
            proxy.destroy()
        self._proxies.clear()


def _append_children(parent: Node, children: Iterable[Child]) -> None:
    document = js.document
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, str):
            parent.appendChild(document.createTextNode(shown(child)))
        elif isinstance(child, int | float):
            parent.appendChild(document.createTextNode(str(child)))
        elif isinstance(child, list | tuple):
            _append_children(parent, child)
        else:
            parent.appendChild(child)


def _attr_name(name: str) -> str:
    """``class_`` → ``class``, ``aria_label`` → ``aria-label``, ``data_id`` → ``data-id``."""
    return "class" if name in ("class_", "cls") else name.rstrip("_").replace("_", "-")


def _set_attr(element: Node, name: str, value: Any) -> None:
    name = _attr_name(name)
    if isinstance(value, bool) and name.startswith("aria-"):
        element.setAttribute(name, "true" if value else "false")
    elif value is None or value is False:
        element.removeAttribute(name)
    elif value is True:
        element.setAttribute(name, "" if name in _BOOL_ATTRS else "true")
    else:
        element.setAttribute(name, shown(str(value)))


def h(tag: str, attrs: dict[str, Any] | None = None, *children: Child, scope: Scope | None = None) -> Node:
    """Create an element: ``h("button", {"class_": "btn", "on_click": f}, "Save", scope=s)``.

    ``on_<event>`` attributes need a ``scope`` that owns the listener. Strings become
    text nodes; ``None`` children are skipped; nested lists are flattened.
    """
    element = js.document.createElement(tag)
    for name, value in (attrs or {}).items():
        if name.startswith("on_"):
            if scope is None:
                raise ValueError(f"h({tag!r}): event handler {name} needs a scope to own it")
            scope.on(element, name[3:], value)
        else:
            _set_attr(element, name, value)
    _append_children(element, children)
    return element


def svg(tag: str, attrs: dict[str, str] | None = None, *children: Node) -> Node:
    """An SVG element (icons); attribute names are taken as written."""
    element = js.document.createElementNS(SVG_NS, tag)
    for name, value in (attrs or {}).items():
        element.setAttribute(name, value)
    for child in children:
        element.appendChild(child)
    return element


def set_attrs(element: Node, **attrs: Any) -> None:
    """Update attributes in place (``None``/``False`` removes a boolean attribute)."""
    for name, value in attrs.items():
        _set_attr(element, name, value)


def set_text(element: Node, text: str) -> None:
    """Replace an element's content with plain text (never parsed as HTML)."""
    text = shown(text)
    if element.textContent != text:
        element.textContent = text


def replace_children(element: Node, *children: Child) -> None:
    """Swap all children of ``element`` for ``children``."""
    element.replaceChildren()
    _append_children(element, children)


def by_id(element_id: str) -> Node:
    """The element with ``element_id``; fails loudly, never a silent ``None``."""
    element = js.document.getElementById(element_id)
    if element is None or element is jsnull:
        raise LookupError(f"no element #{element_id} in the page")
    return element


def body() -> Node:
    return js.document.body


def document_node() -> Node:
    """The document, as a target for document-wide events (paste)."""
    return js.document


def window_node() -> Node:
    """The window, as a target for window-wide events (keys, storage)."""
    return js.window


def active_element() -> Node | None:
    found = js.document.activeElement
    return None if found is None or found is jsnull else found


def text_node(text: str) -> Node:
    return js.document.createTextNode(shown(text))


def focus(element: Node, *, scroll: bool = True) -> None:
    """Move focus to ``element``; ``scroll=False`` keeps the page where it is."""
    if scroll:
        element.focus()
    else:
        element.focus(js.Object.fromEntries([["preventScroll", True]]))


def query(root: Node, selector: str) -> Node | None:
    """``root.querySelector(selector)`` with JS ``null`` as ``None``."""
    found = root.querySelector(selector)
    return None if found is None or found is jsnull else found


def query_all(root: Node, selector: str) -> list[Node]:
    """``root.querySelectorAll(selector)`` as a list."""
    found = root.querySelectorAll(selector)
    return [found.item(i) for i in range(int(found.length))]


def query_closest(element: Node, selector: str) -> Node | None:
    """``element.closest(selector)`` with JS ``null`` (or a non-element target) as ``None``."""
    if element is None or element is jsnull or not hasattr(element, "closest"):
        return None
    found = element.closest(selector)
    return None if found is None or found is jsnull else found


def child_at(parent: Node, index: int) -> Node | None:
    """The ``index``-th element child, or ``None`` past the end."""
    found = parent.children.item(index)
    return None if found is None or found is jsnull else found


def announce(text: str) -> None:
    """Say ``text`` through the page's polite live region (screen readers)."""
    region = by_id("announcer")
    region.textContent = ""
    region.textContent = shown(text)
