"""The PETRARCH2-derived actor base: the converter, lower priority than curated files, real people in text."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from tidings.actors.kb import ActorKB
from tidings.pipeline import Pipeline
from tidings.records import Document

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "petrarch2_convert.py"
DERIVED = ROOT / "src" / "tidings" / "data" / "actors" / "petrarch2.yaml"


def _converter():
    spec = importlib.util.spec_from_file_location("petrarch2_convert", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["petrarch2_convert"] = module
    spec.loader.exec_module(module)
    return module


COUNTRIES = """# excerpt
# Leaders
ZORAN_TESTOVIC_  # CountryInfo.txt
+PRESIDENT_ZORAN_TESTOVIC_
+ZORAN_B._TESTOVIC_
\t[SRBELI 19800101-050101]
\t[SRBGOV >050101]
MARIA_EXAMPLOVA_  # CountryInfo.txt
\t[RUSGOVMIL 080101-120131]
\t[RUSELI]
ANTONIO_OLDTIMER_  # CountryInfo.txt
\t[PRTGOV 800101-901231]
FATIMA_FARMWELL_  # CountryInfo.txt
\t[EGYGOVAGR >100101]
VLADIMIR_PUTIN_  # CountryInfo.txt
\t[RUSGOV >000507]
NATIONAL_SECURITY_COUNCIL_
\t[SRBGOV]
"""
INTERNATIONAL = """# excerpt
WIDGET_TREATY_ORGANIZATION_ [IGOUNO]
+WTOX
HELPING_HANDS_TRUST_\t[NGOUSAHRI] # NGO_Actors
ACME_CORP_\t[MNCUSA]
"""
MILNONSTATE = """# excerpt
FREEDOM_LIBERATION_FRONT_(FLF)_ [IRQREB] #  kkl
+YOUTH_

GLOBAL_JIHAD_CELL_ [IMGMUSALQ]
"""
AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
BORDER_RANGER [~COP]
RIOT_POLICE {} [~COP]
COMPANY [~BUS]
!MINIST!_OF_DEFENSE [~GOVMIL]
CONGRESS!PERSON! [~LEG]
BUDDHIST_MONKS {} [~BUD]
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch2")
    (folder / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, "utf-8")
    (folder / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, "utf-8")
    (folder / "Phoenix.MilNonState.actors.txt").write_text(MILNONSTATE, "utf-8")
    (folder / "Phoenix.agents.txt").write_text(AGENTS, "utf-8")
    (folder / "CAMEO.2.0.txt").write_text("--- ACCUSE [112] ---\nACCUSE\n- * OF HOPE [112]\n", "utf-8")
    (folder / "LICENSE").write_text("The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n", "utf-8")
    actors_out, agents_out = folder / "actors.yaml", folder / "agents.yaml"
    rc = _converter().main(
        [str(folder), "--actors-out", str(actors_out), "--agents-out", str(agents_out), "--since", "2010-01-01"]
    )
    assert rc == 0
    actors = {e["id"]: e for e in yaml.safe_load(actors_out.read_text("utf-8"))}
    agents = yaml.safe_load(agents_out.read_text("utf-8"))["agents"]
    return actors_out.read_text("utf-8"), actors, {a["term"]: a["sector"] for a in agents}


def test_converter_people(converted):
    text, actors, _ = converted
    zoran = actors["zoran-testovic"]
    assert (zoran["type"], zoran["country"], zoran["code"], zoran["gender"]) == ("person", "SRB", "SRB", "m")
    assert zoran["aliases"] == ["Zoran B. Testovic"]  # the titled spelling is the same name
    assert zoran["roles"] == [
        {"office": "government", "organisation": "SRB", "code": "SRB.GOV", "from": "2005-01-01"}
    ]
    maria = actors["maria-examplova"]
    assert maria["roles"][0]["code"] == "RUS.GOV" and maria["roles"][0]["office"] == "government (defence)"
    assert maria["roles"][0]["to"] == "2012-01-31" and maria["gender"] == "f"
    assert "antonio-oldtimer" not in actors  # last role ended before --since
    assert "fatima-farmwell" not in actors  # a sectoral ministry only
    assert "vladimir-putin" not in actors  # a curated spelling: curated wins
    assert not any("council" in i for i in actors)  # national institutions are not converted
    assert text.startswith("# PETRARCH2 actors") and "MIT licence" in text and "Copyright (c) 2014" in text
    assert "scripts/petrarch2_convert.py" in text


def test_converter_organisations_and_groups(converted):
    _, actors, _ = converted
    igo = actors["widget-treaty-organization"]
    assert (igo["type"], igo["code"], igo["parent"], igo["aliases"]) == (
        "organisation", "UN", "united-nations", ["WTOX"])  # fmt: skip
    assert actors["helping-hands-trust"]["code"] == "NGO"
    assert not any("acme" in i for i in actors)  # multinational companies are left out
    flf = actors["freedom-liberation-front"]
    assert (flf["type"], flf["country"], flf["code"]) == ("group", "IRQ", "IRQ.REB")
    assert flf["aliases"] == ["FLF"]  # "+YOUTH_" is a common word: not a spelling
    assert actors["global-jihad-cell"]["code"] == "IMG" and "country" not in actors["global-jihad-cell"]


def test_converter_agents(converted):
    _, _, agents = converted
    assert agents["border ranger"] == "COP"
    assert agents["congressman"] == "LEG" and agents["congresswoman"] == "LEG"
    assert agents["buddhist monk"] == "REL"  # lemma of the head; religious codes -> REL
    assert "riot police" not in agents  # curated in agents.yaml
    assert "company" not in agents  # an ordinary word
    assert not any("defense" in t for t in agents)  # "ministry of defense": head not last


def test_derived_file_header_and_format():
    text = DERIVED.read_text("utf-8")
    head = text.split("\n- ", 1)[0]
    for needed in ("PETRARCH2", "Open Event Data", "MIT licence", "Copyright (c) 2014 Open Event Data",
                   "scripts/petrarch2_convert.py", "curated files override", "2016"):  # fmt: skip
        assert needed in head, needed
    rows = [json.loads(line[2:]) for line in text.splitlines() if line.startswith("- ")]
    assert rows == yaml.safe_load(text)  # JSON lines: the same data as YAML reads
    assert len(text.encode()) < 3_000_000


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(
    ("text", "day", "actor_id", "country", "code"),
    [
        ("Hamid Karzai met Pakistani officials in Kabul on Monday.", date(2005, 6, 1), "hamid-karzai", "AFG",
         "AFG.GOV"),
        ("Yoweri Museveni criticised the sanctions imposed by the United States.", date(2009, 3, 1),
         "yoweri-museveni", "UGA", "UGA.GOV"),
        ("Jose Socrates met Spanish ministers in Madrid.", date(2007, 5, 2), "jose-socrates", "PRT", "PRT.GOV"),
    ],
)  # fmt: skip
def test_real_people_resolve_in_a_sentence(pipeline, text, day, actor_id, country, code):
    result = pipeline.process(Document(id="p", text=text, source="p", published=day))
    named = [m for m in result.mentions if m.actor_id == actor_id]
    assert named and named[0].kind == "name"
    actor = pipeline.kb.get(actor_id)
    assert actor.country == country and actor.code_on(day) == code
    assert actor.code_on(date(1980, 1, 1)) == country  # before the role: the bare country


def test_curated_entries_win(kb, tmp_path):
    assert kb.lookup("Kofi Annan") == ["kofi-annan"]  # world.yaml; PETRARCH's Annan was not converted
    assert kb.get("kofi-annan").gender == "m"
    # a user (curated) file that names a PETRARCH person's spelling or id takes it over
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {id: my-socrates, name: José Sócrates Pinto, type: person, gender: m, country: PRT, code: PRT,"
        " aliases: [Jose Socrates]}\n"
        "- {id: hamid-karzai, name: Hamid Karzai, type: person, gender: m, country: AFG, code: AFG}\n",
        "utf-8",
    )
    mine = ActorKB.load(extra=[user])
    assert mine.lookup("Jose Socrates") == ["my-socrates"]  # PETRARCH's spelling equal to a curated one: dropped
    assert not mine.get("hamid-karzai").roles  # the curated entry, not PETRARCH's
    assert kb.lookup("Jose Socrates") == ["jose-socrates"]


def test_derived_people_are_not_fuzzy_matched(kb):
    assert kb.fuzzy("Jose Socrates") == "jose-socrates"  # the exact spelling
    assert kb.fuzzy("Jose Socratis") is None  # misspellings: fuzzy matching stays on the curated base


def test_common_word_listed_by_petrarch_is_not_an_actor(kb, pipeline):
    assert kb.get("gazteriak") is not None  # PETRARCH lists "+YOUTH_" as its other name
    assert kb.lookup("Youth") == []
    result = pipeline.process(
        Document(id="y", text="Youth gathered in the square on Sunday.", source="y", published=date(2012, 1, 1))
    )
    assert not any(m.text == "Youth" and m.actor_id for m in result.mentions)
