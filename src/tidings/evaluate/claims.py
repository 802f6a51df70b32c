"""Score claims against the claims gold set (``tests/data/claims``).

In: the gold folder (``gold.jsonl``, and ``sources.json`` naming the folders that hold its documents and
the development set's index, whose outlet and date each document is coded with) and a function that
codes documents into ``DocResult``s. Out: ``ClaimScore``: precision and recall on speaker + topic,
stance accuracy over matched claims, figures per camp, and the misses and false positives.

A predicted claim matches a gold claim of the same document when its span overlaps the sentence of
the gold evidence, its topic is the gold topic, and its speaker goes by one of the gold names: a name or
alias of the actor, of its parent organisation or of its state, or, for a speaker the base does not
know, words of the speaker's phrase. Matching is one to one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tidings.actors.translit import fold
from tidings.errors import DataFileError
from tidings.records import Actor, Claim, DocResult, Document

__all__ = ["ClaimScore", "GoldClaim", "is_claims_gold", "load_claims_gold", "score_claims"]

_KEYS = {"doc", "evidence", "speaker", "topic", "stance", "target", "target_stance", "via", "quoted"}


@dataclass(frozen=True)
class GoldClaim:
    doc: str
    evidence: str
    speaker: tuple[str, ...]
    topic: str
    stance: str


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    stance_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def stance(self) -> float:
        return self.stance_right / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "stance_accuracy": round(self.stance, 3)}


@dataclass
class ClaimScore:
    overall: Counts = field(default_factory=Counts)
    by_camp: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0
    misses: list[tuple[GoldClaim, str]] = field(default_factory=list)
    false_positives: list[Claim] = field(default_factory=list)
    wrong_stance: list[tuple[GoldClaim, Claim]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, **self.overall.to_dict(),
                "by_camp": {k: v.to_dict() for k, v in sorted(self.by_camp.items())}}


def is_claims_gold(path: Path) -> bool:
    """A gold set of this module or of story fusion (``tidings.evaluate.stories``): ``tidings eval``
    hands both to ``tidings.cli.claims_eval``."""
    from tidings.evaluate.stories import is_fusion_gold

    if is_fusion_gold(path):
        return True
    gold = path / "gold.jsonl"
    if not path.is_dir() or not gold.is_file() or not (path / "sources.json").is_file():
        return False
    with gold.open("r", encoding="utf-8") as fh:
        first = fh.readline()
    return '"topic"' in first and '"stance"' in first


def load_claims_gold(folder: Path) -> list[GoldClaim]:
    path = folder / "gold.jsonl"
    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(f"{path}:{number}", f"not JSON ({exc.msg})") from None
        unknown = set(raw) - _KEYS
        missing = {"doc", "evidence", "speaker", "topic", "stance"} - set(raw)
        if unknown or missing:
            raise DataFileError(f"{path}:{number}", f"unknown keys {sorted(unknown)} / missing {sorted(missing)}")
        out.append(GoldClaim(raw["doc"], raw["evidence"], tuple(raw["speaker"]), raw["topic"], raw["stance"]))
    return out


def gold_documents(folder: Path, gold: Sequence[GoldClaim]) -> list[tuple[Path, dict[str, Any]]]:
    """(file, index entry or {}) of every gold document, found in the folders ``sources.json`` names."""
    sources = json.loads((folder / "sources.json").read_text("utf-8"))
    folders = [(folder / f).resolve() for f in sources["folders"]]
    index: dict[str, dict[str, Any]] = {}
    if sources.get("index"):
        for line in (folder / sources["index"]).read_text("utf-8").splitlines():
            entry = json.loads(line)
            index[entry["file"]] = entry
    out = []
    for name in dict.fromkeys(g.doc for g in gold):
        path = next((f / name for f in folders if (f / name).is_file()), None)
        if path is None:
            raise DataFileError(str(folder / "gold.jsonl"), f"document {name} is in none of {sources['folders']}")
        out.append((path, index.get(name, {})))
    return out


def read_gold_document(path: Path, entry: dict[str, Any]) -> Document:
    """A gold document as a user would ingest it: its file, with the index's outlet, URL and date."""
    from tidings.ingest import read_path

    published = date.fromisoformat(entry["published"]) if entry.get("published") else None
    (document,) = read_path(path, published=published)
    if entry.get("outlet"):
        document.outlet = entry["outlet"]
    document.url = entry.get("url") or document.url
    return document


def score_claims(
    folder: Path,
    code: Callable[[list[Document]], list[DocResult]],
    actor: Callable[[str], Actor | None],
) -> ClaimScore:
    gold = load_claims_gold(folder)
    documents = [read_gold_document(p, e) for p, e in gold_documents(folder, gold)]
    results = {Path(r.document.source).name: r for r in code(documents)}
    score = ClaimScore(documents=len(results))
    for name, result in results.items():
        camp = result.document.camp or "unclassified"
        counts = score.by_camp.setdefault(camp, Counts())
        mine = [g for g in gold if g.doc == name]
        _score_document(result, mine, actor, score, counts)
    return score


def _score_document(result: DocResult, gold: list[GoldClaim], actor: Callable[[str], Actor | None],
                    score: ClaimScore, counts: Counts) -> None:
    text = result.document.text
    predicted = list(result.claims)
    for total in (score.overall, counts):
        total.gold += len(gold)
        total.predicted += len(predicted)
    used: set[int] = set()
    for g in gold:
        start = text.find(g.evidence)
        sentence = next((s for s in result.sentences if s.start <= start < s.end), None)
        if sentence is None:
            raise DataFileError(g.doc, f"gold evidence not found in the text: {g.evidence!r}")
        lo, hi = sentence.start, sentence.end
        found = next((i for i, c in enumerate(predicted) if i not in used and c.topic == g.topic
                      and c.start < hi and c.end > lo and _speaks(c, g.speaker, actor)), None)
        if found is None:
            score.misses.append((g, sentence.text))
            continue
        used.add(found)
        for total in (score.overall, counts):
            total.matched += 1
            total.stance_right += predicted[found].stance == g.stance
        if predicted[found].stance != g.stance:
            score.wrong_stance.append((g, predicted[found]))
    score.false_positives.extend(c for i, c in enumerate(predicted) if i not in used)


def speaker_names(claim: Claim, actor: Callable[[str], Actor | None]) -> set[str]:
    """The folded names a claim's speaker goes by: its own, its parent's and its state's."""
    if claim.speaker_id is None:
        return {fold(claim.speaker_name)} if claim.speaker_name else set()
    names: set[str] = {fold(claim.speaker_id)}
    found = actor(claim.speaker_id)
    for related in (found, actor(found.parent) if found and found.parent else None,
                    actor(found.country) if found and found.country else None):
        if related is not None:
            names.update(fold(n) for n in related.all_names())
    return names


def _speaks(claim: Claim, gold_names: Sequence[str], actor: Callable[[str], Actor | None]) -> bool:
    names = speaker_names(claim, actor)
    wanted = {fold(n) for n in gold_names}
    if names & wanted:
        return True
    # a speaker the base does not know keeps its words: "the court", "many speakers"
    return claim.speaker_id is None and any(w in n or n in w for w in wanted for n in names if len(n) > 3)
