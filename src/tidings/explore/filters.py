"""Event filters as one options object, and the ``Explorer`` that applies them to a store.

In: filter values as users type them (strings from the CLI or query parameters, or typed values).
Out: ``EventFilters`` (validated: a bad value raises ``FilterError`` naming the parameter) and, from
``Explorer.events``, the matching events in the store's order (date, document, sentence, evidence).

The actor filter takes any spelling or script and matches every actor that ``ActorKB.search`` finds
(as ``tidings events --actor`` does), learned actors of the store included. CAMEO, the date bounds,
the outlet and the document are filtered in SQL by ``Store.events``; PLOVER type, quad class, the
outlet's camp (where documents record one) and topic words (all of them in the event's sentence,
case-insensitively) are filtered here.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tidings.errors import TidingsError
from tidings.records import Event

if TYPE_CHECKING:
    from tidings.actors.kb import ActorKB
    from tidings.records import Actor
    from tidings.store import Store

__all__ = ["EventFilters", "Explorer", "FilterError", "NotFound", "event_key", "plover_types"]

_CAMEO = re.compile(r"^[0-9]{1,4}$")


class FilterError(TidingsError):
    """A filter value that cannot be used (the message names the parameter)."""


class NotFound(TidingsError):
    """An id or name that matches nothing in the store."""


@cache
def plover_types() -> tuple[str, ...]:
    from tidings.events.codebook import Codebook

    return tuple(Codebook.load().plover_types())


def _date(value: date | str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@dataclass(frozen=True)
class EventFilters:
    """Every filter the CLI, the API, the watch feeds and the web UI offer; ``None`` means any."""

    actor: str | None = None  # any spelling or script
    actor_id: str | None = None  # exactly this actor id, as source or target
    code: str | None = None  # CAMEO code or prefix
    plover: str | None = None  # PLOVER type (CONSULT, ACCUSE...)
    quad: int | None = None  # quad class 1-4
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    camp: str | None = None  # the outlet's camp, where the store records one
    doc_id: str | None = None
    topic: str | None = None  # words that must all occur in the event's sentence

    @classmethod
    def parse(cls, **values: Any) -> EventFilters:
        """Filters from user input (strings or typed values); raises ``FilterError`` on a bad value."""
        unknown = set(values) - set(cls.__dataclass_fields__)
        if unknown:
            raise FilterError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        code = _text(values.get("code"))
        if code is not None and not _CAMEO.match(code):
            raise FilterError(f"code: expected a CAMEO code or prefix of 1-4 digits, got {code!r}")
        plover = _text(values.get("plover"))
        if plover is not None:
            plover = plover.upper()
            if plover not in plover_types():
                raise FilterError(f"plover: expected one of {', '.join(plover_types())}, got {plover!r}")
        quad = values.get("quad")
        if quad in ("", None):
            quad = None
        else:
            try:
                quad = int(quad)
            except (TypeError, ValueError):
                raise FilterError(f"quad: expected 1, 2, 3 or 4, got {quad!r}") from None
            if quad not in (1, 2, 3, 4):
                raise FilterError(f"quad: expected 1, 2, 3 or 4, got {quad!r}")
        since, until = _date(values.get("since"), "since"), _date(values.get("until"), "until")
        if since and until and since > until:
            raise FilterError(f"since ({since}) is after until ({until})")
        return cls(actor=_text(values.get("actor")), actor_id=_text(values.get("actor_id")), code=code,
                   plover=plover, quad=quad, since=since,
                   until=until, outlet=_text(values.get("outlet")), camp=_text(values.get("camp")),
                   doc_id=_text(values.get("doc_id")),
                   topic=_text(values.get("topic")))

    def with_doc(self, doc_id: str) -> EventFilters:
        return replace(self, doc_id=doc_id)


def event_key(e: Event) -> str:
    """A stable id for an event (16 hex digits), the same in every export, feed and page."""
    parts = [e.doc_id, str(e.sentence), str(e.evidence_start), str(e.evidence_end), e.cameo,
             e.source_id or e.source_name or "", e.target_id or e.target_name or "", e.pattern or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _topic_words(topic: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", topic)]


class Explorer:
    """A store plus the actor base needed to read actor names in any spelling (thread-safe reads)."""

    def __init__(self, store: Store, actor_files: tuple[Path, ...] = ()) -> None:
        self.store = store
        self._actor_files = actor_files
        self._kb: ActorKB | None = None
        self._lock = threading.Lock()

    def kb(self) -> ActorKB:
        """The actor base with the store's learned actors (re-read, since an ingest may add some)."""
        from tidings.actors.kb import ActorKB

        with self._lock:
            if self._kb is None:
                self._kb = ActorKB.load(self._actor_files)
            for learned in self.store.learned_actors():
                if self._kb.get(learned.id) is None:
                    self._kb.add(learned)
            return self._kb

    def actor_ids(self, name: str) -> list[str]:
        """Ids of every actor a spelling may mean; ``NotFound`` when none."""
        ids = [a.id for a in self.kb().search(name)]
        if not ids:
            raise NotFound(f"actor: no actor matches {name!r}")
        return ids

    def find_actor(self, ref: str) -> Actor:
        """An actor by stored id, else by the best match of a spelling (the store's copy when stored)."""
        stored = self.store.actor(ref)
        if stored is not None:
            return stored
        found = self.kb().search(ref)
        if not found:
            raise NotFound(f"no actor {ref!r}")
        return self.store.actor(found[0].id) or found[0]

    def events(self, filters: EventFilters) -> list[Event]:
        """The events matching every filter, in the store's order."""
        actor_ids = self.actor_ids(filters.actor) if filters.actor else None
        if filters.actor_id:
            actor_ids = [i for i in actor_ids if i == filters.actor_id] if actor_ids is not None else [filters.actor_id]
        rows = self.store.events(actor_ids=actor_ids, code=filters.code, since=filters.since,
                                 until=filters.until, outlet=filters.outlet, doc_id=filters.doc_id)
        if filters.plover:
            rows = [e for e in rows if e.plover_type == filters.plover]
        if filters.quad is not None:
            rows = [e for e in rows if e.quad_class == filters.quad]
        if filters.camp:
            wanted = filters.camp.casefold()
            docs = {d.id for d in self.store.documents() if (getattr(d, "camp", None) or "").casefold() == wanted}
            rows = [e for e in rows if e.doc_id in docs]
        if filters.topic:
            words = _topic_words(filters.topic)
            texts = self.store.texts({e.doc_id for e in rows})
            rows = [e for e in rows
                    if all(w in texts.get(e.doc_id, "")[e.sentence_start:e.sentence_end].casefold() for w in words)]
        return rows
