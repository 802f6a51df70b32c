"""Cost of actor resolution against the spaCy parse it reads, on 1,000-word documents.

Prints the median time to parse a document and to find and resolve all its actor mentions
(names, initials, titles, pronouns), and their ratio (issue: at most 0.10).

    python benchmarks/actor_lookup.py [--docs 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402

from tidings.actors.kb import ActorKB  # noqa: E402
from tidings.actors.references import References  # noqa: E402
from tidings.actors.resolve import ActorResolver  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=30)
    args = parser.parse_args()
    nlp = load_nlp()
    ActorKB.load()  # warm the ICU transliterators and tables, then time a load as every process makes it
    started = time.perf_counter()
    kb = ActorKB.load()
    load_s = time.perf_counter() - started
    resolver = ActorResolver(kb, References.load())
    docs = documents(args.docs, seed=11, words=(1000, 1000))
    parse_s, resolve_s, mentions = [], [], 0
    for d in docs:
        start = time.perf_counter()
        doc = nlp(d.text)
        parse_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        resolved = resolver.resolve(doc)
        resolve_s.append(time.perf_counter() - start)
        mentions += len(resolved.mentions)
    words = statistics.mean(len(d.text.split()) for d in docs)
    parse, resolve = statistics.median(parse_s), statistics.median(resolve_s)
    print(f"{args.docs} documents of ~{words:.0f} words, {mentions / args.docs:.0f} mentions each")
    print(f"median spaCy parse:       {parse * 1000:8.1f} ms")
    print(f"median actor resolution:  {resolve * 1000:8.1f} ms")
    print(f"resolution / parse ratio: {resolve / parse:.3f}")
    print(f"actor base load:          {load_s * 1000:8.1f} ms ({len(kb.actors())} actors, derived ones included)")


if __name__ == "__main__":
    main()
