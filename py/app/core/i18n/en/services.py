"""The services: notes on jobs, the worker's retry notes, download and import problems, toasts."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    # the worker: why it waits before trying again (core/poll_plan.py, services/poll_engine.py)
    "svc.retry.rate": "Rate limited by the API; trying again in {when}.",
    "svc.retry.reason": "{reason}; trying again in {when}.",
    "svc.retry.seconds": "{seconds} s",
    "svc.retry.moment": "a moment",
    "svc.retry.network": "No answer from the API",
    "svc.retry.incomplete": "The download was incomplete",
    "svc.retry.http": "The API answered HTTP {status}",
    "svc.retry.failed": "The request failed",
    "svc.download.gone_early": "the API says the file is gone ({said}), but it should still be kept there",
    "svc.retry.download": "Downloading the {variant} failed ({error}); retrying.",
    # a job's files by variant
    "svc.variant.video": "video",
    "svc.variant.video_n": "video-{n}",
    "svc.variant.thumbnail": "thumbnail",
    "svc.variant.spritesheet": "spritesheet",
    # one file fetched in byte ranges (services/resumable_fetch.py)
    "svc.fetch.disk_full": "the browser's storage is full",
    "svc.fetch.shorter": "the file on the server is shorter than the parts stored",
    "svc.fetch.changed": "the file on the server changed since its first parts were stored",
    "svc.fetch.offers": "the server offers {total} bytes where the API said {size}",
    "svc.fetch.again": "{why}; it is fetched again from the start",
    "svc.fetch.part_status": "the server answered {status} to a part of the file",
    "svc.fetch.part_short": "a part of the download is incomplete: {got} of {expected} bytes",
    "svc.fetch.no_range": "a part of the download came without its byte range",
    "svc.fetch.part_missing": "a stored part of the download is missing",
    "svc.fetch.parts_hold": "the stored parts hold {size} of {total} bytes",
    "svc.fetch.length": "the download has {size} bytes where the API said {expected}",
    "svc.fetch.checksum": "the downloaded file does not match the API's checksum",
    # “Validate key” (services/key_check.py)
    "svc.key.missing": "The key works, but this endpoint does not serve the model",
    "svc.key.missing.detail": "{host} does not list “{model}”.",
    "svc.key.missing.next": "Choose another model, or point the base URL at an endpoint that serves it.",
    "svc.key.retired": "The key works, but the model is retired",
    "svc.key.retired.detail": "“{model}” was shut down on {date}; renders will fail.{account}",
    "svc.key.retired.next": "Choose a model that is still served.",
    "svc.key.valid": "The key works",
    "svc.key.valid.detail": "{host} accepts it and serves “{model}”{note}.{account}",
    "svc.key.valid.scheduled": " (scheduled to shut down on {date})",
    # the queue (services/queue_service.py, reconciler.py)
    "svc.queue.check_later": "Could not check the API for this render yet ({error}); will try again.",
    "svc.queue.key_wait": "Waiting for your API key: {error}",
    "svc.queue.other_tab.download": "Another tab is following the queue; download from that tab, or close it first.",
    "svc.queue.other_tab.check": "Another tab is following the queue; check from that tab, or close it first.",
    "svc.queue.no_cancel": "{provider} cannot cancel a render: it keeps running there and is billed.",
    "svc.queue.extend_source_gone": (
        "The video this extends is no longer in the library, so it cannot be extended again."
    ),
    "svc.queue.not_cancelled": "{provider} did not cancel it ({said}); following it on.",
    "svc.queue.not_stopped": (
        "{provider} could not cancel it just now ({said}); still following it, so a video it finishes "
        "is kept. Try Cancel again."
    ),
    "svc.reconcile.not_submitted": "The page closed before the API accepted this render, and the API has no such "
    "job: nothing was started or charged. Use Retry to send it.",
    "svc.reconcile.unknown": "The page closed while this render was being sent, and the API lists {many} that could "
    "be it, so the app cannot tell whether it started. Check your provider's dashboard before retrying, to avoid "
    "paying twice.",
    "svc.reconcile.several": "several renders",
    "svc.reconcile.too_many": "too many renders",
    "svc.reconcile.unconfirmed": "The page closed while this render was being sent, and {provider} has no way to "
    "look renders up, so the app cannot tell whether it was received. Check your {provider} activity before sending "
    "it again: Retry may charge twice.",
    "svc.reconcile.found": "Found this render on the API after the interruption; following it.",
    # what arrives from the worker (services/poll_inbox.py)
    "svc.inbox.store_failed": "Could not store the files ({error}). Free some space in Settings → Storage, then "
    "Resume.",
    "svc.inbox.paused": "The render is finished, but its {variant} could not be downloaded ({reason}). Nothing is "
    "lost and nothing is charged again: press Download now to try again.",
    "svc.inbox.skipped": "No {variant} from this endpoint ({reason}).",
    "svc.inbox.parts_kept": "Could not store the download ({reason}). The parts stored so far are kept; Resume later.",
    "svc.inbox.no_video": "The video file could not be stored.",
    # the library (services/library_service.py, clip_continuer.py, controller.py, job_store.py)
    "svc.library.gone": "This video is no longer in the library.",
    "svc.library.remix.empty": "Describe the change you want.",
    "svc.library.remix.none": "{provider} cannot remix this video.",
    "svc.library.extend.none": "{provider} cannot extend this video.",
    "svc.clip.extend": "{provider} continues its own videos: use Extend.",
    "svc.clip.unfinished": "Only a finished video can be continued.",
    "svc.clip.no_file": "The video file is not stored in this browser any more.",
    "svc.clip.unreadable": "This video could not be read to take its last frame.",
    "svc.video.not_stored": "The video file of this render is not stored in this browser.",
    "svc.image.gone": "A reference image of this render is no longer stored; attach it again.",
    # bundles (services/bundle_import.py, bundle_export.py, bundle_keys.py, backup_run.py)
    "svc.import.locked": "Unlock your key vault first (Settings → Key vault): imported keys are stored the way your "
    "other keys are.",
    "svc.import.stored_keys": {"one": " Stored {count} API key.", "other": " Stored {count} API keys."},
    "svc.import.no_keys": "This bundle holds no API keys.",
    "svc.import.key.none_here": "no key is saved here for it",
    "svc.import.key.damaged": "replaces the damaged key saved here",
    "svc.import.key.kept": "a key is already saved here (yours is kept)",
    "svc.export.locked": "Unlock the key vault first (Settings → Key vault): locked keys cannot be exported.",
    "svc.export.no_keys": "No API key is saved in this browser, so there is none to include.",
    "svc.export.file_gone": "its file disappeared while the export ran",
    "svc.export.short_read": "its stored file could not be read to the end",
    "svc.backup.busy": "An export or import is already running: wait for it to finish.",
    # keys, the vault and presets (services/key_service.py, vault_service.py, preset_service.py)
    "svc.passphrase.short": "Use a passphrase of at least {min} characters.",
    "svc.sign_in.none": "{provider} has no sign-in: paste a key instead.",
    "svc.sign_in.not_waiting": "No sign-in is waiting in this tab: start it again from Settings.",
    "svc.preset.gone": "That preset is gone (deleted in another tab?).",
    "svc.preset.exists": "A preset named “{name}” exists already.",
    "svc.provider.unknown": "This app does not know that provider.",
    "svc.compose.refused": "The provider refused this request: {said}",
    # the page (page.py)
    "svc.page.failed": "Something went wrong: {error}",
    "svc.page.signed_in": "Signed in: your {provider} key is saved and encrypted in this browser.",
    "svc.page.no_site_worker": "Demo mode and offline start are not available: {error}. Renders with your own key "
    "still work.",
    "svc.page.no_start": "The app could not start: {error}",
}
