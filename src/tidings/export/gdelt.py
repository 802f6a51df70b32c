"""The GDELT 2.0 event table: its 61 columns in order, and an event as one row of them.

In: an ``Event``, its ``Document`` and the ``Actor`` records of its source and target (when stored).
Out: 61 strings, empty where tidings has no value (ethnicity, religion, tone, coordinates...).

Mapping (GDELT 2.0 Event Codebook, V2.0):
- GLOBALEVENTID: the event's stable key (``event_key``) read as a 52-bit integer, the same on every export.
- SQLDATE/MonthYear/Year/FractionDate: the event's date (empty when undated).
- ActorNCode: the actor code on the event's date with its dots removed (``BLR.GOV`` -> ``BLRGOV``);
  CountryCode: the ISO alpha-3 country of the actor (or the code's first part when it is one);
  KnownGroupCode: the organisation (``NATO``, ``UN``) when the actor belongs to no state;
  Type1-3Code: the code's further parts (``GOV``, ``OPP``).
- IsRootEvent: 1 when the event is in the document's first sentence (GDELT: the lead).
- EventCode/EventBaseCode/EventRootCode: the CAMEO code, its first three and first two digits.
- NumMentions 1; NumSources and NumArticles: the outlets that carried the story (at least 1).
- ActionGeo_FullName: the event's place as coded; the other geography columns stay empty.
- DATEADDED: when the distributor sent the story, else its publication date (YYYYMMDDHHMMSS, UTC).
- SOURCEURL: the document's URL, else the source it was read from.
Tabs and line breaks inside values become spaces, so every row has exactly 61 columns.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from tidings.explore.filters import event_key
from tidings.records import Actor, Document, Event

__all__ = ["GDELT_COLUMNS", "gdelt_row"]

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT_COLUMNS: list[str] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{f}" for f in _ACTOR_FIELDS],
    *[f"Actor2{f}" for f in _ACTOR_FIELDS],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"Actor1Geo_{f}" for f in _GEO_FIELDS],
    *[f"Actor2Geo_{f}" for f in _GEO_FIELDS],
    *[f"ActionGeo_{f}" for f in _GEO_FIELDS],
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

_ALPHA3 = re.compile(r"^[A-Z]{3}$")


def _clean(value: object) -> str:
    if value is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(value))


def _actor_columns(code: str | None, name: str | None, actor: Actor | None) -> list[str]:
    parts = [p for p in (code or "").split(".") if p]
    known = actor.country if actor is not None else None
    if known is None and parts:
        known = parts[0]  # an unstored actor: its code's first part says its state or organisation
    country = known if known and _ALPHA3.match(known) else ""
    group = "" if country else (known or "")
    rest = parts[1:] if parts and parts[0] in {country, group} else parts
    types = (rest + ["", "", ""])[:3]
    return [_clean("".join(parts)), _clean(name), country, _clean(group), "", "", "", *map(_clean, types)]


def _fraction(day: date) -> str:
    return f"{day.year + day.timetuple().tm_yday / 365:.4f}"


def _added(doc: Document | None) -> str:
    if doc is None:
        return ""
    if doc.distributed_at is not None:
        at = doc.distributed_at
        if at.utcoffset() is not None:
            at = at.astimezone(UTC)
        return at.strftime("%Y%m%d%H%M%S")
    if doc.published is not None:
        return datetime(doc.published.year, doc.published.month, doc.published.day).strftime("%Y%m%d%H%M%S")
    return ""


def gdelt_row(e: Event, doc: Document | None, source: Actor | None, target: Actor | None) -> list[str]:
    """The 61 GDELT 2.0 columns of one event, as strings."""
    day = e.date
    carriers = max(1, len(doc.carried_by)) if doc is not None else 1
    geo_blank = [""] * len(_GEO_FIELDS)
    action_geo = ["", _clean(e.location)] + [""] * (len(_GEO_FIELDS) - 2)
    row = [
        str(int(event_key(e)[:13], 16)),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        str(day.year) if day else "", _fraction(day) if day else "",
        *_actor_columns(e.source_code, e.source_name, source),
        *_actor_columns(e.target_code, e.target_name, target),
        "1" if e.sentence == 0 else "0", e.cameo, e.cameo[:3], e.cameo[:2],
        "" if e.quad_class is None else str(e.quad_class), "" if e.goldstein is None else repr(float(e.goldstein)),
        "1", str(carriers), str(carriers), "",
        *geo_blank, *geo_blank, *action_geo,
        _added(doc), _clean((doc.url or doc.source) if doc is not None else ""),
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row
