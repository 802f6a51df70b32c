"""The process pool gives the same records as one process, in the same order."""

from pathlib import Path

from tidings.ingest import ingest_paths
from tidings.pipeline import Pipeline
from tidings.records import to_plain
from tidings.scale.pool import code_documents

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
