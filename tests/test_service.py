"""The streaming ingest core: batches, resume after kill -9, near-duplicates from the store,
the one-bad-document case, and two ingests at once into SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgen import write_corpus
from test_store import postgres_server
from tidings.cli.main import app
from tidings.errors import IngestError
from tidings.ingest import read_path
from tidings.service import IngestOptions, ingest, ingest_stream
from tidings.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
POZIRK = CORPUS / "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt"
MFA = CORPUS / "mfa-belarus-2026-02-23-sekreta-geneva.txt"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def totals_of(store: Store) -> tuple[dict[str, int], list[tuple]]:
    """Row counts and every event as (document, sentence, code, source, target): what a run stored."""
    events = sorted((e.doc_id, e.sentence, e.evidence_start, e.cameo, e.source_id or "", e.target_id or "")
                    for e in store.events())
    return store.counts(), events


# --- one bad document ---------------------------------------------------------------------------


def test_the_article_that_failed_the_batch_is_coded_beside_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in (POZIRK, MFA):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "sides.txt").write_text("The diplomat met Zelensky on Monday. The sides discussed sanctions.\n",
                                      "utf-8")
    db = tmp_path / "fk.db"
    result = run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "error" not in result.output
    assert "ingested 3 new document(s)" in result.output
    with Store(str(db)) as store:
        doc = store.document("sides.txt")
        assert doc is not None
        sides = [m for m in store.mentions(doc.id) if m.kind == "plural"]
        assert {m.actor_id for m in sides} <= {None, "volodymyr-zelensky"}  # never the "?diplomat" placeholder


def test_a_document_that_fails_to_read_or_code_is_reported_and_the_batch_stored(tmp_path):
    good = read_path(POZIRK) + read_path(MFA)
    items = [good[0], IngestError("bad.jsonl", "not valid JSON (x)", 3), good[1]]
    seen: list[str] = []
    with Store(str(tmp_path / "s.db")) as store:
        totals = ingest_stream(items, store, IngestOptions(batch_size=1), on_error=lambda e: seen.append(str(e)))
        assert (totals.read, totals.new, totals.errors, totals.batches) == (2, 2, 1, 2)
        assert seen == ["bad.jsonl:3: not valid JSON (x)"]
        assert store.counts()["documents"] == 2


# --- near-duplicates, from the store --------------------------------------------------------------


def _html_copy(tmp_path: Path) -> Path:
    doc = read_path(POZIRK)[0]
    body = "".join(f"<p>{p}</p>" for p in doc.text.split("\n\n"))
    page = (f"<html><head><title>{doc.title}</title><meta property='og:site_name' content='Belsat'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{doc.title}</h1>"
            f"{body}<p>This story was first published by our partners at Pozirk and is shared with permission."
            f"</p></article><footer>Copyright Belsat. All rights reserved.</footer></body></html>")
    path = tmp_path / "belsat.html"
    path.write_text(page, "utf-8")
    return path


@pytest.mark.parametrize("runs", [1, 2])
def test_the_same_story_as_text_and_html_is_stored_once_with_both_carriers(tmp_path, runs):
    html = _html_copy(tmp_path)
    assert read_path(html)[0].id != read_path(POZIRK)[0].id  # not byte-identical: a near copy
    with Store(str(tmp_path / "d.db")) as store:
        if runs == 1:
            totals = ingest([POZIRK, html], store)
        else:  # the copy arrives in a later run: found through the stored band keys
            ingest([POZIRK], store)
            totals = ingest([html], store)
        assert totals.duplicates == 1
        docs = store.documents()
        assert len(docs) == 1
        assert docs[0].carried_by == ["Pozirk", "Belsat"]


def _story(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("shared", [6, 7])
def test_distinct_stories_sharing_60_to_75_percent_are_both_kept(tmp_path, shared):
    import random

    from newsgen import _sentence

    rng = random.Random(shared)
    paragraphs = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(14)]
    first = _story(paragraphs[:10])
    second = _story(paragraphs[:shared] + paragraphs[10 : 10 + (10 - shared)])
    for name, text in (("first.txt", first), ("second.txt", second)):
        (tmp_path / name).write_text(text, "utf-8")
    with Store(str(tmp_path / "o.db")) as store:
        ingest([tmp_path / "first.txt"], store)
        totals = ingest([tmp_path / "second.txt"], store)
        assert (totals.new, totals.duplicates) == (1, 0)
        assert store.counts()["documents"] == 2


# --- kill -9 and resume ---------------------------------------------------------------------------


def _documents(db: Path) -> list[str]:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return [r[0] for r in conn.execute("SELECT source FROM documents")]
    except sqlite3.OperationalError:  # not created yet
        return []


def test_kill_9_mid_run_keeps_committed_batches_and_the_rerun_equals_an_uninterrupted_run(tmp_path):
    paths = write_corpus(tmp_path / "in", 48)
    full, killed = tmp_path / "full.db", tmp_path / "killed.db"
    assert run("ingest", str(tmp_path / "in"), "--db", str(full), "--batch-size", "4").exit_code == 0

    proc = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli.main", "ingest", str(tmp_path / "in"), "--db", str(killed),
         "--batch-size", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None and len(_documents(killed)) < 8:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    stored = _documents(killed)
    assert 8 <= len(stored) < len(paths)
    assert len(stored) % 4 == 0  # whole batches only
    assert sorted(stored) == [str(p) for p in paths[: len(stored)]]  # every batch committed, in order
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                            "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)").fetchone()[0] == 0

    result = run("ingest", str(tmp_path / "in"), "--db", str(killed), "--batch-size", "4")
    assert result.exit_code == 0, result.output
    assert f"ingested {len(paths) - len(stored)} new document(s); {len(stored)} already known" in result.output
    with Store(str(full)) as a, Store(str(killed)) as b:
        assert totals_of(a) == totals_of(b)


# --- two ingests at once ----------------------------------------------------------------------------


def _two_at_once(folder: Path, db: str) -> None:
    command = [sys.executable, "-m", "tidings.cli.main", "ingest", str(folder), "--db", db, "--batch-size", "3"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, out + err
        assert "error" not in err, err


def _concurrent_case(tmp_path: Path, target: str) -> None:
    write_corpus(tmp_path / "in", 24, seed=3)
    alone = tmp_path / "alone.db"
    assert run("ingest", str(tmp_path / "in"), "--db", str(alone), "--batch-size", "3").exit_code == 0
    _two_at_once(tmp_path / "in", target)
    with Store(str(alone)) as a, Store(target) as b:
        assert b.counts()["documents"] == 24
        assert totals_of(a) == totals_of(b)


def test_two_ingests_at_once_into_one_sqlite_store(tmp_path):
    _concurrent_case(tmp_path, str(tmp_path / "shared.db"))


def test_two_ingests_at_once_into_one_postgresql_store(tmp_path):
    with postgres_server() as url:
        _concurrent_case(tmp_path, url)
