"""API load: 1,000 concurrent read requests from one client to a tidings server on 127.0.0.1.

Starts ``tidings serve`` over a store of the two sample documents (made through the ingest core in a
temporary folder), unless ``--url`` names a running server. Fires the requests at once from one
asyncio client (at most ``--connections`` open at a time), bounded by ``--timeout`` seconds overall,
over a mix of read endpoints, and prints requests per second, p50/p95 latency and the errors.
Exit status 1 when any request failed.

    .venv/bin/python benchmarks/api_load.py [--requests 1000] [--connections 100] [--url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from live_server import serving  # noqa: E402
from sample_store import sample_db  # noqa: E402

PATHS = [
    "/api/events?limit=50",
    "/api/events?actor=Tikhanovskaya&code=04",
    "/api/events?plover=CONSULT&limit=10&offset=2",
    "/api/documents",
    "/api/actors/sviatlana-tsikhanouskaya",
    "/api/network",
    "/api/timeline?interval=week",
]


async def one(client: httpx.AsyncClient, path: str, latencies: list[float], errors: list[str]) -> None:
    start = time.perf_counter()
    try:
        r = await client.get(path)
        if r.status_code != 200:
            errors.append(f"{path}: HTTP {r.status_code}")
            return
        r.json()
    except (httpx.HTTPError, ValueError) as exc:
        errors.append(f"{path}: {type(exc).__name__}: {exc}")
        return
    latencies.append(time.perf_counter() - start)


async def load(base: str, requests: int, connections: int, timeout: float) -> tuple[float, list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        await client.get(PATHS[0])  # warm: the actor base loads on the first filtered request
        await client.get(PATHS[1])
        start = time.perf_counter()
        tasks = [one(client, PATHS[i % len(PATHS)], latencies, errors) for i in range(requests)]
        try:
            await asyncio.wait_for(asyncio.gather(*tasks), timeout)
        except TimeoutError:
            errors.append(f"not all done within {timeout} s")
        elapsed = time.perf_counter() - start
    return elapsed, latencies, errors


def report(requests: int, elapsed: float, latencies: list[float], errors: list[str]) -> None:
    done = len(latencies)
    ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(ms) if ms else float("nan")
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))] if ms else float("nan")
    print(f"requests: {requests}, ok: {done}, errors: {len(errors)}")
    print(f"throughput: {done / elapsed:.1f} req/s over {elapsed:.2f} s")
    print(f"latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    for e in errors[:10]:
        print(f"  error: {e}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--url", help="a running tidings server (default: start one over the samples)")
    args = parser.parse_args()
    if args.url:
        elapsed, latencies, errors = asyncio.run(load(args.url, args.requests, args.connections, args.timeout))
    else:
        with tempfile.TemporaryDirectory() as folder:
            db = sample_db(Path(folder))
            with serving(db) as base:
                print(f"server: {base} over {db.name} (2 sample documents)")
                elapsed, latencies, errors = asyncio.run(load(base, args.requests, args.connections, args.timeout))
    report(args.requests, elapsed, latencies, errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
