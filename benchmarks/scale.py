"""Scale figures of the streaming ingest (issue 9), printed, never asserted.

On a generated corpus of varied articles (tests/newsgen.py: no two are near-duplicates), each
measurement in a fresh process:

1. documents/s end to end into a SQLite store (read, dedup, code, save) for ``--workers 1``,
   ``--workers 2`` and (``--spark``) Spark ``local[2]``: the whole run (model load included) and the
   steady rate after the first batch;
2. seconds per new document when the store already holds 0, 10,000 and 50,000 documents (the stored
   documents are written directly with their near-duplicate band keys, not coded, so the figure is
   what a growing store adds: known-id and band look-ups, candidate confirmation, the save);
3. peak memory (max RSS) of the ``--workers 1`` run of section 1 when half its documents are stored
   and at its end: flat when the run streams (read from the same run, so the corpus is coded once
   more only for Spark and the pool, not for a second, larger memory run);
4. the coding cost of one long article against 20 KB pieces of the same text (``--big-kb 400``: one
   400 KB article against 20 articles of 20 KB).

    python benchmarks/scale.py [--docs 400] [--stored 0,10000,50000] [--new 100] [--big-kb 100] [--spark]
                               [--workers 1,2] [--sections 1,2,3,4]

The issue's full run: ``python benchmarks/scale.py --docs 20000 --big-kb 400 --spark``. With ``--spark``
section 1 adds ``--engine spark --master local[2]`` (peak memory of the Spark workers is not counted:
they are children of the JVM).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from newsgen import article, articles, write_corpus  # noqa: E402


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (every process, not only ours): /proc/stat."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return float("nan")
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def _ingest(folder: str, db: str, workers: int, batch: int, queue: mp.Queue, engine: str = "local") -> None:
    from tidings.service import IngestOptions, ingest

    stamps: list[float] = []
    peaks: list[tuple[int, float]] = []  # (documents stored, peak MB so far) after each batch
    start, busy = time.perf_counter(), _busy_seconds()
    options = IngestOptions(workers=workers, batch_size=batch, engine=engine, master=f"local[{workers}]")
    totals = ingest([folder], lambda: _store(db), options,
                    on_batch=lambda t: (stamps.append(time.perf_counter()), peaks.append((t.new, _peak_mb()))))
    end = time.perf_counter()
    queue.put({"seconds": end - start, "new": totals.new, "batches": stamps, "start": start, "peak": _peak_mb(),
               "errors": totals.errors, "peaks": peaks, "busy": (_busy_seconds() - busy) / (end - start)})


def _store(db: str):  # noqa: ANN202 - the Store type loads with the child's imports
    from tidings.store import Store

    return Store(db)


def _fill(db: str, n: int, queue: mp.Queue) -> None:
    """A store holding ``n`` documents (text, row and band keys, no coding)."""
    from tidings.ingest import document_id
    from tidings.ingest.dedup import band_keys
    from tidings.records import DocResult, Document
    from tidings.store import Store

    store = Store(db)
    batch: list[DocResult] = []
    bands: dict[str, list[int]] = {}
    for i, text in enumerate(articles(n, seed=1234)):
        doc = Document(id=document_id(text), text=text, source=f"stored-{i}.txt")
        batch.append(DocResult(doc))
        bands[doc.id] = band_keys(text)
        if len(batch) == 1000:
            store.save(batch, bands=bands)
            batch, bands = [], {}
    store.save(batch, bands=bands)
    store.close()
    queue.put(n)


def _coding_cost(pieces: int, queue: mp.Queue) -> None:
    from tidings.ingest import document_id
    from tidings.pipeline import Pipeline
    from tidings.records import Document

    rng = random.Random(5)
    small = [article(rng, 3000) for _ in range(pieces)]
    small = [t[: 20_000] for t in small]
    big = "\n\n".join(small)  # the same words, one document
    pipeline = Pipeline()
    pipeline.process(Document(id="warm", text=small[0][:2000], source="warm"))
    start = time.perf_counter()
    for text in small:
        pipeline.process(Document(id=document_id(text), text=text, source="small"))
    twenty = time.perf_counter() - start
    start = time.perf_counter()
    pipeline.process(Document(id=document_id(big), text=big, source="big"))
    one = time.perf_counter() - start
    queue.put((len(big), twenty, one))


def _run(target, *args, **kwargs) -> object:  # noqa: ANN001
    queue: mp.Queue = mp.Queue()
    proc = mp.get_context("fork").Process(target=target, args=(*args, queue), kwargs=kwargs)
    proc.start()
    result = queue.get()
    proc.join()
    return result


def _rate(result: dict) -> tuple[float, float]:
    total = result["new"] / result["seconds"]
    stamps = result["batches"]
    if len(stamps) >= 2:
        first = stamps[0]
        done_after_first = result["new"] * (len(stamps) - 1) / len(stamps)
        steady = done_after_first / max(stamps[-1] - first, 1e-9)
    else:
        steady = total
    return total, steady


def _section_rates(args: argparse.Namespace, corpus: Path, base: Path) -> list[tuple[int, float]]:
    """Section 1; returns the peak memory after each batch of the ``--workers 1`` run (empty without it)."""
    print("\n1. end to end into SQLite (read, dedup, code, save, a batch of 200 per transaction)")
    print("(busy: cores of the machine busy during the run, every process counted; this run's own share is"
          " about 1 for --workers 1 and up to 2 for the others, the rest is other work on the machine)")
    print(f"{'mode':<16}{'docs/s whole run':>18}{'docs/s after 1st batch':>24}{'peak MB':>10}{'busy':>7}")
    rates: dict[int | str, float] = {}
    memory: list[tuple[int, float]] = []
    for workers in [int(x) for x in args.workers.split(",") if x]:
        result = _run(_ingest, str(corpus), str(base / f"w{workers}.db"), workers, 200)
        assert isinstance(result, dict) and result["new"] == args.docs, result
        total, steady = _rate(result)
        rates[workers] = steady
        if workers == 1:
            memory = result["peaks"]
        print(f"--workers {workers:<6}{total:>18.1f}{steady:>24.1f}{result['peak']:>10.0f}{result['busy']:>7.2f}",
              flush=True)
    if args.spark:
        result = _run(_ingest, str(corpus), str(base / "spark.db"), 2, 200, engine="spark")
        assert isinstance(result, dict) and result["new"] == args.docs, result
        total, steady = _rate(result)
        rates["spark"] = steady
        print(f"{'spark local[2]':<16}{total:>18.1f}{steady:>24.1f}{'':>10}{result['busy']:>7.2f}", flush=True)
    for other in (2, "spark"):
        if 1 in rates and other in rates:
            name = "--workers 2" if other == 2 else "spark local[2]"
            print(f"{name} / --workers 1 (steady): {rates[other] / rates[1]:.2f}")
    return memory


def _section_store_size(args: argparse.Namespace, base: Path) -> None:
    print(f"\n2. seconds per new document by store size ({args.new} new articles each, --workers 1, "
          "after the first batch)")
    new = base / "new"
    write_corpus(new, args.new, seed=77, words=(250, 700))
    per_doc = {}
    for stored in [int(x) for x in args.stored.split(",")]:
        db = str(base / f"s{stored}.db")
        _run(_fill, db, stored)
        result = _run(_ingest, str(new), db, 1, max(1, args.new // 5))
        assert isinstance(result, dict)
        per_doc[stored] = 1 / _rate(result)[1]
        print(f"{stored:>8} stored: {per_doc[stored]:.4f} s per new document ({result['new']} new)", flush=True)
    low, high = min(per_doc.values()), max(per_doc.values())
    print(f"largest / smallest: {high / low:.2f}")


def _section_memory(args: argparse.Namespace, memory: list[tuple[int, float]]) -> None:
    print("\n3. peak memory as the corpus grows (the --workers 1 run of section 1)")
    if not memory:
        print("(not measured: section 1 ran without --workers 1)")
        return
    half = next(peak for stored, peak in memory if stored >= args.docs // 2)
    print(f"{args.docs // 2:>8} documents stored: peak {half:.0f} MB")
    print(f"{args.docs:>8} documents stored: peak {memory[-1][1]:.0f} MB; ratio {memory[-1][1] / half:.2f}",
          flush=True)


def _section_long_article(args: argparse.Namespace) -> None:
    pieces = max(1, args.big_kb // 20)
    print(f"\n4. coding cost: one {pieces * 20} KB article against {pieces} articles of 20 KB (the same text)")
    size, twenty, one = _run(_coding_cost, pieces)
    print(f"{pieces} x 20 KB: {twenty:.2f} s; 1 x {size / 1000:.0f} KB: {one:.2f} s; ratio {one / twenty:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400, help="articles in the throughput corpus")
    parser.add_argument("--stored", default="0,10000,50000", help="store sizes for the per-document cost")
    parser.add_argument("--new", type=int, default=100, help="new articles ingested at each store size")
    parser.add_argument("--spark", action="store_true", help="also --engine spark --master local[2]")
    parser.add_argument("--big-kb", type=int, default=100, help="size of the long article (400 for the issue's)")
    parser.add_argument("--workers", default="1,2", help="pool sizes of section 1 (\"2\": rerun one mode alone)")
    parser.add_argument("--sections", default="1,2,3,4", help="sections to run (3 reads the --workers 1 run of 1)")
    args = parser.parse_args()
    sections = {int(x) for x in args.sections.split(",") if x}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        memory: list[tuple[int, float]] = []
        if sections & {1, 3}:
            corpus = base / "corpus"
            write_corpus(corpus, args.docs, seed=11, words=(250, 700))
            words = sum(len(p.read_text("utf-8").split()) for p in corpus.glob("*.txt"))
            print(f"corpus: {args.docs} generated articles, {words} words; machine: {mp.cpu_count()} cores")
            memory = _section_rates(args, corpus, base)
        if 2 in sections:
            _section_store_size(args, base)
        if 3 in sections:
            _section_memory(args, memory)
    if 4 in sections:
        _section_long_article(args)


if __name__ == "__main__":
    main()
