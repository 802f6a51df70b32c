"""The records that flow between stages: plain dataclasses, no database, no global state.

In: nothing (this module only defines types). Out: ``Document``, ``Sentence``, ``Mention``,
``Actor``/``Role``, ``Event``, ``Claim`` and ``DocResult``, the output of the pure pipeline core.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = [
    "Actor",
    "Claim",
    "DocResult",
    "Document",
    "Event",
    "Mention",
    "Role",
    "Sentence",
    "to_plain",
]


@dataclass
class Document:
    """One article after ingestion: clean text plus what was learned about where it came from."""

    id: str  # sha256 (hex) of the clean text: the same story ingested twice has the same id
    text: str
    source: str  # file path or URL it was read from
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None  # the place named in the dateline ("Minsk", "Vilnius")
    published: date | None = None
    published_inferred: bool = False  # True when the year (or the date) was inferred, not read
    published_origin: str | None = None  # where the date came from: "dateline", "text", "meta", "user"
    distributor: str | None = None
    distributed_at: datetime | None = None
    language: str | None = None
    url: str | None = None
    disclaimer: str | None = None  # distribution disclaimer, removed from text, kept here
    boilerplate: list[str] = field(default_factory=list)  # other lines removed from the text
    carried_by: list[str] = field(default_factory=list)  # every outlet that carried this story
    camp: str | None = None  # the outlet's camp (data/outlets.yaml), "unclassified" when unknown


@dataclass
class Sentence:
    doc_id: str
    index: int
    start: int  # character offsets into Document.text
    end: int
    text: str


@dataclass
class Role:
    """An office held by a person: the actor code of their events depends on the date."""

    office: str
    organisation: str | None = None
    code: str | None = None  # actor code while in this role, e.g. "BLR.GOV"
    start: date | None = None
    end: date | None = None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Actor:
    id: str  # stable slug, e.g. "sviatlana-tsikhanouskaya", "BLR" for states
    name: str  # canonical English name
    type: str  # person | organisation | state | group
    country: str | None = None  # ISO 3166 alpha-3 or an organisation code (NATO, EU, UN)
    code: str | None = None  # default actor code, e.g. "BLR.OPP", "NATO.PA"
    native: dict[str, str] = field(default_factory=dict)  # script/language -> name ("be": "Ціханоўская")
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None  # "f" | "m" for people, for pronoun resolution
    parent: str | None = None  # id of the organisation or state this one belongs to
    bare_surname: bool = True  # whether the surname alone may stand for this person
    learned: bool = False  # True when tidings made this actor from what a text said

    def code_on(self, day: date | None) -> str | None:
        """The actor code from the role held on ``day`` (latest-starting role wins), else the default."""
        held = [r for r in self.roles if r.code and r.holds_on(day)]
        if held:
            held.sort(key=lambda r: r.start or date.min)
            return held[-1].code
        return self.code

    def all_names(self) -> list[str]:
        return [self.name, *self.native.values(), *self.aliases]

    def known_names(self) -> list[str]:
        """Every name the actor goes by: its names, and for a person whose surname alone stands for
        them in the base (``bare_surname``), that surname ("Blinken", "al-Sudani")."""
        names = self.all_names()
        if self.type == "person" and self.bare_surname:
            names += [n.split()[-1] for n in names if len(n.split()) > 1]
        return list(dict.fromkeys(names))


@dataclass
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # name | initial | surname | title | description | pronoun | plural | metonym | demonym
    actor_id: str | None
    sentence: int
    confidence: float = 1.0


@dataclass
class Event:
    doc_id: str
    sentence: int
    sentence_start: int
    sentence_end: int
    evidence_start: int  # character offsets into Document.text
    evidence_end: int
    evidence: str
    source_id: str | None
    source_name: str | None
    source_code: str | None
    target_id: str | None
    target_name: str | None
    target_code: str | None
    cameo: str
    cameo_name: str = ""
    plover_type: str | None = None
    plover_mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: date | None = None
    date_precision: str | None = None  # day | month | year
    date_origin: str | None = None  # text | context | published
    location: str | None = None
    speaker_id: str | None = None  # who said it, for reported speech
    via_id: str | None = None  # who relayed it ("Viačorka quoted her as saying")
    negated: bool = False
    hypothetical: bool = False  # future, proposed, possible, conditional
    symmetric: bool = False
    core: bool = True
    confidence: float = 1.0
    pattern: str | None = None  # id of the verb pattern that fired
    coder_version: str = ""


@dataclass
class Claim:
    doc_id: str
    sentence: int
    start: int
    end: int
    speaker_id: str | None
    topic: str
    stance: str  # for | against | neutral | mixed, toward the topic
    quote: str  # the claim's words: Document.text[start:end]
    speaker_name: str | None = None  # the speaker's words when no known actor ("the ministry")
    via_id: str | None = None  # who relayed it ("Viačorka quoted her as saying")
    target_id: str | None = None  # the actor the claim is about, if any
    target_stance: str | None = None  # for | against | neutral | mixed, toward the target
    verb: str | None = None  # the reporting verb's lemma ("say", "condemn"); None for a bare quote
    quoted: bool = False  # True: the speaker's own words in quotation marks; False: paraphrased


@dataclass
class DocResult:
    """Everything the pure pipeline core produces for one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # every actor referenced, learned ones included
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def to_plain(obj: Any) -> Any:
    """A JSON-ready copy of a record (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    return obj
