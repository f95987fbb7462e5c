"""The Queue and Library views."""

from __future__ import annotations

from app.core.i18n.catalogue import Message

MESSAGES: dict[str, Message] = {
    "queue.lead": "Renders in progress and recently finished, kept across reloads.",
    "queue.in_progress": "In progress",
    "queue.finished": "Finished",
    "queue.show_archived": "Show archived",
    "queue.show_archived_n": "Show archived ({count})",
    "queue.hide_archived_n": "Hide archived ({count})",
    "queue.empty.title": "No renders yet",
    "queue.empty.text": "When you start a render it appears here with its progress, cost estimate and result.",
    "queue.empty.action": "Start a render",
    "queue.following": "Another open tab is following your renders; this one shows what it stores.",
    "queue.no_cancel": "{provider} cannot cancel a render once sent: it runs to the end and is billed.",
    "queue.offline": "You are offline: checking is paused and resumes when the connection is back.",
    "queue.poller_failed": "Your renders cannot be checked from this tab: the background poller did not start "
    "({error}). Nothing is lost; reload the page to try again.",
    "queue.poller_slow": "Checking your renders is delayed: the background poller is taking longer than usual to "
    "start. Your jobs are saved; their status updates once it runs.",
    "queue.poller_retrying": "Checking your renders is delayed: the background poller did not start ({error}). "
    "Trying again ({attempt} of {attempts})… Your jobs are saved and nothing is sent twice.",
    "queue.retry_blocked.title": "Send the same prompt again?",
    "queue.retry_blocked.text": "The provider blocked this prompt by its content policy. Sent again unchanged it "
    "will most likely be blocked again, and blocked renders may be charged. Edit it first with Edit and retry.",
    "queue.retry_unconfirmed.title": "Send this render again?",
    "queue.retry_unconfirmed.text": "The app cannot tell whether the provider received it the first time. If it did, "
    "sending it again renders it twice and you pay twice. Check your provider's activity page first.",
    "queue.send_again": "Send again",
    "library.lead": "Your finished videos, stored in this browser.",
    "library.select_all": "Select all",
    "library.count": {"one": "{count} video", "other": "{count} videos"},
    "library.count_of": {"one": "{count} video of {total}", "other": "{count} videos of {total}"},
    "library.empty.title": "Your library is empty",
    "library.empty.text": "Finished renders are stored here, in this browser, with their posters and files.",
    "library.empty.action": "Create your first video",
    "library.no_match.title": "No videos match",
    "library.no_match.text": "Try other words or fewer filters.",
    "library.clear_filters": "Clear filters",
    "library.rename.title": "Rename video",
    "library.rename.label": "Title",
    "library.rename.action": "Rename",
    "card.action.cancel": "Cancel",
    "card.action.download": "Download now",
    "card.action.resume": "Resume download",
    "card.action.retry": "Retry",
    "card.action.retry-blocked": "Retry unchanged",
    "card.action.retry-unconfirmed": "Send again",
    "card.action.check": "Check again",
    "card.action.edit": "Edit and retry",
    "card.action.play": "Play",
    "card.action.open": "Open in library",
    "card.action.archive": "Archive",
    "card.action.unarchive": "Unarchive",
    "card.action.remove": "Remove",
    "card.code": "Code:",
    "card.request_id": "Request ID:",
    "card.video": "Video: {title}",
}
