"""Knobs of the simulator; every one has a default fit for a realistic demo."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SimConfig:
    """How the simulated service behaves over time and how much it keeps.

    ``job_seconds`` is the render time of a job unless its prompt says
    ``[sim:duration=S]``; tests set it low, demos keep it near the real thing.
    """

    job_seconds: float = 30.0
    poll_after_ms: int = 2000
    expires_after_s: int = 3600
    queued_fraction: float = 0.15  # share of the job time spent "queued"
    failure_fraction: float = 0.5  # where [sim:moderation] / [sim:fail] jobs stop
    max_body_bytes: int = 64 * 1024 * 1024
    max_jobs: int = 10_000  # oldest jobs are forgotten beyond this
    debug_history: int = 200  # create/remix requests kept for /sim/debug/requests
    cache_bytes: int = 64 * 1024 * 1024  # rendered videos/images kept in memory
    cache_entries: int = 48
    fps: int = 24
    rate_limit_rpm: int = 60  # only shown in x-ratelimit-* headers
    max_body_readers: int = 4  # request bodies read at once; more get 503 with Retry-After
    render_max_pixels: int = 3840 * 2160  # larger frames are encoded scaled down (aspect kept)
    public_origin: str = ""  # origin for absolute URLs; empty: the request's Host header
    foreign_origin: str = "https://openrouter-mirror.invalid"  # [sim:foreign_poll] polling_url origin
    file_ttl_s: float = 48 * 3600.0  # Gemini generated files expire this long after completion
    oauth_code_ttl_s: float = 600.0  # OpenRouter PKCE codes are single use and expire after this
