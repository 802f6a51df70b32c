# ruff: noqa: E501  (the gold lines below are kept verbatim)
"""Evaluation: seed gold loading and scoring on real gold lines, PLOVER scoring on hand-made records."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.evaluate import (
    DocRecords,
    PloverRecord,
    PredictedEvent,
    load_plover_gold,
    load_seed_gold,
    score_plover,
    score_seeds,
)
from tidings.records import Document, Event, Sentence

# Lines 2-5, 17 and 20-22 of gold/seeds.jsonl, verbatim.
GOLD_LINES = """
{"doc": "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt", "evidence": "had a meeting on the sidelines of the Munich Security Conference", "source": ["Sviatlana Tsikhanouskaya", "Śviatłana Cichanoŭskaja", "Svetlana Tikhanovskaya"], "source_code": "BLR.OPP", "target": ["Benedetta Berti"], "target_code": "NATO.PA", "cameo": ["044", "040"], "date": "2026-02-14", "location": "Munich", "symmetric": true, "via": ["Franak Viačorka", "Franak Viachorka"], "core": true}
{"doc": "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt", "evidence": "shared the BelPol investigative group’s information", "source": ["Sviatlana Tsikhanouskaya", "Śviatłana Cichanoŭskaja", "Svetlana Tikhanovskaya"], "source_code": "BLR.OPP", "target": ["Benedetta Berti", "NATO Parliamentary Assembly"], "target_code": "NATO.PA", "cameo": ["064"], "date": "2026-02-14", "location": "Munich", "symmetric": false, "via": null, "core": true}
{"doc": "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt", "evidence": "assistance that Alaksandar Łukašenka’s regime is providing to Russia", "source": ["Alyaksandr Lukashenka", "Alaksandar Łukašenka", "Alexander Lukashenko"], "source_code": "BLR.GOV", "target": ["Russia"], "target_code": "RUS", "cameo": ["070", "072"], "date": null, "location": null, "symmetric": false, "via": null, "core": false}
{"doc": "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt", "evidence": "suggested holding a “closed-door briefing”", "source": ["Sviatlana Tsikhanouskaya", "Śviatłana Cichanoŭskaja", "Svetlana Tikhanovskaya"], "source_code": "BLR.OPP", "target": ["NATO Parliamentary Assembly", "Benedetta Berti"], "target_code": "NATO.PA", "cameo": ["036", "020", "030"], "date": "2026-02-14", "location": "Munich", "symmetric": false, "via": null, "core": true}
{"doc": "mfa-belarus-2026-02-23-sekreta-geneva.txt", "evidence": "He advocated for regional de-escalation", "source": ["Igor Sekreta", "Ihar Sekreta"], "source_code": "BLR.GOV", "target": null, "target_code": null, "cameo": ["020", "010"], "date": "2026-02-23", "location": "Geneva", "symmetric": false, "via": null, "core": true}
{"doc": "mfa-belarus-2026-02-23-sekreta-geneva.txt", "evidence": "expressed solidarity with Venezuela, Cuba, and Iran", "source": ["Igor Sekreta", "Ihar Sekreta"], "source_code": "BLR.GOV", "target": ["Venezuela"], "target_code": "VEN", "cameo": ["051", "050", "013"], "date": "2026-02-23", "location": "Geneva", "symmetric": false, "via": null, "core": true}
{"doc": "mfa-belarus-2026-02-23-sekreta-geneva.txt", "evidence": "expressed solidarity with Venezuela, Cuba, and Iran", "source": ["Igor Sekreta", "Ihar Sekreta"], "source_code": "BLR.GOV", "target": ["Cuba"], "target_code": "CUB", "cameo": ["051", "050", "013"], "date": "2026-02-23", "location": "Geneva", "symmetric": false, "via": null, "core": true}
{"doc": "mfa-belarus-2026-02-23-sekreta-geneva.txt", "evidence": "expressed solidarity with Venezuela, Cuba, and Iran", "source": ["Igor Sekreta", "Ihar Sekreta"], "source_code": "BLR.GOV", "target": ["Iran"], "target_code": "IRN", "cameo": ["051", "050", "013"], "date": "2026-02-23", "location": "Geneva", "symmetric": false, "via": null, "core": true}
"""

POZIRK = "pozirk-2026-02-14-tsikhanouskaya-nato-pa.txt"
MFA = "mfa-belarus-2026-02-23-sekreta-geneva.txt"

# Sentences as they stand in the corpus documents (curly quotes kept).
POZIRK_SENTENCES = [
    "Cichanoŭskaja and Berti had a meeting on the sidelines of the Munich Security Conference, "
    "Cichanoŭskaja’s aide Franak Viačorka told Pozirk.",
    "Cichanoŭskaja shared the BelPol investigative group’s information about the assistance that "
    "Alaksandar Łukašenka’s regime is providing to Russia in its war against Ukraine and suggested "
    "holding a “closed-door briefing” for the NATO Parliamentary Assembly on the military-political "
    "situation in and around Belarus.",
    "The weather in Munich was cold.",
]
MFA_SENTENCES = [
    "He advocated for regional de-escalation, the restoration of responsible dialogue, and the "
    "development of new multilateral agreements in the field of arms control.",
    "Sekreta expressed solidarity with Venezuela, Cuba, and Iran, which are subjected to various "
    "forms of external pressure and threats, emphasizing the unacceptability of such actions.",
]

ACTORS: dict[str, tuple[list[str], str | None]] = {
    "tsikhanouskaya": (["Sviatlana Tsikhanouskaya", "Śviatłana Cichanoŭskaja", "Cichanoŭskaja"], "BLR"),
    "berti": (["Benedetta Berti"], "ITA"),
    "nato-pa": (["NATO Parliamentary Assembly"], "NATO"),
    "lukashenka": (["Alyaksandr Lukashenka", "Alaksandar Łukašenka"], "BLR"),
    "russia": (["Russian Federation"], "RUS"),  # matches gold "Russia" by its ISO code only
    "sekreta": (["IGOR SEKRETA"], "BLR"),  # case-insensitive name match
    "venezuela": (["Bolivarian Republic"], "VEN"),
    "cuba": (["Cuba"], "CUB"),
    "iran": (["Iran"], "IRN"),
}


def names(actor_id: str | None) -> tuple[list[str], str | None]:
    return ACTORS.get(actor_id or "", ([], None))


def make_doc(name: str, sentences: list[str], doc_id: str) -> tuple[Document, list[Sentence]]:
    text = " ".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(doc_id, i, pos, pos + len(s), s))
        pos += len(s) + 1
    return Document(id=doc_id, text=text, source=f"/corpus/{name}"), out


def ev(sent: Sentence, phrase: str, src: str | None, tgt: str | None, cameo: str, **kw) -> Event:
    start = sent.start + sent.text.index(phrase)
    return Event(
        doc_id=sent.doc_id,
        sentence=sent.index,
        sentence_start=sent.start,
        sentence_end=sent.end,
        evidence_start=start,
        evidence_end=start + len(phrase),
        evidence=phrase,
        source_id=src,
        source_name=None,
        source_code=None,
        target_id=tgt,
        target_name=None,
        target_code=None,
        cameo=cameo,
        **kw,
    )


def perfect() -> dict[str, DocRecords]:
    """One right event for each gold line (the non-core one included)."""
    pdoc, ps = make_doc(POZIRK, POZIRK_SENTENCES, "p" * 64)
    mdoc, ms = make_doc(MFA, MFA_SENTENCES, "m" * 64)
    munich = {"date": date(2026, 2, 14), "location": "munich"}
    geneva = {"date": date(2026, 2, 23), "location": "GENEVA"}  # locations compare case-insensitively
    pozirk_events = [
        ev(ps[0], "had a meeting", "tsikhanouskaya", "berti", "040", **munich),
        ev(ps[1], "shared", "tsikhanouskaya", "berti", "064", **munich),
        ev(ps[1], "providing to Russia", "lukashenka", "russia", "070"),
        ev(ps[1], "suggested holding", "tsikhanouskaya", "nato-pa", "036", **munich),
    ]
    mfa_events = [
        ev(ms[0], "advocated", "sekreta", None, "020", **geneva),
        ev(ms[1], "expressed solidarity", "sekreta", "venezuela", "051", **geneva),
        ev(ms[1], "expressed solidarity", "sekreta", "cuba", "051", **geneva),
        ev(ms[1], "expressed solidarity", "sekreta", "iran", "051", **geneva),
    ]
    return {POZIRK: DocRecords(pdoc, ps, pozirk_events), MFA: DocRecords(mdoc, ms, mfa_events)}


@pytest.fixture
def gold(tmp_path: Path):
    path = tmp_path / "seeds.jsonl"
    path.write_text(GOLD_LINES.strip() + "\n", encoding="utf-8")
    return load_seed_gold(path)


def test_load_seed_gold(gold) -> None:
    assert len(gold) == 8
    assert (
        gold[0].doc == POZIRK and gold[0].symmetric and gold[0].via == ["Franak Viačorka", "Franak Viachorka"]
    )
    assert gold[2].core is False and gold[2].date is None
    assert gold[4].target is None and gold[4].date == date(2026, 2, 23)


def test_load_seed_gold_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = GOLD_LINES.strip().splitlines()[0]
    path.write_text(good + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.jsonl:3"):
        load_seed_gold(path)
    obj = json.loads(good)
    obj["date"] = "14 Feb"
    path.write_text(good + "\n" + json.dumps(obj) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.jsonl:2: 'date'"):
        load_seed_gold(path)
    del obj["cameo"]
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.jsonl:1: missing 'cameo'"):
        load_seed_gold(path)


def test_perfect_predictions(gold) -> None:
    score = score_seeds(gold, perfect(), names)
    assert score.gold == 7  # one of the eight lines is not core
    assert score.extracted == 7  # the event matching the non-core line is left out of precision
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert (score.root_precision, score.root_recall, score.root_f1) == (1.0, 1.0, 1.0)
    assert score.date_accuracy == 1.0 and score.location_accuracy == 1.0
    assert score.misses == [] and score.false_positives == [] and score.unlocated == []
    d = score.to_dict()
    assert d["precision"] == 1.0 and d["misses"] == []
    json.dumps(d)


def test_wrong_direction_is_a_miss_and_a_false_positive(gold) -> None:
    docs = perfect()
    shared = docs[POZIRK].events[1]
    docs[POZIRK].events[1] = replace(shared, source_id="berti", target_id="tsikhanouskaya")
    score = score_seeds(gold, docs, names)
    assert score.matched == 6 and score.matched_root == 6
    assert score.recall == pytest.approx(6 / 7) and score.precision == pytest.approx(6 / 7)
    assert [g.evidence for g, _ in score.misses] == ["shared the BelPol investigative group’s information"]
    assert [e.evidence for e, _ in score.false_positives] == ["shared"]
    assert "closed-door briefing" in score.misses[0][1]  # the sentence text, for --details


def test_symmetric_accepted_in_reverse(gold) -> None:
    docs = perfect()
    meeting = docs[POZIRK].events[0]
    docs[POZIRK].events[0] = replace(meeting, source_id="berti", target_id="tsikhanouskaya")
    score = score_seeds(gold, docs, names)
    assert score.recall == 1.0 and score.precision == 1.0


def test_root_only_counts_at_root_level_only(gold) -> None:
    docs = perfect()
    docs[POZIRK].events[3] = replace(docs[POZIRK].events[3], cameo="031")  # gold: 036, 020, 030
    score = score_seeds(gold, docs, names)
    assert score.matched == 6 and score.matched_root == 7
    assert score.recall == pytest.approx(6 / 7) and score.root_recall == 1.0
    assert score.precision == pytest.approx(6 / 7) and score.root_precision == 1.0
    assert len(score.root_only) == 1 and score.root_only[0][1].cameo == "031"
    assert len(score.misses) == 1 and len(score.false_positives) == 1


def test_precision_scope_and_null_target(gold) -> None:
    docs = perfect()
    mdoc = docs[MFA]
    extra = Sentence(
        mdoc.document.id, 2, len(mdoc.document.text) + 1, len(mdoc.document.text) + 10, "No gold."
    )
    mdoc.sentences.append(extra)
    mdoc.events.append(ev(extra, "No gold", "sekreta", "cuba", "010"))  # no gold here: counts against
    advocated = mdoc.events[0]
    mdoc.events[0] = replace(advocated, target_id="cuba")  # gold target is null
    score = score_seeds(gold, docs, names)
    assert score.extracted == 8 and score.matched == 6
    assert score.precision == pytest.approx(6 / 8) and score.recall == pytest.approx(6 / 7)
    lenient = score_seeds(gold, docs, names, lenient_null_target=True)
    assert lenient.matched == 7


def test_date_and_location_shares(gold) -> None:
    docs = perfect()
    docs[MFA].events[1] = replace(docs[MFA].events[1], date=None, location=None)
    score = score_seeds(gold, docs, names)
    assert score.recall == 1.0
    assert score.date_accuracy == pytest.approx(6 / 7) and score.location_accuracy == pytest.approx(6 / 7)


def test_each_gold_matches_once(gold) -> None:
    docs = perfect()
    docs[MFA].events.append(docs[MFA].events[1])  # the same Venezuela event twice
    score = score_seeds(gold, docs, names)
    assert score.matched == 7 and score.extracted == 8
    assert score.precision == pytest.approx(7 / 8)


def test_missing_document_gives_misses(gold) -> None:
    docs = perfect()
    del docs[MFA]
    score = score_seeds(gold, docs, names)
    assert score.gold == 7 and score.matched == 3 and len(score.misses) == 4


REAL_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.jsonl"


@pytest.mark.skipif(not REAL_SEEDS.exists(), reason="shared gold file not present")
def test_real_seed_file_loads() -> None:
    gold = load_seed_gold(REAL_SEEDS)
    assert len(gold) >= 40 and all(g.cameo for g in gold)


# -- PLOVER ----------------------------------------------------------------------------------------


def plover_records() -> list[PloverRecord]:
    return [
        PloverRecord(
            "r1", "Japan agreed to aid Peru.", "AGREE", "AGREE", None, [("Japan", "JPN")], [("Peru", "PER")]
        ),
        PloverRecord(
            "r2",
            "Iraq demanded that the UN leave.",
            "REQUEST",
            "DEMAND",
            None,
            [("Iraq", "IRQ")],
            [("UN", "IGO")],
        ),
        PloverRecord(
            "r3", "Rebels fought troops in Sudan.", "ASSAULT", "FIGHT", None, [("Rebels", "SDN")], []
        ),
    ]


def test_plover_scoring() -> None:
    records = plover_records()
    predictions = [
        [PredictedEvent("CONSULT", "USA", None), PredictedEvent("AGREE", "JAP", "PER")],  # best match chosen
        [PredictedEvent("DEMAND", "IRQ", None)],  # old label mapped; IGO target: None is right
        [],  # nothing predicted
    ]
    score = score_plover(records, predictions)
    assert score.records == 3 and score.type_correct == 2
    assert score.type_accuracy == pytest.approx(2 / 3)
    assert score.source_total == 3 and score.source_accuracy == pytest.approx(2 / 3)
    assert score.target_total == 2 and score.target_accuracy == 1.0
    assert score.confusion == {"AGREE": {"AGREE": 1}, "ASSAULT": {"NONE": 1}, "REQUEST": {"REQUEST": 1}}
    assert score.per_type["ASSAULT"]["recall"] == 0.0 and score.per_type["AGREE"]["precision"] == 1.0
    assert json.loads(json.dumps(score.to_dict()))["confusion"]["ASSAULT"] == {"NONE": 1}

    wrong = score_plover(records, [[PredictedEvent("REJECT", "PER", "JPN")], [], [PredictedEvent("ASSAULT")]])
    assert wrong.type_correct == 1 and wrong.source_correct == 0 and wrong.target_correct == 1
    assert wrong.confusion["AGREE"] == {"REJECT": 1}
    with pytest.raises(ValueError):
        score_plover(records, [])


def test_load_plover_gold(tmp_path: Path) -> None:
    data = [
        {"id": "doc", "event": "DOCUMENT", "comment": "x"},
        {
            "id": "a",
            "event": "FIGHT",
            "text": "A fought B.",
            "source": [{"actorText": "Tokyo", "code": "JAP"}],
            "target": [{"actorText": "B", "code": "ITL"}],
            "textInfo": {"markup": "(SRC: A) (EVT: fought) (TAR: B)"},
        },
        {
            "id": "b",
            "event": "DISAPPROVE",
            "text": "A and B agreed.",
            "source": [],
            "target": "",
            "textInfo": {"markup": "(SRC/TAR: A) and (SRC/TAR: B)"},
        },
        {"id": "c", "event": "INVESTIGATE", "text": "C probed.", "target": "diplomatic"},
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    records = load_plover_gold(path)
    assert [r.event for r in records] == ["ASSAULT", "ACCUSE", "ACCUSE"]
    assert records[0].source == [("Tokyo", "JPN")] and records[0].target == [("B", "ITA")]
    assert records[1].joint and records[1].target == [] and records[2].source == []
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(DataFileError, match="gsr.json"):
        load_plover_gold(path)


REAL_PLOVER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"


@pytest.mark.skipif(not REAL_PLOVER.exists(), reason="shared PLOVER gold file not present")
def test_real_plover_file_oracle() -> None:
    records = load_plover_gold(REAL_PLOVER)
    assert len(records) == 322
    oracle = [
        [PredictedEvent(r.event, r.source[0][1] if r.source else None, r.target[0][1] if r.target else None)]
        for r in records
    ]
    score = score_plover(records, oracle)
    assert score.type_accuracy == score.source_accuracy == score.target_accuracy == 1.0
    assert not {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"} & set(score.confusion)


def test_a_person_is_known_by_the_surname_the_base_lets_stand_alone() -> None:
    from tidings.actors.kb import ActorKB

    kb = ActorKB.load()
    # State Department readout: the gold names "al-Sudani"; the base spells the full name "Shia", not "Shiaa"
    assert "al-Sudani" in kb.get("mohammed-shia-al-sudani").known_names()
    assert kb.get("mohammed-shia-al-sudani").known_names().count("al-Sudani") == 1
    # counterexample: a Lukashenka relative's surname alone is the president's, not his
    assert "Lukashenka" not in kb.get("viktar-lukashenka").known_names()
