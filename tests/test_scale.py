"""The process pool gives the same records as one process, in the same order, and stores the same
when the driver fuses stories while the pool codes; Spark's tasks get balanced groups."""

import random
import sqlite3
from pathlib import Path

from newsgen import article, write_corpus
from tidings.ingest import ingest_paths
from tidings.pipeline import Pipeline
from tidings.records import Document, to_plain
from tidings.scale.pool import code_documents
from tidings.scale.spark import _groups
from tidings.service import IngestOptions, ingest
from tidings.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
STORY = Path(__file__).parent / "data" / "russian_style_story.txt"


def test_two_workers_code_exactly_what_one_does():
    docs = ingest_paths([CORPUS, STORY]).documents
    assert len(docs) == 3
    single = [to_plain(r) for r in code_documents(docs, workers=1, pipeline=Pipeline())]
    pooled = [to_plain(r) for r in code_documents(docs, workers=2, chunk_size=1)]
    assert [r["document"]["id"] for r in pooled] == [d.id for d in docs]
    assert pooled == single
    assert sum(len(r["events"]) for r in single) > 40


def _stored(db: Path) -> tuple[dict[str, int], list[dict], list[tuple]]:
    with Store(str(db)) as store:
        events = [to_plain(e) for e in store.events()]
        counts = store.counts()
    with sqlite3.connect(db) as conn:
        reports = conn.execute("SELECT story_id, event_id FROM story_reports ORDER BY event_id").fetchall()
    return counts, events, reports


def test_a_pool_fusing_stories_while_it_codes_stores_exactly_what_one_process_does(tmp_path):
    write_corpus(tmp_path / "in", 14, seed=31)
    inputs = [tmp_path / "in", CORPUS]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest(inputs, lambda: Store(str(one)), IngestOptions(batch_size=4))
    totals = ingest(inputs, lambda: Store(str(two)), IngestOptions(batch_size=4, workers=2))
    assert (totals.new, totals.batches, totals.errors) == (16, 4, 0)
    assert _stored(two) == _stored(one)
    assert _stored(one)[2]  # stories were fused, the last batch's included


def test_spark_tasks_get_every_document_once_in_groups_of_even_length():
    rng = random.Random(4)
    docs = [Document(id=str(i), text=article(rng, rng.randint(20, 900)), source=f"{i}.txt") for i in range(50)]
    groups = _groups(docs, 8)
    assert len(groups) == 8
    assert sorted(i for group in groups for i, _ in group) == list(range(50))
    assert all(docs[i] is doc for group in groups for i, doc in group)
    loads = [sum(len(doc.text) for _, doc in group) for group in groups]
    assert loads == sorted(loads, reverse=True)  # heaviest first
    assert loads[0] - loads[-1] <= max(len(d.text) for d in docs)
    assert len(_groups(docs[:3], 8)) == 3
