"""Throughput of the full pipeline against a bare spaCy parse of the same texts.

Prints documents/s, words/s and peak memory (max RSS of the process that did the work) for:
the bare parse, the full pipeline on one worker, and the full pipeline on two workers; then the
full/bare cost ratio on one core and the two-worker speed-up. Each measurement runs in a fresh
process so that memory and warm caches do not leak between them.

    python benchmarks/throughput.py [--docs 1000]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _bare(n: int, queue: mp.Queue) -> None:
    from tidings.nlp import load_nlp

    docs = documents(n)
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=16):
        pass
    queue.put((time.perf_counter() - start, _peak_mb()))


def _full(n: int, workers: int, queue: mp.Queue) -> None:
    from tidings.pipeline import Pipeline
    from tidings.scale.pool import code_documents

    docs = documents(n)
    pipeline = Pipeline() if workers == 1 else None
    start = time.perf_counter()
    events = sum(len(r.events) for r in code_documents(docs, workers=workers, pipeline=pipeline))
    elapsed = time.perf_counter() - start
    queue.put((elapsed, _peak_mb(), events))


def _run(target, *args) -> tuple:
    queue: mp.Queue = mp.Queue()
    proc = mp.get_context("fork").Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    words = sum(len(d.text.split()) for d in documents(args.docs))
    bare_s, bare_mb = _run(_bare, args.docs)
    one_s, one_mb, events = _run(_full, args.docs, 1)
    two_s, two_mb, _ = _run(_full, args.docs, 2)
    print(f"corpus: {args.docs} documents, {words} words; {events} events coded")
    print(f"{'mode':<22}{'docs/s':>10}{'words/s':>12}{'peak MB':>10}")
    for name, secs, mb in [("bare spaCy parse", bare_s, bare_mb), ("full, --workers 1", one_s, one_mb),
                           ("full, --workers 2", two_s, two_mb)]:
        print(f"{name:<22}{args.docs / secs:>10.1f}{words / secs:>12.0f}{mb:>10.0f}")
    print(f"full / bare cost on one core: {one_s / bare_s:.2f}")
    print(f"--workers 2 / --workers 1 throughput: {one_s / two_s:.2f}")


if __name__ == "__main__":
    main()
