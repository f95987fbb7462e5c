"""The Omni Flash models the Interactions API takes, the retired ids, and ``GET /models``.

Lifecycle data is dated here as the API's contract states it: 1.2 is the default (3–15 s),
1.1 is GA (3–10 s); the Omni preview and the Veo 3.1 previews are retired and answer
404 "… is no longer available". ``GET /models`` also lists a few non-video Gemini models,
and (as observed live) the Omni entries' ``supportedGenerationMethods`` do not mention
interactions, so an app must go by id.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "gemini-omni-1.2-flash"


@dataclass(frozen=True)
class OmniModel:
    id: str
    version: str
    display_name: str
    min_seconds: float
    max_seconds: float
    max_references: int
    max_first_last_seconds: float
    max_total_seconds: float = 30.0  # after extensions
    released: str = ""


OMNI_MODELS: tuple[OmniModel, ...] = (
    OmniModel("gemini-omni-1.2-flash", "1.2", "Gemini Omni 1.2 Flash", 3, 15, 6, 10, released="2026-11-05"),
    OmniModel("gemini-omni-1.1-flash", "1.1", "Gemini Omni 1.1 Flash", 3, 10, 3, 10, released="2026-08-27"),
)
BY_ID = {model.id: model for model in OMNI_MODELS}
RETIRED = {
    "gemini-omni-flash-preview": ("2026-09-30", DEFAULT_MODEL),
    "veo-3.1-generate-preview": ("2026-10-22", DEFAULT_MODEL),
    "veo-3.1-fast-generate-preview": ("2026-10-22", DEFAULT_MODEL),
    "veo-3.1-lite-generate-preview": ("2026-10-22", DEFAULT_MODEL),
}
# (id, version, display name, input limit, output limit, methods) of the other listed models
OTHER_MODELS = (
    ("gemini-2.5-flash", "001", "Gemini 2.5 Flash", 1048576, 65536, ["generateContent", "countTokens"]),
    ("gemini-2.5-pro", "2.5", "Gemini 2.5 Pro", 1048576, 65536, ["generateContent", "countTokens"]),
    ("gemini-embedding-001", "001", "Gemini Embedding 001", 2048, 1, ["embedContent", "countTextTokens"]),
)


def model_resource(model_id: str) -> dict[str, object] | None:
    """The ``models/{id}`` resource, or ``None`` for an id the API does not list."""
    omni = BY_ID.get(model_id)
    if omni is not None:
        return {
            "name": f"models/{omni.id}",
            "version": omni.version,
            "displayName": omni.display_name,
            "description": f"{omni.display_name}: video generation and editing from text and images.",
            "inputTokenLimit": 32768,
            "outputTokenLimit": 262144,
            "supportedGenerationMethods": ["generateContent", "countTokens"],
        }
    for other_id, version, name, input_limit, output_limit, methods in OTHER_MODELS:
        if other_id == model_id:
            return {
                "name": f"models/{other_id}",
                "version": version,
                "displayName": name,
                "description": f"{name}.",
                "inputTokenLimit": input_limit,
                "outputTokenLimit": output_limit,
                "supportedGenerationMethods": list(methods),
            }
    return None


def listed_ids(*, omni: bool) -> list[str]:
    ids = [model_id for model_id, *_ in OTHER_MODELS[:2]]
    if omni:
        ids += [model.id for model in OMNI_MODELS]
    return [*ids, OTHER_MODELS[2][0]]
