"""``tidings eval``: score the store (seed gold), or a fresh coding run (PLOVER gold, or a development
set folder such as ``tests/data/realnews``), and print it.

In: a gold file or folder path, the store URL, options. Out: figures on the console (text or JSON).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tidings.actors.kb import ActorKB
from tidings.errors import DataFileError
from tidings.evaluate.devset import DevsetScore
from tidings.evaluate.negatives import NegativeScore
from tidings.records import Actor, Document

if TYPE_CHECKING:
    from tidings.pipeline import Pipeline
    from tidings.records import DocResult

__all__ = ["run_eval"]


def run_eval(gold: Path, db: str, details: bool, fmt: str, actor_files: tuple[Path, ...], out: Console) -> None:
    from tidings.evaluate.claims import is_claims_gold
    from tidings.evaluate.devset import is_devset

    if is_claims_gold(gold):  # claims or fusion gold (tidings.cli.claims_eval)
        from tidings.cli.claims_eval import run_claims_eval
        return run_claims_eval(gold, details, fmt, actor_files, out)
    if is_devset(gold):
        result = _eval_devset(gold, actor_files)
        if fmt == "json":
            out.print_json(json.dumps(result.to_dict()))
            return
        _print_devset(result, out)
        if details:
            _print_details(result.overall, out)
        return
    from tidings.evaluate.negatives import is_negative_set

    if is_negative_set(gold):
        negative = _eval_negatives(gold, actor_files)
        if fmt == "json":
            out.print_json(json.dumps(negative.to_dict()))
            return
        _print_negatives(negative, out, details)
        return
    if _is_plover(gold):
        result = _eval_plover(gold, actor_files)
    else:
        result = _eval_seeds(gold, db, actor_files)
    if fmt == "json":
        out.print_json(json.dumps(result.to_dict()))
        return
    _print_score(result.to_dict(), out)
    if details:
        _print_details(result, out)


def _is_plover(path: Path) -> bool:
    if path.is_dir():
        raise DataFileError(str(path), "a folder is scored only when it holds index.jsonl, gold.jsonl and docs/")
    with path.open("rb") as fh:
        head = fh.read(64).lstrip()
    return head.startswith(b"[")


def _names(kb: ActorKB, stored: dict[str, Actor]) -> Callable[[str | None], tuple[list[str], str | None]]:
    def names(actor_id: str | None) -> tuple[list[str], str | None]:
        if actor_id is None:
            return [], None
        actor = kb.get(actor_id) or stored.get(actor_id)
        if actor is None:
            return [actor_id], None
        return actor.known_names(), actor.country
    return names


def _eval_seeds(gold: Path, db: str, actor_files: tuple[Path, ...]) -> object:
    from tidings.evaluate.seeds import DocRecords, load_seed_gold, score_seeds
    from tidings.store import Store

    gold_events = load_seed_gold(gold)
    store = Store(db, create=False)  # scoring reads a store; it never makes one
    try:
        docs: dict[str, DocRecords] = {}
        for document in store.documents():
            name = Path(document.source).name
            docs[name] = DocRecords(document, store.sentences(document.id), store.events(doc_id=document.id))
        stored = {a.id: a for a in store.actors()}
    finally:
        store.close()
    wanted = {g.doc for g in gold_events}
    if not wanted & set(docs):
        raise DataFileError(str(gold), f"none of its documents ({', '.join(sorted(wanted))}) is in {db}; "
                            "ingest them first")
    return score_seeds(gold_events, docs, _names(ActorKB.load(actor_files), stored))


def _eval_plover(gold: Path, actor_files: tuple[Path, ...]) -> object:
    from tidings.evaluate.plover import PredictedEvent, load_plover_gold, score_plover
    from tidings.ingest import document_id
    from tidings.pipeline import Pipeline, PipelineConfig

    records = load_plover_gold(gold)
    pipeline = Pipeline(PipelineConfig(actor_files=actor_files))
    docs = [
        Document(id=document_id(r.text), text=r.text, source=str(gold), published=date(2000, 1, 1))
        for r in records
    ]
    predictions = []
    for result in pipeline.process_many(docs):
        learned = {a.id: a for a in result.actors}
        predictions.append([
            PredictedEvent(e.plover_type, _country(pipeline.kb, learned, e.source_id, e.source_code),
                           _country(pipeline.kb, learned, e.target_id, e.target_code))
            for e in result.events if not e.negated
        ])
    return score_plover(records, predictions)


def _country(kb: ActorKB, learned: dict[str, Actor], actor_id: str | None, code: str | None = None) -> str | None:
    import pycountry

    if actor_id is None:
        # a generic agent ("Israeli troops", ISR.MIL) has no id but its code names its country
        head = code.split(".")[0] if code and "." in code else None
        return head if head and pycountry.countries.get(alpha_3=head) else None
    actor = kb.get(actor_id) or learned.get(actor_id)
    if actor is None or actor.country is None:
        return None

    # CAMEO-style gold codes international organisations (UN, NATO, EU, OSCE) as IGO
    return actor.country if pycountry.countries.get(alpha_3=actor.country) else "IGO"


def _print_score(figures: dict, out: Console) -> None:
    table = Table(title="evaluation")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        if isinstance(value, float):
            table.add_row(key, f"{value:.3f}")
        elif isinstance(value, int | str):
            table.add_row(key, str(value))
    out.print(table)
    confusion = figures.get("confusion")
    if isinstance(confusion, dict) and confusion:
        labels = sorted({p for row in confusion.values() for p in row} | set(confusion))
        grid = Table(title="confusion (gold rows × predicted columns)")
        grid.add_column("gold")
        for label in labels:
            grid.add_column(label[:6], justify="right")
        for g in labels:
            row = confusion.get(g, {})
            grid.add_row(g, *[str(row.get(p, "")) for p in labels])
        out.print(grid)


def _print_details(result: object, out: Console) -> None:
    for gold, sentence in getattr(result, "misses", []):
        out.print(f"[red]miss[/red] {gold.source[0]} {'/'.join(gold.cameo)} "
                  f"{(gold.target or ['-'])[0]} «{gold.evidence}»\n    in: {sentence}", highlight=False)
    for event, sentence in getattr(result, "false_positives", []):
        out.print(f"[yellow]false positive[/yellow] {event.source_name} {event.cameo} "
                  f"{event.target_name or '-'} «{event.evidence}»\n    in: {sentence}", highlight=False)


def _code_alone(pipeline: Pipeline, document: Document) -> list[DocResult]:
    """Code one document, or say on one line why it could not be coded (it then codes nothing)."""
    try:
        return list(pipeline.process_many([document]))
    except Exception as exc:  # noqa: BLE001 - reported, and the run goes on
        print(f"error: {document.source}: could not be coded ({type(exc).__name__}: {exc})", file=sys.stderr)
        return []


def _eval_devset(folder: Path, actor_files: tuple[Path, ...]) -> DevsetScore:
    """Code every article of a development set as a user would ingest it (its text file, with the
    index's publication date and outlet) and score it; nothing is stored."""
    from tidings.evaluate.devset import score_devset
    from tidings.evaluate.seeds import DocRecords
    from tidings.ingest import read_path
    from tidings.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig(actor_files=actor_files))

    def code(items: list[tuple[Path, dict]]) -> tuple[dict[str, DocRecords], dict[str, Actor]]:
        documents: list[Document] = []
        for path, entry in items:
            (document,) = read_path(path, published=date.fromisoformat(entry["published"]))
            document.outlet, document.url = entry["outlet"], entry.get("url") or document.url
            documents.append(document)
        docs: dict[str, DocRecords] = {}
        learned: dict[str, Actor] = {}
        try:
            results = list(pipeline.process_many(documents))
        except Exception:  # noqa: BLE001 - one bad document must not stop the scoring of the rest
            results = [r for document in documents for r in _code_alone(pipeline, document)]
        for result in results:
            docs[Path(result.document.source).name] = DocRecords(result.document, result.sentences, result.events)
            learned.update({a.id: a for a in result.actors if pipeline.kb.get(a.id) is None})
        for document in documents:  # a document that could not be coded is scored as coding nothing
            docs.setdefault(Path(document.source).name, DocRecords(document, [], []))
        return docs, learned

    def names(learned: dict[str, Actor]) -> Callable[[str | None], tuple[list[str], str | None]]:
        return _names(pipeline.kb, learned)

    return score_devset(folder, code, names, lambda a, learned: pipeline.kb.get(a) or learned.get(a))


def _print_devset(result: DevsetScore, out: Console) -> None:
    _print_score(result.overall.to_dict(), out)
    out.print(f"documents: {result.documents}; matched events whose source and target both carry a country "
              f"or organisation: {result.placed_share:.3f}")
    for group, scores in result.groups.items():
        table = Table(title=f"by {group}")
        for column in (group, "gold", "extracted", "matched", "root", "F1", "root F1"):
            table.add_column(column, justify="left" if column == group else "right")
        for name, s in scores.items():
            table.add_row(escape(name), str(s.gold), str(s.extracted), str(s.matched), str(s.matched_root),
                          f"{s.f1:.3f}", f"{s.root_f1:.3f}")
        out.print(table)


def _eval_negatives(path: Path, actor_files: tuple[Path, ...]) -> NegativeScore:
    """Code each sentence of a negative set alone, as a one-sentence document, and count events."""
    from tidings.evaluate.negatives import load_negatives, score_negatives
    from tidings.ingest import document_id
    from tidings.pipeline import Pipeline, PipelineConfig

    records = load_negatives(path)
    pipeline = Pipeline(PipelineConfig(actor_files=actor_files))
    docs = [Document(id=document_id(r["text"]), text=r["text"], source=str(path), published=date(2025, 1, 1))
            for r in records]
    return score_negatives(records, [r.events for r in pipeline.process_many(docs)])


def _print_negatives(score: NegativeScore, out: Console, details: bool) -> None:
    out.print(f"negative sentences: {score.sentences}; with an event: {score.with_event} ({score.share:.3f})")
    table = Table(title="by category")
    for column in ("category", "with event", "sentences"):
        table.add_column(column)
    for category, (hits, total) in sorted(score.by_category.items()):
        table.add_row(escape(category), str(hits), str(total))
    out.print(table)
    if details:
        for text, events in score.fired:
            out.print(escape(f"fired: {text}"))
            for e in events:
                out.print(escape(f"    {e.source_id or e.source_name} {e.cameo} {e.target_id or e.target_name} "
                                 f"«{e.evidence}» ({e.pattern})"))
