"""Starting an export from a click (Settings → Backup, and the library's selection).

The save picker needs the click's user activation, so it is asked for first, before any
awaiting on the app; the export itself then runs with its progress in the store.
"""

from __future__ import annotations

import time
from collections.abc import Collection

from app.browser.bundle_target import choose_target
from app.browser.local_time import utc_offset_s
from app.core.bundle.export import bundle_name
from app.core.i18n import fmt_bytes, tr
from app.services.bundle_export import ExportReport
from app.services.bundle_keys import check_passphrase
from app.services.intents import Intents


async def export_bundle(
    intents: Intents, *, job_ids: Collection[str] | None = None, passphrase: str | None = None
) -> ExportReport | None:
    """Ask where to save, then export; ``None`` when the user cancelled the picker.

    A passphrase too short is refused before the picker opens (the export checks it too).
    """
    if passphrase is not None:
        check_passphrase(passphrase)
    videos = None if job_ids is None else len(job_ids)
    target = await choose_target(bundle_name(time.time(), utc_offset_s=utc_offset_s(), videos=videos))
    if target is None:
        return None
    ids = None if job_ids is None else list(job_ids)
    return await intents.do(lambda c: c.exports.export(target, job_ids=ids, passphrase=passphrase))


def export_words(report: ExportReport) -> str:
    """What an export wrote, in one sentence (and what it left out, if anything)."""
    renders = tr("export.renders", count=report.jobs)
    files = tr("export.files", count=report.files)
    keys = tr("export.keys", count=report.keys) if report.keys else ""
    text = tr("export.done", renders=renders, files=files, keys=keys, name=report.name, size=fmt_bytes(report.bytes))
    if report.missing:
        text += tr("export.missing", count=report.missing)
    if report.unreadable:
        text += tr("export.unreadable", count=report.unreadable)
    return text
