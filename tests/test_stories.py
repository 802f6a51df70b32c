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
    # one side unknown: filed only under the known side, where a report naming the same actor looks
    assert report_keys(_report(source_code=None, source_id=None)) == ["04-05|FRA|*|2022-09-11"]
    assert report_keys(_report(source_code=None, source_id=None, target_code=None, target_id=None)) == []
    assert report_keys(_report(fusable=False)) == []
    # an attack told with no target fuses; words with no target do not
    assert report_keys(_report(cameo="195", target_id=None, target_code=None, symmetric=False, people={}))
    assert report_keys(_report(cameo="010", target_id=None, target_code=None, symmetric=False, people={})) == []


def _directed(**kw: object) -> Report:
    """Moldova summons Russia's ambassador Oleg Ozerov (an act with a doer and one it is done to)."""
    base: dict[str, object] = dict(
        cameo="114", source_id="MDA", source_name="Moldova", source_code="MDA", target_id="oleg-ozerov",
        target_name="Oleg Ozerov", target_code="RUS.DIP", symmetric=False, date=date(2025, 11, 26),
        people={"target": ("person:oleg-ozerov",)})
    base.update(kw)
    return _report(**base)


def test_an_act_told_without_its_doer_joins_the_act_done_to_that_named_actor() -> None:
    # "Oleg Ozerov was summoned to the Moldovan Foreign Ministry": no doer, the target known by name
    lone = _directed(source_id=None, source_name=None, source_code=None)
    assert lone.sides is None and lone.lone_side == "RUS"
    story = _story(_directed())
    assert set(lookup_keys(lone)) & set(report_keys(_directed()))
    assert fits(story, lone, same_country=False)
    # another envoy summoned that day ("Zmeyevsky was summoned") is another act
    other = _directed(source_id=None, source_code=None, target_id="alexander-zmeyevsky",
                      people={"target": ("person:alexander-zmeyevsky",)})
    assert not fits(story, other, same_country=False)
    # the doer unknown and no one named: nothing to tell which act it is
    assert _directed(source_id=None, source_code=None, people={}).lone_side is None
    # an act by the envoy's own side (Russia summoning Moldova's envoy) is filed under the other target
    assert not set(lookup_keys(lone)) & set(report_keys(_directed(
        source_id="RUS", source_code="RUS", target_id="MDA", target_code="MDA", people={})))


def test_a_story_begun_by_a_report_of_one_side_is_joined_by_name() -> None:
    # the first report knew only that Ozerov was summoned; a later one names Moldova too
    first = _story(_directed(source_id=None, source_code=None))
    assert tuple(first.sides) == ("", "")
    assert fits(first, _directed(), same_country=False)
    assert not fits(first, _directed(people={}), same_country=False)  # "Moldova summoned an ambassador"
    assert not fits(first, _directed(target_id="alexander-zmeyevsky",
                                     people={"target": ("person:alexander-zmeyevsky",)}), same_country=False)


def test_a_meeting_with_a_partner_of_unknown_state() -> None:
    # "Modi met Putin" where Putin's state is unknown joins the Putin-Modi meeting by Modi's name, but a
    # partner named otherwise (Stubb) is another meeting of Modi's
    story = _story(_report(source_id="narendra-modi", source_code="IND.GOV", target_id="vladimir-putin",
                           people={"source": ("person:narendra-modi",), "target": ("person:vladimir-putin",)}))
    partial = _report(source_id="narendra-modi", source_code="IND.GOV", target_code=None,
                      people={"source": ("person:narendra-modi",), "target": ("person:vladimir-putin",)})
    assert partial.lone_side == "IND" and fits(story, partial, same_country=False)
    stubb = _report(source_id="narendra-modi", source_code="IND.GOV", target_id="alexander-stubb", target_code=None,
                    people={"source": ("person:narendra-modi",), "target": ("person:alexander-stubb",)})
    assert not fits(story, stubb, same_country=False)


def test_a_place_no_gazetteer_knows_is_no_conflict() -> None:
    # Novo-Ogaryovo (unknown to the gazetteer) and Moscow may be one place; Kazan and Ankara may not
    assert fits(_story(_report(location="Novo-Ogaryovo")), _report(location="Moscow"), same_country=False)
    assert not fits(_story(_report(location="Kazan")), _report(location="Ankara"), same_country=False)


def test_a_day_the_words_give_outranks_the_day_of_publication(tmp_path: Path) -> None:
    # Sputnik's undated report of the Putin-Modi tea (its day from publication), a report that says
    # "on Monday" (8 July), and one of the Kremlin summit "on July 9": the last is another event
    db = str(tmp_path / "d.db")
    _write(tmp_path / "a", ["d45", "d47", "d92"])
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), "--db", db]).exit_code == 0
    with Store(db) as store:
        docs = {s.id: {r.event.doc_id for r in s.reports} for s in stories(store) if s.family == "04-05"}
    ids = {json.loads(x)["doc"]: x for x in (GOLD / "docs.jsonl").read_text("utf-8").splitlines()}
    from tidings.ingest import document_id

    doc = {name: document_id(json.loads(ids[name])["text"]) for name in ("d45", "d47", "d92")}
    together = [members for members in docs.values() if doc["d45"] in members]
    assert together and doc["d47"] in together[0] and doc["d92"] not in together[0]


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
    _write(tmp_path / "a", ["d60"])  # Babel's report of Erdogan's meeting with Putin in Sochi
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), "--db", db]).exit_code == 0
    with Store(db) as store:
        (first,) = [s for s in stories(store) if s.family == "04-05"]
    _write(tmp_path / "b", ["d61", "d62", "d94"])  # the Kyiv Independent, TRT World, and a call of 2017
    assert runner.invoke(app, ["ingest", str(tmp_path / "b"), "--db", db]).exit_code == 0
    with Store(db) as store:
        summit = [s for s in stories(store) if s.id == first.id][0]
        # every report kept: the three outlets' talks, and the two arrivals in Sochi told beside them
        assert len({r.event.doc_id for r in summit.reports}) == 3 and len(summit.reports) == 5
        assert {r.camp for r in summit.reports} == {"independent", "state-media"}
        before = store.counts(), [(s.id, len(s.reports)) for s in stories(store)]
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--db", db]).exit_code == 0
    with Store(db) as store:
        assert fuse_pending(store) == 0
        assert (store.counts(), [(s.id, len(s.reports)) for s in stories(store)]) == before
    listed = runner.invoke(app, ["stories", "--db", db, "--min-reports", "2", "--format", "jsonl"])
    assert listed.exit_code == 0
    rows = [json.loads(x) for x in listed.output.splitlines()]
    assert [r["id"] for r in rows] == [first.id] and len(rows[0]["reports"]) == 5
    table = runner.invoke(app, ["stories", "--db", db, "--actor", "Putin"])
    assert table.exit_code == 0 and first.id in table.output


def test_fusion_gold_is_printed_by_eval() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["events"] >= 30 and figures["hard_negatives"] >= 10
    assert figures["events_across_camps"] * 3 >= figures["events"]
    # real reports: the bars (P 0.90, R 0.80). Measured P 1.000, R 0.823 once the coder's misses
    # that tests/data/stories/README.md lists were mended: a development figure, the misses were read
    assert figures["precision"] >= 0.9 and figures["recall"] >= 0.8


def test_a_store_made_before_stories_gains_them(tmp_path: Path) -> None:
    import sqlite3

    db = str(tmp_path / "old.db")
    _write(tmp_path / "a", ["d60", "d61"])
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), "--db", db]).exit_code == 0
    con = sqlite3.connect(db)  # as an older tidings left it: no story tables
    con.executescript("DROP TABLE story_keys; DROP TABLE story_reports; DROP TABLE stories;")
    con.close()
    listed = runner.invoke(app, ["stories", "--db", db, "--min-reports", "2", "--format", "jsonl"])
    reports = json.loads(listed.output.splitlines()[0])["reports"] if listed.exit_code == 0 else []
    # both outlets' reports of the Sochi talks, and the Kyiv Independent's arrival beside them
    assert len(reports) == 3 and {r["outlet"] for r in reports} == {"Babel", "The Kyiv Independent"}
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in str(missing.exception)  # main() prints it


def test_a_target_guessed_from_context_is_not_fused_on(tmp_path: Path) -> None:
    # a real store: the denunciation's target is the actor named nearest it (confidence 0.5), so the
    # report is fused as one whose target is not told; the stored event keeps the guess for the user
    from sqlalchemy import select

    from tidings.store import schema
    from tidings.store.stories import _report

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "strikes.txt").write_text(
        "Tsikhanouskaya denounced the election after Lukashenko, in power since 1994, claimed a landslide.\n",
        "utf-8")
    db = str(tmp_path / "g.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "a"), "--db", db, "--published", "2025-03-05"]).exit_code == 0
    with Store(db) as store, store.engine.connect() as conn:
        e, d = schema.events, schema.documents
        rows = conn.execute(select(e, d.c.outlet, d.c.camp, d.c.published).join(d, d.c.id == e.c.doc_id)).all()
    guessed = [r for r in rows if r.source_id == "sviatlana-tsikhanouskaya" and r.target_id == "alyaksandr-lukashenka"]
    assert guessed and guessed[0].confidence == 0.5
    report = _report(guessed[0], {}, {})
    assert (report.target_id, report.target_name, report.target_code) == (None, None, None)
