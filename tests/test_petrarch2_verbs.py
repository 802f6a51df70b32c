"""The PETRARCH2 verb patterns: the converter (scripts/petrarch2_verbs.py) on a small excerpt, and the
derived book (verbs_petrarch2.yaml) loaded below the curated one. Sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from tidings.events.coder import EventCoder
from tidings.events.patterns import PatternBook
from tidings.pipeline import Pipeline
from tidings.records import Document

ROOT = Path(__file__).resolve().parents[1]

EXCERPT = """\
# header comment
&FOOD
+FOOD
+RATIONS
+CANNED_GOODS

####### VERB PATTERNS #######

---  EXPEDITE   [---]  ---
EXPEDITE
HASTEN
RUSH
SAY
- * AID                                               [070]         # RUSH
- * &FOOD                                             [073]         # RUSH
- * (TO BORDER)                                       [154]         # RUSH
- * (AGAINST)                                         [140]         # RUSH
- * (TO)                                              [042:043]     # RUSH
- &MILITARY *                                         [154]         # RUSH
- * {ARMS SHIPMENT}                                   [072]         # EXPEDITE
- * PLEDGE                                            [9999]        # RUSH

---  JEER   [111]  ---
JEER
+TELL_OFF {+TOLD_OFF +TELLING_OFF}
REPROACH [---]
"""


@pytest.fixture(scope="module")
def converter():
    spec = importlib.util.spec_from_file_location("petrarch2_verbs", ROOT / "scripts" / "petrarch2_verbs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["petrarch2_verbs"] = module
    spec.loader.exec_module(module)
    return module


def test_converter_on_an_excerpt(converter, tmp_path):
    (tmp_path / "CAMEO.2.0.txt").write_text(EXCERPT, "utf-8")
    patterns, stats = converter.convert(tmp_path, kinds={"group", "object", "prep"})
    by_id = {p["id"]: p for p in patterns}
    assert set(by_id) == {
        "p2-expedite-070",
        "p2-expedite-073",
        "p2-expedite-to-x-154",
        "p2-expedite-against-140",
        "p2-jeer",
    }
    aid = by_id["p2-expedite-070"]
    # "say" is a frame verb: never a derived lemma
    assert aid["lemmas"] == ["expedite", "hasten", "rush"] and aid["object"] == ["aid"] and aid["code"] == "070"
    assert aid["targets"][:3] == ["prep:to", "dative", "dobj"]
    # a synset gives its one-word members, singular and as written ("canned goods" is a phrase: left out)
    assert by_id["p2-expedite-073"]["object"] == ["food", "ration", "rations"]
    assert by_id["p2-expedite-to-x-154"]["requires"] == ["prep:to=border"]
    assert by_id["p2-expedite-to-x-154"]["targets"][0] == "prep:to"
    assert by_id["p2-expedite-against-140"] == {
        "id": "p2-expedite-against-140",
        "lemmas": ["expedite", "hasten", "rush"],
        "requires": ["prep:against"],
        "code": "140",
        "targets": ["prep:against", "prep:on"],
        "requires_target": True,
    }
    # the group's default: its one-word verbs without a code of their own (REPROACH [---], +TELL_OFF out)
    assert by_id["p2-jeer"]["lemmas"] == ["jeer"] and by_id["p2-jeer"]["code"] == "111"
    assert stats["skipped_code"] == 2  # [042:043] and [9999]
    # the shipped default leaves the groups' default codes out
    default, _ = converter.convert(tmp_path, kinds={"object", "prep"})
    assert "p2-jeer" not in {p["id"] for p in default}


def test_converter_output_loads(converter, tmp_path):
    (tmp_path / "CAMEO.2.0.txt").write_text(EXCERPT, "utf-8")
    patterns, stats = converter.convert(tmp_path)
    text = converter.dump(patterns, stats, "cmd")
    assert text.startswith("# PETRARCH2 verb patterns") and "MIT licence" in text and "cmd" in text
    import yaml

    loaded = yaml.safe_load(text)["verbs"]
    assert [p["code"] for p in loaded] == [p["code"] for p in patterns]  # "070" stays a string


def test_shipped_file_is_valid_and_small():
    path = ROOT / "src" / "tidings" / "data" / "verbs_petrarch2.yaml"
    assert path.stat().st_size < 500_000
    book = PatternBook.load()
    derived = {p.id for ps in book.verbs.values() for p in ps if p.id.startswith("p2-")}
    assert len(derived) > 500
    curated = {q.id for qs in PatternBook.load(derived=False).verbs.values() for q in qs}
    assert not curated & derived


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('{id: p2-x, lemmas: [rush], code: "070", colour: red}', "unknown keys"),
        ('{id: p2-x, lemmas: [rush], code: "0999"}', "not in the codebook"),
        ('{id: p2-x, lemmas: [rush], code: "070", targets: [sideways]}', "unknown target path"),
    ],
)
def test_derived_entries_are_validated(entry, problem):
    from tidings.errors import DataFileError

    with pytest.raises(DataFileError, match=problem) as raised:
        PatternBook.load(derived=False)._with_derived(f"verbs:\n  - {entry}\n")
    assert "verbs_petrarch2.yaml" in str(raised.value)


def test_curated_patterns_come_first():
    book = PatternBook.load()
    curated = PatternBook.load(derived=False)
    for lemma, patterns in book.verbs.items():
        own = curated.verbs.get(lemma, ())
        assert patterns[: len(own)] == own, lemma
        assert all(p.id.startswith("p2-") for p in patterns[len(own) :]), lemma


PUBLISHED = date(2026, 3, 10)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _events(pipeline: Pipeline, text: str, derived: bool = True) -> list[tuple[str | None, str, str | None, str]]:
    doc = pipeline.nlp(text)
    coder = pipeline.coder if derived else EventCoder(PatternBook.load(derived=False), pipeline.kb, pipeline.refs)
    return [(e.source, e.code, e.target, e.pattern) for e in coder.code(doc, pipeline.resolver.resolve(doc)).events]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Germany rushed humanitarian aid to Turkey after the earthquake.", ("DEU", "070", "TUR", "p2-accelerate-070")),
        ("North Korea sounded a warning to South Korea on Tuesday.", ("PRK", "130", "KOR", "p2-sound-130")),
    ],
)
def test_derived_book_codes_what_the_curated_one_misses(pipeline, sentence, expected):
    assert _events(pipeline, sentence, derived=False) == []
    assert _events(pipeline, sentence) == [expected]
    (event,) = pipeline.process(Document(id="t", text=sentence, source="test", published=PUBLISHED)).events
    assert event.cameo == expected[1]


def test_derived_verb_in_a_non_political_use_codes_nothing(pipeline):
    # "rush ... food" is a derived aid pattern (073); a kitchen is no actor
    assert _events(pipeline, "The chef rushed fresh food to the tables before the dinner service.") == []
    assert _events(pipeline, "The courier delivered a warning label with every parcel.") == []


def test_curated_pattern_wins_over_derived(pipeline):
    ids = [p.id for p in pipeline.book.verbs["convey"]]
    assert ids.index("convey-congratulations") < ids.index("p2-explain-verbal-045")
    # "convey a message" fits the curated convey-congratulations (051) and PETRARCH's "CONVEY * MESSAGE
    # [045]": the curated pattern codes
    assert _events(pipeline, "Ukraine conveyed a message to Poland.") == [
        ("UKR", "051", "POL", "convey-congratulations")
    ]
