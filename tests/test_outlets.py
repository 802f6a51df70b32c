"""Outlets and camps: the data file, its validation, and the camp every ingested document gets."""

import json
import sqlite3
from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.ingest import read_path
from tidings.ingest.outlets import UNCLASSIFIED, OutletBook, attach_outlet
from tidings.records import Document
from tidings.store import Store

REALNEWS = Path(__file__).parent / "data" / "realnews"
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _doc(text: str = "Some text.", **kw: object) -> Document:
    return Document(id="x" * 64, text=text, source="a.txt", **kw)  # type: ignore[arg-type]


def test_book_covers_the_regions_and_every_camp() -> None:
    book = OutletBook.load()
    assert len(book.outlets) >= 150
    assert {o.camp for o in book.outlets} == set(book.camps)
    countries = {o.country for o in book.outlets}
    assert {"BLR", "RUS", "UKR", "LTU", "LVA", "EST", "POL", "EU"} <= countries


def test_devset_outlets_have_the_index_camps() -> None:
    """Every outlet of the real-news development set is known, with the camp its index gives."""
    book = OutletBook.load()
    for line in (REALNEWS / "index.jsonl").read_text("utf-8").splitlines():
        entry = json.loads(line)
        assert attach_outlet(_doc(outlet=entry["outlet"]), book).camp == entry["camp"], entry["outlet"]
        # read as a user would ingest the file with its URL: credit line first, then the domain
        (document,) = read_path(REALNEWS / "docs" / entry["file"])
        document.url = entry["url"]
        found = attach_outlet(document, book)
        # a copy another site republished is read as that site's (AFP's own pages were not stored)
        republished = entry["outlet"] == "AFP" or "republished" in entry.get("note", "")
        assert found.camp in {entry["camp"], UNCLASSIFIED} or republished, entry["file"]


def test_outlet_from_domain_credit_and_distributor() -> None:
    book = OutletBook.load()
    found = attach_outlet(_doc(url="https://en.special.kremlin.ru/events/1"), book)
    assert (found.outlet, found.camp) == ("President of Russia (kremlin.ru)", "government")
    credited = attach_outlet(_doc("Belarus puts leader on trial\n\n(Reuters) - Belarus put ..."), book)
    assert (credited.outlet, credited.camp) == ("Reuters", "wire")
    assert attach_outlet(_doc("February 14, Pozirk. Belarus' exiled ..."), book).camp == "opposition-exile"
    # a press-release feed's name or domain is no outlet; the outlet it names as distributor is
    relayed = attach_outlet(_doc(outlet="Public Technologies (PUBT)", url="https://www.publicnow.com/x"), book)
    assert (relayed.outlet, relayed.camp) == (None, UNCLASSIFIED)
    assert attach_outlet(_doc(distributor="BelTA"), book).camp == "state-media"


def test_unknown_outlet_is_unclassified_never_guessed() -> None:
    book = OutletBook.load()
    unknown = attach_outlet(_doc("Minsk (Local Herald) - something", outlet="Local Herald"), book)
    assert (unknown.outlet, unknown.camp) == ("Local Herald", UNCLASSIFIED)
    # "reuters" inside a sentence is a source, not a credit line
    assert attach_outlet(_doc("Officials said so, according to Reuters."), book).camp == UNCLASSIFIED


def test_a_mission_named_with_its_post_is_its_governments_outlet() -> None:
    book = OutletBook.load()
    for name in ("U.S. Embassy in Belarus", "US Embassy to Minsk"):
        found = book.named(name)
        assert found is not None and (found.id, found.country, found.camp) == ("state-department", "USA", "government")
    # counterexamples: a post on a name that is no mission, a mission of no known outlet
    assert book.named("Local Herald in Minsk") is None
    assert book.named("Embassy of Freedom in Paris") is None


def test_samples_get_their_camps() -> None:
    book = OutletBook.load()
    camps = {p.name: attach_outlet(read_path(p)[0], book).camp for p in CORPUS.glob("*.txt")}
    assert camps == {"pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt": "opposition-exile",
                     "mfa-belarus-2026-02-23-sekreta-geneva.txt": "government"}


@pytest.mark.parametrize(("text", "problem"), [
    ("camps: {wire: w}\noutlets:\n  - {id: a, name: A, country: X, language: en, camp: wire, colour: red}\n",
     "unknown key(s) ['colour']"),
    ("camps: {wire: w}\noutlets:\n  - {id: a, name: A, country: X, language: en, camp: tabloid}\n", "camp 'tabloid'"),
    ("camps: {wire: w}\nfeeds: []\n", "unknown key(s) ['feeds']"),
    ("camps: {wire: w}\noutlets:\n  - {id: a, name: A, country: X, camp: wire}\n", "missing ['language']"),
    ("camps: {wire: w}\noutlets:\n  - {id: a, name: A, country: X, language: en, camp: wire, domains: [tass.com]}\n",
     "already belongs to"),
    ("outlets: [\n", "not valid YAML"),
    ("camps: {wire: w}\noutlets:\n  - {id: a, name: A, country: X, language: en, camp: wire, actor: 3}\n",
     "actor must be an actor id"),
])
def test_bad_files_name_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(DataFileError) as exc:
        OutletBook.load([path])
    assert str(path) in str(exc.value) and problem in str(exc.value)


def test_user_file_adds_an_outlet(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("outlets:\n  - {id: local, name: Local Herald, country: BLR, language: be, camp: independent, "
                    "domains: [herald.example]}\n", "utf-8")
    book = OutletBook.load([path])
    assert attach_outlet(_doc(url="http://herald.example/a"), book).camp == "independent"


def test_camp_is_stored_and_an_older_database_gains_the_column(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)  # a documents table as an older tidings made it: no camp column
    con.execute("CREATE TABLE documents (id VARCHAR PRIMARY KEY, text TEXT NOT NULL, source TEXT NOT NULL)")
    con.execute("INSERT INTO documents (id, text, source) VALUES ('a', 'kept', 'a.txt')")
    con.commit()
    con.close()
    with Store(str(db)):
        pass
    con = sqlite3.connect(db)
    columns = {row[1] for row in con.execute("PRAGMA table_info(documents)")}
    assert "camp" in columns
    assert con.execute("SELECT text FROM documents WHERE id = 'a'").fetchone() == ("kept",)
    con.close()
