"""Exact and near-duplicate detection across a batch and the store.

In: ``Document`` records. Out: the first copy of each story, with ``carried_by`` listing every
outlet that carried it; later copies are reported as duplicates. Exact copies share a content
hash; near copies (syndicated with a changed header or sentence) are found with MinHash LSH over
word 5-shingles (datasketch).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from tidings.records import Document

__all__ = ["Deduplicator", "Merge"]

_WORD = re.compile(r"\w+", re.UNICODE)
_PERMUTATIONS = 128
_THRESHOLD = 0.8
_SHINGLE = 5


@dataclass(frozen=True)
class Merge:
    kept_id: str
    outlet: str | None
    source: str


def _signature(text: str) -> MinHash:
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    sig = MinHash(num_perm=_PERMUTATIONS, seed=1)
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


class Deduplicator:
    def __init__(self, existing: Iterable[Document] = ()) -> None:
        self._lsh = MinHashLSH(threshold=_THRESHOLD, num_perm=_PERMUTATIONS)
        self._docs: dict[str, Document] = {}
        self.merges: list[Merge] = []
        for doc in existing:
            self._insert(doc)

    def _insert(self, doc: Document) -> None:
        if doc.outlet and doc.outlet not in doc.carried_by:
            doc.carried_by.insert(0, doc.outlet)
        self._docs[doc.id] = doc
        self._lsh.insert(doc.id, _signature(doc.text))

    def add(self, doc: Document) -> Document | None:
        """The document if it is new; ``None`` for a copy (its outlet joins the original's)."""
        kept = self._docs.get(doc.id)
        if kept is None:
            near = self._lsh.query(_signature(doc.text))
            kept = self._docs[sorted(near)[0]] if near else None
        if kept is None:
            self._insert(doc)
            return doc
        if doc.outlet and doc.outlet not in kept.carried_by:
            kept.carried_by.append(doc.outlet)
        self.merges.append(Merge(kept.id, doc.outlet, doc.source))
        return None
