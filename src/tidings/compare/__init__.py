"""The comparison: how each camp tells an actor's or a topic's story, side by side.

In: a ``Store``, an actor (its ids) or a topic, optional dates and camps. Out: ``Comparison``: per camp,
events by PLOVER type with their mean Goldstein score and claims by topic and stance; the story events
only one camp reports; and the story events the camps tell differently (other actors, codes or dates
for one story). Shared by ``tidings compare`` (table and JSON) and any API.

With ``--topic``, the events compared are those in the sentences of claims on the topic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tidings.ingest.outlets import UNCLASSIFIED
from tidings.store import Store
from tidings.store.claims import CampEvent, StoredClaim, claims, events_with_camp
from tidings.store.stories import StoryEvent, fuse_pending, stories

__all__ = ["CampView", "Comparison", "StoryDifference", "compare", "subject_ids"]


@dataclass
class CampView:
    camp: str
    documents: int = 0
    events: dict[str, int] = field(default_factory=dict)  # PLOVER type → count
    goldstein: dict[str, float] = field(default_factory=dict)  # PLOVER type → mean Goldstein score
    claims: dict[str, dict[str, int]] = field(default_factory=dict)  # topic → stance → count


@dataclass
class StoryDifference:
    story: str
    date: date | None
    versions: dict[str, list[str]]  # camp → the versions its reports give ("RUS.GOV 040 USA.GOV 2025-08-15")


@dataclass
class Comparison:
    subject: str
    camps: list[CampView]
    only_one_camp: dict[str, list[str]]  # camp → ids of the stories only it reports
    told_differently: list[StoryDifference]

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "camps": {c.camp: {"documents": c.documents, "events": c.events, "mean_goldstein": c.goldstein,
                               "claims": c.claims} for c in self.camps},
            "only_one_camp": self.only_one_camp,
            "told_differently": [{"story": d.story, "date": d.date.isoformat() if d.date else None,
                                  "versions": d.versions} for d in self.told_differently],
        }


def subject_ids(store: Store, actor_ids: list[str]) -> list[str]:
    """The actors a comparison about ``actor_ids`` covers: a state stands for everyone of it too, its
    people, offices and bodies ("Belarus" covers the Belarusian ministry and Lukashenka)."""
    if not actor_ids:
        return actor_ids
    first = store.actor(actor_ids[0])
    states = {actor_ids[0]} if first is not None and first.type == "state" else set()
    states |= {i for i in actor_ids[:1] if i.isupper() and len(i) == 3}
    return actor_ids + [a.id for a in store.actors() if a.country in states and a.id not in actor_ids]


def compare(
    store: Store,
    *,
    actor_ids: Sequence[str] | None = None,
    topic: str | None = None,
    subject: str = "",
    since: date | None = None,
    until: date | None = None,
    camps: Sequence[str] | None = None,
) -> Comparison:
    fuse_pending(store)  # a store ingested before fusion existed
    said = claims(store, actor_ids=actor_ids, topic=topic, since=since, until=until)
    sentences = [(c.claim.doc_id, c.claim.sentence) for c in said] if topic else None
    done = events_with_camp(store, actor_ids=actor_ids, since=since, until=until, sentences=sentences)
    wanted = set(camps) if camps else None
    views = _views(said, done, wanted)
    event_docs = {e.event.doc_id for e in done}
    found = [s for s in stories(store, actor_ids=actor_ids, since=since, until=until)
             if any(r.event.doc_id in event_docs for r in s.reports)] if topic or actor_ids else []
    return Comparison(subject, views, _only_one(found, wanted), _differences(found, wanted))


def _camp(value: str | None) -> str:
    return value or UNCLASSIFIED


def _views(said: list[StoredClaim], done: list[CampEvent], wanted: set[str] | None) -> list[CampView]:
    views: dict[str, CampView] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for e in done:
        camp = _camp(e.camp)
        if wanted is not None and camp not in wanted:
            continue
        view = views.setdefault(camp, CampView(camp))
        kind = e.event.plover_type or f"CAMEO {e.event.cameo[:2]}"
        view.events[kind] = view.events.get(kind, 0) + 1
        if e.event.goldstein is not None:
            scores[(camp, kind)].append(e.event.goldstein)
        docs[camp].add(e.event.doc_id)
    for c in said:
        camp = _camp(c.camp)
        if wanted is not None and camp not in wanted:
            continue
        view = views.setdefault(camp, CampView(camp))
        by_stance = view.claims.setdefault(c.claim.topic, {})
        by_stance[c.claim.stance] = by_stance.get(c.claim.stance, 0) + 1
        docs[camp].add(c.claim.doc_id)
    for (camp, kind), values in scores.items():
        views[camp].goldstein[kind] = round(sum(values) / len(values), 2)
    for camp, view in views.items():
        view.documents = len(docs[camp])
        view.events = dict(sorted(view.events.items(), key=lambda kv: (-kv[1], kv[0])))
    order = sorted(views, key=lambda c: (c == UNCLASSIFIED, c))
    if wanted is not None:
        order = [c for c in wanted if c in views] + [c for c in order if c not in wanted]
    return [views[c] for c in order]


def _report_camps(story: StoryEvent, wanted: set[str] | None) -> set[str]:
    found = {_camp(r.camp) for r in story.reports}
    return found & wanted if wanted is not None else found


def _only_one(found: list[StoryEvent], wanted: set[str] | None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for story in found:
        camps = _report_camps(story, wanted)
        if len(camps) == 1:
            out[next(iter(camps))].append(story.id)
    return dict(sorted(out.items()))


def _version(story_report: Any) -> str:
    """A report's own telling: actors, code and date (who is source of a meeting is no difference)."""
    e = story_report.event
    source, target = e.source_code or e.source_id or e.source_name, e.target_code or e.target_id or "-"
    if e.symmetric and str(target) < str(source):
        source, target = target, source
    return f"{source} {e.cameo} {target} {e.date.isoformat() if e.date else 'undated'}"


def _differences(found: list[StoryEvent], wanted: set[str] | None) -> list[StoryDifference]:
    """Stories reported by two or more camps whose reports give different actors, codes or dates."""
    out = []
    for story in found:
        camps = _report_camps(story, wanted)
        if len(camps) < 2:
            continue
        versions: dict[str, list[str]] = {}
        for report in story.reports:
            camp = _camp(report.camp)
            if camp in camps:
                versions.setdefault(camp, [])
                version = _version(report)
                if version not in versions[camp]:
                    versions[camp].append(version)
        if len({frozenset(vs) for vs in versions.values()}) > 1:
            out.append(StoryDifference(story.id, story.date, versions))
    return out

