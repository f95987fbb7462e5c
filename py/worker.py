"""Polling worker entry (wiring only): the page calls these through PyScript."""

from app.browser.poll_worker import set_online, start, track, untrack

__export__ = ["start", "track", "untrack", "set_online"]
__all__ = ["set_online", "start", "track", "untrack"]
