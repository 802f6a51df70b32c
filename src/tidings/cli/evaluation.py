"""``tidings eval``: score the store (seed gold) or a fresh coding run (PLOVER gold) and print it.

In: a gold file path, the store URL, options. Out: figures on the console (text or JSON).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from tidings.actors.kb import ActorKB
from tidings.errors import DataFileError
from tidings.records import Actor, Document

__all__ = ["run_eval"]


def run_eval(gold: Path, db: str, details: bool, fmt: str, actor_files: tuple[Path, ...], out: Console) -> None:
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
        return actor.all_names(), actor.country
    return names


def _eval_seeds(gold: Path, db: str, actor_files: tuple[Path, ...]) -> object:
    from tidings.evaluate.seeds import DocRecords, load_seed_gold, score_seeds
    from tidings.store import Store

    gold_events = load_seed_gold(gold)
    store = Store(db)
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
    from datetime import date

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
            PredictedEvent(e.plover_type, _country(pipeline.kb, learned, e.source_id),
                           _country(pipeline.kb, learned, e.target_id))
            for e in result.events if not e.negated
        ])
    return score_plover(records, predictions)


def _country(kb: ActorKB, learned: dict[str, Actor], actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    actor = kb.get(actor_id) or learned.get(actor_id)
    if actor is None or actor.country is None:
        return None
    import pycountry

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
