"""The real-news development set: articles of many outlets, camps and regions with gold events.

In: a folder laid out as ``tests/data/realnews/`` is: ``index.jsonl`` (one line per article: file,
outlet, camp, region, published date, address, licence), ``docs/*.txt`` (the texts) and
``gold.jsonl`` (gold events in the seed format, ``doc`` = the file name). Out: a ``DevsetScore``: the
seed-style score over the whole set, the same per outlet, camp and region, and the share of matched
events whose source and target both carry a country or organisation code.

Each article is read by the ordinary text reader and coded by the pure pipeline with the publication
date the index gives, as a user would ingest it with ``--published``; nothing is stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tidings.errors import DataFileError
from tidings.evaluate.seeds import DocRecords, GoldEvent, SeedScore, load_seed_gold, score_seeds
from tidings.records import Actor, Event

__all__ = ["DevsetScore", "is_devset", "load_index", "score_devset"]

_GROUPS = ("outlet", "camp", "region")


def is_devset(path: Path) -> bool:
    return path.is_dir() and (path / "index.jsonl").is_file() and (path / "gold.jsonl").is_file()


def load_index(folder: Path) -> list[dict[str, Any]]:
    entries = []
    where = folder / "index.jsonl"
    for number, line in enumerate(where.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            date.fromisoformat(entry["published"])
            _ = entry["file"], entry["outlet"], entry["camp"], entry["region"]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"{where}:{number}", f"bad index entry ({exc})") from None
        if not (folder / "docs" / entry["file"]).is_file():
            raise DataFileError(f"{where}:{number}", f"no such document docs/{entry['file']}")
        entries.append(entry)
    return entries


@dataclass
class DevsetScore:
    overall: SeedScore
    groups: dict[str, dict[str, SeedScore]] = field(default_factory=dict)  # "outlet" -> name -> score
    documents: int = 0
    placed_share: float = 0.0  # matched events whose source and target both carry a country/org code

    def to_dict(self) -> dict[str, Any]:
        def brief(s: SeedScore) -> dict[str, Any]:
            return {"gold": s.gold, "extracted": s.extracted, "matched": s.matched, "matched_root": s.matched_root,
                    "f1": round(s.f1, 3), "root_f1": round(s.root_f1, 3)}

        out = self.overall.to_dict()
        out["documents"] = self.documents
        out["placed_share"] = round(self.placed_share, 3)
        out["groups"] = {g: {k: brief(v) for k, v in sorted(d.items())} for g, d in self.groups.items()}
        return out


def _placed(e: Event, actor: Callable[[str], Actor | None]) -> bool:
    """Both sides of an event carry a country or organisation (a null target needs none): a known
    actor with a country or code, or a generic agent placed in a country ("BLR.COP", not bare "COP")."""
    def side(actor_id: str | None, name: str | None, code: str | None) -> bool:
        if actor_id is None:
            return name is None or bool(code and "." in code)
        found = actor(actor_id)
        return bool(code) or (found is not None and bool(found.country))
    return side(e.source_id, e.source_name, e.source_code) and side(e.target_id, e.target_name, e.target_code)


def score_devset(
    folder: Path,
    code: Callable[[list[tuple[Path, dict[str, Any]]]], tuple[dict[str, DocRecords], dict[str, Actor]]],
    names: Callable[[dict[str, Actor]], Callable[[str | None], tuple[list[str], str | None]]],
    actor: Callable[[str, dict[str, Actor]], Actor | None],
) -> DevsetScore:
    """Score the set: ``code`` turns (path, index entry) pairs into records keyed by file name plus the
    actors learned on the way; ``names`` and ``actor`` look actors up in the base and the learned."""
    entries = load_index(folder)
    gold = load_seed_gold(folder / "gold.jsonl")
    docs, learned = code([(folder / "docs" / e["file"], e) for e in entries])
    look = names(learned)
    overall = score_seeds(gold, docs, look)
    result = DevsetScore(overall=overall, documents=len(entries))
    by_file = {e["file"]: e for e in entries}
    for group in _GROUPS:
        values = sorted({str(e[group]) for e in entries})
        result.groups[group] = {
            v: score_seeds(_gold_of(gold, by_file, group, v), docs, look) for v in values
        }
    matched = overall.matched_events
    placed = sum(_placed(e, lambda a: actor(a, learned)) for e in matched)
    result.placed_share = placed / len(matched) if matched else 0.0
    return result


def _gold_of(gold: list[GoldEvent], by_file: dict[str, dict[str, Any]], group: str, value: str) -> list[GoldEvent]:
    return [g for g in gold if g.doc in by_file and str(by_file[g.doc][group]) == value]
