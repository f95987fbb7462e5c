"""Seeding the library straight into IndexedDB: real simulator files, many job records.

One video is rendered by the simulator over HTTP (with the demo key, so the page can
remix it); its MP4, WebP and JPEG are fetched once in the page and stored under a
fresh asset id per job (Blobs are shared by reference, so 5,000 items cost little).
Jobs whose ``remote_id`` names other simulator videos get those videos' own files.
"""

from __future__ import annotations

import json
import urllib.request
from decimal import Decimal
from typing import Any

from playwright.sync_api import Page

from app.core.job_record import JobRecord, JobStatus
from app.core.keys import DEMO_KEY

T0 = 1_795_000_000.0  # 2026-11-18
DAY = 86_400.0

SEED_JS = r"""async ([base, remoteId, jobs, withThumbs, shared]) => {
    // Each job's files are its own remote video's (one fetch per distinct video, done before
    // the batch's transaction, which would commit itself while a fetch is awaited).
    const fetched = new Map();
    const filesOf = async (rid) => {
        if (!fetched.has(rid)) {
            const files = {};
            for (const variant of ['video', 'thumbnail', 'spritesheet']) {
                const r = await fetch(`${base}/videos/${rid}/content?variant=${variant}`,
                                      {headers: {Authorization: 'Bearer sk-demo-local-simulator'}});
                files[variant] = await r.blob();
            }
            fetched.set(rid, files);
        }
        return fetched.get(rid);
    };
    const db = await new Promise((ok, ko) => {
        const r = indexedDB.open('sora-renderer'); r.onsuccess = () => ok(r.result); r.onerror = ko;
    });
    const write = (batch, filesByJob) => new Promise((ok, ko) => {
        const tx = db.transaction(['jobs', 'assets', 'blobs'], 'readwrite');
        for (const job of batch) {
            const files = filesByJob.get(job.id);
            job.assets = {};
            for (const variant of ['video', 'thumbnail', 'spritesheet']) {
                if (variant === 'thumbnail' && !withThumbs) continue;
                const owner = shared ? batch[0].id.replace(/\d+$/, '') + 'shared' : job.id;
                const id = owner + '-' + variant;
                job.assets[variant] = id;
                if (shared && written.has(id)) continue;
                written.add(id);
                tx.objectStore('assets').put({id, job_id: job.id, kind: variant, mime: files[variant].type,
                                              bytes: files[variant].size, name: id, created_at: job.created_at});
                tx.objectStore('blobs').put(files[variant], id);
            }
            tx.objectStore('jobs').put(job);
        }
        tx.oncomplete = ok; tx.onerror = () => ko(tx.error); tx.onabort = () => ko(tx.error);
    });
    const written = new Set();
    const distinct = new Set(jobs.map((job) => job.remote_id || remoteId)).size > 1;
    const step = distinct ? 20 : 250;  // distinct videos: a few at a time, not all of them in Blobs at once
    for (let i = 0; i < jobs.length; i += step) {
        const batch = jobs.slice(i, i + step);
        const filesByJob = new Map();
        for (const job of batch) filesByJob.set(job.id, await filesOf(job.remote_id || remoteId));
        await write(batch, filesByJob);
        if (distinct) fetched.clear();
    }
    db.close();
}"""


def sim_video(app_server: str, prompt: str = "Seed video [sim:duration=0]") -> str:
    """A completed video in the simulator (demo key); returns its id."""
    request = urllib.request.Request(
        app_server + "sim/v1/videos",
        data=json.dumps({"prompt": prompt, "size": "1280x720"}).encode(),
        headers={"Authorization": f"Bearer {DEMO_KEY}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return str(json.load(response)["id"])


def job(index: int, remote_id: str, app_server: str, **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": f"seed{index:05d}",
        "provider_id": "openai-videos",
        "endpoint": app_server + "sim/v1",
        "demo": True,
        "model": "sora-2",
        "size": "1280x720",
        "seconds": 4,
        "prompt": f"Seeded video number {index}",
        "status": JobStatus.SUCCEEDED,
        "progress": 100,
        "estimate_usd": Decimal("0.40"),
        "remote_id": remote_id,
        "created_at": T0 + index * 60,
        "updated_at": T0 + index * 60,
        "finished_at": T0 + index * 60,
    }
    fields.update(changes)
    return JobRecord(**fields).model_dump(mode="json")


def seed(
    page: Page,
    app_server: str,
    jobs: list[dict[str, Any]],
    remote_id: str,
    *,
    thumbnails: bool = True,
    shared: bool = False,
) -> None:
    """Write ``jobs`` with their files into the page's IndexedDB, then reload the app.

    ``shared``: every job points at one stored copy of each file (thousands of items
    without thousands of blob writes).
    """
    page.evaluate(
        "async (args) => { window.__seeding = (" + SEED_JS + ")(args); return await window.__seeding; }",
        [app_server + "sim/v1", remote_id, jobs, thumbnails, shared],
    )
    page.reload()
    page.wait_for_selector("#app[data-hydrated='true']", state="attached", timeout=60_000)


def seed_many(page: Page, app_server: str, count: int, *, thumbnails: bool = True) -> str:
    remote_id = sim_video(app_server)
    jobs = [job(i, remote_id, app_server) for i in range(count)]
    seed(page, app_server, jobs, remote_id, thumbnails=thumbnails, shared=thumbnails)
    return remote_id
