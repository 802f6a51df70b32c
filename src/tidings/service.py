"""The ingest core: documents stream in, each batch is coded and committed on its own.

In: paths (``ingest``) or any iterable of ``Document`` records and ``IngestError``s (``ingest_stream``:
the CLI, an API or Spark feed the same core), a store (or a function that opens one) and
``IngestOptions``. Out: ``IngestTotals`` (documents read, stored, already known, merged as copies,
failed; errors reported), every error handed to ``on_error`` as it happens, and the store's rows.

Rules:
- Documents are read lazily and handled ``batch_size`` (200) at a time, so memory stays flat however
  long the run; each batch is committed in its own transaction, so a kill loses at most the batch in
  flight, and a rerun resumes: documents already stored are recognised by id and skipped before
  they are coded.
- Duplicates: a document whose id is stored, or that copies a stored document or one earlier in the
  batch (LSH band keys looked up in the store's ``doc_bands`` index, then confirmed by shingle
  Jaccard or containment, see :mod:`tidings.ingest.dedup`), is not coded; its outlet joins the kept
  document's ``carried_by``, in the same transaction as the batch (never before it commits).
- A document that fails anywhere is reported with its file (and line) and skipped: a read error
  comes from the readers; a coding failure is caught per document; when a batch's save fails, its
  documents are saved one by one and only those that still fail are reported.
- The store is opened (and created) only when the first document has been read: a run that reads
  nothing creates nothing. People learned from text in one batch are known to the next.
- Stories (:mod:`tidings.stories`) are fused for each saved batch before the next one is saved;
  when other processes code (a pool, Spark), this process fuses the previous batch while they code
  the next, so the serial work leaves their cores idle for less (the stored result is the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tidings.errors import IngestError, StoreError, TidingsError
from tidings.ingest import iter_documents
from tidings.ingest.dedup import add_outlet, band_keys, same_story, shingles
from tidings.pipeline import PipelineConfig
from tidings.records import DocResult, Document
from tidings.scale.pool import Coder, CodingFailure
from tidings.store import Store
from tidings.store.dialect import display_url
from tidings.store.stories import fuse_reporting

if TYPE_CHECKING:
    from tidings.scale.spark import SparkCoder

__all__ = ["BATCH_SIZE", "IngestOptions", "IngestTotals", "ingest", "ingest_stream"]

BATCH_SIZE = 200


@dataclass(frozen=True)
class IngestOptions:
    published: date | None = None  # publication date for every document (overrides what they say)
    actor_files: tuple[Path, ...] = ()
    workers: int = 1
    batch_size: int = BATCH_SIZE
    engine: str = "local"  # "local" (one process or a pool of ``workers``) or "spark"
    master: str = "local[2]"  # the Spark master, for engine "spark"
    parquet: Path | None = None  # engine "spark": also write the stored results here as Parquet


@dataclass
class IngestTotals:
    read: int = 0  # documents read
    new: int = 0  # stored by this run
    known: int = 0  # already stored (same id)
    duplicates: int = 0  # copies of a stored document or of one earlier in the run, merged as carriers
    failed: int = 0  # read, but could not be coded or saved
    errors: int = 0  # errors reported: files, lines or entries that could not be read, and failed documents
    batches: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # rows per table after the run


ErrorHandler = Callable[[IngestError], None]


def ingest(
    paths: Sequence[str | Path],
    store: Store | Callable[[], Store],
    options: IngestOptions | None = None,
    on_error: ErrorHandler | None = None,
    on_batch: Callable[[IngestTotals], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestTotals:
    """Read files and folders and ingest their documents (see ``ingest_stream``)."""
    options = options or IngestOptions()
    items = iter_documents(paths, options.published, on_file)
    return ingest_stream(items, store, options, on_error, on_batch)


def ingest_stream(
    items: Iterable[Document | IngestError],
    store: Store | Callable[[], Store],
    options: IngestOptions | None = None,
    on_error: ErrorHandler | None = None,
    on_batch: Callable[[IngestTotals], None] | None = None,
) -> IngestTotals:
    """Code and store documents batch by batch; errors go to ``on_error`` and are counted."""
    options = options or IngestOptions()
    totals = IngestTotals()

    def report(error: IngestError) -> None:
        totals.errors += 1
        if on_error is not None:
            on_error(error)

    opened: Store | None = None
    coder: Coder | SparkCoder | None = None

    def fuse() -> None:  # one story per real-world event (tidings.stories), for what is saved so far
        assert opened is not None
        for problem in fuse_reporting(opened):
            report(IngestError(display_url(opened.url), problem))

    try:
        for batch in _batches(items, max(1, options.batch_size), report, totals):
            if opened is None:
                opened = store if isinstance(store, Store) else store()
                _index_older_documents(opened)
                config = PipelineConfig(actor_files=options.actor_files, learned=tuple(opened.learned_actors()))
                coder = _coder(config, options)
                meanwhile = None
            else:
                assert coder is not None
                coder.learn(opened.learned_actors())
                meanwhile = fuse  # the previous batch's stories, fused while this batch is coded
            saved = _ingest_batch(opened, coder, batch, totals, report, meanwhile)
            if options.parquet is not None and options.engine == "spark":
                from tidings.scale.spark import SparkCoder

                assert isinstance(coder, SparkCoder)
                coder.write_parquet(saved, options.parquet)
            totals.batches += 1
            if on_batch is not None:
                on_batch(totals)
        if opened is not None:
            fuse()  # the last batch's stories
            totals.counts = opened.counts()
    finally:
        if coder is not None:
            coder.close()
        if opened is not None and opened is not store:
            opened.close()
    return totals


def _coder(config: PipelineConfig, options: IngestOptions) -> Coder | SparkCoder:
    if options.engine == "spark":
        from tidings.scale.spark import SparkCoder

        return SparkCoder(config, master=options.master)
    if options.engine != "local":
        raise TidingsError(f"engine: expected local or spark, got {options.engine!r}")
    return Coder(config, workers=options.workers)


def _batches(
    items: Iterable[Document | IngestError], size: int, report: ErrorHandler, totals: IngestTotals
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, IngestError):
            report(item)
            continue
        totals.read += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _index_older_documents(store: Store) -> None:
    """Band keys for documents stored by a tidings that kept none (done once, a batch at a time)."""
    while True:
        found = store.unindexed_documents(200)
        if not found:
            return
        store.add_bands({doc_id: band_keys(text) for doc_id, text in found})


@dataclass
class _Sorted:
    """A batch split into what to code and what only adds a carrier to a stored document."""

    fresh: list[Document] = field(default_factory=list)
    keys: dict[str, list[int]] = field(default_factory=dict)
    carriers: dict[str, list[str]] = field(default_factory=dict)  # stored document id -> outlets to add


def _sort_batch(store: Store, batch: list[Document], totals: IngestTotals) -> _Sorted:
    out = _Sorted()
    known = store.known_ids(d.id for d in batch)
    keys = {d.id: band_keys(d.text) for d in batch if d.id not in known}
    stored_by_key = store.band_candidates(k for ks in keys.values() for k in ks)
    stored_texts = store.texts({i for ids in stored_by_key.values() for i in ids})
    stored_shingles: dict[str, set[str]] = {}
    kept: dict[str, Document] = {}
    kept_shingles: dict[str, set[str]] = {}
    kept_by_key: dict[int, list[str]] = {}

    def carry(doc_id: str, outlet: str | None) -> None:
        if outlet:
            out.carriers.setdefault(doc_id, []).append(outlet)

    for doc in batch:
        if doc.id in known:
            totals.known += 1
            carry(doc.id, doc.outlet)
            continue
        if doc.id in kept:
            totals.duplicates += 1
            add_outlet(kept[doc.id].carried_by, doc.outlet)
            continue
        mine = shingles(doc.text)
        stored = sorted({i for k in keys[doc.id] for i in stored_by_key.get(k, ()) if i in stored_texts})
        match = None
        for candidate in stored:
            if candidate not in stored_shingles:
                stored_shingles[candidate] = shingles(stored_texts[candidate])
            if same_story(mine, stored_shingles[candidate]):
                match = candidate
                break
        if match is not None:
            totals.duplicates += 1
            carry(match, doc.outlet)
            continue
        local = sorted({i for k in keys[doc.id] for i in kept_by_key.get(k, ())})
        twin = next((i for i in local if same_story(mine, kept_shingles[i])), None)
        if twin is not None:
            totals.duplicates += 1
            add_outlet(kept[twin].carried_by, doc.outlet)
            continue
        if doc.outlet and doc.outlet not in doc.carried_by:
            doc.carried_by.insert(0, doc.outlet)
        kept[doc.id] = doc
        kept_shingles[doc.id] = mine
        for k in keys[doc.id]:
            kept_by_key.setdefault(k, []).append(doc.id)
        out.fresh.append(doc)
        out.keys[doc.id] = keys[doc.id]
    return out


def _one_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _code(coder: Coder | SparkCoder, documents: list[Document],
          meanwhile: Callable[[], None] | None) -> list[DocResult | CodingFailure]:
    """Code a batch; ``meanwhile`` runs here first, or, when other processes code (a pool, Spark),
    in this process while they do, so the driver's serial work no longer leaves their cores idle."""
    if meanwhile is None:
        return coder.code(documents)
    if not coder.parallel:
        meanwhile()
        return coder.code(documents)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-code") as pool:
        coded = pool.submit(coder.code, documents)  # the thread waits on the workers; the GIL is free
        try:
            meanwhile()
        finally:
            outcomes = coded.result()
    return outcomes


def _ingest_batch(store: Store, coder: Coder | SparkCoder, batch: list[Document], totals: IngestTotals,
                  report: ErrorHandler, meanwhile: Callable[[], None] | None = None) -> list[DocResult]:
    """Sort, code and save one batch (running ``meanwhile`` as it is coded); returns the results saved."""
    sorted_ = _sort_batch(store, batch, totals)
    results: list[DocResult] = []
    for outcome in _code(coder, sorted_.fresh, meanwhile):
        if isinstance(outcome, CodingFailure):
            totals.failed += 1
            report(IngestError(outcome.document.source, f"could not be coded ({outcome.reason})"))
        else:
            results.append(outcome)
    try:
        totals.new += store.save(results, bands=sorted_.keys, carriers=sorted_.carriers)
        return results
    except StoreError:
        pass  # find the documents at fault: each one in its own transaction
    saved: list[DocResult] = []
    for result in results:
        try:
            totals.new += store.save([result], bands={result.document.id: sorted_.keys[result.document.id]})
            saved.append(result)
        except StoreError as exc:
            totals.failed += 1
            report(IngestError(result.document.source, f"could not be saved ({_one_line(exc)})"))
    for doc_id, outlets in sorted_.carriers.items():
        try:
            store.save([], carriers={doc_id: outlets})
        except StoreError as exc:
            report(IngestError(doc_id[:12], f"carrier {', '.join(outlets)} not recorded ({_one_line(exc)})"))
    return saved
