"""Spark (``--engine spark``, local mode): the same events as the single-process path, and Parquet
partitioned by date. Skipped with a reason where pyspark or Java is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgen import write_corpus
from tidings.cli.main import app
from tidings.records import to_plain
from tidings.store import Store

pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'tidings[spark]')")
if shutil.which("java") is None:
    pytest.skip("no Java runtime (Debian: default-jre-headless)", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
runner = CliRunner()


def _stored(db: Path) -> tuple[dict[str, int], list[dict]]:
    with Store(str(db)) as store:
        events = [to_plain(e) for e in store.events()]
        return store.counts(), events


def test_spark_codes_exactly_what_one_process_does_and_writes_parquet(tmp_path):
    write_corpus(tmp_path / "in", 10, seed=21)
    inputs = [str(tmp_path / "in"), str(CORPUS)]
    local, spark = tmp_path / "local.db", tmp_path / "spark.db"
    result = runner.invoke(app, ["ingest", *inputs, "--db", str(local), "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["ingest", *inputs, "--db", str(spark), "--batch-size", "4", "--engine", "spark",
                                 "--master", "local[2]", "--parquet", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    assert "ingested 12 new document(s)" in result.output
    assert _stored(spark) == _stored(local)
    events = {p.name for p in (tmp_path / "pq" / "events").iterdir() if p.is_dir()}
    assert "date=2026-02-14" in events  # the Pozirk sample's events
    assert {p.name for p in (tmp_path / "pq" / "documents").iterdir() if p.is_dir()} >= {
        "published=2026-02-14", "published=2026-02-23"}
    assert list((tmp_path / "pq" / "mentions").glob("published=*/*.parquet"))
