"""The world actor file (data/actors/world.yaml): look-ups, shared surnames, role dates, load time."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.actors.kb import ActorKB


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("International Labour Organization", "ilo"),
        ("IMF", "imf"),
        ("World Bank", "world-bank"),
        ("UNRWA", "unrwa"),
        ("African Union", "african-union"),
        ("Organization of African Unity", "organization-of-african-unity"),
        ("League of Arab States", "arab-league"),
        ("ASEAN", "asean"),
        ("Mercosur", "mercosur"),
        ("European Economic Community", "european-community"),
        ("G20", "g20"),
        ("Red Cross", "icrc"),
        ("Doctors Without Borders", "msf"),
        ("Médecins Sans Frontières", "msf"),
        ("Reporters Without Borders", "reporters-without-borders"),
        ("Hezbollah", "hezbollah"),
        ("ISIL", "islamic-state"),
        ("Daesh", "islamic-state"),
        ("al-Qaida", "al-qaeda"),
        ("Ansar Allah", "houthis"),
        ("Kurdistan Workers' Party", "pkk"),
        ("George W. Bush", "george-w-bush"),
        ("George H.W. Bush", "george-h-w-bush"),
        ("Hillary Clinton", "hillary-clinton"),
        ("Ban Ki-moon", "ban-ki-moon"),
        ("Kofi Annan", "kofi-annan"),
        ("Lula", "lula"),
        ("Jokowi", "joko-widodo"),
        ("Mohammed bin Salman", "mohammed-bin-salman"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("Merkel", "angela-merkel"),
        ("Francois Hollande", "francois-hollande"),
    ],
)
def test_lookup(kb: ActorKB, text: str, actor_id: str) -> None:
    assert kb.lookup(text)[:1] == [actor_id]


def test_codes_and_types(kb: ActorKB) -> None:
    assert kb.get("iaea").code == "UN.IAEA"  # already in international.yaml, not redefined
    assert (kb.get("ilo").country, kb.get("ilo").code, kb.get("ilo").parent) == ("UN", "UN.ILO", "united-nations")
    assert (kb.get("african-union").country, kb.get("african-union").code) == ("AU", "AU")
    assert kb.get("icrc").code == "NGO"
    assert kb.get("hamas").country == "PSE" and kb.get("hezbollah").country == "LBN"
    assert kb.get("al-qaeda").country is None and kb.get("al-qaeda").code == "IMG"
    assert kb.get("taliban").country == "AFG" and kb.get("houthis").country == "YEM"
    assert kb.get("pkk").country == "TUR"


@pytest.mark.parametrize("surname", ["Bush", "Clinton", "Kirchner", "Singh"])
def test_shared_surname_never_merges_two_people(kb: ActorKB, surname: str) -> None:
    people = [a for a in kb.lookup(surname) if kb.get(a).type == "person"]
    assert people == []  # every holder of the surname is bare_surname: false
    assert kb.fuzzy(surname) is None


def test_the_who_is_not_the_pronoun(kb: ActorKB) -> None:
    assert kb.lookup("WHO") == [] and kb.lookup("who") == []
    assert kb.lookup("World Health Organization") == ["who"]


def test_role_dates(kb: ActorKB) -> None:
    merkel = kb.get("angela-merkel")
    assert merkel.code_on(date(2005, 11, 21)) == "DEU"
    assert merkel.code_on(date(2010, 1, 1)) == "DEU.GOV"
    assert merkel.code_on(date(2022, 1, 1)) == "DEU"
    draghi = kb.get("mario-draghi")
    assert draghi.code_on(date(2015, 6, 1)) == "EU.ECB"
    assert draghi.code_on(date(2021, 6, 1)) == "ITA.GOV"
    assert draghi.code_on(date(2023, 1, 1)) == "ITA"
    taliban = kb.get("taliban")
    assert taliban.code_on(date(2010, 1, 1)) == "AFG.REB"
    assert taliban.code_on(date(2022, 1, 1)) == "AFG.GOV"


def test_demonyms(kb: ActorKB) -> None:
    assert kb.demonym("Sri Lankans") == "LKA"
    assert kb.demonym("South Koreans") == "KOR"
    assert kb.demonym("Bosnian Serb") is None


def test_world_file_size(kb: ActorKB) -> None:
    # the load time is printed by benchmarks/actor_lookup.py; tests do not time things
    by_type = {t: sum(a.type == t for a in kb.actors()) for t in ("person", "organisation", "group")}
    assert by_type["person"] >= 300 and by_type["organisation"] >= 150
