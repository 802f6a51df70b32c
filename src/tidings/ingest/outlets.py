"""Outlets and their camps: which outlet published a document, and which camp that outlet speaks for.

In: ``data/outlets.yaml`` (and optional user files in the same format, whose entries come first) and a
``Document``. Out: ``OutletBook`` (validated, indexed by name, domain and credit line) and
``attach_outlet``, which returns the document with its outlet filled in where it was missing and its
``camp`` set. The outlet comes from, in order: the document's own metadata (``outlet``), a wire credit
in its first lines ("(Reuters) -", "BEIJING, June 20 (Xinhua) --", "February 14, Pozirk."), its URL's
domain, then its distributor. Distribution services (press-release feeds, aggregators) never name the
outlet. An outlet that no entry names is ``UNCLASSIFIED``: nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tidings.datafiles import load_mapping
from tidings.errors import DataFileError
from tidings.records import Document

__all__ = ["UNCLASSIFIED", "Outlet", "OutletBook", "attach_outlet"]

UNCLASSIFIED = "unclassified"
_TOP_KEYS = {"camps", "distributors", "outlets"}
_OUTLET_KEYS = {"id", "name", "aliases", "domains", "country", "language", "camp", "credit", "actor"}
_REQUIRED = {"id", "name", "country", "language", "camp"}
_DISTRIBUTOR_KEYS = {"name", "aliases", "domains"}
_CREDIT_WINDOW = 400  # a credit line sits in the first lines of a story
# "U.S. Embassy in Belarus": a diplomatic mission's name with the post it serves in
_POSTED = re.compile(r"^(.*\b(?:Embassy|Mission|Delegation|Consulate)\b.*?)\s+(?:in|to)\s+[A-Z].*$")


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str
    language: str
    camp: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    credit: bool = True  # False: the name is too common a word to be read from a credit line
    actor: str | None = None  # the actor an organisation's own release speaks for ("we" at Amnesty)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class OutletBook:
    camps: dict[str, str]
    outlets: tuple[Outlet, ...]
    by_name: dict[str, Outlet]
    by_domain: dict[str, Outlet]
    distributor_names: frozenset[str]
    distributor_domains: frozenset[str]
    credit: re.Pattern[str] | None

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> OutletBook:
        return _load(tuple(extra))

    def get(self, outlet_id: str) -> Outlet | None:
        return next((o for o in self.outlets if o.id == outlet_id), None)

    def named(self, name: str | None) -> Outlet | None:
        """The outlet a metadata name stands for (any alias, case-insensitively); a mission named with its
        post ("U.S. Embassy in Belarus", "EU Delegation to Japan") is the one its name without the post is."""
        if not name:
            return None
        found = self.by_name.get(_key(name))
        posted = _POSTED.match(name) if found is None else None
        return self.by_name.get(_key(posted.group(1))) if posted else found

    def is_distributor(self, name: str | None) -> bool:
        return bool(name) and _key(name) in self.distributor_names

    def at_domain(self, url: str | None) -> Outlet | None:
        """The outlet of a URL's host or of its nearest parent domain (en.kremlin.ru → kremlin.ru)."""
        host = _host(url)
        while host and "." in host:
            if host in self.distributor_domains:
                return None  # an aggregator's copy: its domain says nothing of the outlet
            if host in self.by_domain:
                return self.by_domain[host]
            host = host.split(".", 1)[1]
        return None

    def credited(self, text: str) -> Outlet | None:
        """The outlet a wire credit at the top of the text names."""
        if self.credit is None:
            return None
        match = self.credit.search(text[:_CREDIT_WINDOW])
        if match is None:
            return None
        name = next(g for g in match.groups() if g)
        return self.by_name.get(_key(name))

    def identify(self, document: Document) -> Outlet | None:
        """The document's outlet, or None when nothing names a known one."""
        if document.outlet and not self.is_distributor(document.outlet):
            return self.named(document.outlet)  # the metadata's word stands; unknown stays unknown
        return (self.credited(document.text) or self.at_domain(document.url)
                or self.at_domain(document.source if "://" in document.source else None)
                or self.named(document.distributor))


def attach_outlet(document: Document, book: OutletBook) -> Document:
    """A copy of ``document`` with its outlet (where it had none) and its camp."""
    outlet = book.identify(document)
    if outlet is None:
        name = document.outlet if document.outlet and not book.is_distributor(document.outlet) else None
        return dataclasses.replace(document, outlet=name, camp=UNCLASSIFIED)
    name = document.outlet if book.named(document.outlet) is outlet else outlet.name
    carried = list(document.carried_by)
    if document.carried_by and not any(_key(c) == _key(name) for c in carried):
        carried.insert(0, name)  # the outlet found here also carried the story it published
    return dataclasses.replace(document, outlet=name, camp=outlet.camp, carried_by=carried)


# -- loading -------------------------------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    return host.casefold().removeprefix("www.") if host else None


@cache
def _load(extra: tuple[Path, ...]) -> OutletBook:
    camps: dict[str, str] = {}
    outlets: list[tuple[str, Outlet]] = []
    distributors: list[dict[str, Any]] = []
    sources = [(str(p), _read(p)) for p in extra]
    sources.append(("outlets.yaml", resources.files("tidings.data").joinpath("outlets.yaml").read_text("utf-8")))
    for name, text in sources:
        raw = _parse(name, text)
        camps.update({str(k): str(v) for k, v in (raw.get("camps") or {}).items()})
        distributors.extend(_distributor(name, i, d) for i, d in enumerate(_list(name, raw, "distributors")))
        outlets.extend((name, _outlet(name, i, o)) for i, o in enumerate(_list(name, raw, "outlets")))
    return _index(camps, outlets, distributors)


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot be read ({exc})") from None


def _list(name: str, raw: dict[str, Any], key: str) -> list[Any]:
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise DataFileError(name, f"{key}: expected a list")
    return value


def _parse(name: str, text: str) -> dict[str, Any]:
    return load_mapping(text, name, _TOP_KEYS, what="camps, distributors and outlets")


def _strings(name: str, where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(name, f"{where}: expected a list of non-empty strings")
    return tuple(value)


def _outlet(name: str, index: int, entry: Any) -> Outlet:
    where = f"outlet {index}"
    if not isinstance(entry, dict):
        raise DataFileError(name, f"{where}: expected a mapping")
    where = f"outlet {index} ({entry.get('id', '?')})"
    unknown = set(entry) - _OUTLET_KEYS
    if unknown:
        raise DataFileError(name, f"{where}: unknown key(s) {sorted(unknown)}")
    missing = _REQUIRED - set(entry)
    if missing:
        raise DataFileError(name, f"{where}: missing {sorted(missing)}")
    for key in _REQUIRED:
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise DataFileError(name, f"{where}: {key} must be a non-empty string")
    if "credit" in entry and not isinstance(entry["credit"], bool):
        raise DataFileError(name, f"{where}: credit must be true or false")
    if "actor" in entry and (not isinstance(entry["actor"], str) or not entry["actor"].strip()):
        raise DataFileError(name, f"{where}: actor must be an actor id")
    return Outlet(
        id=entry["id"], name=entry["name"], country=entry["country"], language=entry["language"],
        camp=entry["camp"], aliases=_strings(name, where + " aliases", entry.get("aliases")),
        domains=tuple(d.casefold() for d in _strings(name, where + " domains", entry.get("domains"))),
        credit=entry.get("credit", True), actor=entry.get("actor"),
    )


def _distributor(name: str, index: int, entry: Any) -> dict[str, Any]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise DataFileError(name, f"distributor {index}: expected a mapping with a name")
    unknown = set(entry) - _DISTRIBUTOR_KEYS
    if unknown:
        raise DataFileError(name, f"distributor {index} ({entry['name']}): unknown key(s) {sorted(unknown)}")
    return {"names": (entry["name"], *_strings(name, f"distributor {index}", entry.get("aliases"))),
            "domains": tuple(d.casefold() for d in _strings(name, f"distributor {index}", entry.get("domains")))}


def _index(camps: dict[str, str], outlets: list[tuple[str, Outlet]],
           distributors: list[dict[str, Any]]) -> OutletBook:
    by_id: dict[str, Outlet] = {}
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    origin: dict[str, str] = {}
    for name, outlet in outlets:
        if outlet.id in by_id:
            continue  # a user file's entry (read first) overrides the base's
        by_id[outlet.id] = outlet
        origin[outlet.id] = name
        if outlet.camp not in camps:
            raise DataFileError(name, f"outlet {outlet.id}: camp {outlet.camp!r} is none of {sorted(camps)}")
        for alias in outlet.names():
            other = by_name.setdefault(_key(alias), outlet)
            if other.id != outlet.id:  # blame the user file, which is read first
                raise DataFileError(origin[other.id], f"name {alias!r} of outlet {other.id} also names {outlet.id}")
        for domain in outlet.domains:
            other = by_domain.setdefault(domain, outlet)
            if other.id != outlet.id:
                raise DataFileError(origin[other.id], f"domain {domain!r} of outlet {other.id} "
                                    f"already belongs to {outlet.id}")
    dist_names = frozenset(_key(n) for d in distributors for n in d["names"])
    dist_domains = frozenset(x for d in distributors for x in d["domains"])
    kept = tuple(by_id.values())
    return OutletBook(camps, kept, by_name, by_domain, dist_names, dist_domains, _credit_pattern(kept))


def _credit_pattern(outlets: Iterable[Outlet]) -> re.Pattern[str] | None:
    """Credit lines: "(Reuters)", "BelTA -" or "TASS —" opening a line, "February 14, Pozirk."."""
    names = sorted({n for o in outlets if o.credit for n in o.names() if len(n) >= 2}, key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"\(({alt})\)"
        rf"|^({alt})\s*[-\u2013\u2014:]\s"
        rf"|^[A-Z][a-z]+ \d{{1,2}}, ({alt})\."
        rf"|^\d{{1,2}} [A-Z][a-z]+, ({alt})\.",
        re.MULTILINE,
    )
