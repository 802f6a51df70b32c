"""The pipeline core: one document in, its records out, with no database and no global state.

In: a ``Document`` from ingest. Out: a ``DocResult`` (sentences, mentions, actors, events).
``Pipeline`` holds the read-only resources (spaCy model, actor base, pattern book, codebook) and
is built once per process; ``Pipeline.process`` is a pure function of its document, so it runs
unchanged in one process, in a process pool or on Spark.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from tidings import __version__
from tidings.actors.agents import parse_raw_id, raw_country
from tidings.actors.kb import ActorKB
from tidings.actors.references import References
from tidings.actors.resolve import ActorResolver, Home, ResolvedDoc
from tidings.claims import ClaimExtractor, TopicBook
from tidings.events.codebook import Codebook
from tidings.events.coder import EventCoder, RawEvent
from tidings.events.dates import DateInfo, document_date_context, event_date
from tidings.events.patterns import PatternBook
from tidings.events.places import document_place_context, event_place, place_country
from tidings.ingest.outlets import OutletBook, attach_outlet
from tidings.nlp import load_nlp, parse, parse_many, sentences
from tidings.records import Actor, DocResult, Document, Event, Mention, Sentence

__all__ = ["CODER_VERSION", "Pipeline", "PipelineConfig"]

CODER_VERSION = f"tidings-{__version__}"


@dataclass(frozen=True)
class PipelineConfig:
    actor_files: tuple[Path, ...] = ()
    pattern_files: tuple[Path, ...] = ()
    learned: tuple[Actor, ...] = ()  # people learned from earlier documents, reused by name


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = nlp or load_nlp()
        self.kb = ActorKB.load(self.config.actor_files)
        for actor in self.config.learned:
            if self.kb.get(actor.id) is None:
                self.kb.add(actor)
        self.refs = References.load()
        self.book = PatternBook.load(self.config.pattern_files)
        self.codebook = Codebook.load()
        self.resolver = ActorResolver(self.kb, self.refs)
        self.coder = EventCoder(self.book, self.kb, self.refs)
        self.outlets = OutletBook.load()
        self.claims = ClaimExtractor(TopicBook.load(), self.coder, self.kb, self.outlets)
        _warm()


    def learn(self, actors: Iterable[Actor]) -> None:
        """Add people learned from documents stored since this pipeline was built (as ``config.learned``)."""
        added = False
        for actor in actors:
            if self.kb.get(actor.id) is None:
                self.kb.add(actor)
                added = True
        if added:
            self.resolver = ActorResolver(self.kb, self.refs)
            self.coder = EventCoder(self.book, self.kb, self.refs)

    def process(self, document: Document) -> DocResult:
        return self.process_parsed(document, parse(self.nlp, document.text))

    def process_many(self, documents: Sequence[Document], batch_size: int = 16) -> Iterator[DocResult]:
        """One batched parse over many documents, then the same per-document core."""
        docs = parse_many(self.nlp, (d.text for d in documents), batch_size=batch_size)
        for document, doc in zip(documents, docs, strict=True):
            yield self.process_parsed(document, doc)

    def process_parsed(self, document: Document, doc: Doc) -> DocResult:
        document = attach_outlet(document, self.outlets)  # outlet and camp (data/outlets.yaml)
        issuer = self._issuer(document)
        resolved = self.resolver.resolve(doc, self._home(document, issuer))
        coded = self.coder.code(doc, resolved, issuer)
        records = [
            Sentence(document.id, i, s.start_char, s.end_char, s.text) for i, s in enumerate(sentences(doc))
        ]
        mentions = _mentions(document.id, doc, resolved, coded.plural_resolutions)
        events = self._events(document, doc, coded.events, resolved)
        actors = self._actors(mentions, events, resolved.learned)
        claims = self.claims.extract(document, doc, resolved)  # on the same parse (tidings.claims)
        return DocResult(document, records, mentions, actors, events, claims)

    # -- events ----------------------------------------------------------------------------
    def _events(
        self, document: Document, doc: Doc, raw: list[RawEvent], resolved: ResolvedDoc
    ) -> list[Event]:
        learned = {a.id: a for a in resolved.learned}
        sents = sentences(doc)
        date_ctx = document_date_context(doc, document.published)
        place_ctx = document_place_context(doc, document.title, document.dateline)
        if place_ctx is None:
            place_ctx = _first_event_place(raw, doc, sents)
        return [self._event(document, doc, sents, r, date_ctx, place_ctx, learned) for r in raw]

    def _event(
        self,
        document: Document,
        doc: Doc,
        sents: list,
        raw: RawEvent,
        date_ctx: DateInfo | None,
        place_ctx: str | None,
        learned: dict[str, Actor],
    ) -> Event:
        sent = sents[raw.sentence]
        anchor = doc[raw.trigger]
        code = raw.code
        if raw.hypothetical and code.startswith("04"):
            code = "036"  # a planned or possible meeting is an intent to meet (CAMEO 036)
        # a possible visit or an act inside a relative clause ("the assistance that X is providing")
        # happens at no known time or place unless the words say so
        situated = not raw.hypothetical and raw.core
        when = event_date(sent, anchor, document.published, date_ctx if situated else None)
        if not situated and when.origin != "text":
            when = DateInfo(None, None, None)
        elif when.origin == "context" and date_ctx is not None and date_ctx.origin == "published":
            when = DateInfo(when.date, when.precision, "published", when.text)
        place = event_place(sent, anchor, place_ctx if situated else None)
        cameo = self.codebook.cameo(code)
        plover = self.codebook.plover(code)
        source = self.kb.get(raw.source) or learned.get(raw.source)
        target = (self.kb.get(raw.target) or learned.get(raw.target)) if raw.target else None
        source_id, source_name = _actor_ref(raw.source, source)
        target_id, target_name = _actor_ref(raw.target, target)
        # a target guessed from context says nothing of the source's state
        told, told_raw = (None, None) if raw.target_inferred else (target, raw.target)
        setting = self._setting_country(place or place_ctx)
        span = doc[raw.evidence_start : raw.evidence_end]
        return Event(
            doc_id=document.id,
            sentence=raw.sentence,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            evidence_start=span.start_char,
            evidence_end=span.end_char,
            evidence=span.text,
            source_id=source_id,
            source_name=source_name,
            source_code=source.code_on(when.date) if source else _generic_code(raw.source, self._domestic_country(
                code, told) or setting or self._side_country(told_raw, told, raw.source, code)),
            target_id=target_id,
            target_name=target_name,
            target_code=target.code_on(when.date) if target else _generic_code(raw.target, self._domestic_country(
                code, source) or setting or self._side_country(raw.source, source, raw.target, code)),
            cameo=code,
            cameo_name=cameo.name,
            plover_type=plover.type if plover else None,
            plover_mode=plover.mode if plover else None,
            quad_class=cameo.quad_class,
            goldstein=cameo.goldstein,
            date=when.date,
            date_precision=when.precision,
            date_origin=when.origin,
            location=place,
            speaker_id=_actor_ref(raw.speaker, None)[0],
            via_id=_actor_ref(raw.via, None)[0],
            negated=raw.negated,
            hypothetical=raw.hypothetical,
            symmetric=raw.symmetric,
            core=raw.core,
            confidence=0.5 if raw.target_inferred else 1.0,  # a target guessed from context
            pattern=raw.pattern,
            coder_version=CODER_VERSION,
        )

    def _domestic_country(self, code: str, other: Actor | None) -> str | None:
        """A coercive act (CAMEO 17: arrest, ban, repression) is done at home: the kind of actor it
        is done to or by belongs to the other side's state ("the Belarusian government outlawed the
        largest opposition party" → BLR.OPP)."""
        if not code.startswith("17") or other is None or not other.country:
            return None
        return other.country if self.kb.get(other.country) is not None else None

    def _side_country(self, raw_id: str | None, actor: Actor | None, own: str | None, code: str) -> str | None:
        """The state of an event's other side, for a generic agent that neither its words nor the
        story's place put anywhere: "the Sudanese government accused rebels" → Sudan's rebels. An
        organisation's side places nothing ("UN peacekeepers shelled rebels" says nothing of where the
        rebels are from); migrants and refugees are by their kind from elsewhere. Only kinds of agents
        ("rebels", "prisoners"), never a named body the base does not know."""
        if "18" <= code[:2] <= "20":
            return None  # the victims of an attack are not of the attacker's state ("strikes killed two people")
        name, kind = parse_raw_id(own) if own is not None and own.startswith("?") else ("", None)
        if not name.split()[-1:] or not name.split()[-1][:1].islower() or (kind or "").split(".")[-1] in _UNPLACED:
            # a named body ("the Foreign, Commonwealth and Development Office") is not placed so, nor a
            # state's own agent ("the foreign ministry summoning Moscow's ambassador" is not Russia's)
            return None
        country = (actor.country if actor.type in {"state", "person"} else None) if actor is not None \
            else raw_country(raw_id)
        state = self.kb.get(country) if country else None
        return state.id if state is not None and state.type == "state" else None

    def _issuer(self, document: Document) -> str | None:
        """The actor a government's or an IGO's own release speaks for: its outlet's state or
        organisation (the State Department's "we" is the United States, the EEAS's the EU), or the
        actor an outlet names as its own (``actor`` in outlets.yaml: Amnesty's "we" is Amnesty)."""
        outlet = self.outlets.identify(document)
        if outlet is not None and outlet.actor and self.kb.get(outlet.actor) is not None:
            return outlet.actor  # an organisation's own release: Amnesty's "we" is Amnesty
        if outlet is None or outlet.camp not in {"government", "igo"} or not outlet.country:
            return None
        own = self.kb.get(outlet.country)
        if own is not None:
            return own.id
        return next((a for a in self.kb.lookup(outlet.country)
                     if (actor := self.kb.get(a)) is not None and actor.code == outlet.country), None)

    def _home(self, document: Document, issuer: str | None) -> Home:
        """The states a document speaks from, for officials it names with no country: the issuing
        state of a government's own release, the state of a dateline's place."""
        state = self.kb.get(issuer) if issuer else None
        setting = self._setting_country(document.dateline)
        return Home(issuer=state.id if state is not None and state.type == "state" else None,
                    setting=setting if setting and self.kb.get(setting) is not None else None)

    def _setting_country(self, place: str | None) -> str | None:
        if not place:
            return None
        states = [a for a in self.kb.lookup(place) if (actor := self.kb.get(a)) is not None and actor.type == "state"]
        return states[0] if states else place_country(place)

    def _actors(self, mentions: Iterable[Mention], events: Iterable[Event], learned: list[Actor]) -> list[Actor]:
        ids: list[str] = []
        for actor_id in [m.actor_id for m in mentions] + [
            a for e in events for a in (e.source_id, e.target_id, e.speaker_id, e.via_id)
        ]:
            if actor_id and actor_id not in ids:
                ids.append(actor_id)
        by_id = {a.id: a for a in learned}
        found = [self.kb.get(i) or by_id.get(i) for i in ids]
        return [a for a in found if a is not None]


def _warm() -> None:
    """Load once, when the pipeline is built, what the stages would otherwise load on their first
    document: the city gazetteer, the valence lexicon, the sport words and dateparser's locale data."""
    from datetime import date as _date

    from tidings.events.dates import find_date_text
    from tidings.events.domains import Domains
    from tidings.events.places import place_country
    from tidings.events.speech import Valence

    place_country("Minsk")
    Valence.load()
    Domains.load()
    find_date_text("on 5 March", _date(2025, 3, 7))


def _actor_ref(raw_id: str | None, actor: Actor | None) -> tuple[str | None, str | None]:
    """(id, name) for an event role. The coder marks agents that are no known actor ("?riot
    police") with a leading "?": they keep their words as a name but get no actor id."""
    if raw_id is None:
        return None, None
    if raw_id.startswith("?"):
        return None, parse_raw_id(raw_id)[0]
    return raw_id, actor.name if actor else raw_id


# sectors the other side of an event does not place: migrants and refugees are from elsewhere, and a
# state's own agents deal with other states as often as with their own
_UNPLACED = frozenset({"REF", "GOV", "MIL", "COP", "JUD", "DIP", "LEG", "SPY", "IGO", "NGO"})


def _generic_code(raw_id: str | None, setting: str | None) -> str | None:
    """A generic agent's code: its own country and sector ("BLR.COP"), else the sector placed in the
    country where the event happens or the document is set ("riot police" in a story from Minsk)."""
    if raw_id is None or not raw_id.startswith("?"):
        return None
    code = parse_raw_id(raw_id)[1]
    if code is not None and "." not in code and setting:
        return f"{setting}.{code}"
    return code


def _mentions(
    doc_id: str, doc: Doc, resolved: ResolvedDoc, plural: dict[int, list[str]]
) -> list[Mention]:
    sentence_of = {}
    for i, sent in enumerate(sentences(doc)):
        for token in sent:
            sentence_of[token.i] = i
    out: list[Mention] = []
    for m in resolved.mentions:
        span = m.span(doc)
        # a plural reference resolved to the last meeting's sides keeps only real actors: the coder's
        # "?diplomat" placeholders (agents that are no known actor) have no row in the actors table
        sides = [a for a in plural.get(m.start, []) if a and not a.startswith("?")]
        actor_ids = m.actor_ids or sides or [None]
        for actor_id in actor_ids:
            out.append(Mention(doc_id, span.start_char, span.end_char, span.text, m.kind, actor_id,
                               sentence_of[m.start], m.confidence))
    return out


def _first_event_place(raw: list[RawEvent], doc: Doc, sents: list) -> str | None:
    """With no dateline or title place, the first place the story itself gives an event."""
    for event in raw:
        if event.hypothetical:
            continue
        place = event_place(sents[event.sentence], doc[event.trigger], None)
        if place:
            return place
    return None
