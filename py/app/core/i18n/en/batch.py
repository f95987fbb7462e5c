"""Batch renders: New Render's batch mode, the queue's batch group, the library's batch filter."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "batch.mode": "What to render",
    "batch.mode.single": "One video",
    "batch.mode.batch": "A batch",
    "batch.kind": "Batch of",
    "batch.kind.sweep": "One prompt, several settings",
    "batch.kind.prompts": "Several prompts, this setting",
    "batch.models": "Models",
    "batch.frames": "Frames",
    "batch.durations": "Lengths",
    "batch.seconds": "{seconds} s",
    "batch.prompts": "Prompts, one a line",
    "batch.prompts.hint": "Each line is one render at the model, frame and length chosen on the right.",
    "batch.prompts.placeholder": "A red kite over a winter field\nThe same field at dusk, fog rolling in",
    "batch.csv": "Or load a CSV file",
    "batch.csv.hint": "A header row with a “prompt” column; every other column is ignored.",
    "batch.csv.loaded": {
        "one": "Loaded {count} prompt from {name}.",
        "other": "Loaded {count} prompts from {name}.",
    },
    "batch.no_images": "Images are not part of a batch: every render starts from its prompt alone.",
    "batch.count": {"one": "{count} render", "other": "{count} renders"},
    "batch.count.none": "No render in this batch yet: choose at least one of each.",
    "batch.demo": "Demo mode: nothing is sent to a provider, nothing is charged.",
    "batch.left_out": {
        "one": "{count} combination left out",
        "other": "{count} combinations left out",
    },
    "batch.render": {"one": "Render {count}", "other": "Render all {count}"},
    "batch.too_many": "A batch holds at most {limit} renders.",
    "batch.nothing": "Nothing to render: every combination was left out.",
    "batch.started": {
        "one": "Batch of {count} stored. It is sent at the provider's pace.",
        "other": "Batch of {count} stored. They are sent at the provider's pace.",
    },
    "batch.title": {"one": "Batch of {count} render", "other": "Batch of {count} renders"},
    "batch.progress": "{done} of {total} done",
    "batch.cost": "spent {spent} of {total} estimated",
    "batch.cost.unknown": "cost so far unknown",
    "batch.cost.spent": "spent {spent} so far",
    "batch.waiting": {"one": "{count} waiting its turn", "other": "{count} waiting their turn"},
    "batch.cancel_all": "Cancel all",
    "batch.cancel_all.title": "Cancel the whole batch?",
    "batch.cancel_all.text": "Renders not sent yet are dropped and never charged. Renders already running are "
    "canceled on the API where it can; a finished one stays in your library.",
    "batch.cancel_all.confirm": "Cancel the batch",
    "batch.cancel_all.problems": "Some renders could not be stopped: {problems}",
    "batch.retry_failed": {"one": "Retry {count} failed", "other": "Retry {count} failed"},
    "batch.retried": {"one": "{count} render sent again.", "other": "{count} renders sent again."},
    "batch.view_queue": "View queue",
    "batch.in_library": "See in library",
    "batch.members": "Renders of this batch",
    "batch.busy": "The provider is busy (429): this batch waits before sending more.",
    "batch.not_sent": "Not sent yet: {error}",
    "batch.turn": "Waiting its turn",
    "batch.filter": "Batch of {date}",
    "batch.filter.remove": "Show every video, not just this batch",
}
