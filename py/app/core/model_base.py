"""The one base of every pydantic model in the app: schemas are built when first used.

pydantic builds a model's validator when its class is defined; for the app's 31 models
(API answers of every provider, bundles, stored records) that cost the page about a third
of a second of its start, most of it for shapes a session may never see. With
``defer_build`` each is built the first time it validates or serializes, so the start
pays only for the records it reads.

The first validator pydantic builds also looks for pydantic plugins in the metadata of every
installed package (``entry_points``); in the page that search was most of the time between
opening the database and having read the records (about 0.1 s). The app uses no plugins,
so the search is switched off with pydantic's own setting, before any validator is built
(unless the environment already says otherwise).
"""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class Model(BaseModel):
    """A pydantic model whose validator is built on first use (settings merge with subclasses')."""

    model_config = ConfigDict(defer_build=True)
