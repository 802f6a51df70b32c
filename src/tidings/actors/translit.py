"""Romanisation of Belarusian, Russian and Ukrainian names, and the folding used for every comparison.

In: Cyrillic names (an actor's ``native`` dict, ``{"be": "Святлана Ціханоўская", "ru": ...}``) and the
tables in ``tidings/data/translit.yaml`` (Łacinka, the Belarusian national system, Russian press
practice, Ukrainian national; BGN/PCGN comes from ICU). Out: Latin spellings (``to_latin``,
``variants``, ``spellings``, ``name_variants``) and ``fold``, the case-, accent- and punctuation-blind
key that the KB and the mention resolver compare on.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from tidings.errors import DataFileError

__all__ = ["SYSTEMS", "fold", "ascii_fold", "name_variants", "spellings", "to_latin", "variants"]

SYSTEMS = ("lacinka", "national", "bgn-be", "bgn-ru", "bgn-uk", "russian-press", "national-uk")

_MAX_VARIANTS = 24  # per word, so that a long name cannot explode
_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼʹ`´′"})
_QUOTES = str.maketrans({c: '"' for c in "“”„«»″"})
_HYPHENS = str.maketrans({c: "-" for c in "‐‑‒–—―−"})
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF'’ʼ]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Rule:
    match: str
    out: tuple[str, ...]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@dataclass(frozen=True)
class _System:
    name: str
    lang: str
    letters: MappingProxyType[str, tuple[str, ...]]
    rules: tuple[_Rule, ...]


@dataclass(frozen=True)
class _Tables:
    systems: MappingProxyType[str, _System]
    icu: MappingProxyType[str, str]
    icu_strip: tuple[str, ...]
    by_language: MappingProxyType[str, tuple[str, ...]]
    fold_extra: MappingProxyType[int, str]


def _outs(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return (str(value),)


@functools.cache
def _tables() -> _Tables:
    """Parse translit.yaml once per process (read-only afterwards)."""
    path = resources.files("tidings.data") / "translit.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        systems = {}
        for name, spec in raw["systems"].items():
            rules = tuple(
                _Rule(
                    match=r["match"],
                    out=_outs(r["out"]),
                    before=re.compile(r["before"]) if r.get("before") else None,
                    after=re.compile(r["after"]) if r.get("after") else None,
                )
                for r in spec.get("rules", [])
            )
            letters = MappingProxyType({k: _outs(v) for k, v in spec["letters"].items()})
            systems[name] = _System(name, spec["lang"], letters, rules)
        return _Tables(
            systems=MappingProxyType(systems),
            icu=MappingProxyType(dict(raw["icu"])),
            icu_strip=tuple(raw.get("icu_strip", [])),
            by_language=MappingProxyType({k: tuple(v) for k, v in raw["by_language"].items()}),
            fold_extra=MappingProxyType({ord(k): v for k, v in raw.get("fold_extra", {}).items()}),
        )
    except (KeyError, TypeError, AttributeError, re.error, yaml.YAMLError) as exc:
        raise DataFileError(str(path), f"bad transliteration table: {exc!r}") from exc


@functools.cache
def _icu(transform_id: str) -> Any:
    import icu  # PyICU; imported lazily so that fold() does not pay for it

    return icu.Transliterator.createInstance(transform_id)


def fold(text: str) -> str:
    """The comparison key: casefolded, accents and ł/ø/ß folded, apostrophes, quotes, hyphens and
    spaces unified. Cyrillic stays Cyrillic (й→и, ў→у, ё→е)."""
    text = text.translate(_APOSTROPHES).translate(_QUOTES).translate(_HYPHENS)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_tables().fold_extra)
    return _SPACES.sub(" ", text).strip()


def ascii_fold(text: str) -> str:
    """Like ``fold`` but keeping case: "Śviatłana Cichanoŭskaja" -> "Sviatlana Cichanouskaja"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_HYPHENS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text.translate(_tables().fold_extra))


def _recase(source: str, latin: str) -> str:
    letters = [c for c in source if c.isalpha()]
    if not latin or not letters:
        return latin
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return latin.upper()
    if letters[0].isupper():
        return latin[0].upper() + latin[1:]
    return latin


def _word_variants(word: str, system: _System) -> list[str]:
    low = word.lower()
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(low):
        for rule in system.rules:
            if not low.startswith(rule.match, i):
                continue
            if rule.before and not rule.before.search(low[:i]):
                continue
            if rule.after and not rule.after.search(low[i + len(rule.match) :]):
                continue
            pieces.append(rule.out)
            i += len(rule.match)
            break
        else:
            pieces.append(system.letters.get(low[i], (low[i],)))
            i += 1
    out = []
    for combo in itertools.islice(itertools.product(*pieces), _MAX_VARIANTS):
        out.append(_recase(word, "".join(combo)))
    return out


def _clean_icu(text: str) -> str:
    for mark in _tables().icu_strip:
        text = text.replace(mark, "")
    if _CYRILLIC_WORD.search(text):  # ICU leaves letters of the "wrong" language (ў, і, и) alone
        text = _icu("Cyrillic-Latin; Latin-ASCII").transliterate(text)
    return text


def variants(text: str, system: str) -> list[str]:
    """Every spelling ``system`` allows for ``text`` (the standard one first)."""
    tables = _tables()
    if system in tables.icu:
        return [_clean_icu(_icu(tables.icu[system]).transliterate(text))]
    if system not in tables.systems:
        raise ValueError(f"unknown transliteration system {system!r}; known: {', '.join(SYSTEMS)}")
    table = tables.systems[system]
    parts = re.split(r"([\s\-]+)", text)
    per_part = [_word_variants(p, table) if _CYRILLIC_WORD.search(p) else [p] for p in parts]
    seen: dict[str, None] = {}
    for combo in itertools.islice(itertools.product(*per_part), _MAX_VARIANTS * 4):
        seen.setdefault("".join(combo), None)
    return list(seen)


def to_latin(text: str, system: str) -> str:
    """The standard spelling of ``text`` in ``system`` (lacinka, national, bgn-be, bgn-ru, bgn-uk,
    russian-press, national-uk)."""
    return variants(text, system)[0]


def _split_name(name: str) -> tuple[str, str]:
    name = _SPACES.sub(" ", name).strip()
    if " " not in name:
        return "", name
    given, surname = name.rsplit(" ", 1)
    return given, surname


def name_variants(native: dict[str, str]) -> tuple[set[str], set[str]]:
    """(full names, surnames): every Latin spelling of a person's name from its be/ru/uk forms.

    Given names and surnames from all systems and languages are crossed ("Sviatlana Tikhanovskaya"
    is met in print), and each spelling is also given ASCII-folded ("Sviatlana Cichanouskaja")."""
    tables = _tables()
    givens: set[str] = set()
    surnames: set[str] = set()
    for lang, name in native.items():
        given, surname = _split_name(name)
        for system in tables.by_language.get(lang, ()):
            surnames.update(variants(surname, system))
            if given:
                givens.update(variants(given, system))
    surnames = {s for s in surnames if s} | {ascii_fold(s) for s in surnames if s}
    givens = {g for g in givens if g} | {ascii_fold(g) for g in givens if g}
    fulls = {f"{g} {s}" for g in givens for s in surnames} if givens else set(surnames)
    return fulls, surnames


def spellings(native: dict[str, str]) -> set[str]:
    """All Latin spellings of a person's name (full names and surnames) from be/ru/uk native forms."""
    fulls, surnames = name_variants(native)
    return fulls | surnames
