"""The actor knowledge base: who can be named in a story, and every way an outlet may spell them.

In: the package data (``tidings/data/actors/*.yaml``, ``countries.yaml``), the states pycountry knows,
and optional user files in the same format (an entry with an existing id overrides/extends it).
Out: ``ActorKB`` with ``Actor`` records (``tidings.records``), ``SurfaceForm`` s for an Aho-Corasick
automaton (names, Cyrillic names, generated romanisations, aliases, acronyms, surnames, capitals
as metonyms, demonyms), exact ``lookup`` on the folded key, a guarded ``fuzzy`` match for people,
``search`` for the CLI, ``demonym`` and ``add`` for actors learned from text. Errors in a data file
raise ``DataFileError`` naming the file and the entry.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml
from rapidfuzz import fuzz, process

from tidings.actors.translit import ascii_fold as _ascii_fold
from tidings.actors.translit import fold as _fold
from tidings.actors.translit import name_variants
from tidings.errors import DataFileError
from tidings.records import Actor, Role

__all__ = ["ActorKB", "SurfaceForm", "FUZZY_THRESHOLD"]

FUZZY_THRESHOLD = 86.0  # rapidfuzz ratio (0-100) on folded full names; chosen on tests/test_kb.py cases
_GIVEN_MIN = 72.0  # given names must agree this well ("Svetlana"~"Sviatlana", never "Alyaksandr"~"Viktar")
_SURNAME_ONLY_MIN = 92.0  # a lone surname must be very close ("Lukashevich" is not "Lukashenka")
_AMBIGUITY_MARGIN = 3.0

TYPES = ("person", "organisation", "state", "group")
KINDS = ("name", "native", "alias", "acronym", "surname", "metonym", "demonym")
_KIND_RANK = {"name": 0, "native": 0, "alias": 1, "acronym": 2, "surname": 3, "metonym": 4, "demonym": 5}
_TYPE_RANK = {"person": 0, "organisation": 1, "group": 2, "state": 3}
_FIELDS = {
    "id",
    "name",
    "type",
    "country",
    "code",
    "native",
    "aliases",
    "gender",
    "parent",
    "bare_surname",
    "roles",
    "learned",
}
_ROLE_FIELDS = {"office", "organisation", "code", "from", "to"}
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9./&-]{1,9}$")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # generational, after a surname
_SURNAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "dos", "del", "la", "le", "di", "ter"}
_CODE = re.compile(r"^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,8})*$")
# the same keys, memoised: a process that loads the base twice (tests, eval) folds each spelling once
fold = functools.lru_cache(maxsize=1 << 17)(_fold)
ascii_fold = functools.lru_cache(maxsize=1 << 16)(_ascii_fold)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
_SLUG = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*|[A-Z]{3})$")
# derived from other projects' dictionaries (scripts/petrarch2_convert.py): loaded after every curated and
# user file, and below them: a known id is skipped, a spelling that names an actor already is not indexed
_DERIVED = ("petrarch2.yaml",)


@dataclass(frozen=True)
class SurfaceForm:
    text: str
    actor_id: str
    kind: str  # name | native | alias | surname | metonym | demonym | acronym


_STATE_KEYS = frozenset({"name", "names", "adj", "people", "capital", "capital_stands_for", "metonyms"})


def _surname(name: str) -> str:
    """Last name of a full name, keeping particles: "Ursula von der Leyen" -> "von der Leyen"."""
    tokens = name.split()
    while len(tokens) > 2 and tokens[-1].rstrip(".").lower() in NAME_SUFFIXES:
        tokens.pop()  # "Ferdinand Marcos Jr." is Marcos: "Jr." alone names no one
    if len(tokens) < 2:
        return ""
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in _SURNAME_PARTICLES:
        i -= 1
    return " ".join(tokens[i:])


def _date(value: Any, where: str, path: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(path, f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _parse_entry(raw: Any, index: int, path: str, partial: bool) -> dict[str, Any]:
    """Validate one YAML entry; ``partial`` allows only overriding fields (id present in the KB)."""
    if not isinstance(raw, dict):
        raise DataFileError(path, f"entry {index}: not a mapping")
    where = f"entry {index} ({raw.get('id', '?')})"
    unknown = set(raw) - _FIELDS
    if unknown:
        raise DataFileError(path, f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    need = ("id",) if partial else ("id", "name", "type")
    for key in need:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise DataFileError(path, f"{where}: '{key}' is required and must be a string")
    if not _SLUG.match(raw["id"]):
        raise DataFileError(path, f"{where}: id must be a lower-case slug or an ISO alpha-3 code")
    if "type" in raw and raw["type"] not in TYPES:
        raise DataFileError(path, f"{where}: type must be one of {', '.join(TYPES)}")
    for key in ("country", "code", "gender", "parent", "name"):
        if key in raw and raw[key] is not None and not isinstance(raw[key], str):
            raise DataFileError(path, f"{where}: '{key}' must be a string")
    if raw.get("code") and not _CODE.match(raw["code"]):
        raise DataFileError(path, f"{where}: bad actor code {raw['code']!r} (e.g. BLR.GOV)")
    if raw.get("gender") not in (None, "f", "m"):
        raise DataFileError(path, f"{where}: gender must be f or m")
    if "bare_surname" in raw and not isinstance(raw["bare_surname"], bool):
        raise DataFileError(path, f"{where}: bare_surname must be true or false")
    native = raw.get("native") or {}
    if not isinstance(native, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in native.items()
    ):
        raise DataFileError(path, f"{where}: native must map a language code to a name")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise DataFileError(path, f"{where}: aliases must be a list of strings")
    roles = []
    for j, r in enumerate(raw.get("roles") or []):
        rwhere = f"{where} role {j}"
        if not isinstance(r, dict) or not isinstance(r.get("office"), str):
            raise DataFileError(path, f"{rwhere}: a role is a mapping with at least 'office'")
        if set(r) - _ROLE_FIELDS:
            raise DataFileError(
                path, f"{rwhere}: unknown field(s) {', '.join(sorted(set(r) - _ROLE_FIELDS))}"
            )
        start, end = _date(r.get("from"), rwhere, path), _date(r.get("to"), rwhere, path)
        if start and end and end < start:
            raise DataFileError(path, f"{rwhere}: 'to' is before 'from'")
        if r.get("code") and not _CODE.match(str(r["code"])):
            raise DataFileError(path, f"{rwhere}: bad actor code {r['code']!r}")
        roles.append(
            Role(
                office=r["office"],
                organisation=r.get("organisation"),
                code=r.get("code"),
                start=start,
                end=end,
            )
        )
    out = {k: v for k, v in raw.items() if k not in ("native", "aliases", "roles")}
    out["native"], out["aliases"], out["roles"] = dict(native), list(aliases), roles
    return out


def _read_yaml(path: str, text: str) -> list[Any]:
    try:
        data = yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: impossible dates such as 2020-13-45
        raise DataFileError(path, f"not valid YAML: {exc}") from exc
    if data is None:
        return []
    if isinstance(data, dict) and isinstance(data.get("actors"), list):
        data = data["actors"]
    if not isinstance(data, list):
        raise DataFileError(path, "want a list of actor entries (or a mapping with an 'actors' list)")
    return data


def _read_json_lines(text: str) -> list[Any] | None:
    """A YAML list written one JSON object a line (``- {"id": ...}``), as the converters write it: read
    with ``json``, the same data as YAML gives, 30x faster; None when the text is not in that form."""
    rows = []
    for line in text.splitlines():
        if line.startswith("- {"):
            try:
                rows.append(json.loads(line[2:]))
            except ValueError:
                return None
        elif line.strip() and not line.startswith("#"):
            return None
    return rows


class ActorKB:
    """Actors and their surface forms; one instance per run, nothing shared between instances."""

    def __init__(self) -> None:
        self._actors: dict[str, Actor] = {}
        self._forms: dict[tuple[str, str], SurfaceForm] = {}  # (text, actor id) -> form
        self._index: dict[str, dict[str, int]] = {}  # folded text -> actor id -> best kind rank
        self._demonyms: dict[str, str] = {}  # folded demonym -> alpha-3
        self._people_full: dict[str, set[str]] = {}  # folded full name of a person -> actor ids
        self._people_surname: dict[str, set[str]] = {}  # folded surname (bare_surname people) -> ids

    # ---- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Sequence[Path] = (), derived: bool = True) -> ActorKB:
        """Package data, pycountry states and ``extra`` user files (later files override earlier); then,
        unless ``derived`` is false, the derived files (``actors/petrarch2.yaml``) with lower priority."""
        kb = cls()
        data = resources.files("tidings.data")
        countries_file = data / "countries.yaml"
        kb._load_states(str(countries_file), countries_file.read_text(encoding="utf-8"))
        folder = data / "actors"
        sources = [
            (str(f), f.read_text(encoding="utf-8"))
            for f in sorted(folder.iterdir(), key=lambda f: f.name)
            if f.name.endswith(".yaml") and f.name not in _DERIVED
        ]
        single = data / "actors.yaml"
        if single.is_file():
            sources.insert(0, (str(single), single.read_text(encoding="utf-8")))
        for p in extra:
            try:
                sources.append((str(p), Path(p).read_text(encoding="utf-8")))
            except OSError as exc:
                raise DataFileError(str(p), f"cannot read: {exc.strerror or exc}") from exc
        pending: list[tuple[str, dict[str, Any]]] = []
        pending_ids: set[str] = set()
        for path, text in sources:
            seen: set[str] = set()
            for i, raw in enumerate(_read_yaml(path, text)):
                rid = raw.get("id") if isinstance(raw, dict) else None
                known = isinstance(rid, str) and (rid in kb._actors or rid in pending_ids)
                entry = _parse_entry(raw, i, path, partial=known)
                if entry["id"] in seen:
                    raise DataFileError(path, f"entry {i} ({entry['id']}): id defined twice in this file")
                seen.add(entry["id"])
                pending_ids.add(entry["id"])
                pending.append((path, entry))
        merged: dict[str, tuple[str, dict[str, Any]]] = {}
        for path, entry in pending:
            if entry["id"] in merged:
                merged[entry["id"]] = (path, _merge_entries(merged[entry["id"]][1], entry))
            elif entry["id"] in kb._actors:
                merged[entry["id"]] = (path, _merge_entries(_actor_entry(kb._actors[entry["id"]]), entry))
            else:
                merged[entry["id"]] = (path, entry)
        for path, entry in merged.values():
            try:
                kb.add(Actor(**{k: v for k, v in entry.items()}))
            except TypeError as exc:
                raise DataFileError(path, f"entry {entry['id']}: {exc}") from exc
        for path, entry in merged.values():
            parent = entry.get("parent")
            if parent and parent not in kb._actors:
                raise DataFileError(path, f"entry {entry['id']}: unknown parent {parent!r}")
        for name in _DERIVED if derived else ():
            if (folder / name).is_file():
                kb._load_derived(str(folder / name), (folder / name).read_text(encoding="utf-8"))
        return kb

    def _load_derived(self, path: str, text: str) -> None:
        taken = set(self._index)  # every spelling of a curated or user actor
        for i, raw in enumerate(_read_json_lines(text) or _read_yaml(path, text)):
            entry = _parse_entry(raw, i, path, partial=False)
            if entry["id"] in self._actors:
                continue
            if entry.get("parent") and entry["parent"] not in self._actors:
                raise DataFileError(path, f"entry {entry['id']}: unknown parent {entry['parent']!r}")
            actor = Actor(**entry)
            self._actors[actor.id] = actor
            self._index_actor(actor, taken)

    def _load_states(self, path: str, text: str) -> None:
        raw = yaml.load(text, Loader=_LOADER) or {}
        if not isinstance(raw, dict):
            raise DataFileError(path, "want a mapping from ISO alpha-3 code to country data")
        for country in pycountry.countries:
            a3 = country.alpha_3
            extra = raw.get(a3) or {}
            if not isinstance(extra, dict):
                raise DataFileError(path, f"entry {a3}: not a mapping")
            unknown = set(extra) - _STATE_KEYS
            if unknown:
                raise DataFileError(path, f"entry {a3}: unknown keys {sorted(unknown)}")
            names = [str(n) for n in extra.get("names", [])]
            base = getattr(country, "common_name", None) or country.name
            name = extra.get("name") or re.sub(r"\s*\(.*\)", "", base)
            if "," in name:
                name = names[0] if names else name.split(",")[0]
            aliases = [
                n
                for n in (country.name, getattr(country, "official_name", None), base, *names)
                if n and n != name and "," not in n
            ]
            actor = Actor(
                id=a3, name=name, type="state", country=a3, code=a3, aliases=list(dict.fromkeys(aliases))
            )
            self._actors[a3] = actor
            self._index_actor(actor)
            # a capital stands for its government ("Minsk said"), or for the body seated there whose
            # voice it is in political news ("Brussels" is the EU's)
            if extra.get("capital"):
                self._add_form(str(extra["capital"]), str(extra.get("capital_stands_for") or a3), "metonym")
            for m in extra.get("metonyms", []):
                self._add_form(str(m), a3, "metonym")
            adjs = [str(a) for a in extra.get("adj", [])]
            people = [str(p) for p in extra.get("people", [])] or [
                a + "s" for a in adjs if a.endswith(("an", "i")) and " " not in a
            ]
            for d in [*adjs, *people]:
                self._add_form(d, a3, "demonym")
                self._demonyms.setdefault(fold(d), a3)

    # ---- indexing --------------------------------------------------------------------------------
    def _add_form(self, text: str, actor_id: str, kind: str, taken: set[str] | None = None) -> bool:
        text = text.strip()
        if not text:
            return False
        key = fold(text)
        if taken is not None and key in taken:
            return False  # a derived actor never takes a spelling from a curated one
        old = self._forms.get((text, actor_id))
        if old is None or _KIND_RANK[kind] < _KIND_RANK[old.kind]:
            self._forms[(text, actor_id)] = SurfaceForm(text, actor_id, kind)
        ranks = self._index.setdefault(key, {})
        ranks[actor_id] = min(ranks.get(actor_id, 99), _KIND_RANK[kind])
        return True

    def _index_actor(self, actor: Actor, taken: set[str] | None = None) -> None:
        aid = actor.id
        person = actor.type == "person"
        self._add_form(actor.name, aid, "name", taken)
        for alias in actor.aliases:
            self._add_form(alias, aid, "acronym" if _ACRONYM.match(alias) else "alias", taken)
        for native in actor.native.values():
            self._add_form(native, aid, "native", taken)
        if not person:
            return
        latin_names = [actor.name, *(a for a in actor.aliases if len(a.split()) > 1)]
        fulls, surnames = name_variants(actor.native) if actor.native else (set(), set())
        for text in sorted(fulls):
            self._add_form(text, aid, "name")
        for text in latin_names:
            folded = ascii_fold(text)
            if folded != text:
                self._add_form(folded, aid, "alias", taken)
        derived = taken is not None  # a derived person: ``fuzzy`` finds its exact spellings, not misspellings
        for text in [] if derived else [*latin_names, *fulls]:
            self._people_full.setdefault(fold(text), set()).add(aid)
        # a derived person's surname alone names no one: a base of thousands shares surnames with
        # everyone in the news ("Prosecutor Karim Khan" is not PETRARCH's Jose Khan)
        if actor.bare_surname and not derived:
            surnames |= {_surname(n) for n in latin_names}
            surnames |= {_surname(n) for n in actor.native.values()}
            surnames |= {ascii_fold(s) for s in surnames}
            for s in sorted(x for x in surnames if x and not re.fullmatch(r"[A-Z]\.?", x)):
                if self._add_form(s, aid, "surname", taken) and not derived:
                    self._people_surname.setdefault(fold(s), set()).add(aid)

    # ---- public API --------------------------------------------------------------------------------
    def add(self, actor: Actor) -> None:
        """Add (or extend, if the id is known) an actor for this run; learned actors come this way."""
        if actor.id in self._actors and self._actors[actor.id] is not actor:
            merged = _merge_entries(_actor_entry(self._actors[actor.id]), _actor_entry(actor))
            actor = Actor(**merged)
        self._actors[actor.id] = actor
        self._index_actor(actor)

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def actors(self) -> list[Actor]:
        return list(self._actors.values())

    def forms(self) -> list[SurfaceForm]:
        """Every spelling to search for in text (surnames only of people whose surname may stand alone)."""
        return list(self._forms.values())

    def lookup(self, text: str) -> list[str]:
        """Actor ids whose folded form equals ``fold(text)``: names before aliases before surnames before
        metonyms and demonyms; people before organisations before states."""
        ranks = self._index.get(fold(text), {})
        return sorted(ranks, key=lambda aid: (ranks[aid], _TYPE_RANK.get(self._actors[aid].type, 9), aid))

    def demonym(self, word: str) -> str | None:
        """The ISO alpha-3 code a demonym stands for: "Belarusian" -> "BLR"."""
        return self._demonyms.get(fold(word))

    def fuzzy(self, text: str, threshold: float = FUZZY_THRESHOLD) -> str | None:
        """The one person a misspelt name most likely means, or None (never a guess between two)."""
        q = fold(text).replace(".", ". ").replace("  ", " ").strip()
        exact = [a for a in self.lookup(q) if self._actors[a].type == "person"]
        if len(exact) == 1:
            return exact[0]
        tokens = q.split()
        if len(tokens) > 2:
            # "Antony J. Blinken", "George W. Bush": a middle initial the base's spelling leaves out
            bare = [t for i, t in enumerate(tokens) if i in {0, len(tokens) - 1} or not re.fullmatch(r"\w\.?", t)]
            exact = [a for a in self.lookup(" ".join(bare)) if self._actors[a].type == "person"] \
                if len(bare) < len(tokens) else []
            if len(exact) == 1:
                return exact[0]
        if not tokens:
            return None
        if len(tokens) == 1:
            table, cutoff = self._people_surname, max(threshold, _SURNAME_ONLY_MIN)
        else:
            table, cutoff = self._people_full, threshold
        hits = process.extract(q, list(table), scorer=fuzz.ratio, score_cutoff=cutoff, limit=20)
        best: dict[str, float] = {}
        for form, score, _ in hits:
            if len(table[form]) != 1:
                continue
            (aid,) = table[form]
            if len(tokens) == 1 and not _same_gender_ending(tokens[0], form):
                continue
            if len(tokens) > 1 and not _names_agree(tokens, form.split(), threshold):
                continue
            best[aid] = max(best.get(aid, 0.0), score)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _AMBIGUITY_MARGIN:
            return None
        return ranked[0][0]

    def search(self, query: str) -> list[Actor]:
        """For the CLI: exact spelling, then folded substring, then fuzzy; best first."""
        ids = list(self.lookup(query))
        q = fold(query)
        if q:
            for key, ranks in self._index.items():
                if q in key:
                    ids.extend(sorted(ranks, key=lambda a: ranks[a]))
            q_id = q.replace(" ", "-")
            ids.extend(a for a in self._actors if q_id in a.lower())
        hit = self.fuzzy(query)
        if hit:
            ids.append(hit)
        return [self._actors[a] for a in dict.fromkeys(ids)]


def _names_agree(query: list[str], form: list[str], threshold: float) -> bool:
    """Same person only if surnames and given names both agree (an initial agrees with its letter)."""
    if fuzz.ratio(query[-1], form[-1]) < threshold or not _same_gender_ending(query[-1], form[-1]):
        return False
    qg, fg = query[0].rstrip("."), form[0].rstrip(".")
    if len(qg) == 1 or len(fg) == 1:
        return qg[:1] == fg[:1]
    return fuzz.ratio(qg, fg) >= _GIVEN_MIN


def _same_gender_ending(a: str, b: str) -> bool:
    """Slavic feminine surnames end in -a where the masculine does not ("Sannikova" is not "Sannikov")."""
    return a.endswith("a") == b.endswith("a")


def _actor_entry(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "code": actor.code,
        "native": dict(actor.native),
        "aliases": list(actor.aliases),
        "roles": list(actor.roles),
        "gender": actor.gender,
        "parent": actor.parent,
        "bare_surname": actor.bare_surname,
        "learned": actor.learned,
    }


def _merge_entries(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Scalars in ``over`` replace, ``native`` is updated, ``aliases`` and ``roles`` are extended."""
    out = dict(base)
    for key, value in over.items():
        if key == "native":
            out["native"] = {**base.get("native", {}), **value}
        elif key == "aliases":
            out["aliases"] = list(dict.fromkeys([*base.get("aliases", []), *value]))
        elif key == "roles":
            out["roles"] = [*base.get("roles", []), *(r for r in value if r not in base.get("roles", []))]
        elif value is not None:
            out[key] = value
    return out
