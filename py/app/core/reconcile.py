"""Finding a job the API may have accepted while the page was gone.

A reload or a lost connection during ``POST /videos`` leaves a local job with no
remote id. Submitting again could charge twice, so the app looks for it in
``GET /videos`` (newest first) by its parameters and time instead, and says so when
that cannot be decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.job_record import JobRecord
from app.core.providers.base import RemoteJob, RemoteJobPage

EARLY_S = 120.0  # clocks disagree: accept a remote job created a little before ours
LATE_S = 900.0  # the POST may have waited in a queue


class Verdict(StrEnum):
    FOUND = "found"  # exactly one remote job matches
    ABSENT = "absent"  # the listing goes back past our job and nothing matches
    AMBIGUOUS = "ambiguous"  # several match: we cannot tell which is ours
    MORE = "more"  # keep reading the next page


@dataclass(frozen=True)
class Reconciled:
    verdict: Verdict
    remote: RemoteJob | None = None
    candidates: int = 0


def _same_request(job: JobRecord, remote: RemoteJob) -> bool:
    if remote.prompt is not None and " ".join(remote.prompt.split()) != " ".join(job.prompt.split()):
        return False
    if remote.model and remote.model != job.model:
        return False
    if remote.size and remote.size != job.size:
        return False
    return remote.seconds is None or remote.seconds == job.seconds


def _in_window(job: JobRecord, remote: RemoteJob) -> bool:
    if remote.created_at is None:
        return True
    return job.created_at - EARLY_S <= remote.created_at <= job.created_at + LATE_S


def examine(job: JobRecord, pages: list[RemoteJobPage], claimed: frozenset[str]) -> Reconciled:
    """Judge the pages read so far (newest first); ``claimed`` = remote ids other local jobs own."""
    matches: list[RemoteJob] = []
    reached_older = False
    for page in pages:
        for remote in page.jobs:
            if remote.created_at is not None and remote.created_at < job.created_at - EARLY_S:
                reached_older = True
                continue
            if remote.remote_id in claimed or not _in_window(job, remote):
                continue
            if _same_request(job, remote):
                matches.append(remote)
    if len(matches) > 1:
        return Reconciled(Verdict.AMBIGUOUS, candidates=len(matches))
    complete = reached_older or not (pages and pages[-1].has_more)
    if not complete:
        return Reconciled(Verdict.MORE, candidates=len(matches))
    if matches:
        return Reconciled(Verdict.FOUND, matches[0], 1)
    return Reconciled(Verdict.ABSENT)
