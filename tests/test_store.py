"""Store: round trips, idempotency, rollback, filters, document lookup; PostgreSQL when available."""

from __future__ import annotations

import contextlib
import copy
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tidings.errors import StoreError
from tidings.records import Actor, Claim, DocResult, Document, Event, Mention, Role, Sentence, to_plain
from tidings.store import Store

TEXT = "Tsikhanouskaya met Berti in Munich. She urged NATO to act. Lukashenka condemned the meeting."


def _sentences(doc_id: str, text: str) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        part = part if part.endswith(".") else part + "."
        begin = text.index(part, start)
        out.append(Sentence(doc_id, i, begin, begin + len(part), part))
        start = begin + len(part)
    return out


def _event(doc_id: str, sent: Sentence, phrase: str, src: str, tgt: str | None, cameo: str, **kw) -> Event:
    begin = sent.start + sent.text.index(phrase)
    return Event(
        doc_id=doc_id,
        sentence=sent.index,
        sentence_start=sent.start,
        sentence_end=sent.end,
        evidence_start=begin,
        evidence_end=begin + len(phrase),
        evidence=phrase,
        source_id=src,
        source_name=src.title(),
        source_code="BLR.OPP",
        target_id=tgt,
        target_name=tgt.title() if tgt else None,
        target_code="NATO.PA" if tgt else None,
        cameo=cameo,
        **kw,
    )


TSIKH = Actor(
    id="sviatlana-tsikhanouskaya",
    name="Sviatlana Tsikhanouskaya",
    type="person",
    country="BLR",
    code="BLR.OPP",
    native={"be": "Святлана Ціханоўская", "be-latn": "Śviatłana Cichanoŭskaja"},
    aliases=["Svetlana Tikhanovskaya", "Tsikhanouskaya"],
    roles=[
        Role("leader of the democratic forces", None, "BLR.OPP", date(2020, 8, 10), None),
        Role("candidate", "CEC", "BLR.OPP", date(2020, 5, 15), date(2020, 8, 9)),
    ],
    gender="f",
)
BERTI = Actor(
    id="benedetta-berti",
    name="Benedetta Berti",
    type="person",
    country="ITA",
    code="NATO.PA",
    roles=[Role("Secretary General", "NATO Parliamentary Assembly", "NATO.PA", date(2024, 1, 1))],
    gender="f",
    parent="nato-pa",
    learned=True,
)
LUKA = Actor(
    id="alyaksandr-lukashenka",
    name="Alyaksandr Lukashenka",
    type="person",
    country="BLR",
    code="BLR.GOV",
    aliases=["Lukashenko"],
    bare_surname=True,
)


def make_result(
    doc_id: str = "a1b2c3d4e5f6" + "0" * 52,
    source: str = "/corpus/pozirk-2026-02-14.txt",
    outlet: str | None = "Pozirk",
    published: date | None = date(2026, 2, 14),
) -> DocResult:
    doc = Document(
        id=doc_id,
        text=TEXT,
        source=source,
        title="Tsikhanouskaya meets Berti",
        outlet=outlet,
        author="Staff",
        dateline="Munich",
        published=published,
        published_inferred=True,
        published_origin="dateline",
        distributor="BelaPAN",
        distributed_at=datetime(2026, 2, 14, 18, 30, 5, 123456, tzinfo=timezone(timedelta(hours=1))),
        language="en",
        url="https://example.org/a",
        disclaimer="Distributed by X.",
        boilerplate=["Subscribe!", "Photo: Y"],
        carried_by=["Pozirk"],
    )
    sents = _sentences(doc_id, TEXT)
    mentions = [
        Mention(doc_id, 0, 14, "Tsikhanouskaya", "surname", TSIKH.id, 0, 0.9),
        Mention(doc_id, 19, 24, "Berti", "surname", BERTI.id, 0, 1.0),
        Mention(doc_id, 36, 39, "She", "pronoun", TSIKH.id, 1, 0.75),
        Mention(doc_id, 46, 50, "NATO", "name", None, 1),
    ]
    events = [
        _event(
            doc_id,
            sents[0],
            "met Berti",
            TSIKH.id,
            BERTI.id,
            "040",
            cameo_name="Consult",
            plover_type="CONSULT",
            plover_mode="visit",
            quad_class=1,
            goldstein=1.0,
            date=date(2026, 2, 14),
            date_precision="day",
            date_origin="text",
            location="Munich",
            symmetric=True,
            confidence=0.8,
            pattern="meet-01",
            coder_version="0.1",
        ),
        _event(
            doc_id,
            sents[1],
            "urged NATO to act",
            TSIKH.id,
            None,
            "025",
            date=date(2026, 2, 13),
            speaker_id=TSIKH.id,
            via_id="franak-viacorka",
            hypothetical=True,
            core=False,
        ),
        _event(doc_id, sents[2], "condemned the meeting", LUKA.id, TSIKH.id, "111", negated=True),
    ]
    claims = [Claim(doc_id, 1, 36, 58, TSIKH.id, "nato", "for", "She urged NATO to act.")]
    return DocResult(doc, sents, mentions, [TSIKH, BERTI, LUKA], events, claims)


def dump(store: Store) -> dict:
    docs = store.documents()
    return to_plain(
        {
            "documents": docs,
            "sentences": [store.sentences(d.id) for d in docs],
            "mentions": store.mentions(),
            "actors": store.actors(),
            "events": store.events(),
            "claims": store.claims(),
        }
    )


def event_key(e: Event) -> tuple:
    return (e.date or date.max, e.doc_id, e.sentence, e.evidence_start)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(str(tmp_path / "t.db"))
    yield s
    s.close()


def check_round_trip(store: Store) -> None:
    result = make_result()
    assert store.save([result]) == 1
    doc_id = result.document.id
    assert store.has_document(doc_id)
    assert store.document(doc_id) == result.document
    assert store.sentences(doc_id) == result.sentences
    assert store.mentions(doc_id) == result.mentions
    assert store.events(doc_id=doc_id) == sorted(result.events, key=event_key)
    assert store.claims(doc_id) == result.claims
    assert store.actors() == sorted(result.actors, key=lambda a: a.id)
    assert store.actor(TSIKH.id) == TSIKH
    assert store.actor("nobody") is None
    got = store.document(doc_id)
    assert got is not None and got.distributed_at is not None
    assert got.distributed_at.utcoffset() == timedelta(hours=1)
    assert store.counts() == {
        "documents": 1,
        "sentences": 3,
        "mentions": 4,
        "actors": 3,
        "events": 3,
        "claims": 1,
    }


def test_round_trip_sqlite(store: Store) -> None:
    check_round_trip(store)


def test_sqlite_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_naive_datetime_and_empty_document(tmp_path: Path) -> None:
    with Store(str(tmp_path / "n.db")) as s:
        doc = Document(id="f" * 64, text="", source="x.txt", distributed_at=datetime(2026, 1, 2, 3, 4))
        assert s.save([DocResult(doc)]) == 1
        assert s.document("f" * 64) == doc


def test_memory_and_url_forms(tmp_path: Path) -> None:
    with Store(":memory:") as s:
        s.save([make_result()])
        assert s.counts()["documents"] == 1
    with Store(f"sqlite:///{tmp_path / 'u.db'}") as s:
        assert s.counts()["documents"] == 0
    with pytest.raises(StoreError):
        Store(str(tmp_path / "missing" / "dir" / "x.db"))


def test_idempotent(store: Store) -> None:
    assert store.save([make_result()]) == 1
    before_counts, before = store.counts(), dump(store)
    assert store.save([make_result()]) == 0
    assert store.save([make_result(), make_result()]) == 0
    assert store.counts() == before_counts
    assert dump(store) == before


def test_duplicate_in_one_batch(store: Store) -> None:
    assert store.save([make_result(), make_result()]) == 1
    assert store.counts()["events"] == 3


def test_rollback_on_constraint_violation(store: Store) -> None:
    first = make_result()
    store.save([first])
    before_counts, before = store.counts(), dump(store)

    good = make_result(doc_id="b" * 64, source="/c/good.txt")
    bad = make_result(doc_id="c" * 64, source="/c/bad.txt")
    bad.actors = [TSIKH]  # Berti and Lukashenka now unknown: foreign keys fail
    bad.mentions[1].actor_id = "no-such-actor"
    with pytest.raises(StoreError):
        store.save([good, bad])
    assert store.counts() == before_counts
    assert dump(store) == before

    dup = make_result(doc_id="d" * 64, source="/c/dup.txt")
    dup.sentences.append(copy.copy(dup.sentences[0]))  # same (doc, index): primary key fails
    with pytest.raises(StoreError):
        store.save([make_result(doc_id="e" * 64, source="/c/e.txt"), dup])
    assert dump(store) == before


def test_rows_must_belong_to_their_document(store: Store) -> None:
    r = make_result()
    r.events[0].doc_id = "other"
    with pytest.raises(StoreError):
        store.save([r])
    assert store.counts()["documents"] == 0


def test_actor_upsert(store: Store) -> None:
    store.save([make_result()])
    changed = copy.deepcopy(TSIKH)
    changed.aliases.append("Tsikhanovskaya")
    changed.roles = changed.roles[:1]
    learned_luka = Actor(id=LUKA.id, name="Lukashenka", type="person", learned=True)
    r = make_result(doc_id="b" * 64, source="b.txt")
    r.actors = [changed, learned_luka]
    store.save([r])
    assert store.actor(TSIKH.id) == changed  # base actor updated when changed
    assert store.actor(LUKA.id) == LUKA  # a learned actor does not overwrite a base one
    new_berti = copy.deepcopy(BERTI)
    new_berti.aliases = ["B. Berti"]
    store.save([DocResult(Document(id="c" * 64, text="", source="c.txt"), actors=[new_berti])])
    assert store.actor(BERTI.id) == new_berti  # learned replaced by learned


def test_add_carrier(store: Store) -> None:
    r = make_result()
    store.save([r])
    store.add_carrier(r.document.id, "Nasha Niva")
    store.add_carrier(r.document.id, "nasha niva")  # already there, case-insensitively
    doc = store.document(r.document.id)
    assert doc is not None and doc.carried_by == ["Pozirk", "Nasha Niva"]
    with pytest.raises(StoreError):
        store.add_carrier("nope", "X")


def test_document_lookup(store: Store) -> None:
    a = make_result(doc_id="abcdef" + "1" * 58, source="/corpus/pozirk-2026-02-14.txt")
    b = make_result(doc_id="abcdef" + "2" * 58, source="https://example.org/news/mfa_belarus.html")
    store.save([a, b])
    assert store.document("abcdef1") == a.document
    assert store.document("ABCDEF2") == b.document
    assert store.document("pozirk-2026-02-14.txt") == a.document
    assert store.document("/corpus/pozirk-2026-02-14.txt") == a.document
    assert store.document("mfa_belarus.html") == b.document
    assert store.document("mfa%belarus.html") is None  # LIKE wildcards are escaped
    assert store.document("abcde") is None  # prefix too short
    assert store.document("nothing.txt") is None
    with pytest.raises(StoreError):
        store.document("abcdef")  # ambiguous prefix


def test_event_filters(store: Store) -> None:
    a = make_result(doc_id="a" * 64, source="a.txt", outlet="Pozirk")
    b = make_result(doc_id="b" * 64, source="b.txt", outlet="Naša Niva")
    b.events[0].date = date(2026, 3, 1)
    b.events[0].cameo = "042"
    b.events[2].date = None
    store.save([a, b])
    assert len(store.events()) == 6
    dates = [e.date for e in store.events()]
    assert dates[-2:] == [None, None] and dates[:-2] == sorted(d for d in dates if d)

    by_luka = store.events(actor_ids=[LUKA.id])
    assert {(e.doc_id[0], e.cameo) for e in by_luka} == {("a", "111"), ("b", "111")}
    assert len(store.events(actor_ids=[BERTI.id])) == 2  # as target
    assert len(store.events(actor_ids=[TSIKH.id])) == 6  # as source or target
    assert store.events(actor_ids=[]) == []

    assert {e.cameo for e in store.events(code="04")} == {"040", "042"}
    assert [e.cameo for e in store.events(code="040")] == ["040"]
    assert store.events(code="0%") == []

    assert {e.date for e in store.events(since=date(2026, 2, 14))} == {date(2026, 2, 14), date(2026, 3, 1)}
    assert {e.date for e in store.events(until=date(2026, 2, 13))} == {date(2026, 2, 13)}
    assert len(store.events(since=date(2026, 2, 14), until=date(2026, 2, 14))) == 1

    assert {e.doc_id for e in store.events(outlet="POZIRK")} == {"a" * 64}
    assert {e.doc_id for e in store.events(outlet="naŠa niva")} == {"b" * 64}
    assert store.events(outlet="Nobody") == []
    assert [e.cameo for e in store.events(outlet="pozirk", code="1", actor_ids=[TSIKH.id])] == ["111"]


def test_mention_filters(store: Store) -> None:
    store.save([make_result()])
    assert [m.text for m in store.mentions(actor_id=TSIKH.id)] == ["Tsikhanouskaya", "She"]
    assert store.mentions(doc_id="zzz") == []


def test_documents_order(store: Store) -> None:
    store.save(
        [
            make_result(doc_id="a" * 64, source="a.txt", published=None),
            make_result(doc_id="b" * 64, source="b.txt", published=date(2026, 3, 1)),
            make_result(doc_id="c" * 64, source="c.txt", published=date(2026, 1, 1)),
        ]
    )
    assert [d.source for d in store.documents()] == ["c.txt", "b.txt", "a.txt"]


# -- PostgreSQL -------------------------------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "pg_ctl").exists() and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Start a throwaway PostgreSQL server; yield its URL; stop it and remove its files."""
    pg_bin = _pg_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL server binaries (pg_ctl, initdb) not found")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip('psycopg not installed (pip install "psycopg[binary]")')
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as the postgres user
        runuser = shutil.which("runuser")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except (ImportError, KeyError):
            runuser = None
        if runuser is None:
            pytest.skip("running as root without a 'postgres' user and runuser: cannot start PostgreSQL")
        prefix = [runuser, "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="tidings-pg-"))
    data, log = base / "data", base / "server.log"
    if prefix:
        shutil.chown(base, "postgres")
        base.chmod(0o700)
    port = _free_port()
    started = False
    try:
        subprocess.run(
            [
                *prefix,
                str(pg_bin / "initdb"),
                "-D",
                str(data),
                "-U",
                "tidings",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *prefix,
                str(pg_bin / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-w",
                "-t",
                "60",
                "-o",
                f"-h 127.0.0.1 -p {port} -k {base} -F",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        started = True
        url = f"postgresql://tidings@127.0.0.1:{port}/postgres"
        deadline = time.monotonic() + 30
        while True:
            try:
                import psycopg

                psycopg.connect(f"host=127.0.0.1 port={port} user=tidings dbname=postgres").close()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield url
    finally:
        if started:
            subprocess.run(
                [*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True,
            )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


def test_round_trip_postgresql(pg_url: str) -> None:
    s = Store(pg_url)
    try:
        check_round_trip(s)
        before = dump(s)
        assert s.save([make_result()]) == 0
        assert dump(s) == before
        bad = make_result(doc_id="c" * 64, source="/c/bad.txt")
        bad.mentions[1].actor_id = "no-such-actor"
        with pytest.raises(StoreError):
            s.save([make_result(doc_id="b" * 64, source="b.txt"), bad])
        assert dump(s) == before
        assert [e.cameo for e in s.events(code="04", outlet="POZIRK", since=date(2026, 2, 14))] == ["040"]
        assert s.document("a1b2c3d4") is not None
        assert s.document("pozirk-2026-02-14.txt") is not None
    finally:
        s.close()
