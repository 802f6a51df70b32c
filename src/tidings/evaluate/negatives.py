"""The negative set: news sentences that hold no event between political actors.

In: a JSONL file whose lines are ``{"text", "category", "source"}`` (``tests/data/negatives.jsonl``) and
the events the coder finds in each sentence. Out: a ``NegativeScore``: how many sentences got any
event, overall and per category, with the offending sentences for ``--details``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import DataFileError
from tidings.records import Event

__all__ = ["NegativeScore", "is_negative_set", "load_negatives", "score_negatives"]


def is_negative_set(path: Path) -> bool:
    """A JSONL file whose first record has ``text`` and ``category`` and no gold ``doc``."""
    if not path.is_file():
        return False
    with path.open("rb") as fh:
        first = fh.readline().strip()
    try:
        record = json.loads(first)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and {"text", "category"} <= set(record) and "doc" not in record


def load_negatives(path: Path) -> list[dict[str, str]]:
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, category = str(record["text"]), str(record["category"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DataFileError(f"{path}:{number}", f"bad negative sentence ({exc})") from None
        out.append({"text": text, "category": category, "source": str(record.get("source", ""))})
    return out


@dataclass
class NegativeScore:
    sentences: int
    with_event: int
    share: float
    by_category: dict[str, tuple[int, int]] = field(default_factory=dict)  # category -> (with event, total)
    fired: list[tuple[str, list[Event]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "with_event": self.with_event,
            "share_with_event": round(self.share, 3),
            "by_category": {k: {"with_event": a, "total": b} for k, (a, b) in sorted(self.by_category.items())},
        }


def score_negatives(records: list[dict[str, str]], events: list[list[Event]]) -> NegativeScore:
    if len(records) != len(events):
        raise ValueError(f"{len(records)} sentences but {len(events)} event lists")
    total: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    offending = []
    for record, found in zip(records, events, strict=True):
        total[record["category"]] += 1
        if found:
            fired[record["category"]] += 1
            offending.append((record["text"], found))
    n, hits = len(records), sum(fired.values())
    return NegativeScore(n, hits, hits / n if n else 0.0, {c: (fired[c], total[c]) for c in total}, offending)
