"""JSON-ready views built from stored records: events, a network, a timeline, an actor, a document.

In: ``Event``/``Document``/``Actor``/``Mention`` records (from ``Store`` and ``Explorer``). Out: plain
dicts and lists (dates as ISO strings) that the API returns as they are and the web UI draws.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from tidings.explore.filters import event_key
from tidings.records import Actor, Document, Event, Mention, Sentence, to_plain

__all__ = ["actor_profile", "document_view", "event_view", "network", "timeline"]

NAME_KINDS = frozenset({"name", "initial", "surname"})  # mention kinds that spell the actor's name


def event_view(e: Event, documents: Mapping[str, Document] | None = None) -> dict[str, Any]:
    """An event as JSON with its stable ``id`` and, when documents are given, its outlet and title."""
    out = {"id": event_key(e), **to_plain(e)}
    doc = (documents or {}).get(e.doc_id)
    if doc is not None:
        out["outlet"], out["title"] = doc.outlet, doc.title
    return out


def _node(actor_id: str, name: str | None, code: str | None) -> dict[str, Any]:
    return {"id": actor_id, "name": name or actor_id, "code": code, "events": 0}


def network(events: Iterable[Event], by: str = "root") -> dict[str, Any]:
    """Actors as nodes, and an edge per (source, target, CAMEO root or quad class) weighted by the
    number of events and their mean Goldstein score. Events without a target add no edge."""
    if by not in ("root", "quad"):
        raise ValueError(f"by: expected root or quad, got {by!r}")
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], list[float | None]] = defaultdict(list)
    for e in events:
        if not e.source_id or not e.target_id:
            continue
        ends = ((e.source_id, e.source_name, e.source_code), (e.target_id, e.target_name, e.target_code))
        for aid, name, code in ends:
            nodes.setdefault(aid, _node(aid, name, code))["events"] += 1
        kind = e.cameo[:2] if by == "root" else str(e.quad_class or "")
        edges[(e.source_id, e.target_id, kind)].append(e.goldstein)
    edge_list = []
    for (source, target, kind), scores in sorted(edges.items()):
        known = [s for s in scores if s is not None]
        edge_list.append({"source": source, "target": target, by: kind, "count": len(scores),
                          "goldstein": round(sum(known) / len(known), 3) if known else None})
    return {"by": by, "nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])), "edges": edge_list}


def _period(day: date, interval: str) -> str:
    if interval == "week":
        return (day - timedelta(days=day.weekday())).isoformat()  # the Monday of its ISO week
    return day.isoformat()


def timeline(events: Iterable[Event], interval: str = "day", by: str = "plover") -> dict[str, Any]:
    """Event counts per day (or week, keyed by its Monday) per PLOVER type or quad class; undated
    events are counted apart."""
    if interval not in ("day", "week"):
        raise ValueError(f"interval: expected day or week, got {interval!r}")
    if by not in ("plover", "quad"):
        raise ValueError(f"by: expected plover or quad, got {by!r}")
    counts: Counter[tuple[str, str]] = Counter()
    undated = 0
    for e in events:
        if e.date is None:
            undated += 1
            continue
        kind = (e.plover_type or "none") if by == "plover" else str(e.quad_class or "none")
        counts[(_period(e.date, interval), kind)] += 1
    series = [{"period": p, "type": k, "count": n} for (p, k), n in sorted(counts.items())]
    return {"interval": interval, "by": by, "series": series, "undated": undated,
            "types": sorted({k for _, k in counts})}


def actor_profile(actor: Actor, mentions: list[Mention], events: list[Event],
                  documents: Mapping[str, Document]) -> dict[str, Any]:
    """An actor: canonical record, spellings seen, roles over time (known and as coded), and mentions
    and events by outlet."""
    outlets: dict[str, dict[str, int]] = defaultdict(lambda: {"mentions": 0, "events": 0})
    for m in mentions:
        outlets[_outlet(documents, m.doc_id)]["mentions"] += 1
    for e in events:
        outlets[_outlet(documents, e.doc_id)]["events"] += 1
    spellings = Counter(m.text for m in mentions if m.kind in NAME_KINDS)
    coded: dict[str, dict[str, Any]] = {}  # code -> first and last event date it was coded with
    for e in events:
        code = e.source_code if e.source_id == actor.id else e.target_code if e.target_id == actor.id else None
        if code is None or e.date is None:
            continue
        span = coded.setdefault(code, {"code": code, "first": e.date, "last": e.date, "events": 0})
        span["first"], span["last"] = min(span["first"], e.date), max(span["last"], e.date)
        span["events"] += 1
    return {
        **{k: v for k, v in to_plain(actor).items() if k != "roles"},
        "roles": to_plain(actor.roles),
        "coded_as": to_plain(sorted(coded.values(), key=lambda s: s["first"])),
        "spellings": [{"text": t, "count": n} for t, n in sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))],
        "by_outlet": [{"outlet": o, **c} for o, c in sorted(outlets.items())],
        "mentions": len(mentions),
        "events": len(events),
    }


def _outlet(documents: Mapping[str, Document], doc_id: str) -> str:
    doc = documents.get(doc_id)
    return (doc.outlet if doc else None) or "?"


def document_view(doc: Document, sentences: list[Sentence], mentions: list[Mention],
                  events: list[Event]) -> dict[str, Any]:
    """A document: metadata and text, sentences, mentions and events with their character offsets."""
    return {
        **to_plain(doc),
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in sentences],
        "mentions": [{k: v for k, v in to_plain(m).items() if k != "doc_id"} for m in mentions],
        "events": [event_view(e) for e in events],
    }
