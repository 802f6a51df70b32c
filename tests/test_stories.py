"""Story fusion: the matching rules, incremental stable stories in a real store, the CLI and the gold."""

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from tidings.cli.main import app
from tidings.store import Store
from tidings.store.stories import fuse_pending, stories
from tidings.stories.fusion import Report, StorySummary, fits, lookup_keys, report_keys

GOLD = Path(__file__).parent / "data" / "stories"
runner = CliRunner()


def _report(**kw: object) -> Report:
    base: dict[str, object] = dict(
        event_id=1, doc_id="d", sentence=0, evidence_start=0, cameo="040", source_id="vladimir-putin",
        source_name="Vladimir Putin", source_code="RUS.GOV", target_id="emmanuel-macron",
        target_name="Emmanuel Macron", target_code="FRA.GOV", date=date(2022, 9, 11), date_precision="day",
        location=None, fusable=True, symmetric=True, date_origin="text",
        people={"source": ("person:vladimir-putin",), "target": ("person:emmanuel-macron",)})
    base.update(kw)
    return Report(**base)  # type: ignore[arg-type]


def _story(report: Report) -> StorySummary:
    return StorySummary("s1", report.family, report.date, report.date_precision, report.location,
                        report.sides or ("", ""), {k: list(v) for k, v in report.named().items()}, 1,
                        report.date_origin)


def test_a_call_told_from_either_side_is_one_story() -> None:
    kremlin = _report()
    elysee = _report(cameo="041", source_id="emmanuel-macron", source_code="FRA.GOV", target_id="vladimir-putin",
                     target_code="RUS.GOV",
                     people={"source": ("person:emmanuel-macron",), "target": ("person:vladimir-putin",)})
    assert set(lookup_keys(elysee)) & set(report_keys(kremlin))
    assert fits(_story(kremlin), elysee, same_country=False)


def test_hard_negatives_stay_apart() -> None:
    story = _story(_report())
    # the same leaders the next day, both dates read from the text
    assert not fits(story, _report(date=date(2022, 9, 12)), same_country=False)
    # other people of the same states on the same day
    other = _report(source_id="sergey-lavrov", target_id="catherine-colonna",
                    people={"source": ("person:sergey-lavrov",), "target": ("person:catherine-colonna",)})
    assert not fits(story, other, same_country=False)
    # another place in another country
    assert not fits(_story(_report(location="Kazan")), _report(location="Ankara"), same_country=False)


def test_a_published_date_may_lag_a_day_and_unknown_sides_never_fuse() -> None:
    story = _story(_report())
    assert fits(story, _report(date=date(2022, 9, 12), date_origin="published"), same_country=False)
    assert report_keys(_report(source_code=None, source_id=None)) == []
    assert report_keys(_report(fusable=False)) == []
    # an attack told with no target fuses; words with no target do not
    assert report_keys(_report(cameo="195", target_id=None, target_code=None, symmetric=False, people={}))
    assert report_keys(_report(cameo="010", target_id=None, target_code=None, symmetric=False, people={})) == []


def _write(folder: Path, docs: list[str]) -> None:
    lines = [json.loads(x) for x in (GOLD / "docs.jsonl").read_text("utf-8").splitlines()]
    by_doc = {d["doc"]: d for d in lines}
    folder.mkdir(exist_ok=True)
    with (folder / "in.jsonl").open("w", encoding="utf-8") as fh:
        for name in docs:
            d = by_doc[name]
            fh.write(json.dumps({"text": d["text"], "outlet": d["outlet"], "published": d["published"]}) + "\n")


def test_incremental_stable_ids_and_reingest_changes_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    _write(tmp_path / "a", ["d54"])  # the Kremlin's report of the Alaska summit
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), "--db", db]).exit_code == 0
    with Store(db) as store:
        (first,) = [s for s in stories(store) if s.family == "04-05"]
    _write(tmp_path / "b", ["d55", "d56", "d57"])  # Reuters, the White House, and February's call
    assert runner.invoke(app, ["ingest", str(tmp_path / "b"), "--db", db]).exit_code == 0
    with Store(db) as store:
        summit = [s for s in stories(store) if s.id == first.id][0]
        assert len(summit.reports) == 3 and {r.camp for r in summit.reports} == {"government", "wire"}
        assert len({r.event.doc_id for r in summit.reports}) == 3  # every report kept
        before = store.counts(), [(s.id, len(s.reports)) for s in stories(store)]
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--db", db]).exit_code == 0
    with Store(db) as store:
        assert fuse_pending(store) == 0
        assert (store.counts(), [(s.id, len(s.reports)) for s in stories(store)]) == before
    listed = runner.invoke(app, ["stories", "--db", db, "--min-reports", "2", "--format", "jsonl"])
    assert listed.exit_code == 0
    rows = [json.loads(x) for x in listed.output.splitlines()]
    assert [r["id"] for r in rows] == [first.id] and len(rows[0]["reports"]) == 3
    table = runner.invoke(app, ["stories", "--db", db, "--actor", "Putin"])
    assert table.exit_code == 0 and first.id in table.output


def test_fusion_gold_is_printed_by_eval() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["events"] >= 30 and figures["hard_negatives"] >= 10
    assert figures["events_across_camps"] * 3 >= figures["events"]
    assert figures["precision"] >= 0.9 and figures["recall"] >= 0.8  # the bar


def test_a_store_made_before_stories_gains_them(tmp_path: Path) -> None:
    import sqlite3

    db = str(tmp_path / "old.db")
    _write(tmp_path / "a", ["d54", "d55"])
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), "--db", db]).exit_code == 0
    con = sqlite3.connect(db)  # as an older tidings left it: no story tables
    con.executescript("DROP TABLE story_keys; DROP TABLE story_reports; DROP TABLE stories;")
    con.close()
    listed = runner.invoke(app, ["stories", "--db", db, "--min-reports", "2", "--format", "jsonl"])
    assert listed.exit_code == 0 and len(json.loads(listed.output.splitlines()[0])["reports"]) == 2
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in str(missing.exception)  # main() prints it
