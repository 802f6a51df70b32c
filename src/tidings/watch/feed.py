"""A watch (name + filters), saved in the store, and its Atom 1.0 feed.

In: ``Watch`` values and an ``Explorer``. Out: rows of the store's ``watches`` table and the feed as a
string. Entry ids are ``urn:tidings:event:<event key>``, stable across runs, so a feed reader shows
each event once; entries are the ``MAX_ENTRIES`` newest events (undated events after dated ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from xml.etree import ElementTree as ET

from tidings.explore.filters import EventFilters, Explorer, event_key
from tidings.records import Document, Event
from tidings.store import Store

__all__ = ["MAX_ENTRIES", "Watch", "atom_feed", "load_watch", "save_watch"]

MAX_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_KEYS = ("actor", "code", "plover", "topic", "outlet")


@dataclass(frozen=True)
class Watch:
    name: str
    criteria: dict[str, str] = field(default_factory=dict)  # filter name -> value as the user gave it
    created: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0, tzinfo=None))

    @classmethod
    def make(cls, name: str, **values: str | None) -> Watch:
        """A validated watch; ``ValueError`` or ``FilterError`` (naming the option) when it cannot be."""
        if not _NAME.match(name):
            raise ValueError(f"watch name: letters, digits, '-' and '_' (up to 64), got {name!r}")
        criteria = {k: v.strip() for k, v in values.items() if k in _KEYS and v and v.strip()}
        unknown = set(values) - set(_KEYS)
        if unknown:
            raise ValueError(f"watch: unknown filter(s) {', '.join(sorted(unknown))}")
        if not criteria:
            raise ValueError("watch: give at least one of --actor, --code, --plover, --topic, --outlet")
        watch = cls(name, criteria)
        watch.filters()  # validates every value
        return watch

    def filters(self) -> EventFilters:
        return EventFilters.parse(**self.criteria)

    def describe(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.criteria.items())


def save_watch(store: Store, watch: Watch) -> None:
    store.save_watch(watch.name, watch.criteria, watch.created)


def load_watch(store: Store, name: str) -> Watch | None:
    for row in store.watches():
        if row["name"] == name:
            return Watch(row["name"], dict(row["filters"]), row["created"])
    return None


def _stamp(day: date | datetime | None) -> str:
    if day is None:
        return "1970-01-01T00:00:00Z"
    if not isinstance(day, datetime):
        day = datetime.combine(day, time())
    if day.tzinfo is not None:
        day = day.astimezone(UTC).replace(tzinfo=None)
    return day.strftime("%Y-%m-%dT%H:%M:%SZ")


def _newest(events: list[Event]) -> list[Event]:
    dated = [e for e in events if e.date is not None]
    undated = [e for e in events if e.date is None]
    dated.sort(key=lambda e: e.date or date.min, reverse=True)  # stable: document order within a day
    return (dated + undated)[:MAX_ENTRIES]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _entry(feed: ET.Element, e: Event, doc: Document | None, base: str) -> None:
    entry = _sub(feed, "entry")
    key = event_key(e)
    target = f" → {e.target_name}" if e.target_name else ""
    _sub(entry, "id", f"urn:tidings:event:{key}")
    _sub(entry, "title", f"{e.source_name or '?'}: {e.cameo_name or e.cameo}{target}")
    _sub(entry, "updated", _stamp(e.date or (doc.published if doc else None)))
    _sub(entry, "link", href=f"{base}/documents/{e.doc_id}#e-{key}", rel="alternate", type="text/html")
    author = _sub(entry, "author")
    _sub(author, "name", (doc.outlet if doc else None) or "unknown outlet")
    _sub(entry, "category", term=e.cameo, label=e.cameo_name or e.cameo)
    if e.plover_type:
        _sub(entry, "category", term=e.plover_type, scheme="https://github.com/openeventdata/PLOVER")
    place = f" in {e.location}" if e.location else ""
    when = f" on {e.date.isoformat()}" if e.date else ""
    title = f" ({doc.title})" if doc and doc.title else ""
    _sub(entry, "summary", f"{e.evidence}{place}{when}{title}", type="text")


def atom_feed(explorer: Explorer, watch: Watch, base_url: str) -> str:
    """The watch's Atom feed: its newest matching events, each linking to its document page."""
    base = base_url.rstrip("/")
    events = _newest(explorer.events(watch.filters()))
    docs = {d.id: d for d in explorer.store.documents()} if events else {}
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"urn:tidings:watch:{watch.name}")
    _sub(feed, "title", f"tidings watch {watch.name}: {watch.describe()}")
    newest = max((e.date for e in events if e.date), default=None)
    _sub(feed, "updated", _stamp(newest or watch.created))
    _sub(feed, "link", href=f"{base}/feeds/{watch.name}.atom", rel="self", type="application/atom+xml")
    _sub(feed, "link", href=f"{base}/", rel="alternate", type="text/html")
    _sub(feed, "generator", "tidings")
    for e in events:
        _entry(feed, e, docs.get(e.doc_id), base)
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def watch_summary(watch: Watch) -> dict[str, Any]:
    return {"name": watch.name, "filters": dict(watch.criteria), "created": watch.created.isoformat(),
            "feed": f"/feeds/{watch.name}.atom"}
