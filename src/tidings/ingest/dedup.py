"""Exact and near-duplicate detection: LSH band keys to find candidates, shingles to confirm them.

In: ``Document`` records (or their texts). Out: for each text its ``band_keys`` (MinHash over word
5-shingles, ``BANDS`` bands of ``ROWS`` rows, each band hashed to one signed 64-bit key, so the
store can index them and find candidates by look-up, without loading any text), and ``same_story``,
the exact check that confirms a candidate before anything is merged: shingle Jaccard at least
``JACCARD`` or containment (the smaller text's shingles found in the larger) at least
``CONTAINMENT``. ``Deduplicator`` applies both to documents held in memory; the streaming ingest core
(:mod:`tidings.service`) applies them against the store's ``doc_bands`` table.

Rules: the first copy of a story is kept, and ``carried_by`` lists every outlet that carried it;
later copies are reported as duplicates (``Merge``). Candidates are only candidates: two stories
sharing 60-75% of their text are both kept, whatever LSH says.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from tidings.records import Document

__all__ = ["BANDS", "CONTAINMENT", "JACCARD", "ROWS", "Deduplicator", "Merge", "add_outlet", "band_keys", "same_story",
           "shingles"]

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 5
BANDS = 20
ROWS = 6  # 20 bands of 6 rows: a pair at Jaccard 0.8 is a candidate with p 0.998, at 0.4 with p 0.08
JACCARD = 0.8
CONTAINMENT = 0.9
_PROTOTYPE = MinHash(num_perm=BANDS * ROWS, seed=1)


@dataclass(frozen=True)
class Merge:
    kept_id: str
    outlet: str | None
    source: str


def shingles(text: str) -> set[str]:
    """The word 5-shingles of a text, case-folded (one shingle for a text under five words)."""
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def band_keys(text: str) -> list[int]:
    """One signed 64-bit key per LSH band of the text's MinHash; equal keys make a candidate pair."""
    sig = MinHash(num_perm=BANDS * ROWS, seed=1, permutations=_PROTOTYPE.permutations, scheme=_PROTOTYPE.scheme)
    sig.update_batch([s.encode("utf-8") for s in shingles(text)])
    values = np.asarray(sig.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8,
                                 person=band.to_bytes(2, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def same_story(a: str | set[str], b: str | set[str]) -> bool:
    """Whether two texts (or their shingle sets) are copies of one story, by the exact measures."""
    jaccard, contained = overlap(a if isinstance(a, set) else shingles(a), b if isinstance(b, set) else shingles(b))
    return jaccard >= JACCARD or contained >= CONTAINMENT


def add_outlet(carried_by: list[str], outlet: str | None) -> bool:
    """Append ``outlet`` to a carrier list unless it is there (case-insensitively); True if added."""
    if not outlet or any(o.casefold() == outlet.casefold() for o in carried_by):
        return False
    carried_by.append(outlet)
    return True


class Deduplicator:
    """Near-duplicates among documents held in memory (a batch, or a small store loaded whole)."""

    def __init__(self, existing: Iterable[Document] = ()) -> None:
        self._docs: dict[str, Document] = {}
        self._shingles: dict[str, set[str]] = {}
        self._bands: dict[int, list[str]] = {}
        self.merges: list[Merge] = []
        for doc in existing:
            self._insert(doc)

    def _insert(self, doc: Document, keys: list[int] | None = None) -> None:
        if doc.outlet and doc.outlet not in doc.carried_by:
            doc.carried_by.insert(0, doc.outlet)
        self._docs[doc.id] = doc
        self._shingles[doc.id] = shingles(doc.text)
        for key in keys if keys is not None else band_keys(doc.text):
            self._bands.setdefault(key, []).append(doc.id)

    def find(self, doc: Document, keys: list[int] | None = None) -> Document | None:
        """The kept document that ``doc`` copies (same id, or a confirmed near copy), if any."""
        kept = self._docs.get(doc.id)
        if kept is not None:
            return kept
        keys = keys if keys is not None else band_keys(doc.text)
        candidates = {i for key in keys for i in self._bands.get(key, ())}
        if not candidates:
            return None
        mine = shingles(doc.text)
        for candidate in sorted(candidates):
            if same_story(mine, self._shingles[candidate]):
                return self._docs[candidate]
        return None

    def add(self, doc: Document) -> Document | None:
        """The document if it is new; ``None`` for a copy (its outlet joins the original's)."""
        keys = band_keys(doc.text)
        kept = self.find(doc, keys)
        if kept is None:
            self._insert(doc, keys)
            return doc
        add_outlet(kept.carried_by, doc.outlet)
        self.merges.append(Merge(kept.id, doc.outlet, doc.source))
        return None
