"""Code many documents in parallel: a process pool, one pipeline per worker, one parse per document.

In: ``Document`` records and a ``PipelineConfig``. Out: ``DocResult`` records, in input order.
Each worker builds its own ``Pipeline`` once (model, actor base and patterns are read-only), so the
output is the same as the single-process path.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from tidings.pipeline import Pipeline, PipelineConfig
from tidings.records import DocResult, Document

__all__ = ["code_documents"]

_WORKER: Pipeline | None = None  # one per worker process, set by the pool initialiser


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _process_chunk(documents: list[Document]) -> list[DocResult]:
    assert _WORKER is not None, "worker pipeline not initialised"
    return list(_WORKER.process_many(documents))


def code_documents(
    documents: Sequence[Document],
    config: PipelineConfig | None = None,
    workers: int = 1,
    pipeline: Pipeline | None = None,
    chunk_size: int = 8,
) -> Iterator[DocResult]:
    """Yield one result per document, in order; ``workers`` > 1 uses a process pool."""
    config = config or PipelineConfig()
    if workers <= 1:
        yield from (pipeline or Pipeline(config)).process_many(documents)
        return
    chunks = [list(documents[i : i + chunk_size]) for i in range(0, len(documents), chunk_size)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(config,)) as pool:
        for results in pool.map(_process_chunk, chunks):
            yield from results
