"""New videos made from one in the library: Remix (a changed prompt over the same video)
and Extend (more seconds after it), each a new linked job, offered only by the providers
and models that can.

A refused prompt is shown at its field and kept, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from app.browser.dom import Node, Scope, h
from app.core.capabilities import Operation, ProviderCapabilities
from app.core.errors import InputError
from app.core.i18n import tr
from app.ui.context import UiContext
from app.ui.forms import Field, button
from app.ui.toasts import toast

if TYPE_CHECKING:
    from app.core.job_record import JobRecord

Run = Callable[[Callable[[], Awaitable[Any]]], Callable[[Any], None]]  # an intent as a click handler


Intent = Callable[[Any], Awaitable[Any]]  # controller -> the new job


async def _started(ctx: UiContext, field: Field, make: Callable[[str], Intent]) -> bool:
    """Send the field's prompt; a refusal is shown at the field (the prompt kept), else it is cleared."""
    field.clear()
    try:
        await ctx.intents.do(make(str(field.control.value)))
    except InputError as exc:
        field.show_error(exc.message)
        return False
    field.control.value = ""
    return True


def _follow_up(ctx: UiContext, scope: Scope, run: Run, name: str, make: Callable[[str], Intent], *extra: Node) -> Node:
    """The section of ``name`` (``drawer.<name>.*`` texts): a prompt, what else it takes, its button."""
    field = Field(
        f"drawer-{name}",
        tr(f"drawer.{name}.prompt"),
        h("textarea", {"rows": "3", "name": f"{name}_prompt"}),
        hint=tr(f"drawer.{name}.hint"),
    )

    async def go() -> None:
        if await _started(ctx, field, make):
            toast(tr(f"drawer.{name}.started"))

    return h(
        "section",
        {"class_": "drawer-section", "aria_labelledby": f"drawer-{name}-title"},
        h("h3", {"id": f"drawer-{name}-title"}, tr(f"drawer.{name}")),
        field.node,
        *extra,
        button(tr(f"drawer.{name}"), run(go), scope, kind="small"),
    )


def remix_section(
    ctx: UiContext, job: JobRecord, provider: ProviderCapabilities, scope: Scope, run: Run
) -> Node | None:
    """Remix (providers that can): the same video with a changed prompt."""
    if not provider.can(Operation.REMIX):
        return None
    job_id = job.id
    return _follow_up(ctx, scope, run, "remix", lambda prompt: lambda c: c.library.remix(job_id, prompt))


def extend_section(
    ctx: UiContext, job: JobRecord, provider: ProviderCapabilities, scope: Scope, run: Run
) -> Node | None:
    """Extend (providers that can): more seconds after this video, as a new linked job."""
    model = provider.model(job.model)
    if not provider.can(Operation.EXTEND) or model is None or not model.extend_seconds:
        return None
    seconds = h(
        "select",
        {"id": "drawer-extend-seconds"},
        [h("option", {"value": str(s)}, tr("drawer.extend.option", seconds=s)) for s in model.extend_seconds],
    )
    limit = tr("drawer.extend.limit", seconds=model.max_total_seconds) if model.max_total_seconds else ""
    job_id = job.id

    def extend(prompt: str) -> Intent:
        added = int(str(seconds.value))
        return lambda c: c.library.extend(job_id, prompt, added)

    choice = h(
        "div",
        {"class_": "field"},
        h("label", {"for_": "drawer-extend-seconds"}, tr("drawer.extend.add")),
        seconds,
        h("p", {"class_": "field-hint"}, tr("drawer.extend.length", seconds=job.seconds, limit=limit)),
    )
    return _follow_up(ctx, scope, run, "extend", extend, choice)
