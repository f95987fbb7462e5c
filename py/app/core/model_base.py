"""The one base of every pydantic model in the app: schemas are built when first used.

pydantic builds a model's validator when its class is defined; for the app's 31 models
(API answers of every provider, bundles, stored records) that cost the page about a third
of a second of its start, most of it for shapes a session may never see. With
``defer_build`` each is built the first time it validates or serializes, so the start
pays only for the records it reads.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A pydantic model whose validator is built on first use (settings merge with subclasses')."""

    model_config = ConfigDict(defer_build=True)
