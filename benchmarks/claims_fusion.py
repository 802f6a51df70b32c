"""The cost of claims and of story fusion.

1. Claims: the whole pipeline (with claims) and the pipeline without the claims stage, against a bare
   spaCy parse of the same synthetic documents (assembled from the samples' paragraphs), one process.
2. Fusion: the time to fuse the events of 100 new documents into a store that already holds 1,000 and
   then 10,000 documents (synthetic documents, 20 a day, five events each among 14 states, saved by
   the real store and fused by the real ``fuse_pending``; the new ones are the next days' news, as in
   a growing archive), so a cost that grew with the store would show.

Run: .venv/bin/python benchmarks/claims_fusion.py [--docs 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402

from tidings.nlp import load_nlp  # noqa: E402
from tidings.pipeline import Pipeline  # noqa: E402
from tidings.records import Actor, DocResult, Document, Event  # noqa: E402
from tidings.store import Store  # noqa: E402
from tidings.store.stories import fuse_pending  # noqa: E402

STATES = ["BLR", "RUS", "UKR", "POL", "LTU", "LVA", "EST", "DEU", "FRA", "USA", "CHN", "TUR", "IND", "PAK"]
PER_DAY = 20  # an archive grows day by day: new documents are about the latest days
CODES = ["040", "042", "043", "051", "111", "112", "190", "173", "020", "036"]


class _NoClaims:
    def extract(self, *_args: object) -> list:
        return []


def claims_cost(n: int) -> None:
    docs = documents(n)
    words = sum(len(d.text.split()) for d in docs)
    nlp = load_nlp()
    pipeline = Pipeline(nlp=nlp)
    list(pipeline.process_many(docs[:8]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=16):
        pass
    bare = time.perf_counter() - start
    start = time.perf_counter()
    with_claims = list(pipeline.process_many(docs))
    full = time.perf_counter() - start
    extractor, pipeline.claims = pipeline.claims, _NoClaims()  # type: ignore[assignment]
    start = time.perf_counter()
    list(pipeline.process_many(docs))
    without = time.perf_counter() - start
    pipeline.claims = extractor
    claims = sum(len(r.claims) for r in with_claims)
    print(f"claims: {n} documents, {words} words, {claims} claims")
    print(f"  bare spaCy parse        {bare:7.2f} s  ({words / bare:,.0f} words/s)")
    print(f"  pipeline, no claims     {without:7.2f} s  {without / bare:.2f}x the bare parse")
    print(f"  pipeline with claims    {full:7.2f} s  {full / bare:.2f}x the bare parse "
          f"(claims stage {100 * (full - without) / bare:+.1f}% of a parse)")


def _synthetic(i: int, rng: random.Random) -> DocResult:
    text = f"Synthetic report {i}."
    doc = Document(id=f"{i:064x}", text=text, source=f"synthetic-{i}", outlet=f"Outlet {i % 40}",
                   published=date(2000, 1, 1) + timedelta(days=i // PER_DAY),
                   camp=rng.choice(["government", "state-media", "wire", "independent", "opposition-exile"]))
    events = []
    for k in range(5):
        a, b = rng.sample(STATES, 2)
        code = rng.choice(CODES)
        events.append(Event(
            doc_id=doc.id, sentence=0, sentence_start=0, sentence_end=len(text), evidence_start=k,
            evidence_end=k + 1, evidence=text[k], source_id=a, source_name=a, source_code=f"{a}.GOV", target_id=b,
            target_name=b, target_code=f"{b}.GOV", cameo=code, date=doc.published - timedelta(days=rng.randrange(2)),
            date_precision="day", date_origin="text", symmetric=code.startswith("04"), coder_version="bench"))
    actors = [Actor(id=s, name=s, type="state", country=s) for s in STATES]
    return DocResult(doc, events=events, actors=actors)


def fusion_cost(sizes: list[int], new: int = 100) -> None:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "fusion.db")) as store:
        stored = 0
        print(f"fusion: time to fuse the events of {new} new documents (5 events each)")
        for size in sizes:
            while stored < size:
                batch = [_synthetic(stored + i, rng) for i in range(min(500, size - stored))]
                store.save(batch)
                stored += len(batch)
                fuse_pending(store)
            fresh = [_synthetic(stored + i, rng) for i in range(new)]
            store.save(fresh)
            start = time.perf_counter()
            placed = fuse_pending(store)
            spent = time.perf_counter() - start
            stored += new
            print(f"  store of {size:>6,} documents: {1000 * spent / new:6.2f} ms per new document "
                  f"({placed} events placed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="documents for the claims cost")
    parser.add_argument("--sizes", default="1000,10000", help="store sizes for the fusion cost")
    args = parser.parse_args()
    claims_cost(args.docs)
    fusion_cost([int(s) for s in args.sizes.split(",")])


if __name__ == "__main__":
    main()
