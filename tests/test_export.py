"""Exports load back as they are: pandas, pyarrow and DuckDB read each format and find the store's events."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from sample_store import sample_db
from tidings.cli.main import app
from tidings.explore import EventFilters, Explorer, event_key
from tidings.export import EVENT_COLUMNS, GDELT_COLUMNS
from tidings.records import Event, to_plain
from tidings.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return sample_db(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def stored(db) -> list[Event]:
    with Store(str(db), create=False) as store:
        events = store.events()
    assert len(events) >= 35
    return events


def export(db: Path, fmt: str, out: Path, *filters: str) -> Path:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out), *filters],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.is_file() and not out.with_name(out.name + ".partial").exists()
    return out


def as_text(value: object) -> str:
    return "" if value is None else str(value)


def test_csv_loads_in_pandas_and_duckdb_as_stored(db, stored, tmp_path):
    path = export(db, "csv", tmp_path / "events.csv")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == EVENT_COLUMNS
    expected = [{"event_id": event_key(e), **{k: as_text(v) for k, v in to_plain(e).items()}} for e in stored]
    assert frame.to_dict("records") == expected
    con = duckdb.connect()
    rows = con.execute("SELECT event_id, cameo, date FROM read_csv(?, header=true, all_varchar=true)",
                       [str(path)]).fetchall()
    assert rows == [(event_key(e), e.cameo, as_text(e.date.isoformat() if e.date else None) or None) for e in stored]


def test_jsonl_loads_in_pandas_and_duckdb_as_stored(db, stored, tmp_path):
    path = export(db, "jsonl", tmp_path / "events.jsonl")
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert lines == [{"event_id": event_key(e), **to_plain(e)} for e in stored]
    frame = pd.read_json(path, lines=True, dtype=False)
    assert list(frame["cameo"]) == [e.cameo for e in stored]
    assert list(frame["evidence"]) == [e.evidence for e in stored]
    con = duckdb.connect()
    rows = con.execute("SELECT event_id, cameo, source_id, goldstein FROM read_json_auto(?)", [str(path)]).fetchall()
    assert rows == [(event_key(e), e.cameo, e.source_id, e.goldstein) for e in stored]


def test_parquet_keeps_types_in_pyarrow_and_duckdb(db, stored, tmp_path):
    path = export(db, "parquet", tmp_path / "events.parquet")
    table = pq.read_table(path)
    assert table.column_names == EVENT_COLUMNS
    back = table.to_pylist()
    for row, e in zip(back, stored, strict=True):
        assert row.pop("event_id") == event_key(e)
        assert Event(**row) == e  # dates, flags, floats and ints come back as they were
    con = duckdb.connect()
    count, dated, negated = con.execute(
        "SELECT count(*), count(date), sum(negated::int) FROM read_parquet(?)", [str(path)]).fetchone()
    assert count == len(stored)
    assert dated == sum(1 for e in stored if e.date)
    assert negated == sum(1 for e in stored if e.negated)
    frame = pd.read_parquet(path)
    assert frame["date"].map(lambda d: d if pd.notna(d) else None).tolist() == [e.date for e in stored]


def test_gdelt_loads_in_duckdb_into_the_61_columns(db, stored, tmp_path):
    path = export(db, "gdelt", tmp_path / "events.tsv")
    con = duckdb.connect()
    relation = con.execute("SELECT * FROM read_csv(?, delim='\t', header=false)", [str(path)])
    rows = relation.fetchall()
    assert len(relation.description) == 61 and len(rows) == len(stored)
    names = ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_COLUMNS)
    relation = con.execute(f"SELECT * FROM read_csv(?, delim='\t', header=false, columns={{{names}}})",
                           [str(path)])
    assert [d[0] for d in relation.description] == GDELT_COLUMNS
    typed = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in relation.fetchall()]
    for row, e in zip(typed, stored, strict=True):
        assert row["EventCode"] == e.cameo
        assert row["EventRootCode"] == e.cameo[:2] and row["EventBaseCode"] == e.cameo[:3]
        assert row["SQLDATE"] == (e.date.strftime("%Y%m%d") if e.date else None)
        assert row["Actor1Name"] == e.source_name
        assert row["Actor1Code"] == (e.source_code or "").replace(".", "") or e.source_code is None
        assert row["Actor2Name"] == e.target_name
        assert row["GoldsteinScale"] == (None if e.goldstein is None else str(e.goldstein))
        assert row["QuadClass"] == (None if e.quad_class is None else str(e.quad_class))
        assert row["ActionGeo_FullName"] == e.location
        assert row["SOURCEURL"].endswith(".txt")
    ids = [int(r["GLOBALEVENTID"]) for r in typed]
    assert len(set(ids)) == len(ids)
    # the sample events of the Belarusian MFA: Sekreta (BLR.GOV) met Venezuela in Geneva
    sekreta = [r for r in typed if r["Actor1Name"] == "Igor Sekreta" and r["Actor2CountryCode"] == "VEN"]
    assert {r["Actor1CountryCode"] for r in sekreta} == {"BLR"}
    assert "Geneva" in {r["ActionGeo_FullName"] for r in sekreta}
    frame = pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False)
    assert len(frame) == len(stored) and list(frame["EventCode"]) == [e.cameo for e in stored]


def test_filters_export_what_the_events_command_lists(db, tmp_path):
    path = export(db, "jsonl", tmp_path / "f.jsonl", "--actor", "Ціханоўская", "--code", "04")
    got = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    listed = runner.invoke(app, ["events", "--db", str(db), "--actor", "Ціханоўская", "--code", "04",
                                "--format", "jsonl"], catch_exceptions=False).output.splitlines()
    assert [{k: v for k, v in g.items() if k != "event_id"} for g in got] == [json.loads(x) for x in listed]
    assert got and all(g["cameo"].startswith("04") for g in got)
    with Store(str(db), create=False) as store:
        consult = Explorer(store).events(EventFilters.parse(plover="consult", since="2026-02-01"))
    path = export(db, "csv", tmp_path / "p.csv", "--plover", "CONSULT", "--since", "2026-02-01")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame["event_id"]) == [event_key(e) for e in consult]
    assert consult and {e.plover_type for e in consult} == {"CONSULT"}


def test_bad_export_options_are_one_line_errors(db, tmp_path):
    for args, message in [
        (["--format", "xml"], "--format: expected one of csv, jsonl, parquet, gdelt"),
        (["--plover", "HUG"], "--plover: expected one of"),
        (["--since", "2026-13-01"], "--since: expected a date"),
        (["--format", "parquet"], "give a file with -o"),
        (["-o", str(tmp_path / "missing" / "x.csv")], "does not exist"),
    ]:
        result = runner.invoke(app, ["export", "--db", str(db), *args])
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output
    assert not list(tmp_path.iterdir())


def test_event_fields_are_the_csv_columns():
    assert EVENT_COLUMNS[1:] == [f.name for f in dataclasses.fields(Event)]
