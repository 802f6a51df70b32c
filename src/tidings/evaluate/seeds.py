"""Scoring extracted events against the hand-coded seed gold (``gold/seeds.jsonl``).

In: the gold file (``load_seed_gold``), the coder's records per document (``DocRecords``, keyed by
the file name of ``Document.source``) and an ``ActorNames`` look-up (actor id → its names and
country). Out: a ``SeedScore``: precision, recall and F1 for core gold events at the CAMEO code level
and at the root (first two digits) level, the share of matched events with the right date and
location, and the misses and false positives for a ``--details`` listing.

The rules (from ``gold/README.md``, with the choices it leaves open):

- *Same sentence*: the gold evidence, after normalising quotes and whitespace, is a substring of the
  sentence text. When no single sentence holds it (a sentence splitter cut it), the evidence is
  looked up in the document text and every sentence it overlaps counts as its sentence.
- *Actors*: a gold name equals one of the actor's names (the ``ActorNames`` names plus the name
  written on the event), compared case- and accent-insensitively (NFKD, combining marks dropped,
  casefold, and ł/đ/ø/æ/œ/ı/ħ flattened); or, when the gold code is a bare ISO 3166 alpha-3 country
  code ("VEN", "POL"), the actor's country equals it (the ``ActorNames`` country, else the part of
  the event's actor code before the first dot). Organisation codes ("EU", "NATO", "IGO") never match
  by code: only by name. Direction counts unless the gold event is ``symmetric``.
- *Null gold target*: matches only an event with no target (no id and no name); with
  ``lenient_null_target=True`` any target is accepted.
- *Code*: the event's CAMEO code is in the gold list (code match), or only its first two digits
  equal those of a gold code (root match).
- *One to one*: each gold event matches at most one extracted event and vice versa, chosen greedily:
  code matches before root matches, core gold before non-core, then gold-file order and the
  coder's event order.
- *Recall*: over core gold events. *Precision*: the denominator holds the extracted events in
  sentences that hold a core gold event or no gold event at all, plus any event matched to a core
  gold event; events matched to a non-core gold event, and other events in sentences that hold only
  non-core gold events, are left out. A root-only match is a true positive at the root level and a
  miss plus a false positive at the code level. With nothing to divide by a figure is 0.0.
- Only documents named in the gold file are scored; events of other documents are ignored.
- *Date* and *location* shares: over core gold events matched at either level; null gold matches
  null; locations compared like names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from tidings.errors import DataFileError
from tidings.records import Document, Event, Sentence

__all__ = [
    "ActorNames",
    "DocRecords",
    "GoldEvent",
    "SeedScore",
    "load_seed_gold",
    "normalise_name",
    "normalise_text",
    "score_seeds",
]

ActorNames = Callable[[str | None], tuple[list[str], str | None]]

CODE, ROOT = 2, 1

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_FLATTEN = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"})
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Quotes made straight, whitespace runs made one space, ends stripped (NFC first)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def normalise_name(name: str) -> str:
    """Case- and accent-insensitive form of a name: NFKD, combining marks dropped, casefolded."""
    decomposed = unicodedata.normalize("NFKD", normalise_text(name))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(_FLATTEN)


@lru_cache(maxsize=512)
def _is_country(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and pycountry.countries.get(alpha_3=code.upper()) is not None


@dataclass
class GoldEvent:
    doc: str
    evidence: str
    source: list[str]
    target: list[str] | None
    source_code: str | None
    target_code: str | None
    cameo: list[str]
    date: date | None
    location: str | None
    symmetric: bool
    via: list[str] | None
    core: bool


@dataclass
class DocRecords:
    document: Document
    sentences: list[Sentence]
    events: list[Event]


def _names(value: Any, where: str, key: str, nullable: bool) -> list[str] | None:
    if value is None and nullable:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise DataFileError(
            where, f"'{key}' must be a non-empty list of strings{' or null' if nullable else ''}"
        )
    return value


def load_seed_gold(path: Path) -> list[GoldEvent]:
    """Read ``seeds.jsonl``; a bad line raises ``DataFileError`` naming ``file:line``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    out: list[GoldEvent] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(where, f"not JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(obj, dict):
            raise DataFileError(where, "expected a JSON object")
        for key in ("doc", "evidence", "source", "cameo"):
            if key not in obj:
                raise DataFileError(where, f"missing '{key}'")
        for key in ("doc", "evidence"):
            if not isinstance(obj[key], str) or not obj[key].strip():
                raise DataFileError(where, f"'{key}' must be a non-empty string")
        cameo = obj["cameo"]
        if isinstance(cameo, str):
            cameo = [cameo]
        if (
            not isinstance(cameo, list)
            or not cameo
            or not all(isinstance(c, str) and c.isdigit() for c in cameo)
        ):
            raise DataFileError(where, "'cameo' must be a non-empty list of digit strings")
        day = obj.get("date")
        if day is not None:
            try:
                day = date.fromisoformat(day)
            except (TypeError, ValueError) as exc:
                raise DataFileError(where, f"'date' is not an ISO date: {day!r}") from exc
        for key in ("source_code", "target_code", "location"):
            if obj.get(key) is not None and not isinstance(obj[key], str):
                raise DataFileError(where, f"'{key}' must be a string or null")
        for key in ("symmetric", "core"):
            if key in obj and not isinstance(obj[key], bool):
                raise DataFileError(where, f"'{key}' must be true or false")
        source = _names(obj["source"], where, "source", nullable=False)
        assert source is not None
        out.append(
            GoldEvent(
                doc=obj["doc"],
                evidence=obj["evidence"],
                source=source,
                target=_names(obj.get("target"), where, "target", nullable=True),
                source_code=obj.get("source_code"),
                target_code=obj.get("target_code"),
                cameo=cameo,
                date=day,
                location=obj.get("location"),
                symmetric=obj.get("symmetric", False),
                via=_names(obj.get("via"), where, "via", nullable=True),
                core=obj.get("core", True),
            )
        )
    return out


@dataclass
class SeedScore:
    gold: int  # core gold events (recall's denominator)
    extracted: int  # precision's denominator (see the module docstring)
    matched: int  # core gold events matched at the code level
    matched_root: int  # ... at the root level (code matches included)
    precision: float
    recall: float
    f1: float
    root_precision: float
    root_recall: float
    root_f1: float
    date_accuracy: float | None  # None when nothing matched
    location_accuracy: float | None
    misses: list[tuple[GoldEvent, str]] = field(default_factory=list)  # core gold, no code match
    false_positives: list[tuple[Event, str]] = field(default_factory=list)  # counted, no code match
    root_only: list[tuple[GoldEvent, Event, str]] = field(default_factory=list)
    unlocated: list[GoldEvent] = field(default_factory=list)  # evidence found in no sentence
    matched_events: list[Event] = field(default_factory=list)  # extracted events matched to core gold

    def to_dict(self) -> dict[str, Any]:
        def gold(g: GoldEvent) -> dict[str, Any]:
            return {
                "doc": g.doc,
                "evidence": g.evidence,
                "source": g.source[0],
                "target": g.target[0] if g.target else None,
                "cameo": g.cameo,
                "symmetric": g.symmetric,
            }

        def event(e: Event) -> dict[str, Any]:
            return {
                "doc_id": e.doc_id,
                "sentence": e.sentence,
                "evidence": e.evidence,
                "source": e.source_id or e.source_name,
                "target": e.target_id or e.target_name,
                "cameo": e.cameo,
            }

        return {
            "gold": self.gold,
            "extracted": self.extracted,
            "matched": self.matched,
            "matched_root": self.matched_root,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "root_precision": self.root_precision,
            "root_recall": self.root_recall,
            "root_f1": self.root_f1,
            "date_accuracy": self.date_accuracy,
            "location_accuracy": self.location_accuracy,
            "misses": [{**gold(g), "sentence_text": text} for g, text in self.misses],
            "false_positives": [{**event(e), "sentence_text": text} for e, text in self.false_positives],
            "root_only": [
                {"gold": gold(g), "event": event(e), "sentence_text": t} for g, e, t in self.root_only
            ],
            "unlocated": [gold(g) for g in self.unlocated],
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _gold_sentences(g: GoldEvent, rec: DocRecords) -> set[int]:
    wanted = normalise_text(g.evidence)
    found = {s.index for s in rec.sentences if wanted in normalise_text(s.text)}
    if found:
        return found
    # The splitter may have cut the evidence: find it in the text (quote mapping keeps offsets).
    text = rec.document.text.translate(_QUOTES)
    start = text.find(g.evidence.translate(_QUOTES).strip())
    if start < 0:
        return set()
    end = start + len(g.evidence.strip())
    return {s.index for s in rec.sentences if s.start < end and start < s.end}


class _ActorMatcher:
    def __init__(self, names: ActorNames) -> None:
        self._names = names
        self._cache: dict[str | None, tuple[set[str], str | None]] = {}

    def _lookup(self, actor_id: str | None) -> tuple[set[str], str | None]:
        if actor_id not in self._cache:
            if actor_id is None:
                self._cache[None] = (set(), None)
            else:
                all_names, country = self._names(actor_id)
                self._cache[actor_id] = ({normalise_name(n) for n in all_names if n}, country)
        return self._cache[actor_id]

    def matches(
        self, actor_id: str | None, name: str | None, code: str | None, gold: list[str], gold_code: str | None
    ) -> bool:
        names, country = self._lookup(actor_id)
        if name:
            names = names | {normalise_name(name)}
        if any(normalise_name(g) in names for g in gold):
            return True
        if actor_id is None and name and _generic_match(normalise_name(name), gold, code, gold_code):
            return True
        if gold_code and "." not in gold_code and _is_country(gold_code):
            countries = {c.upper() for c in (country, code.split(".")[0] if code else None) if c}
            return gold_code.upper() in countries
        return False


def _generic_match(name: str, gold: list[str], code: str | None, gold_code: str | None) -> bool:
    """A generic agent ("Belarusian riot police", no actor id) matches a gold name that it ends with or
    that ends with it ("riot police", "police"), unless the gold code's country differs from the
    agent's own ("Polish police", POL.COP, is not BLR.COP)."""
    own = code.split(".")[0] if code and "." in code else None
    wanted = gold_code.split(".")[0] if gold_code else None
    if own and wanted and _is_country(wanted) and own.upper() != wanted.upper():
        return False
    words = name.split()
    for g in gold:
        other = normalise_name(g).split()
        short, long_ = sorted((words, other), key=len)
        if short and long_[-len(short):] == short:
            return True
    return False


def _actors_match(e: Event, g: GoldEvent, m: _ActorMatcher, lenient_null_target: bool) -> bool:
    def side(
        actor_id: str | None,
        name: str | None,
        code: str | None,
        gold: list[str] | None,
        gold_code: str | None,
    ) -> bool:
        if gold is None:
            return lenient_null_target or (actor_id is None and not name)
        return m.matches(actor_id, name, code, gold, gold_code)

    src = (e.source_id, e.source_name, e.source_code)
    tgt = (e.target_id, e.target_name, e.target_code)
    if side(*src, g.source, g.source_code) and side(*tgt, g.target, g.target_code):
        return True
    if g.symmetric and g.target is not None:
        return side(*tgt, g.source, g.source_code) and side(*src, g.target, g.target_code)
    return False


def _level(cameo: str, gold: list[str]) -> int:
    if cameo in gold:
        return CODE
    if any(cameo[:2] == c[:2] for c in gold):
        return ROOT
    return 0


def score_seeds(
    gold: list[GoldEvent],
    docs: dict[str, DocRecords],
    names: ActorNames,
    *,
    lenient_null_target: bool = False,
) -> SeedScore:
    """Score the coder's events in ``docs`` (keyed by file name) against ``gold``."""
    matcher = _ActorMatcher(names)
    gold_sents: list[set[int]] = []
    by_sentence: dict[tuple[str, int], list[int]] = {}  # (doc, sentence) -> gold indices
    unlocated: list[GoldEvent] = []
    for gi, g in enumerate(gold):
        rec = docs.get(g.doc)
        sents = _gold_sentences(g, rec) if rec is not None else set()
        gold_sents.append(sents)
        if rec is not None and not sents:
            unlocated.append(g)
        for s in sents:
            by_sentence.setdefault((g.doc, s), []).append(gi)

    # Every extracted event of a gold document, as (doc name, position); candidate pairs.
    events: list[tuple[str, Event]] = []
    for name in dict.fromkeys(g.doc for g in gold):
        rec = docs.get(name)
        if rec is not None:
            events.extend((name, e) for e in rec.events)
    pairs: list[tuple[int, int, int, int]] = []  # (level, core, gold index, event index)
    for ei, (name, e) in enumerate(events):
        for gi in by_sentence.get((name, e.sentence), []):
            g = gold[gi]
            level = _level(e.cameo, g.cameo)
            if level and _actors_match(e, g, matcher, lenient_null_target):
                pairs.append((level, int(g.core), gi, ei))
    pairs.sort(key=lambda p: (-p[0], -p[1], p[2], p[3]))
    gold_match: dict[int, tuple[int, int]] = {}  # gold index -> (event index, level)
    event_match: dict[int, int] = {}  # event index -> gold index
    for level, _core, gi, ei in pairs:
        if gi in gold_match or ei in event_match:
            continue
        gold_match[gi] = (ei, level)
        event_match[ei] = gi

    def sentence_text(name: str, indices: set[int] | int) -> str:
        rec = docs.get(name)
        wanted = {indices} if isinstance(indices, int) else indices
        if rec is None:
            return ""
        return " ".join(s.text for s in sorted(rec.sentences, key=lambda s: s.index) if s.index in wanted)

    core = [gi for gi, g in enumerate(gold) if g.core]
    code_hits = [gi for gi in core if gi in gold_match and gold_match[gi][1] == CODE]
    root_hits = [gi for gi in core if gi in gold_match]

    counted: list[int] = []
    for ei, (name, e) in enumerate(events):
        gi = event_match.get(ei)
        if gi is not None:
            if gold[gi].core:
                counted.append(ei)
            continue
        in_sentence = [gold[i] for i in by_sentence.get((name, e.sentence), [])]
        if not in_sentence or any(g.core for g in in_sentence):
            counted.append(ei)

    precision = _ratio(len(code_hits), len(counted))
    recall = _ratio(len(code_hits), len(core))
    root_precision = _ratio(len(root_hits), len(counted))
    root_recall = _ratio(len(root_hits), len(core))

    dates = locations = 0
    for gi in root_hits:
        g, e = gold[gi], events[gold_match[gi][0]][1]
        dates += e.date == g.date
        if g.location is None or e.location is None:
            locations += g.location is None and e.location is None
        else:
            locations += normalise_name(g.location) == normalise_name(e.location)

    misses = [
        (gold[gi], sentence_text(gold[gi].doc, gold_sents[gi]) or gold[gi].evidence)
        for gi in core
        if gi not in code_hits
    ]
    false_positives = [
        (events[ei][1], sentence_text(events[ei][0], events[ei][1].sentence))
        for ei in counted
        if not (ei in event_match and gold_match[event_match[ei]][1] == CODE)
    ]
    root_only = [
        (gold[gi], events[gold_match[gi][0]][1], sentence_text(gold[gi].doc, gold_sents[gi]))
        for gi in root_hits
        if gold_match[gi][1] == ROOT
    ]
    return SeedScore(
        gold=len(core),
        extracted=len(counted),
        matched=len(code_hits),
        matched_root=len(root_hits),
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        root_precision=root_precision,
        root_recall=root_recall,
        root_f1=_f1(root_precision, root_recall),
        date_accuracy=_ratio(dates, len(root_hits)) if root_hits else None,
        location_accuracy=_ratio(locations, len(root_hits)) if root_hits else None,
        misses=misses,
        false_positives=false_positives,
        root_only=root_only,
        unlocated=unlocated,
        matched_events=[events[gold_match[gi][0]][1] for gi in root_hits],
    )
