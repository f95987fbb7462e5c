"""What a job cost, in words: billed, computed from usage, or estimated — and never spend
for a simulated render. One wording for the queue, the library and the drawer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.i18n import tr
from app.core.prices import format_usd

if TYPE_CHECKING:
    from app.core.job_record import JobRecord


def estimate_text(job: JobRecord) -> str:
    """``$0.80``, ``$0.56–$0.80``, or ``price not published``."""
    if job.estimate_usd is None:
        return tr("jobs.cost.not_published")
    if job.estimate_high_usd is not None and job.estimate_high_usd != job.estimate_usd:
        return f"{format_usd(job.estimate_usd)}–{format_usd(job.estimate_high_usd)}"
    return format_usd(job.estimate_usd)


def cost_text(job: JobRecord) -> str:
    """The short cost of a job for a card or a tile."""
    if job.demo:
        known = job.estimate_usd is not None
        return tr("jobs.cost.simulated", estimate=estimate_text(job)) if known else tr("jobs.cost.simulated_free")
    if job.billed_usd is not None and job.cost_source == "billed":
        return tr("jobs.cost.billed", amount=format_usd(job.billed_usd))
    if job.billed_usd is not None and job.cost_source == "usage":
        return tr("jobs.cost.usage", amount=format_usd(job.billed_usd))
    if job.estimate_usd is None:
        return tr("jobs.cost.not_published")
    return tr("jobs.cost.estimated", estimate=estimate_text(job))


def cost_facts(job: JobRecord) -> list[tuple[str, str]]:
    """The drawer's rows about money: the estimate, then what was billed (or why it is unknown)."""
    rows = [(tr("jobs.facts.estimate"), tr("jobs.facts.estimate_value", estimate=estimate_text(job)))]
    if job.demo:
        rows.append((tr("jobs.facts.cost"), tr("jobs.facts.demo")))
    elif job.billed_usd is not None and job.cost_source == "billed":
        rows.append((tr("jobs.facts.billed"), tr("jobs.facts.billed_value", amount=format_usd(job.billed_usd))))
    elif job.billed_usd is not None and job.cost_source == "usage":
        tokens = (
            tr("jobs.facts.tokens", count=job.video_tokens)
            if job.video_tokens is not None
            else tr("jobs.facts.the_usage")
        )
        rows.append(
            (tr("jobs.facts.cost"), tr("jobs.facts.usage_value", amount=format_usd(job.billed_usd), tokens=tokens))
        )
    else:
        rows.append((tr("jobs.facts.billed"), tr("jobs.facts.unknown")))
    return rows
