"""Fuzzing (hypothesis, a bounded number of examples): whatever bytes a file holds, the readers give
documents or one-line errors naming the file, never a traceback; whatever text a document holds, the
pipeline codes it and the store saves it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import IngestError
from tidings.ingest import document_id, iter_documents
from tidings.pipeline import Pipeline
from tidings.records import Document
from tidings.store import Store

FUZZ = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
WORDS = ["Lukashenka", "met", "Tsikhanouskaya", "in", "Vilnius", "on", "Monday", ".", "The", "sides", "discussed",
         "sanctions", "<p>", "</p>", "<div>", "&#xD800;", "\u202e", "\ufeff", "\x00", "[bold]", "\n\n", "“", "”",
         "She", "urged", "NATO", "to", "act", "Poland", "condemned", "the", "arrest", "of", "2", "activists"]
_pipeline: Pipeline | None = None


def _check(path: Path) -> None:
    for item in iter_documents([path]):
        if isinstance(item, IngestError):
            message = str(item)
            assert message.startswith(str(path)) and "\n" not in message
        else:
            assert isinstance(item, Document) and item.text.strip() and item.id == document_id(item.text)
            item.text.encode("utf-8")  # storable


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".rss", ".atom"]))
def test_readers_survive_any_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        _check(path)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["text", "html", "title", "url", "outlet", "author",
                                                          "published"]), _values | st.sampled_from(WORDS)),
                        min_size=1, max_size=5))
def test_jsonl_reader_survives_any_record(records):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
        _check(path)


@FUZZ
@given(words=st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=1, max_size=60))
def test_pipeline_codes_and_the_store_saves_any_text(words):
    global _pipeline
    _pipeline = _pipeline or Pipeline()
    text = " ".join(words).strip()
    if not text or "\x00" in text:
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return  # the readers refuse unpaired surrogates before the pipeline sees them
    result = _pipeline.process(Document(id=document_id(text), text=text, source="fuzz"))
    store = Store(":memory:")
    try:
        assert store.save([result]) == 1
    finally:
        store.close()
