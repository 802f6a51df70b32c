"""The claims stage: what each actor says, on which topic, for or against, on the same parse.

In: a ``Document`` (with its camp), its spaCy ``Doc`` and the resolver's ``ResolvedDoc``. Out: a list of
``Claim`` records, one per statement and topic, each with its speaker (and relay), stance toward the
topic and toward the actor it is about, reporting verb, character span and whether it is quoted.

A sentence is read only when its words name a topic (``data/topics.yaml``), so the stage costs little
on sentences that say nothing claims are about. Its speaker is, in order: the speaker of the quote it
stands in (the coder's quote tracker), the subject of a claim verb ("X said", "X condemned", "X called
for", "Y quoted X as saying") or of "according to X", else, in a statement issued by a government, an
IGO or an NGO, the issuer itself when the sentence speaks as "we" or judges ("Today's heinous attack").
An outlet's own narration is no claim. The stance comes from the verb ("condemn" → against, "welcome"
→ for, "expressed concern" → against) or, for a neutral verb, from the valence of the claim's words
(VADER with the political lexicon of ``data/evaluative.yaml``), negation flipping it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tidings.actors.agents import parse_raw_id
from tidings.actors.kb import ActorKB
from tidings.actors.resolve import ResolvedDoc
from tidings.claims.topics import Topic, TopicBook
from tidings.events.coder import EventCoder, _SentenceCoder, _State
from tidings.events.speech import Valence
from tidings.ingest.outlets import OutletBook
from tidings.nlp import doc_text, sentences
from tidings.records import Claim, Document

__all__ = ["ClaimExtractor"]

_ISSUING_CAMPS = frozenset({"government", "igo", "ngo"})  # they speak in their own voice
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SKIP_DEPS = _SUBJECTS | {"aux", "auxpass", "punct", "neg", "cc", "mark", "advmod", "npadvmod", "prt"}
_APPEALS = frozenset({"call", "urge", "appeal", "demand", "seek"})  # toward their addressee: neutral
_ADDRESSING = frozenset({"draw", "urge", "call", "appeal", "tell", "inform", "ask", "brief", "lodge", "deliver"})
_FLIP = {"for": "against", "against": "for"}
_MIXED = 0.2  # a neutral verb's words both this positive and this negative (VADER shares) are mixed
_MODIFIERS = frozenset({"amod", "compound", "pobj", "dobj", "nsubj", "nsubjpass", "poss", "conj", "attr", "npadvmod"})
_NEAR = 6  # words either side of a topic's word that say how the claim takes it
_JUDGES = 0.1  # an issuer's sentence with a valence at least this strong (VADER compound) is a claim
_LEANS = 0.2  # a neutral verb's words with a valence at least this strong take a side


@dataclass
class _Unit:
    """A statement found in a sentence: who says it, through whom, with which verb, and its words."""

    speaker: str
    via: str | None
    verb: Token | None
    words: list[Token]
    quoted: bool


class ClaimExtractor:
    def __init__(self, book: TopicBook, coder: EventCoder, kb: ActorKB, outlets: OutletBook) -> None:
        self.book = book
        self.coder = coder
        self.kb = kb
        self.outlets = outlets
        self.valence = Valence.load()
        self.analyzer = _analyzer(self.valence, book)

    def extract(self, document: Document, doc: Doc, resolved: ResolvedDoc) -> list[Claim]:
        quotes, speakers = self.coder.quotes(doc, resolved)  # found once, by the event coder
        issuing = document.camp in _ISSUING_CAMPS
        voice = self._issuer(document) if issuing else None
        claims: list[Claim] = []
        state = _State()
        for index, sent in enumerate(sentences(doc)):
            if not self.book.find(sent):
                continue  # nothing a claim is about: not parsed further
            reader = _SentenceCoder(self.coder, doc, sent, index, resolved, state)
            unit = self._unit(reader, sent, index, quotes, speakers, voice, issuing)
            if unit is None:
                continue
            if unit.verb is not None and not unit.quoted and not unit.speaker.startswith("?"):
                voice = unit.speaker if issuing and voice is None else voice
            claims.extend(self._claims(document, doc, reader, index, unit, sent))
        return claims

    # -- who speaks ----------------------------------------------------------------------------
    def _issuer(self, document: Document) -> str | None:
        """The actor a statement's outlet stands for: the outlet's own actor, else its state."""
        outlet = self.outlets.named(document.outlet)
        names = outlet.names() if outlet else ((document.outlet,) if document.outlet else ())
        for name in names:
            found = self.kb.lookup(name)
            if found:
                return found[0]
        if outlet is not None and outlet.camp == "government" and self.kb.get(outlet.country):
            return outlet.country
        return None

    def _unit(self, reader: _SentenceCoder, sent: Span, index: int, quotes: list[tuple[int, int]],
              quote_speakers: dict[int, str], voice: str | None, issuing: bool) -> _Unit | None:
        quoted_by = quote_speakers.get(index)
        if quoted_by is not None:
            words = [t for t in sent if _inside(t.idx, quotes)]
            verb = next((t for t in sent if not _inside(t.idx, quotes) and self._is_claim_verb(t)), None)
            return _Unit(quoted_by, None, verb, words or list(sent), True)
        verbs = [t for t in sent if not _inside(t.idx, quotes) and self._is_claim_verb(t)]
        # the outermost verb frames the others ("X seeks to ..., she added": she speaks)
        for token in sorted(verbs, key=lambda t: (sum(1 for _ in t.ancestors), t.i)):
            speaker, via = self._speaker(reader, token, voice)
            if speaker:
                words = _content(token, sent)
                return _Unit(speaker, via, token, words, _mostly_inside(words, quotes))
        by = _according_to(reader, sent)
        if by:
            return _Unit(by, None, None, list(sent), False)
        if voice and (issuing or _speaks_as_we(sent)) and (_speaks_as_we(sent) or self._judges(sent)):
            return _Unit(voice, None, None, list(sent), False)
        return None

    def _is_claim_verb(self, token: Token) -> bool:
        return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.book.verbs

    def _speaker(self, reader: _SentenceCoder, verb: Token, voice: str | None) -> tuple[str | None, str | None]:
        if verb.lemma_.lower() == "quote":  # "Viačorka quoted her as saying": the object speaks
            spoken = reader.actors(_child(verb, {"dobj"}))
            relay = reader._subject_actors(verb, generic=True)
            return (spoken[0] if spoken else None), (relay[0] if relay else None)
        subject = _child(verb, _SUBJECTS)
        if subject is not None and subject.lower_ in {"we", "i"}:
            return voice, None
        if verb.tag_ == "VBN" and _child(verb, {"agent"}) is not None:  # "... was denounced by X"
            agent = _child(_child(verb, {"agent"}), {"pobj"})
            found = reader.actors(agent) or (reader._generic(agent) if agent is not None else [])
        elif _child(verb, {"nsubjpass", "auxpass"}) is not None:
            # "X summoned the envoy, to whom a protest was lodged": the one who acts in the clause above
            found = self._clause_above(reader, verb)
        else:
            found = reader._subject_actors(verb, generic=True)
            if not found and subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
                found = [f"?{_phrase(subject)}"]  # "the court said": a speaker the base does not know
        return (found[0] if found else None), None

    def _clause_above(self, reader: _SentenceCoder, verb: Token) -> list[str]:
        node = verb
        for _ in range(3):
            if node.head.i == node.i:
                return []
            node = node.head
            if node.pos_ in {"VERB", "AUX"} and _child(node, {"nsubj"}) is not None:
                return reader._subject_actors(node, generic=False)
        return []

    def _judges(self, sent: Span) -> bool:
        """Whether an issuer's sentence passes a judgement (any clear valence, not only a strong one)."""
        return abs(self._polarity(sent.text)["compound"]) >= _JUDGES

    def _polarity(self, text: str) -> dict[str, float]:
        lower = text.lower()
        for phrase in self.book.valence:
            if " " in phrase and phrase in lower:
                lower = lower.replace(phrase, phrase.replace(" ", "_"))
        return self.analyzer.polarity_scores(lower)

    # -- what is claimed -------------------------------------------------------------------------
    def _claims(self, document: Document, doc: Doc, reader: _SentenceCoder, index: int, unit: _Unit,
                sent: Span) -> list[Claim]:
        topics = self.book.find(unit.words, sentence=sent) or self.book.find(sent)
        if not topics:
            return []
        stance = self._stance(unit)
        target = self._target(reader, unit)
        start, end = unit.words[0].idx, unit.words[-1].idx + len(unit.words[-1].text)
        speaker_id, speaker_name = _actor(unit.speaker)
        via_id = _actor(unit.via)[0] if unit.via else None
        verb = unit.verb.lemma_.lower() if unit.verb is not None else None
        target_stance = None
        if target is not None:
            target_stance = "neutral" if verb in _APPEALS else stance
        return [
            Claim(doc_id=document.id, sentence=index, start=start, end=end, speaker_id=speaker_id,
                  topic=topic.id, stance=self._topic_stance(unit, topic, stance, len(topics) > 1),
                  quote=doc_text(doc)[start:end], speaker_name=speaker_name, via_id=via_id, target_id=target,
                  target_stance=target_stance, verb=verb, quoted=unit.quoted)
            for topic in topics
        ]

    def _topic_stance(self, unit: _Unit, topic: Topic, stance: str, several: bool) -> str:
        """A claim about several topics may take a different side on each ("firmness on sanctions ...
        until the regime ends repression"): the words around the topic's own word decide, when they
        lean clearly and the verb itself did not decide for that part of the claim."""
        polar = unit.verb is not None and self.book.verbs.get(unit.verb.lemma_.lower()) in _FLIP
        if not several and polar:
            return stance  # "condemned X", "welcomed X": the verb has said it
        trigger = next((t for t in unit.words if t.lemma_.lower() in topic.lemmas
                        or t.lemma_.lower() in topic.context_lemmas), None) or _phrase_start(unit.words, topic)
        if trigger is None:
            return stance
        obj = _child(unit.verb, {"dobj"}) if unit.verb is not None else None
        if obj is not None and obj.lemma_.lower() in self.book.light and trigger in obj.subtree \
                and trigger.head.i == obj.i:
            return stance  # "expressed concern over X": the light verb speaks of X itself
        head = trigger.head if trigger.dep_ in _MODIFIERS else trigger
        near = [t for t in head.subtree if abs(t.i - trigger.i) <= _NEAR]  # its phrase, not the sentence
        local = self._polarity(" ".join(t.text for t in near))["compound"]
        if local <= -_LEANS:
            return "against"
        if local >= _LEANS:
            return "for"
        return stance

    def _stance(self, unit: _Unit) -> str:
        polarity = None
        if unit.verb is not None:
            polarity = self.book.verbs.get(unit.verb.lemma_.lower())
            obj = _child(unit.verb, {"dobj"})
            if obj is not None and obj.lemma_.lower() in self.book.light:
                polarity = self.book.light[obj.lemma_.lower()]  # "expressed its satisfaction"
            if polarity in _FLIP and _child(unit.verb, {"neg"}) is not None:
                return _FLIP[polarity]
        if polarity in _FLIP:
            return polarity
        scores = self._polarity(" ".join(t.text for t in unit.words))
        if scores["pos"] >= _MIXED and scores["neg"] >= _MIXED:
            return "mixed"
        if scores["compound"] <= -_LEANS:
            return "against"
        if scores["compound"] >= _LEANS:
            return "for"
        return "neutral"

    def _target(self, reader: _SentenceCoder, unit: _Unit) -> str | None:
        """The actor the claim is about (the coder's choice of who is blamed or praised: an owner,
        a subject, else the first actor named), never the speaker, the relay or the one addressed
        ("drew the attention of the UNHCR to ...", "urged the EU to ...")."""
        words = unit.words
        if unit.verb is not None and unit.verb.lemma_.lower() in _ADDRESSING:
            addressed = {t.i for c in unit.verb.children if c.dep_ in {"dobj", "dative"} or
                         (c.dep_ == "prep" and c.lower_ in {"on", "upon"}) for t in c.subtree}
            words = [t for t in words if t.i not in addressed] or words
        target = reader._evaluated(words, unit.speaker)
        return target if target not in {unit.speaker, unit.via} and not (target or "?").startswith("?") else None


def _actor(raw: str | None) -> tuple[str | None, str | None]:
    """(actor id, name): an agent the base does not know ("?the court") keeps only its words."""
    if raw is None:
        return None, None
    if raw.startswith("?"):
        return None, parse_raw_id(raw)[0]
    return raw, None


def _child(token: Token | None, deps: set[str] | frozenset[str]) -> Token | None:
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def _phrase(token: Token) -> str:
    """A speaker's words without its article: "the court" → "court", "The Prosecutor General's Office"."""
    words = [t for t in token.subtree if (t.i <= token.i or t.dep_ in {"prep", "pobj", "compound"})
             and not (t.dep_ == "det" and t.head.i == token.i)]
    return " ".join(t.text for t in words)


def _analyzer(valence: Valence, book: TopicBook) -> SentimentIntensityAnalyzer:
    """VADER with the political lexicon of evaluative.yaml and the claims' own words from topics.yaml
    (a copy: the coder's analyzer is shared and left as it is)."""
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(valence.analyzer.lexicon)
    analyzer.lexicon.update({w.replace(" ", "_"): v for w, v in book.valence.items()})
    return analyzer


def _phrase_start(words: list[Token], topic: Topic) -> Token | None:
    """The first word of the first of the topic's phrases the words hold ("coercive measures")."""
    for i, token in enumerate(words):
        text = " ".join(t.lower_ for t in words[i:i + 6])
        if any(text.startswith(p) for p in topic.phrases):
            return token
    return None


def _content(verb: Token, sent: Span) -> list[Token]:
    """The words a claim verb governs (what is said), else the whole sentence."""
    parts = [c for c in verb.children if c.dep_ not in _SKIP_DEPS]
    words = sorted({t for c in parts for t in c.subtree}, key=lambda t: t.i)
    if not words:
        return list(sent)
    return list(verb.doc[words[0].i : words[-1].i + 1])


def _according_to(reader: _SentenceCoder, sent: Span) -> str | None:
    for token in sent:
        if token.lower_ == "according":
            to = _child(token, {"prep"})
            source = _child(to, {"pobj"})
            found = reader.actors(source) or (reader._generic(source) if source is not None else [])
            if found:
                return found[0]
    return None


def _speaks_as_we(sent: Span) -> bool:
    return any(t.lower_ in {"we", "our"} and t.dep_ in _SUBJECTS | {"poss"} for t in sent)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _mostly_inside(words: list[Token], spans: list[tuple[int, int]]) -> bool:
    return bool(words) and sum(_inside(t.idx, spans) for t in words) > len(words) / 2
