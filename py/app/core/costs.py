"""What a job cost, in words: billed, computed from usage, or estimated — and never spend
for a simulated render. One wording for the queue, the library and the drawer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.prices import format_usd

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


def estimate_text(job: JobRecord) -> str:
    """``$0.80``, ``$0.56–$0.80``, or ``price not published``."""
    if job.estimate_usd is None:
        return "price not published"
    if job.estimate_high_usd is not None and job.estimate_high_usd != job.estimate_usd:
        return f"{format_usd(job.estimate_usd)}–{format_usd(job.estimate_high_usd)}"
    return format_usd(job.estimate_usd)


def cost_text(job: JobRecord) -> str:
    """The short cost of a job for a card or a tile."""
    if job.demo:
        known = job.estimate_usd is not None
        return f"simulated: would cost {estimate_text(job)}" if known else "simulated: no cost"
    if job.billed_usd is not None and job.cost_source == "billed":
        return f"billed {format_usd(job.billed_usd)}"
    if job.billed_usd is not None and job.cost_source == "usage":
        return f"≈ {format_usd(job.billed_usd)} from usage"
    return f"est. {estimate_text(job)}" if job.estimate_usd is not None else "price not published"


def cost_facts(job: JobRecord) -> list[tuple[str, str]]:
    """The drawer's rows about money: the estimate, then what was billed (or why it is unknown)."""
    rows = [("Estimate", f"{estimate_text(job)} (shown before sending)")]
    if job.demo:
        rows.append(("Cost", "none: a simulated render (demo mode)"))
    elif job.billed_usd is not None and job.cost_source == "billed":
        rows.append(("Billed", f"{format_usd(job.billed_usd)} (as the provider reported)"))
    elif job.billed_usd is not None and job.cost_source == "usage":
        tokens = f"{job.video_tokens:,} video tokens" if job.video_tokens is not None else "the usage"
        rows.append(("Cost", f"≈ {format_usd(job.billed_usd)} computed from {tokens} (not billed)"))
    else:
        rows.append(("Billed", "unknown: the provider did not say"))
    return rows
