"""OpenRouter's error envelope ``{"error": {"code": <HTTP status>, "message", "metadata"?}}``.

Wording copies what OpenRouter is known to answer ("No auth credentials found",
"User not found.", "Insufficient credits…"); validation messages are the simulator's
own, clear about which field and which values are allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from simulator.errors import ApiError

CREDITS_URL = "https://openrouter.ai/credits"


class OpenRouterError(ApiError):
    """An OpenRouter error answer; ``metadata`` is included when given."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        metadata: dict[str, object] | None = None,
        headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(status, message, headers=headers)
        self.metadata = metadata

    def envelope(self) -> dict[str, object]:
        error: dict[str, object] = {"code": self.status, "message": self.message}
        if self.metadata is not None:
            error["metadata"] = self.metadata
        return {"error": error}


def adapt(error: ApiError) -> OpenRouterError:
    if isinstance(error, OpenRouterError):
        return error
    return OpenRouterError(error.status, error.message, headers=error.headers)


def listed(values: Iterable[object]) -> str:
    return ", ".join(str(v) for v in values)


def bad_request(message: str) -> OpenRouterError:
    return OpenRouterError(400, message)


def not_found() -> OpenRouterError:
    """Any path or method OpenRouter has no route for."""
    return OpenRouterError(404, "Not Found")


def method_not_allowed(allow: str) -> OpenRouterError:
    return OpenRouterError(405, "Method Not Allowed", headers=(("allow", allow),))


def missing_credentials() -> OpenRouterError:
    return OpenRouterError(401, "No auth credentials found")


def user_not_found() -> OpenRouterError:
    return OpenRouterError(401, "User not found.")


def insufficient_credits() -> OpenRouterError:
    return OpenRouterError(402, f"Insufficient credits. Add more using {CREDITS_URL}")


def management_key_required() -> OpenRouterError:
    return OpenRouterError(403, "Only management keys can perform this operation")


def flagged(model: str, provider: str, prompt: str) -> OpenRouterError:
    """A guardrail / moderation refusal at submit, nothing charged."""
    return OpenRouterError(
        403,
        f'{model} requires moderation on {provider}. Your input was flagged for "violence/graphic". '
        "No credits were charged.",
        metadata={
            "reasons": ["violence/graphic"],
            "flagged_input": prompt[:100],
            "provider_name": provider,
            "model_slug": model,
        },
    )


def rate_limited(retry_after_s: int = 1) -> OpenRouterError:
    return OpenRouterError(
        429,
        "Rate limit exceeded: too many requests. Please retry shortly.",
        headers=(("retry-after", str(retry_after_s)),),
    )


def server_error() -> OpenRouterError:
    return OpenRouterError(500, "Internal Server Error")


def no_provider(model: str) -> OpenRouterError:
    return OpenRouterError(
        503,
        f"No allowed providers are available for the selected model ({model}).",
        headers=(("retry-after", "5"),),
    )


def model_not_found(model: str) -> OpenRouterError:
    return OpenRouterError(
        404, f"Model '{model}' is not a video generation model or does not exist. See GET /api/v1/videos/models."
    )


def job_not_found(job_id: str) -> OpenRouterError:
    return OpenRouterError(404, f"Video generation job '{job_id}' not found")


def content_not_ready(job_id: str, status: str) -> OpenRouterError:
    return OpenRouterError(404, f"Video content for job '{job_id}' is not available (status: {status})")


def no_such_output(job_id: str, index: int, count: int) -> OpenRouterError:
    return OpenRouterError(404, f"Job '{job_id}' has {count} video(s); there is no index {index}")
