"""Status changes, said out loud: the live region everywhere, a notification when hidden."""

from __future__ import annotations

from app.browser.dom import announce
from app.browser.notify import notify_if_hidden
from app.core.i18n import tr
from app.core.job_news import job_news
from app.core.state import AppState, Phase
from app.core.store import Store


def watch_jobs(store: Store[AppState]) -> None:
    def changed(state: AppState, old: AppState) -> None:
        if state.jobs is old.jobs or old.phase is not Phase.READY:
            return  # the first load is not news
        for news in job_news(state.jobs, old.jobs):
            announce(news.text)
            settings = state.settings
            if news.finished and settings is not None and settings.notify_on_finish:
                notify_if_hidden(tr("app.name"), news.text, news.job_id)

    store.subscribe(changed)
