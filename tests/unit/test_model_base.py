"""Every pydantic model of the app builds its validator on first use (boot time: docs/boot.md)."""

from __future__ import annotations

import importlib
import pkgutil

import pydantic
import pytest

import app
from app.core.job_record import JobRecord
from app.core.model_base import Model
from tests.unit.fresh_python import fresh_python

PURE = ("app.core", "app.services")


def _app_models() -> list[type[pydantic.BaseModel]]:
    for info in pkgutil.walk_packages(app.__path__, "app."):
        if info.name.startswith(PURE):
            importlib.import_module(info.name)
    found: list[type[pydantic.BaseModel]] = []
    pending = list(pydantic.BaseModel.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("app."):
            found.append(cls)
    return found


def test_the_app_defines_its_models_and_every_one_derives_from_the_deferred_base() -> None:
    models = _app_models()
    assert len(models) >= 20
    strays = [f"{m.__module__}.{m.__qualname__}" for m in models if not issubclass(m, Model)]
    assert strays == []


@pytest.mark.parametrize("model", _app_models(), ids=lambda m: m.__qualname__)
def test_each_model_keeps_defer_build_through_its_own_settings(model: type[pydantic.BaseModel]) -> None:
    assert model.model_config.get("defer_build") is True


def test_a_deferred_model_still_validates_and_refuses_a_wrong_shape() -> None:
    with pytest.raises(pydantic.ValidationError):
        JobRecord.model_validate({"id": 5})


PLUGIN_SEARCH = """
import importlib.metadata as metadata
searched = []
search = metadata.entry_points
metadata.entry_points = lambda **kw: searched.append(kw) or search(**kw)
from app.core.settings import Settings
Settings.model_validate({})
print(len(searched))
"""


@pytest.mark.parametrize(("environment", "searches"), [({}, "0"), ({"PYDANTIC_DISABLE_PLUGINS": ""}, "1")])
def test_building_a_validator_does_not_search_for_plugins(environment: dict[str, str], searches: str) -> None:
    # The search reads every installed package's metadata (about 0.1 s of the page's start);
    # the app has no plugins. An environment that asks for the search still gets it.
    assert fresh_python(PLUGIN_SEARCH, **environment) == [searches]
