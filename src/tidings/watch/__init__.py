"""Watch feeds: saved searches whose matching events are published as an Atom feed.

In: a watch name and filters (actor in any spelling, CAMEO code or prefix, PLOVER type, topic words,
outlet) from ``tidings watch add`` or the API; the store. Out: the watch saved in the store's
``watches`` table, and ``atom_feed``: an Atom 1.0 document listing the newest matching events (by
event date, then document order), each linking to its document page with the event marked.
"""

from __future__ import annotations

from tidings.watch.feed import MAX_ENTRIES, Watch, atom_feed, load_watch, save_watch

__all__ = ["MAX_ENTRIES", "Watch", "atom_feed", "load_watch", "save_watch"]
