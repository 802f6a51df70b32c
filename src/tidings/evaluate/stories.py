"""Score story fusion against the fusion gold set (``tests/data/stories``).

In: the gold folder (``docs.jsonl``: one constructed report a line, with its outlet and date;
``gold.jsonl``: real-world events, each with the reports that tell it, and hard negatives) and the
``DocResult``s of its documents. Out: ``FusionScore``: pairwise precision and recall over the gold
reports (a pair is fused when both reports' events are in one story), the share of events told by
different camps, and the pairs fused wrongly or missed.

The results are saved in a fresh SQLite store and fused there, exactly as an ingest would.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from tidings.errors import DataFileError
from tidings.records import DocResult, Document

__all__ = ["FusionScore", "is_fusion_gold", "load_fusion_docs", "score_fusion"]


@dataclass
class FusionScore:
    events: int = 0  # gold events with two or more reports
    negatives: int = 0  # hard negatives
    reports: int = 0
    cross_camp: int = 0  # gold events whose reports come from two or more camps
    placed: int = 0  # gold reports whose event tidings coded
    gold_pairs: int = 0
    fused_pairs: int = 0
    right_pairs: int = 0
    wrong: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_pairs / self.fused_pairs if self.fused_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.right_pairs / self.gold_pairs if self.gold_pairs else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "hard_negatives": self.negatives, "reports": self.reports,
                "events_across_camps": self.cross_camp, "reports_coded": self.placed,
                "gold_pairs": self.gold_pairs, "fused_pairs": self.fused_pairs, "right_pairs": self.right_pairs,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3)}


def is_fusion_gold(path: Path) -> bool:
    gold = path / "gold.jsonl"
    if not path.is_dir() or not gold.is_file() or not (path / "docs.jsonl").is_file():
        return False
    with gold.open("r", encoding="utf-8") as fh:
        return '"reports"' in fh.readline()


def load_fusion_docs(folder: Path) -> dict[str, Document]:
    from tidings.ingest import document_id

    out: dict[str, Document] = {}
    path = folder / "docs.jsonl"
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        try:
            raw = json.loads(line)
            out[raw["doc"]] = Document(id=document_id(raw["text"]), text=raw["text"], source=f"{path}#{raw['doc']}",
                                       outlet=raw["outlet"], published=date.fromisoformat(raw["published"]))
        except (json.JSONDecodeError, KeyError, ValueError) as exc:
            raise DataFileError(f"{path}:{number}", f"malformed report ({exc})") from None
    return out


def _gold(folder: Path) -> list[dict[str, Any]]:
    path = folder / "gold.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score_fusion(folder: Path, code: Callable[[list[Document]], Iterable[DocResult]]) -> FusionScore:
    from tidings.store import Store
    from tidings.store.stories import fuse_pending

    docs = load_fusion_docs(folder)
    gold = _gold(folder)
    results = {r.document.source.rsplit("#", 1)[1]: r for r in code(list(docs.values()))}
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "fusion.db")) as store:
        store.save(results.values())
        fuse_pending(store)
        story_of = _story_of_reports(store, gold, docs)
    score = FusionScore()
    for event in gold:
        camps = {results[r["doc"]].document.camp for r in event["reports"]}
        if event.get("hard_negative_of"):
            score.negatives += 1
        elif len(event["reports"]) >= 2:
            score.events += 1
            score.cross_camp += len(camps) >= 2
    reports = [(event["event"], r["doc"]) for event in gold for r in event["reports"]]
    score.reports = len(reports)
    score.placed = sum(1 for _, d in reports if story_of.get(d))
    for (ea, da), (eb, db) in combinations(reports, 2):
        same = ea == eb
        fused = bool(story_of.get(da)) and story_of.get(da) == story_of.get(db)
        score.gold_pairs += same
        score.fused_pairs += fused
        score.right_pairs += same and fused
        if fused and not same:
            score.wrong.append((da, db))
        if same and not fused:
            score.missed.append((da, db))
    return score


def _story_of_reports(store: Any, gold: list[dict[str, Any]], docs: dict[str, Document]) -> dict[str, str]:
    """Gold report (document) → the story of the event its evidence names: the event whose evidence
    overlaps it most, else the first event of the evidence's sentence."""
    from tidings.store.stories import stories

    events: dict[str, list[tuple[int, int, int, int, str]]] = {}
    for st in stories(store):
        for report in st.reports:
            e = report.event
            events.setdefault(e.doc_id, []).append(
                (e.evidence_start, e.evidence_end, e.sentence_start, e.sentence_end, st.id))
    out: dict[str, str] = {}
    for event in gold:
        for r in event["reports"]:
            document = docs[r["doc"]]
            start = document.text.find(r["evidence"])
            if start < 0:
                raise DataFileError(r["doc"], f"gold evidence not in the report: {r['evidence']!r}")
            end = start + len(r["evidence"])
            mine = sorted(events.get(document.id, []))
            overlaps = [(min(end, hi) - max(start, lo), sid) for lo, hi, _, _, sid in mine]
            best = max(overlaps, default=(0, ""), key=lambda o: o[0])
            if best[0] > 0:
                out[r["doc"]] = best[1]
                continue
            same_sentence = [sid for _, _, lo, hi, sid in mine if lo <= start < hi]
            if same_sentence:
                out[r["doc"]] = same_sentence[0]
    return out
