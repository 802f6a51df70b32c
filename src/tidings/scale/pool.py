"""Code many documents in parallel: a process pool, one pipeline per worker, one parse per document.

In: ``Document`` records and a ``PipelineConfig``. Out: ``DocResult`` records, in input order.
Each worker builds its own ``Pipeline`` once (model, actor base and patterns are read-only), so the
output is the same as the single-process path.

``Coder`` is the long-lived form the streaming ingest uses: one pool (or one pipeline) for a whole
run, fed batch after batch, told of actors learned meanwhile (``learn``), and never failing a batch
for one document: ``code`` gives, for each document, its ``DocResult`` or a ``CodingFailure`` with
the one-line reason. A worker that dies (killed, out of memory) is replaced and the batch's
documents are retried one by one, so only the document that kills a worker fails.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from tidings.pipeline import Pipeline, PipelineConfig
from tidings.records import Actor, DocResult, Document

__all__ = ["Coder", "CodingFailure", "code_documents"]

_WORKER: Pipeline | None = None  # one per worker process, set by the pool initialiser


@dataclass(frozen=True)
class CodingFailure:
    document: Document
    reason: str  # one line: the exception's type and message


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _process_chunk(documents: list[Document]) -> list[DocResult]:
    assert _WORKER is not None, "worker pipeline not initialised"
    return list(_WORKER.process_many(documents))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def _code_safely(pipeline: Pipeline, documents: list[Document]) -> list[DocResult | str]:
    """Each document's result, or the reason it failed; one bad document never fails the others."""
    try:
        return list(pipeline.process_many(documents))
    except Exception:  # noqa: BLE001 - find the document at fault below, one at a time
        pass
    out: list[DocResult | str] = []
    for document in documents:
        try:
            out.append(pipeline.process(document))
        except Exception as exc:  # noqa: BLE001 - reported for this document, the run goes on
            out.append(_one_line(exc))
    return out


def _code_task(task: tuple[list[Document], tuple[Actor, ...]]) -> list[DocResult | str]:
    assert _WORKER is not None, "worker pipeline not initialised"
    documents, learned = task
    _WORKER.learn(learned)
    return _code_safely(_WORKER, documents)


class Coder:
    """One pipeline (``workers`` = 1) or one process pool for a whole run."""

    def __init__(self, config: PipelineConfig | None = None, workers: int = 1, pipeline: Pipeline | None = None):
        self.config = config or PipelineConfig()
        self.workers = max(1, workers)
        self._learned: dict[str, Actor] = {a.id: a for a in self.config.learned}
        self._pipeline = pipeline
        self._pool: ProcessPoolExecutor | None = None
        if self.workers == 1 and self._pipeline is None:
            self._pipeline = Pipeline(self.config)

    def __enter__(self) -> Coder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def parallel(self) -> bool:
        """Coding runs in worker processes, so this process is free meanwhile."""
        return self._pipeline is None

    def learn(self, actors: Sequence[Actor]) -> None:
        """Actors learned from documents stored since the run began, known to every later batch."""
        fresh = [a for a in actors if a.id not in self._learned]
        for actor in fresh:
            self._learned[actor.id] = actor
        if fresh and self._pipeline is not None:
            self._pipeline.learn(fresh)

    def _start_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker,
                                             initargs=(self.config,))
        return self._pool

    def _restart_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        return self._start_pool()

    def code(self, documents: Sequence[Document]) -> list[DocResult | CodingFailure]:
        """One entry per document, in order: its result, or why it could not be coded."""
        docs = list(documents)
        if not docs:
            return []
        if self._pipeline is not None:
            raw = _code_safely(self._pipeline, docs)
        else:
            raw = self._code_in_pool(docs)
        return [r if isinstance(r, DocResult) else CodingFailure(d, r) for d, r in zip(docs, raw, strict=True)]

    def _code_in_pool(self, docs: list[Document]) -> list[DocResult | str]:
        learned = tuple(self._learned[i] for i in sorted(self._learned))
        size = max(1, -(-len(docs) // (self.workers * 4)))
        chunks = [docs[i : i + size] for i in range(0, len(docs), size)]
        try:
            pool = self._start_pool()
            return [r for part in pool.map(_code_task, [(c, learned) for c in chunks]) for r in part]
        except BrokenProcessPool:
            pass
        out: list[DocResult | str] = []
        for doc in docs:  # a worker died: find the document that kills it, one at a time
            try:
                out.extend(self._restart_pool().submit(_code_task, ([doc], learned)).result())
            except BrokenProcessPool:
                out.append("the worker process coding it died (killed or out of memory)")
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


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
