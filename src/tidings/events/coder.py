"""Code events sentence by sentence from the dependency parse and the pattern book.

In: a spaCy ``Doc``, its ``ResolvedDoc`` (actor mentions) and the ``PatternBook``.
Out: ``RawEvent`` records (trigger token, source, target, CAMEO code, speaker, relay, flags,
evidence span) and the actors the plural references ("the sides") stood for. Dates, places and
codebook labels are added by the pipeline.

The coder walks each sentence once: reporting frames first (who speaks, through whom), then verb
patterns, event nouns, intentions, and the accusations and appeals inside reported speech.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from tidings.actors.agents import AgentBook, parse_raw_id, raw_country
from tidings.actors.kb import ActorKB
from tidings.actors.references import References
from tidings.actors.resolve import ResolvedDoc
from tidings.events.agent_phrases import AgentPhrases
from tidings.events.announcements import Announcements
from tidings.events.directives import Directives
from tidings.events.domains import is_sport
from tidings.events.frames import ReportingFrames
from tidings.events.lexicon import LEXICON, act_kind
from tidings.events.noun_patterns import NounPatterns
from tidings.events.patterns import PatternBook
from tidings.events.raw import CodedDoc, RawEvent, _Frame, _State
from tidings.events.speech import quote_spans
from tidings.events.statements import Statements
from tidings.events.syntax import (
    _PLACE_PREPS_IN,
    _PRIVATE,
    _VOICE_ROOTS,
    _child,
    _dedupe,
    _first_conjunct,
    _hyphenated_lemma,
    _inside,
    _is_release,
    _misparsed_verb,
    _object,
    _prep_objects,
    _sector,
)
from tidings.events.verb_patterns import VerbPatterns
from tidings.nlp import doc_text, sentences
from tidings.records import Actor

__all__ = ["CodedDoc", "EventCoder", "RawEvent"]


class EventCoder:
    def __init__(self, book: PatternBook, kb: ActorKB, refs: References, agents: AgentBook | None = None) -> None:
        self.book = book
        self.kb = kb
        self.refs = refs
        self.agents = agents if agents is not None else AgentBook.load()

    def code(self, doc: Doc, resolved: ResolvedDoc, issuer: str | None = None) -> CodedDoc:
        """``issuer``: the actor a government's or an IGO's own release speaks for (its outlet's state or
        organisation); "we" in it is the issuer until someone else speaks."""
        state = _State(voice=issuer, voice_sentence=-10, issuer=issuer)  # no sentence of its own to refer back to
        state.quotes, state.quote_speakers = self.quotes(doc, resolved)
        state.byline = _byline(doc, resolved)
        for index, sent in enumerate(sentences(doc)):
            events = _SentenceCoder(self, doc, sent, index, resolved, state).run()
            state.coded.events.extend(_dedupe(events))
        _name_titled_agents(state.coded.events, resolved)
        return state.coded


    def quotes(self, doc: Doc, resolved: ResolvedDoc) -> tuple[list[tuple[int, int]], dict[int, str]]:
        """The document's quote spans and the speaker of each sentence inside one, found once and kept
        on the ``Doc``: the claims stage reads the same quotes on the same parse."""
        cached = doc.user_data.get("tidings.quotes")
        if cached is None or cached[0] is not resolved:
            spans = quote_spans(doc_text(doc))
            cached = doc.user_data["tidings.quotes"] = (resolved, spans, self._quote_speakers(doc, resolved, spans))
        return cached[1], cached[2]

    def _quote_speakers(self, doc: Doc, resolved: ResolvedDoc, spans: list[tuple[int, int]]) -> dict[int, str]:
        """Sentence index → the speaker of the quote it stands in. A quote's speaker is the subject of
        the nearest reporting verb outside it, within 200 characters of it, in a sentence the quote
        touches or one nearby ("“... is unacceptable,” the minister said"; "He said: “...”"). Only the
        sentences near a quote are read, so a long article costs in proportion to its length."""
        if not spans:
            return {}
        sents = sentences(doc)
        starts = [s.start_char for s in sents]
        scratch = _State()
        out: dict[int, str] = {}
        for start, end in spans:
            first = max(bisect_right(starts, start - 200) - 1, 0)
            last = bisect_right(starts, end + 200)
            near: list[tuple[bool, int, str]] = []
            for index in range(first, last):
                sent = sents[index]
                # a reporting verb in a sentence the quote touches comes before one in a sentence beside it
                # ("..., she told CPJ. “...,” CPJ's director said": the director)
                apart = sent.end_char <= start or end <= sent.start_char
                coder = _SentenceCoder(self, doc, sent, index, resolved, scratch)
                coder._find_frames()
                for key, frame in coder.frames.items():
                    verb = doc[-key - 1] if key < 0 else None
                    if verb is None or start <= verb.idx < end or not start - 200 <= verb.idx <= end + 200:
                        continue
                    if not _inside(verb.idx, spans):
                        near.append((apart, min(abs(verb.idx - end), abs(verb.idx - start)), frame.speaker[0]))
            if not near:
                continue
            speaker = min(near)[2]
            for index in range(first, last):
                sent = sents[index]
                inside = min(end, sent.end_char) - max(start, sent.start_char)
                if inside > 0.5 * len(sent.text.strip()):
                    out[index] = speaker
        return out


def _names_pact(token: Token) -> bool:
    """An agreement or truce ("a deal", "a cease-fire", split by the tokenizer) or the hostilities a
    cessation of them ends ("a cessation of hostilities between A and B")."""
    if _hyphenated_lemma(token) in LEXICON.pact_nouns or token.lower_ in LEXICON.pact_nouns:
        return True
    return token.lower_ == "hostilities" and token.head.lower_ == "of" and _names_pact(token.head.head)


# visits made and hosted: who travelled where, not the sides of the talks held there
_VISITS = frozenset({"042", "043"})
# statements, protests and shows of force may be aimed at no one; any other act has a target, in the
# text if not in its clause (see _SentenceCoder._context_target)
_MONADIC_ROOTS = frozenset({"01", "14", "15"})
# appeals, intents and verdicts: an addressee or a judged actor their own sentence names
_ADDRESSED_ONLY = frozenset({"02", "03", "05", "11"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "DIP", "SPY", "LEG", "JUD", "COP"})
_CONTEXT_REACH = 3  # sentences after talks or acts were told in which their sides are context targets

# verbs of speaking to someone: a statement to a body or an official when nothing else is told
_ADDRESSING_VERBS = frozenset({"tell", "brief", "address"})
# acts of detention, which charge no one: a denial of "the charges" answers whoever charged
_ARRESTS = frozenset({"arrest", "detain", "apprehend"})


class _SentenceCoder(AgentPhrases, ReportingFrames, Directives, VerbPatterns, Announcements, NounPatterns,
                     Statements):
    """Codes one sentence; reads and updates the document state."""

    def __init__(
        self, coder: EventCoder, doc: Doc, sent: Span, index: int, resolved: ResolvedDoc, state: _State
    ) -> None:
        self.c = coder
        self.book = coder.book
        self.doc = doc
        self.sent = sent
        self.tokens: list[Token] = list(sent)  # made once: each access to a Span makes new Token objects
        self.index = index
        self.resolved = resolved
        self.state = state
        self.frames: dict[int, _Frame] = {}
        self.consumed: set[int] = set()
        self.events: list[RawEvent] = []
        self.sport = is_sport(sent)
        self.prior_act = state.last_act  # the doer of the last act told before this sentence
        self._reading_between = False  # resolving a "between" phrase's sides (which may hold a plural)

    def run(self) -> list[RawEvent]:
        self.note_bodies()
        self._find_frames()
        for token in self.tokens:
            if token.i in self.consumed:
                continue
            if token.pos_ == "VERB" and token.lemma_.lower() in LEXICON.describing_verbs:
                self._code_description(token)
                if token.i in self.consumed:
                    continue
            if (token.pos_ in {"VERB", "AUX"} or _misparsed_verb(token)) and token.lemma_.lower() in self.book.verbs:
                self._code_verb(token)
            elif token.pos_ == "VERB" and not self._code_directive(token):
                self._code_obligation(token)
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.book.intent_verbs:
                self._code_intent(token)
            if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in self.book.nouns:
                for pattern in self.book.nouns[token.lemma_.lower()]:
                    if self._code_noun(token, pattern):
                        break
        self._pact_sides()
        self._code_speech()
        if not self.events:
            self._code_address()
        self._code_appended_verdict()
        self._code_in_what()
        if not any(self._in_main_clause(e) and not (e.code == "012" and e.target is None) for e in self.events):
            # a verdict on what the sentence's own subordinate clause tells: "is deeply troubled by
            # credible reports that the RSF ... have razed multiple villages" (a concern at no one named
            # leaves the verdict to be found)
            self._code_evaluation()
        # an act told again with its target in this sentence needs no guess (_dedupe drops it), and an
        # act told twice with none gets one guess, not two different ones
        aimed = {(e.source, e.code[:2]) for e in self.events if e.target}
        for event in self.events:
            key = (event.source, event.code[:2])
            if event.target is None and event.code[:2] not in _MONADIC_ROOTS and key not in aimed:
                aimed.add(key)
                event.target = self._context_target(event)
                event.target_inferred = event.target is not None
        # an act with no target beside an act of the same source whose target the sentence gives is mostly
        # a part of it misread ("detained 16 Palestinians ... and fired tear gas"); another source's act
        # stands ("Israel struck targets in Lebanon, and Hezbollah fired rockets")
        aiming = {e.source for e in self.events if e.target and not e.target_inferred}
        self.events = [e for e in self.events if e.target or e.code[:2] in _MONADIC_ROOTS or e.source not in aiming]
        # a statement issued is told by what it says: "CPJ issued a statement condemning the ruling" is the
        # condemnation, not the issuing beside it
        saying = {e.source for e in self.events if e.pattern != "publish"}
        return [e for e in self.events if e.pattern != "publish" or e.source not in saying]

    def _code_address(self) -> None:
        """A statement made to a body or an official that the sentence says nothing else of: "Catherine
        Russell, UNICEF's executive director, told a meeting of the U.N. Security Council", "Nebenzia told
        the council" (010); telling a reporter or an outlet is where a report comes from, no event."""
        for verb in self.tokens:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ADDRESSING_VERBS:
                continue
            heard = _child(verb, {"dobj", "dative"})
            if heard is not None and heard.lemma_.lower() in LEXICON.meeting_nouns:
                heard = next(iter(_prep_objects(heard, "of")), heard)  # "a meeting of the Council"
            targets = [a for a in self.actors(heard) if self._official(a)] if heard is not None else []
            sources = [a for a in self._subject_actors(verb) if self._official(a) and a not in targets]
            if sources and targets:
                self._add(RawEvent(self.index, verb.i, sources[0], targets[0], "010", "address", verb.i,
                                   heard.right_edge.i + 1))
                return

    def _context_target(self, event: RawEvent) -> str | None:
        """A target for an act whose clause names none, from its context (the source's own state and
        organs never): the other side of the talks the source took part in ("the Chinese side proposed a
        minimum price": to the EU it negotiates with); else the actor named nearest the trigger in the
        sentence. An appeal, an intent or a verdict takes only an actor its own sentence names:
        "advocated for regional de-escalation" is addressed to no one, "Minsk praised the move" judges its
        own. A side of the events told in earlier sentences is no guess: on the development and held-out
        sets 4 such guesses in 64 were right, and a wrong target misleads more than none."""
        source = event.source
        if source.startswith("?unknown"):
            return None
        sides = self.state.last_meeting
        if event.code[:2] not in _ADDRESSED_ONLY and event.code[:2] < "10" and source in sides \
                and self.index - self.state.last_meeting_sentence <= _CONTEXT_REACH:
            partner = next((a for a in sides if self._other_camp(a, source)), None)
            if partner is not None:
                return partner
        if event.code[:2] in {"02", "10"}:
            # "reiterated calls for the release of X": to whoever holds X
            release = next((t for t in self.doc[event.trigger].subtree if _is_release(t)), None)
            captor = self._captor_of(release, [source]) if release is not None else None
            if captor is not None:
                return captor
            # else the one the sentence names, and at last whoever holds people ("the release of journalist
            # Bekalu Alamirew": the authorities, placed by the document's setting)
            held = {t.i for p in _prep_objects(release, "of") for t in p.subtree} if release is not None else set()
            return self._nearest_named(event, held) or (self._holder(release) if release is not None else None)
        return self._nearest_named(event)

    def _nearest_named(self, event: RawEvent, held: set[int] | None = None) -> str | None:
        """The actor named nearest the event's trigger in its sentence (after it first), outside places
        ("in Gaza" says where) and subjects: those who act in the sentence are not its targets ("the US
        and the UK have continued their strikes"; "U.S. and EU officials met"; "the United States is
        troubled by reports that the RSF razed villages")."""
        doers = {e.source for e in self.events}
        # subjects, and who a report is according to or told to ("according to Sudan's foreign minister",
        # "said in a statement to Al Jazeera"), are no targets
        skipped = {t.i for s in self.tokens if s.dep_ in _SUBJECTS or _attribution(s) for t in s.subtree}
        skipped |= held or set()  # those a release is asked for are not who is asked
        trigger = event.trigger
        for token in sorted(self.tokens, key=lambda t: (t.i < trigger, abs(t.i - trigger))):
            if token.pos_ not in {"PROPN", "NOUN"} or token.i in skipped or _placed(token):
                continue
            found = next((a for a in self.actors(token) if a not in doers and self._other_camp(a, event.source)),
                         None)
            if found is not None:
                return found
        return None

    def _other_camp(self, candidate: str, source: str) -> bool:
        """``candidate`` may be the target of an act of ``source``: not itself, not an unknown, not the
        source's own state or one of its organs when the source is official too (a minister's
        "Belarus's intention" is his own side's; the police's "opposition activists" are not)."""
        if candidate == source or candidate.startswith("?unknown"):
            return False
        kind = _sector(candidate)
        if kind is not None and kind == _sector(source) and raw_country(candidate) == raw_country(source):
            return False  # "Police detained dozens ... Officers beat several of them": the same force
        if not self._own_states([candidate]) & self._own_states([source]):
            return True
        return not (self._official(candidate) and self._official(source))

    def _official(self, actor_id: str) -> bool:
        """A state, or a government body or officer (its code's or generic sector GOV, MIL, ...); a known
        actor whose code names no sector counts as one (the people the base and the titles know mostly
        hold office)."""
        sector = _sector(actor_id)
        if sector is None:
            actor = self._known(actor_id)
            if actor is None:
                return False
            if actor.type == "state":
                return True
            sector = actor.code.rsplit(".", 1)[-1] if actor.code and "." in actor.code else "GOV"
        # an organisation's own organs and officers serve it ("EU.EEAS": Borrell speaks for the bloc)
        return sector in _OFFICIAL_SECTORS or self._home_body(actor_id) is not None

    def _pact_sides(self) -> None:
        """An agreement or truce "between A and B" that no talks of this sentence name makes A and B the
        sides a later "the parties" or "both sides" refers to; it is no event of its own (the signing
        may be long past)."""
        if any(e.code.startswith("04") for e in self.events):
            return
        for token in self.tokens:
            if token.pos_ != "NOUN" or not _names_pact(token):
                continue
            sides = [a for t in _prep_objects(token, "between") for a in self._agent(t, generic=True)
                     if not a.startswith("?unknown")]
            if len(sides) >= 2:
                # kept apart from the last talks' sides: a pact's parties are what "the parties" refers
                # to, not who "discussed" or "agreed" what a later passive tells
                self.state.pact_sides, self.state.pact_sentence = sides[:2], self.index
                return

    def _in_main_clause(self, event: RawEvent) -> bool:
        """The event's trigger is the sentence's main verb or joined to it by conjunction or an
        infinitive, not inside a clause that completes a noun or reports what was said."""
        node = self.doc[event.trigger]
        while node.head.i != node.i and (node.dep_ in {"conj", "xcomp"} or node.dep_ in {"ccomp", "parataxis"}
                                         and node.head.lemma_.lower() in self.book.frames):
            node = node.head  # what a reporting verb reports is the sentence's own news
        return node.dep_ == "ROOT" or node.pos_ not in {"VERB", "AUX"}

    # -- bookkeeping -----------------------------------------------------------------------
    def _add(self, event: RawEvent) -> None:
        event.source, event.speaker = self._speaker_for_state(event)
        if event.code.startswith("19") and _sector(event.source) in LEXICON.unarmed_sectors:
            event.code = "180"  # people with no armed force use violence, not military force
        if event.target == event.source:
            return
        if _sector(event.source) in _PRIVATE and (event.target is None or _sector(event.target) in _PRIVATE):
            return  # firms and celebrities among themselves: "the automaker plans to open a plant"
        if self.sport and not self._political_agent(event.source):
            # in sport a state's name is a team ("Spain beat Germany 2-1", "Lithuania's victory in the
            # basketball final"); police or a court acting there still act ("authorities jailed 52 fans")
            return
        self.events.append(event)
        if "17" <= event.code[:2] <= "20" and not event.source.startswith("?unknown"):
            self.state.aggressor = event.source
            if event.code[:2] >= "18":
                self.state.attacker = event.source
        if event.code[:2] not in _VOICE_ROOTS and not event.source.startswith("?unknown"):
            self._remember_act(event)
        if event.target and (event.code[:3] in {"111", "112"} or event.code[:3] == "173" and
                             self.doc[event.trigger].lemma_.lower() not in _ARRESTS and event.pattern != "in-custody"):
            self.state.accusers[event.target] = event.source  # accused, criticised, charged (not arrested)
        if event.code[:2] in _VOICE_ROOTS and not event.source.startswith("?"):
            if event.pattern != "evaluation":
                self.state.voice, self.state.voice_sentence = event.speaker or event.source, self.index
            # "Poland's actions are damaging ... This is a clear abuse": the next "This" is Poland's
            self.state.voice_target = event.target or self.state.voice_target
        visit = event.code[:3] in _VISITS
        if event.code.startswith("04") and not event.hypothetical and event.target and not (
                visit and self.state.last_meeting_sentence == self.index and not self.state.last_meeting_visit):
            # talks a sentence tells are its sides, not a visit beside them, told before or after ("held talks
            # ... to discuss preparations for the visit to Vietnam by X", "travelled to Doha for talks with")
            self.state.last_meeting_visit = visit
            self.state.last_meeting = [event.source, event.target]
            self.state.last_meeting_sentence = self.index
        if event.target and {event.source, event.target} == set(self.state.last_meeting):
            self.state.last_sides_sentence = self.index
        if _plural_agent(event.source):
            self.state.plural_agent, self.state.plural_agent_sentence = event.source, self.index
        actor = self.c.kb.get(event.source)
        if (actor is None or actor.type == "person") and not event.source.startswith("?unknown"):
            self.state.protagonist = event.source  # an unknown attacker is no one to refer back to

    def _remember_act(self, event: RawEvent) -> None:
        """An act, by its trigger's and object's lemmas, for a later verdict on "the exercises"."""
        trigger = self.doc[event.trigger]
        # the object as _object reads it: "began a second day of drills" → the drills
        obj = _object(trigger) if trigger.pos_ in {"VERB", "AUX"} else None
        for word in (trigger, obj):
            if word is not None:
                self.state.acts[act_kind(word.lemma_.lower())] = event.source
        self.state.last_act = event.source

    def _political_agent(self, actor_id: str) -> bool:
        """A generic agent of a political sector ("authorities", "police"), not a state or a person."""
        return _sector(actor_id) in {"GOV", "COP", "MIL", "JUD", "LEG", "SPY", "REB", "INS"}

    def _speaker_for_state(self, event: RawEvent) -> tuple[str, str | None]:
        """An official reporting what "Belarus expects" speaks for Belarus: the official is the source."""
        reporter = event.speaker or event.via
        speaker = self.c.kb.get(reporter) if reporter else None
        if speaker is not None and speaker.type == "person" and event.source == speaker.country \
                and not event.from_speech:
            event.via = None
            return speaker.id, None
        return event.source, event.speaker


def _attribution(token: Token) -> bool:
    """``token`` opens who a report is according to or addressed to: "according to X", "a statement to
    X", "told X"."""
    if token.dep_ == "prep" and token.lower_ == "to" and token.head.lower_ in {"according", "statement", "interview"}:
        return True
    return token.dep_ in {"dative", "dobj"} and token.head.lemma_.lower() in {"tell", "say"}


def _placed(token: Token) -> bool:
    """``token`` or the first of its conjuncts is the object of a preposition of place ("in Gaza and the West
    Bank"), or the state after such a place ("in Madaen, Iraq")."""
    token = _first_conjunct(token)
    if token.dep_ == "appos" and token.head.dep_ == "pobj":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS_IN


def _plural_agent(source: str) -> bool:
    """A kind of agent named in the plural ("forces", "protesters", "police"), not a state or a person."""
    if not source.startswith("?") or source.startswith("?unknown"):
        return False
    name = parse_raw_id(source)[0].lower().split()
    last = name[-1] if name else ""
    return last in {"police", "military"} or last.endswith("s") and not last.endswith("ss")


_BYLINE_NOUNS = frozenset({"statement", "remark", "speech", "address", "briefing", "op-ed", "article", "letter"})


def _byline(doc: Doc, resolved: ResolvedDoc) -> str | None:
    """The person a statement is by, named in its first lines ("Statement by Ambassador James Kariuki
    at the UN Security Council", "Remarks by the Secretary-General ..."): the "I" of its text."""
    for sent in sentences(doc)[:3]:
        for token in sent:
            if token.lemma_.lower() not in _BYLINE_NOUNS:
                continue
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"):
                for name in (c for c in prep.children if c.dep_ == "pobj"):
                    for t in name.subtree:
                        mention = resolved.mention_at(t)
                        if mention is not None and mention.actor_ids and mention.kind in {"name", "title"}:
                            return mention.actor_ids[0]
    return None


def _office_key(title: str) -> str:
    """A title compared as words: "Prosecutor - General" and "prosecutor-general" are one office."""
    return " ".join(title.lower().replace(" - ", "-").replace("the ", " ").split())


def _name_titled_agents(events: list[RawEvent], resolved: ResolvedDoc) -> None:
    """"Brazil's prosecutor-general said ... Prosecutor-General Paulo Gonet formally charged": an agent
    known only by a title is the one person the document names with that title, before or after."""
    holders: dict[str, list[Actor]] = {}
    for person in resolved.learned:
        for key in {_office_key(role.office) for role in person.roles if role.office}:
            holders.setdefault(key, []).append(person)
    if not holders:
        return
    for event in events:
        for field in ("source", "target", "speaker", "via"):
            raw = getattr(event, field)
            if not raw or not raw.startswith("?") or raw.startswith("?unknown"):
                continue
            name, code = parse_raw_id(raw)
            found = holders.get(_office_key(name), [])
            if len(found) == 1:
                person = found[0]
                setattr(event, field, person.id)
                if person.country is None and code and "." in code:
                    # the agent's words placed the office: "Brazil's prosecutor-general"
                    person.country, person.code = code.split(".")[0], code
