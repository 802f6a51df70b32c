"""The command line end to end: ingest into a real SQLite file, query, show, eval, bad input."""

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT.parent / "shared" / "gold" / "seeds.jsonl"

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def dump(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "t.db"
    result = run("ingest", str(CORPUS), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "ingested 2 new document(s)" in result.output
    return db


def test_ingesting_the_same_folder_again_changes_nothing(store):
    before = dump(store)
    result = run("ingest", str(CORPUS), "--db", str(store))
    assert result.exit_code == 0
    assert "ingested 0 new document(s)" in result.output
    assert dump(store) == before


def test_events_filters_and_formats(store):
    rows = [json.loads(line) for line in run("events", "--db", str(store), "--format", "jsonl").output.splitlines()]
    assert len(rows) >= 35
    by_russian_spelling = run("events", "--db", str(store), "--actor", "Tikhanovskaya", "--code", "04",
                              "--format", "jsonl").output.splitlines()
    consults = [json.loads(line) for line in by_russian_spelling]
    assert {(e["source_id"], e["target_id"]) for e in consults} >= {
        ("sviatlana-tsikhanouskaya", "benedetta-berti"),
        ("sviatlana-tsikhanouskaya", "boris-ruge"),
        ("sviatlana-tsikhanouskaya", "volodymyr-zelensky"),
    }
    assert all(e["cameo"].startswith("0") and e["cameo"][:2] in {"04", "03"} for e in consults)
    january = run("events", "--db", str(store), "--until", "2026-01-31", "--format", "jsonl").output.splitlines()
    assert [(json.loads(x)["target_id"], json.loads(x)["location"]) for x in january] == [
        ("volodymyr-zelensky", "Vilnius")
    ]
    mfa = run("events", "--db", str(store), "--outlet", "ministry of foreign affairs of the republic of belarus",
              "--format", "csv").output.splitlines()
    assert mfa[0].startswith("doc_id,") and len(mfa) > 20
    cyrillic = run("events", "--db", str(store), "--actor", "Ціханоўская", "--format", "jsonl").output.splitlines()
    table = run("events", "--db", str(store), "--actor", "Ціханоўская")
    assert table.exit_code == 0 and table.output.startswith(f"{len(cyrillic)} events")
    assert len(cyrillic) >= 12


def test_sample_events_are_exact(store):
    rows = [json.loads(line) for line in run("events", "--db", str(store), "--format", "jsonl").output.splitlines()]
    found = {(e["source_id"], e["cameo"], e["target_id"], e["date"], e["location"]) for e in rows}
    assert {
        ("igor-sekreta", "051", "VEN", "2026-02-23", "Geneva"),
        ("igor-sekreta", "051", "CUB", "2026-02-23", "Geneva"),
        ("igor-sekreta", "051", "IRN", "2026-02-23", "Geneva"),
        ("igor-sekreta", "020", "unhcr", "2026-02-23", "Geneva"),
        ("igor-sekreta", "112", "european-commission", "2026-02-23", "Geneva"),
        ("sviatlana-tsikhanouskaya", "040", "benedetta-berti", "2026-02-14", "Munich"),
        ("sviatlana-tsikhanouskaya", "040", "volodymyr-zelensky", "2026-01-25", "Vilnius"),
        ("sviatlana-tsikhanouskaya", "112", "RUS", "2026-02-14", "Munich"),
    } <= found
    relayed = [e for e in rows if e["pattern"] == "accusation" and e["target_id"] == "alyaksandr-lukashenka"]
    assert [(e["source_id"], e["via_id"]) for e in relayed] == [("sviatlana-tsikhanouskaya", "franak-viachorka")]
    congratulations = [e for e in rows if e["pattern"] == "convey-congratulations"]
    assert [(e["source_id"], e["target_id"], e["speaker_id"]) for e in congratulations] == [
        ("maxim-ryzhenkov", "barham-salih", "igor-sekreta")
    ]
    visit = [e for e in rows if e["pattern"] == "visit-noun"]
    assert [(e["cameo"], e["target_id"], e["hypothetical"], e["date"], e["location"]) for e in visit] == [
        ("036", "nato", True, None, "Brussels")
    ]


def test_show_actor_and_actors(store):
    shown = run("show", "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt", "--db", str(store))
    assert shown.exit_code == 0
    assert "Pozirk" in shown.output and "2026-02-14 (inferred)" in shown.output
    assert "had a meeting on the sidelines of the Munich Security Conference" in shown.output
    actor = run("actor", "Лукашенко", "--db", str(store))
    assert actor.exit_code == 0
    assert "Alyaksandr Lukashenka" in actor.output and "Łukašenka" in actor.output
    listing = run("actors", "Viachorka", "--db", str(store))
    assert "franak-viachorka" in listing.output


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/gold/seeds.jsonl is not beside the repository")
def test_eval_on_seed_gold(store):
    result = run("eval", str(SEEDS), "--db", str(store), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["root_f1"] >= 0.85 and figures["f1"] >= 0.70
    assert figures["date_accuracy"] >= 0.9 and figures["location_accuracy"] >= 0.8


def test_eval_details_lists_errors(store):
    if not SEEDS.exists():
        pytest.skip("../shared/gold/seeds.jsonl is not beside the repository")
    result = run("eval", str(SEEDS), "--db", str(store), "--details")
    assert "false positive" in result.output


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blob.txt", b"\x00\x01\x02binary\x00", "binary file"),
        ("bad.jsonl", b'{"text": "One good line about Lithuania and Poland meeting in Vilnius."}\n{oops\n', ":2: "),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "bad.db"
    result = run("ingest", str(path), "--db", str(db))
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(path) in errors[0] and problem in errors[0]
    if name == "bad.jsonl":
        assert result.exit_code == 0  # the good line is stored, the bad one reported
        assert "ingested 1 new document(s)" in result.output
    else:
        assert result.exit_code == 1
        assert dump(db).get("documents", []) == []


def test_missing_path(tmp_path):
    result = run("ingest", str(tmp_path / "nowhere.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere.txt'}: no such file or directory" in result.output


def test_a_document_the_store_refuses_is_reported_and_the_rest_of_its_batch_saved(tmp_path):
    """A real save failure (a SQLite trigger refuses one document): the batch is retried one by one."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in CORPUS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "poison.txt").write_text("Lithuania and Poland agreed on joint border patrols on 2 March 2026.\n",
                                       "utf-8")
    db = tmp_path / "p.db"
    from tidings.store import Store

    Store(str(db)).close()  # the schema first, then a trigger that refuses one source
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.source LIKE '%poison%' "
                     "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END")
    result = run("ingest", str(folder), "--db", str(db))
    assert result.exit_code == 0, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "poison.txt: could not be saved" in errors[0] and "refused by trigger" in errors[0]
    assert "ingested 2 new document(s)" in result.output
    assert len(dump(db)["documents"]) == 2


USER_ACTORS = """
- id: ales-zhuk
  name: Ales Zhuk
  type: person
  country: BLR
  code: BLR.MED
  gender: m
"""


def test_user_actor_file_by_flag_and_by_config(tmp_path, monkeypatch):
    (tmp_path / "mine.yaml").write_text(USER_ACTORS, "utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Ales Zhuk met Sviatlana Tsikhanouskaya in Vilnius on 3 March 2026.\n", "utf-8")

    def consults(db: Path, *extra: str) -> set:
        assert run("ingest", str(story), "--db", str(db), *extra).exit_code == 0
        rows = run("events", "--db", str(db), "--format", "jsonl", *extra).output.splitlines()
        return {(json.loads(r)["source_id"], json.loads(r)["source_code"]) for r in rows}

    assert consults(tmp_path / "a.db", "--actors", str(tmp_path / "mine.yaml")) == {("ales-zhuk", "BLR.MED")}
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tidings.toml").write_text('actors = ["mine.yaml"]\n', "utf-8")
    assert consults(tmp_path / "b.db") == {("ales-zhuk", "BLR.MED")}


def test_people_learned_from_one_document_are_known_in_the_next(tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("Jan Kowalczyk, secretary general of the NATO Parliamentary Assembly, met "
                     "Volodymyr Zelensky in Kyiv on 2 March 2026.\n", "utf-8")
    second.write_text("Kowalczyk praised Lithuania for its support of Ukraine on 4 March 2026.\n", "utf-8")
    db = tmp_path / "l.db"
    assert run("ingest", str(first), "--db", str(db)).exit_code == 0
    assert run("ingest", str(second), "--db", str(db)).exit_code == 0
    rows = [json.loads(r) for r in run("events", "--db", str(db), "--format", "jsonl").output.splitlines()]
    assert ("jan-kowalczyk", "051", "LTU", "NATO.PA") in {
        (e["source_id"], e["cameo"], e["target_id"], e["source_code"]) for e in rows
    }


def test_events_of_agents_that_are_no_known_actor_are_stored(tmp_path):
    story = tmp_path / "riot.txt"
    story.write_text("Masked gunmen abducted two aid workers near the border on 2 March 2026.\n", "utf-8")
    db = tmp_path / "g.db"
    result = run("ingest", str(story), "--db", str(db))
    assert result.exit_code == 0, result.output
    rows = [json.loads(r) for r in run("events", "--db", str(db), "--format", "jsonl").output.splitlines()]
    assert [(e["source_id"], e["source_name"], e["cameo"]) for e in rows] == [(None, "masked gunmen", "181")]


PLOVER = ROOT.parent / "shared" / "benchmarks" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"


@pytest.mark.skipif(not PLOVER.exists(), reason="../shared/benchmarks/plover-gsr is not beside the repository")
def test_eval_on_the_plover_gold_set():
    result = run("eval", str(PLOVER), "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["records"] == 322
    assert figures["type_accuracy"] >= 0.80
    assert figures["source_accuracy"] >= 0.80
    assert figures["confusion"]["ASSAULT"]["ASSAULT"] >= 20
