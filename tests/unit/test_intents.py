"""The views' intents object: waits for the controller, then runs at once; a failed start-up is raised."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

import pytest

from app.services.intents import Intents
from tests.unit.aio import run

if TYPE_CHECKING:
    from app.services.controller import Controller


class _Controller:
    """Stands in for the controller: the intents only hand it to the action."""

    def __init__(self, name: str) -> None:
        self.name = name


def _controller(name: str = "app") -> Controller:
    return cast("Controller", _Controller(name))


async def _name(controller: Controller) -> str:
    return cast("_Controller", controller).name


def test_an_intent_made_before_start_up_waits_and_then_runs() -> None:
    async def scenario() -> tuple[bool, bool, str, bool]:
        intents = Intents()
        waiting = asyncio.ensure_future(intents.do(_name))
        await asyncio.sleep(0)
        still_waiting = not waiting.done()
        was_ready = intents.ready
        intents.attach(_controller("booted"))
        return still_waiting, was_ready, await waiting, intents.ready

    still_waiting, was_ready, answer, ready = run(scenario())
    assert still_waiting and not was_ready
    assert answer == "booted" and ready


def test_after_attach_an_intent_runs_at_once() -> None:
    async def scenario() -> str:
        intents = Intents()
        intents.attach(_controller("now"))
        return await asyncio.wait_for(intents.do(_name), 1.0)

    assert run(scenario()) == "now"


def test_the_controller_is_attached_once() -> None:
    async def scenario() -> None:
        intents = Intents()
        intents.attach(_controller())
        intents.attach(_controller("second"))

    with pytest.raises(RuntimeError, match="attached once"):
        run(scenario())


def test_a_failed_start_up_is_raised_by_waiting_and_later_intents() -> None:
    boom = ValueError("the records could not be read")

    async def scenario() -> tuple[list[ValueError], bool]:
        intents = Intents()
        waiting = asyncio.ensure_future(intents.do(_name))
        await asyncio.sleep(0)
        intents.fail(boom)
        intents.fail(RuntimeError("a second failure is ignored"))
        raised: list[ValueError] = []
        for attempt in (waiting, asyncio.ensure_future(intents.do(_name))):
            try:
                await attempt
            except ValueError as exc:  # what each intent raised
                raised.append(exc)
        return raised, intents.ready

    raised, ready = run(scenario())
    assert raised == [boom, boom] and not ready


def test_fail_after_attach_changes_nothing() -> None:
    async def scenario() -> str:
        intents = Intents()
        intents.attach(_controller("kept"))
        intents.fail(ValueError("late"))
        return await intents.do(_name)

    assert run(scenario()) == "kept"


def test_cancelling_one_waiting_intent_leaves_the_others_waiting() -> None:
    async def scenario() -> str:
        intents = Intents()
        first = asyncio.ensure_future(intents.do(_name))
        second = asyncio.ensure_future(intents.do(_name))
        await asyncio.sleep(0)
        first.cancel()
        await asyncio.sleep(0)
        intents.attach(_controller("still here"))
        return await second

    assert run(scenario()) == "still here"
