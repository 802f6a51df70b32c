"""Transliteration and spelling-variant resolution: every spelling of one person finds that person."""

from __future__ import annotations

import pytest

from tidings.actors.kb import ActorKB
from tidings.actors.translit import fold, spellings, to_latin


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


SURNAMES = [
    "Cichanoŭskaja",
    "Tsikhanouskaya",
    "Tsikhanowskaya",
    "Tikhanovskaya",
    "Ціханоўская",
    "Тихановская",
]
GIVEN = ["Śviatłana", "Sviatlana", "Sviatlana", "Svetlana", "Святлана", "Светлана"]

CASES = [
    *[(s, "sviatlana-tsikhanouskaya") for s in SURNAMES],
    *[(f"{g} {s}", "sviatlana-tsikhanouskaya") for g, s in zip(GIVEN, SURNAMES, strict=True)],
    ("Sviatlana Tikhanovskaya", "sviatlana-tsikhanouskaya"),
    ("Svetlana Tsikhanouskaya", "sviatlana-tsikhanouskaya"),
    ("Sviatlana Cichanouskaja", "sviatlana-tsikhanouskaya"),
    ("Łukašenka", "alyaksandr-lukashenka"),
    ("Lukashenka", "alyaksandr-lukashenka"),
    ("Lukashenko", "alyaksandr-lukashenka"),
    ("Лукашэнка", "alyaksandr-lukashenka"),
    ("Лукашенко", "alyaksandr-lukashenka"),
    ("Alaksandar Łukašenka", "alyaksandr-lukashenka"),
    ("Alexander Lukashenko", "alyaksandr-lukashenka"),
    ("Alyaksandr Lukashenka", "alyaksandr-lukashenka"),
    ("Аляксандр Лукашэнка", "alyaksandr-lukashenka"),
    ("Viačorka", "franak-viachorka"),
    ("Viachorka", "franak-viachorka"),
    ("Vyachorka", "franak-viachorka"),
    ("Franak Viačorka", "franak-viachorka"),
    ("Franak Vyachorka", "franak-viachorka"),
    ("Siarhei Tsikhanouski", "siarhei-tsikhanouski"),
    ("Sergei Tikhanovsky", "siarhei-tsikhanouski"),
    ("Siarhiej Cichanoŭski", "siarhei-tsikhanouski"),
    ("Viktar Lukashenka", "viktar-lukashenka"),
    ("Viktor Lukashenko", "viktar-lukashenka"),
    ("Volodymyr Zelenskyy", "volodymyr-zelensky"),
    ("Volodymyr Zelenskyi", "volodymyr-zelensky"),
    ("Vladimir Zelensky", "volodymyr-zelensky"),
    ("Ihar Sekreta", "igor-sekreta"),
    ("Andrii Sybiha", "andrii-sybiha"),
]


@pytest.mark.parametrize(("text", "actor"), CASES)
def test_every_spelling_finds_the_person(kb: ActorKB, text: str, actor: str) -> None:
    assert kb.lookup(text)[:1] == [actor]


@pytest.mark.parametrize(("text", "actor"), CASES)
def test_fuzzy_agrees_with_lookup(kb: ActorKB, text: str, actor: str) -> None:
    assert kb.fuzzy(text) == actor


def test_look_alikes_stay_apart(kb: ActorKB) -> None:
    assert "sviatlana-tsikhanouskaya" not in kb.lookup("Siarhei Tsikhanouski")
    assert "alyaksandr-lukashenka" not in kb.lookup("Viktar Lukashenka")
    assert "viktar-lukashenka" not in kb.lookup("Lukashenka")  # his surname alone is his father's
    for text in ("Tikhonov", "Lukashevich", "Tikhonova", "Alexander Lukashevich", "Siarhei Lukashenka"):
        assert kb.lookup(text) == []
        assert kb.fuzzy(text) is None, text


@pytest.mark.parametrize(
    ("native", "system", "latin"),
    [
        ("Ціханоўская", "lacinka", "Cichanoŭskaja"),
        ("Святлана", "lacinka", "Śviatłana"),
        ("Лукашэнка", "lacinka", "Łukašenka"),
        ("Аляксандр", "lacinka", "Alaksandr"),
        ("Вячорка", "lacinka", "Viačorka"),
        ("Ціханоўская", "national", "Tsikhanouskaya"),
        ("Лукашэнка", "national", "Lukashenka"),
        ("Вячорка", "national", "Viachorka"),
        ("Святлана", "national", "Sviatlana"),
        ("Ціханоўская", "bgn-be", "Tsikhanowskaya"),
        ("Аляксандр", "bgn-be", "Alyaksandr"),
        ("Тихановская", "russian-press", "Tikhanovskaya"),
        ("Лукашенко", "russian-press", "Lukashenko"),
        ("Светлана", "russian-press", "Svetlana"),
        ("Вячорка", "russian-press", "Vyachorka"),
        ("Игорь", "bgn-ru", "Igor"),
        ("Зеленський", "bgn-uk", "Zelenskyy"),
        ("Сибіга", "bgn-uk", "Sybiha"),
    ],
)
def test_to_latin(native: str, system: str, latin: str) -> None:
    assert to_latin(native, system) == latin


def test_russian_press_variants() -> None:
    forms = spellings({"ru": "Сергей Тихановский"})
    assert {"Tikhanovsky", "Tikhanovskiy", "Sergei Tikhanovsky", "Sergey Tikhanovskiy"} <= forms


def test_spellings_are_folded_too() -> None:
    forms = spellings({"be": "Святлана Ціханоўская", "ru": "Светлана Тихановская"})
    assert {"Cichanoŭskaja", "Cichanouskaja", "Sviatlana Cichanouskaja", "Svetlana Tikhanovskaya"} <= forms
    assert all("·" not in f and "ʹ" not in f for f in forms)


def test_unknown_system() -> None:
    with pytest.raises(ValueError):
        to_latin("Лукашэнка", "klingon")


def test_fold() -> None:
    assert fold("Śviatłana  Cichanoŭskaja’s") == "sviatlana cichanouskaja's"
    assert fold("Kosiniak–Kamysz") == fold("kosiniak-kamysz")
    assert fold("“BelPol”") == '"belpol"'
    assert fold("Лукашэнка") == fold("ЛУКАШЭНКА")
