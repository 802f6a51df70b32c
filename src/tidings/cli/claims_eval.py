"""``tidings eval`` for the claims and fusion gold sets: code their documents afresh and print scores.

In: a gold folder (``tests/data/claims`` or ``tests/data/stories``), actor files, output options.
Out: figures on the console (text or JSON); ``--details`` lists misses, false positives, wrong stances.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from tidings.records import DocResult, Document

__all__ = ["run_claims_eval"]


def run_claims_eval(gold: Path, details: bool, fmt: str, actor_files: tuple[Path, ...], out: Console) -> None:
    from tidings.evaluate.claims import score_claims
    from tidings.evaluate.stories import is_fusion_gold
    from tidings.pipeline import Pipeline, PipelineConfig

    pipeline = Pipeline(PipelineConfig(actor_files=actor_files))
    if is_fusion_gold(gold):
        _fusion(gold, pipeline, details, fmt, out)
        return
    learned: dict = {}

    def code(documents: list[Document]) -> list[DocResult]:
        results = list(pipeline.process_many(documents))
        learned.update({a.id: a for r in results for a in r.actors})
        return results

    score = score_claims(gold, code, lambda a: pipeline.kb.get(a) or learned.get(a))
    if fmt == "json":
        out.print_json(json.dumps(score.to_dict()))
        return
    table = Table(title=f"claims: {score.documents} documents (speaker + topic; stance over matched)")
    for column in ("camp", "gold", "predicted", "matched", "precision", "recall", "stance"):
        table.add_column(column, justify="left" if column == "camp" else "right")
    rows = [("all", score.overall), *sorted(score.by_camp.items())]
    for name, c in rows:
        table.add_row(escape(name), str(c.gold), str(c.predicted), str(c.matched), f"{c.precision:.3f}",
                      f"{c.recall:.3f}", f"{c.stance:.3f}")
    out.print(table)
    if details:
        for g, sentence in score.misses:
            out.print(escape(f"miss {g.doc[:30]} {g.speaker[0]} {g.topic} {g.stance} «{g.evidence}»"))
            out.print(escape(f"    in: {sentence}"))
        for c in score.false_positives:
            out.print(escape(f"false positive {c.speaker_id or c.speaker_name} {c.topic} {c.stance} «{c.quote[:120]}»"))
        for g, c in score.wrong_stance:
            out.print(escape(f"stance {c.stance} for gold {g.stance}: {g.topic} «{g.evidence}»"))


def _fusion(gold: Path, pipeline: object, details: bool, fmt: str, out: Console) -> None:
    from tidings.evaluate.stories import score_fusion
    from tidings.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    score = score_fusion(gold, lambda docs: pipeline.process_many(docs))
    if fmt == "json":
        out.print_json(json.dumps(score.to_dict()))
        return
    table = Table(title="story fusion (pairs of gold reports fused into one story)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in score.to_dict().items():
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) else str(value))
    out.print(table)
    if details:
        for a, b in score.wrong:
            out.print(f"fused, but different events: {a} {b}")
        for a, b in score.missed:
            out.print(f"one event, not fused: {a} {b}")
