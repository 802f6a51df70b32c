"""The actor knowledge base: contents, validity, roles over time, states, user files, errors, fuzzy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tidings.actors.kb import FUZZY_THRESHOLD, KINDS, TYPES, ActorKB
from tidings.actors.translit import fold
from tidings.errors import DataFileError
from tidings.records import Actor


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_counts(kb: ActorKB) -> None:
    by_type = {t: sum(a.type == t for a in kb.actors()) for t in TYPES}
    assert by_type["person"] + by_type["organisation"] + by_type["group"] >= 150
    assert by_type["person"] >= 100
    assert by_type["state"] == 249


def test_every_entry_valid(kb: ActorKB) -> None:
    ids = {a.id for a in kb.actors()}
    for a in kb.actors():
        assert a.type in TYPES and a.name and a.code, a.id
        assert a.parent is None or a.parent in ids, a.id
        if a.type == "person":
            assert a.gender in ("f", "m"), a.id
        for r in a.roles:
            assert r.office
            assert r.organisation is None or r.organisation in ids, (a.id, r.organisation)
            assert r.start is None or r.end is None or r.start <= r.end
    assert all(f.kind in KINDS and f.actor_id in ids for f in kb.forms())


def test_required_actors(kb: ActorKB) -> None:
    for aid, code in [
        ("alyaksandr-lukashenka", "BLR.GOV"),
        ("maxim-ryzhenkov", "BLR.GOV"),
        ("igor-sekreta", "BLR.GOV"),
        ("blr-kgb", "BLR.SEC"),
        ("sviatlana-tsikhanouskaya", "BLR.OPP"),
        ("franak-viachorka", "BLR.OPP"),
        ("belpol", "BLR.OPP"),
        ("benedetta-berti", "NATO.PA"),
        ("nato-parliamentary-assembly", "NATO.PA"),
        ("boris-ruge", "NATO"),
        ("unhcr", "UN.UNHCR"),
        ("unece", "UN.UNECE"),
        ("tatiana-molcean", "UN.UNECE"),
        ("ruvendrini-menikdiwela", "UN.UNHCR"),
        ("barham-salih", "UN.UNHCR"),
        ("european-commission", "EU.EC"),
        ("volodymyr-zelensky", "UKR.GOV"),
        ("conference-on-disarmament", "UN"),
    ]:
        actor = kb.get(aid)
        assert actor is not None, aid
        assert actor.code_on(date(2026, 2, 20)) == code, aid


def test_roles_over_time(kb: ActorKB) -> None:
    kubilius = kb.get("andrius-kubilius")
    assert kubilius.code_on(date(2024, 6, 1)) == "LTU"
    assert kubilius.code_on(date(2026, 2, 14)) == "EU.EC"
    kallas = kb.get("kaja-kallas")
    assert kallas.code_on(date(2023, 1, 1)) == "EST.GOV"
    assert kallas.code_on(date(2025, 1, 1)) == "EU.EEAS"
    rutte = kb.get("mark-rutte")
    assert rutte.code_on(date(2020, 1, 1)) == "NLD.GOV" and rutte.code_on(date(2025, 1, 1)) == "NATO"
    assert kb.get("maxim-ryzhenkov").roles[0].start == date(2024, 4, 12)
    assert kb.get("alyaksandr-lukashenka").roles[0].start == date(1994, 7, 20)


def test_states_demonyms_capitals(kb: ActorKB) -> None:
    assert kb.get("BLR").name == "Belarus" and kb.get("RUS").name == "Russia"
    assert kb.demonym("Belarusian") == "BLR"
    assert kb.demonym("Belarusians") == "BLR"
    assert kb.demonym("Belorussian") == "BLR"
    assert kb.demonym("Lithuanian") == "LTU"
    assert kb.demonym("Poles") == "POL"
    assert kb.demonym("Martian") is None
    assert kb.lookup("Minsk") == ["BLR"]
    assert kb.lookup("the Kremlin") == ["RUS"]
    for text, a3 in [
        ("Russia", "RUS"),
        ("the United States", "USA"),
        ("US", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Czechia", "CZE"),
        ("Belarus", "BLR"),
        ("Russian Federation", "RUS"),
    ]:
        assert kb.lookup(text)[:1] == [a3], text
    kinds = {(f.text, f.kind) for f in kb.forms() if f.actor_id == "BLR"}
    assert {("Minsk", "metonym"), ("Belarusian", "demonym"), ("Belarus", "name")} <= kinds


def test_forms_surnames_only_when_allowed(kb: ActorKB) -> None:
    surnames = {(f.text, f.actor_id) for f in kb.forms() if f.kind == "surname"}
    assert ("Cichanoŭskaja", "sviatlana-tsikhanouskaya") in surnames
    assert ("Berti", "benedetta-berti") in surnames
    assert not any(aid == "viktar-lukashenka" for _, aid in surnames)
    assert kb.lookup("von der Leyen") == ["ursula-von-der-leyen"]
    assert not any(text == "der Leyen" for text, _ in surnames)


def test_lookup_order_most_specific_first(kb: ActorKB) -> None:
    assert kb.lookup("UNHCR") == ["unhcr"]
    assert kb.lookup("NATO")[0] == "nato"
    assert kb.lookup("nobody at all") == []


def test_user_override_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- id: igor-sekreta\n"
        "  aliases: [Deputy FM Sekreta]\n"
        "  roles: [{office: Ambassador, code: BLR.DIP, from: 2030-01-01}]\n"
        "- id: jan-kowalski\n  name: Jan Kowalski\n  type: person\n"
        "  country: POL\n  code: POL.CVL\n  gender: m\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(extra=[user])
    sekreta = kb.get("igor-sekreta")
    assert sekreta.name == "Igor Sekreta" and "Ihar Sekreta" in sekreta.aliases  # kept
    assert "Deputy FM Sekreta" in sekreta.aliases  # extended
    assert sekreta.code_on(date(2031, 1, 1)) == "BLR.DIP"
    assert kb.lookup("Deputy FM Sekreta") == ["igor-sekreta"]
    assert kb.lookup("Kowalski") == ["jan-kowalski"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- id: x-y\n  name: X\n  type: wizard\n", "type must be"),
        ("- id: x-y\n  type: person\n", "'name' is required"),
        (
            "- id: x-y\n  name: X\n  type: person\n  roles: [{office: Boss, from: 2020-13-45}]\n",
            "month must be",
        ),
        ("- id: x-y\n  name: X\n  type: person\n  roles: [{office: Boss, from: 'in May'}]\n", "bad date"),
        ("- id: x-y\n  name: X\n  type: person\n  colour: red\n", "unknown field"),
        ("- id: x-y\n  name: X\n  type: person\n  code: blr gov\n", "bad actor code"),
        ("- id: x-y\n  name: X\n  type: person\n  parent: nobody\n", "unknown parent"),
        ("- [not, a, mapping]\n", "not a mapping"),
        ("id: [unclosed\n", "not valid YAML"),
    ],
)
def test_malformed_file(tmp_path: Path, text: str, problem: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        ActorKB.load(extra=[bad])
    assert str(bad) in str(err.value) and problem in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        ActorKB.load(extra=[tmp_path / "nope.yaml"])


def test_add_learned_actor(kb: ActorKB) -> None:
    kb2 = ActorKB.load()
    kb2.add(
        Actor(
            id="ivan-ivanou",
            name="Ivan Ivanou",
            type="person",
            country="BLR",
            code="BLR.MED",
            gender="m",
            learned=True,
        )
    )
    assert kb2.lookup("Ivan Ivanou") == ["ivan-ivanou"]
    assert kb2.get("ivan-ivanou").learned
    assert kb.get("ivan-ivanou") is None  # instances share nothing


def test_search(kb: ActorKB) -> None:
    assert kb.search("Tikhanovskaya")[0].id == "sviatlana-tsikhanouskaya"
    assert "unhcr" in [a.id for a in kb.search("refugees")]
    assert kb.search("Svetlana Tsikhanovskaja")[0].id == "sviatlana-tsikhanouskaya"


# The fuzzy threshold was chosen on these cases: every threshold from 84 to 88 gets all right,
# 82 and below merge look-alikes (Putilin/Putin, Latushkin/Latushka), 90 and above miss typos.
FUZZY_CASES = [
    ("Sviatlana Tsikhanovskaja", "sviatlana-tsikhanouskaya"),
    ("Svetlana Tsihanouskaya", "sviatlana-tsikhanouskaya"),
    ("Svjatlana Cichanouskaja", "sviatlana-tsikhanouskaya"),
    ("Svetlana Tikhanovskaia", "sviatlana-tsikhanouskaya"),
    ("Alexandr Lukashenko", "alyaksandr-lukashenka"),
    ("Aleksander Lukashenka", "alyaksandr-lukashenka"),
    ("Franak Vyachorka", "franak-viachorka"),
    ("Frank Viachorka", "franak-viachorka"),
    ("Benedeta Berti", "benedetta-berti"),
    ("Kaja Kalas", "kaja-kallas"),
    ("Andrius Kubilus", "andrius-kubilius"),
    ("Ruvendrini Menikdiwla", "ruvendrini-menikdiwela"),
    ("Tatyana Molcean", "tatiana-molcean"),
    ("Ihor Sekreta", "igor-sekreta"),
    ("Maksim Ryzhenkou", "maxim-ryzhenkov"),
    ("Volodimir Zelenskiy", "volodymyr-zelensky"),
    ("Pavel Latuszka", "pavel-latushka"),
    ("Maria Kolesnikowa", "maria-kalesnikava"),
    ("Ales Bialiacki", "ales-bialiatski"),
    ("Sergei Tsikhanouski", "siarhei-tsikhanouski"),
    ("Viktor Lukashenka", "viktar-lukashenka"),
    ("Kajsa Olongren", "kajsa-ollongren"),
    ("Mark Rute", "mark-rutte"),
    ("Valeriy Tsepkalo", "valery-tsepkalo"),
    ("Donald Trusk", "donald-tusk"),
    ("Boris Rudge", "boris-ruge"),
    ("Tikhonov", None),
    ("Lukashevich", None),
    ("Alexander Lukashevich", None),
    ("Siarhei Lukashenka", None),
    ("Svetlana Alexievich", None),
    ("Maria Zakharchenko", None),
    ("Igor Sechin", None),
    ("Sergei Lavrentiev", None),
    ("Viktar Tsikhanouski", None),
    ("Vladimir Putilin", None),
    ("Mark Rutland", None),
    ("Andrei Sannikova", None),
    ("Olga Tikhonova", None),
    ("Pavel Latushkin", None),
    ("Kaja Kaljulaid", None),
    ("Natalia Kochetova", None),
    ("Ivan Tertyshny", None),
]


@pytest.mark.parametrize(("text", "actor"), FUZZY_CASES)
def test_fuzzy(kb: ActorKB, text: str, actor: str | None) -> None:
    assert kb.fuzzy(text) == actor


@pytest.mark.parametrize("threshold", [84.0, FUZZY_THRESHOLD, 88.0])
def test_fuzzy_threshold_is_on_a_plateau(kb: ActorKB, threshold: float) -> None:
    assert all(kb.fuzzy(t, threshold) == a for t, a in FUZZY_CASES)


def test_fuzzy_never_merges_two_people(kb: ActorKB) -> None:
    people = [a for a in kb.actors() if a.type == "person"]
    for a in people:
        hit = kb.fuzzy(a.name)
        assert hit == a.id, (a.name, hit)
    assert fold(kb.get("viktar-lukashenka").name) != fold(kb.get("alyaksandr-lukashenka").name)
