"""The office holders file (data/actors/officials.yaml): look-ups by full name and bare surname, the
country and the dated role code, shared surnames that stand for no one, and no id taken from another
curated file."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest
import yaml

from tidings.actors.kb import ActorKB

ACTORS = resources.files("tidings.data") / "actors"
DERIVED = ("petrarch2.yaml",)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def _entries(name: str) -> list[dict]:
    return yaml.safe_load((ACTORS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "actor_id", "country"),
    [
        ("Ilham Aliyev", "ilham-aliyev", "AZE"),
        ("Aliyev", "ilham-aliyev", "AZE"),
        ("William Ruto", "william-ruto", "KEN"),
        ("Ruto", "william-ruto", "KEN"),
        ("Antony Blinken", "antony-blinken", "USA"),
        ("Blinken", "antony-blinken", "USA"),
        ("Bilawal Bhutto Zardari", "bilawal-bhutto-zardari", "PAK"),
        ("Pashinyan", "nikol-pashinyan", "ARM"),
        ("Zourabichvili", "salome-zourabichvili", "GEO"),
        ("Mohammed Shia al-Sudani", "mohammed-shia-al-sudani", "IRQ"),
        ("Hemedti", "mohamed-hamdan-dagalo", "SDN"),
        ("Abu Mohammed al-Jolani", "ahmed-al-sharaa", "SYR"),
        ("Erdoğan", "recep-tayyip-erdogan", "TUR"),  # world.yaml's, not repeated here
    ],
)
def test_lookup_gives_the_person_and_country(kb: ActorKB, text: str, actor_id: str, country: str) -> None:
    assert kb.lookup(text) == [actor_id]
    assert kb.get(actor_id).country == country


def test_dated_roles(kb: ActorKB) -> None:
    blinken = kb.get("antony-blinken")
    assert blinken.code_on(date(2020, 6, 1)) == "USA"
    assert blinken.code_on(date(2023, 6, 1)) == "USA.GOV"
    assert blinken.code_on(date(2025, 6, 1)) == "USA"
    assert kb.get("ilham-aliyev").code_on(date(2020, 9, 27)) == "AZE.GOV"
    assert kb.get("lloyd-austin").code_on(date(2022, 3, 1)) == "USA.MIL"  # defence ministers: .MIL
    sharif = kb.get("shehbaz-sharif")
    assert sharif.code_on(date(2023, 1, 1)) == "PAK.GOV"
    assert sharif.code_on(date(2023, 12, 1)) == "PAK"  # the caretaker months
    assert sharif.code_on(date(2024, 6, 1)) == "PAK.GOV"
    akhundzada = kb.get("hibatullah-akhundzada")
    assert akhundzada.code_on(date(2019, 1, 1)) == "AFG.REB"
    assert akhundzada.code_on(date(2022, 1, 1)) == "AFG.GOV"
    hemedti = kb.get("mohamed-hamdan-dagalo")
    assert hemedti.code_on(date(2020, 1, 1)) == "SDN.GOV"
    assert hemedti.code_on(date(2024, 1, 1)) == "SDN.REB"
    assert kb.get("gustavo-petro").code_on(date(2026, 12, 1)) == "COL"


@pytest.mark.parametrize("surname", ["Sharif", "Zardari", "Aoun", "Castro", "Austin", "Dar", "Khan"])
def test_shared_or_common_surname_is_no_one(kb: ActorKB, surname: str) -> None:
    assert [a for a in kb.lookup(surname) if kb.get(a).type == "person"] == []


def test_no_id_of_another_curated_file_is_repeated() -> None:
    skip = (*DERIVED, "officials.yaml")
    others = [f.name for f in ACTORS.iterdir() if f.name.endswith(".yaml") and f.name not in skip]
    taken = {e["id"] for name in others for e in _entries(name)}
    ours = [e["id"] for e in _entries("officials.yaml")]
    assert len(ours) == len(set(ours)) and not taken & set(ours)


def test_every_role_is_dated_and_ordered() -> None:
    # the file's rule: an office whose day was not certain is left out, never given undated
    for entry in _entries("officials.yaml"):
        assert entry["type"] == "person" and entry["gender"] in ("f", "m"), entry["id"]
        for role in entry.get("roles", []):
            assert isinstance(role["from"], date), entry["id"]
            assert role.get("to") is None or role["from"] < role["to"], entry["id"]
