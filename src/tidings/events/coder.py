"""Code events sentence by sentence from the dependency parse and the pattern book.

In: a spaCy ``Doc``, its ``ResolvedDoc`` (actor mentions) and the ``PatternBook``.
Out: ``RawEvent`` records (trigger token, source, target, CAMEO code, speaker, relay, flags,
evidence span) and the actors the plural references ("the sides") stood for. Dates, places and
codebook labels are added by the pipeline.

The coder walks each sentence once: reporting frames first (who speaks, through whom), then verb
patterns, event nouns, intentions, and the accusations and appeals inside reported speech.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tidings.actors.agents import AgentBook, GenericAgent
from tidings.actors.kb import ActorKB
from tidings.actors.references import References
from tidings.actors.resolve import DocMention, ResolvedDoc
from tidings.events.domains import is_sport
from tidings.events.patterns import Modality, NounPattern, PatternBook, VerbPattern
from tidings.events.speech import Valence, quote_spans
from tidings.records import Actor

__all__ = ["CodedDoc", "EventCoder", "RawEvent"]

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "'ll", "can"}
_INTENT_HEADS = {"seek", "plan", "intend", "want", "hope", "try", "aim", "wish", "prepare", "expect", "promise",
                 "pledge", "vow", "threaten", "refuse", "agree", "urge", "ask", "call", "demand", "decide",
                 "propose", "offer", "consider", "fail"}
_HYPOTHETICAL_MODS = {"possible", "potential", "planned", "proposed", "future", "upcoming", "prospective",
                      "expected", "likely", "next", "scheduled"}
_VICTIM_PREPS = {"to", "against", "for", "toward", "towards", "on"}
# nouns of quantity whose "of" phrase is the real object ("700 kg of medicine", "$5 million worth of aid")
_MEASURES = {"ton", "tonne", "kg", "kilogram", "worth", "dollar", "million", "billion", "amount", "lot", "number",
             "day", "round", "series", "wave", "week", "spate", "string", "flurry",
             "shipment", "batch", "consignment", "package", "part", "portion", "quantity", "load", "cargo", "convoy"}
_PLACE_NOUNS = {"village", "town", "city", "stronghold", "position", "territory", "base", "post", "outpost", "hill",
                "camp", "area", "region", "district", "province", "airport", "port", "border", "bridge", "capital"}
_UNKNOWN = "?unknown"
_PLACE_PREPS_IN = {"in", "near", "outside", "at", "inside"}
_PERSONAL = {"he", "she", "it", "they", "we"}
_ANAPHORS = frozenset({"this", "these", "such", "it"})
# statements, appeals, pledges, praise, demands, blame, refusals and threats: what an issuer says
_VOICE_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
_ORG_ENTS = {"ORG", "NORP", "GPE", "FAC", "LOC"}
_AGENT_ENTS = {"ORG", "NORP", "GPE", "PERSON"}
_QUANTITIES = {"thousand", "hundred", "dozen", "group", "crowd", "number", "million", "band", "score", "some",
               "most", "many", "handful", "team", "unit", "member", "body"}


@dataclass
class RawEvent:
    sentence: int
    trigger: int  # token index of the verb or noun
    source: str
    target: str | None
    code: str
    pattern: str
    evidence_start: int  # token indices, end exclusive
    evidence_end: int
    symmetric: bool = False
    speaker: str | None = None
    via: str | None = None
    negated: bool = False
    hypothetical: bool = False
    core: bool = True
    from_speech: bool = False


@dataclass
class CodedDoc:
    events: list[RawEvent] = field(default_factory=list)
    plural_resolutions: dict[int, list[str]] = field(default_factory=dict)  # mention start token → actors


@dataclass
class _Frame:
    speaker: list[str]
    via: list[str]


@dataclass
class _State:
    """What the coder remembers while reading a document from top to bottom."""

    last_meeting: list[str] = field(default_factory=list)
    protagonist: str | None = None
    coded: CodedDoc = field(default_factory=CodedDoc)
    # who speaks: the speaker of each sentence inside an attributed quote; the last actor that made a
    # statement (the issuer whose "we" a press release speaks in), where, and about whom
    quote_speakers: dict[int, str] = field(default_factory=dict)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    voice: str | None = None
    voice_sentence: int = -1
    voice_target: str | None = None
    aggressor: str | None = None  # the source of the last violent or coercive act coded


class EventCoder:
    def __init__(self, book: PatternBook, kb: ActorKB, refs: References, agents: AgentBook | None = None) -> None:
        self.book = book
        self.kb = kb
        self.refs = refs
        self.agents = agents if agents is not None else AgentBook.load()

    def code(self, doc: Doc, resolved: ResolvedDoc) -> CodedDoc:
        state = _State()
        state.quotes = quote_spans(doc.text)
        state.quote_speakers = self._quote_speakers(doc, resolved, state.quotes)
        for index, sent in enumerate(doc.sents):
            events = _SentenceCoder(self, doc, sent, index, resolved, state).run()
            state.coded.events.extend(_dedupe(events))
        return state.coded


    def _quote_speakers(self, doc: Doc, resolved: ResolvedDoc, spans: list[tuple[int, int]]) -> dict[int, str]:
        """Sentence index → the speaker of the quote it stands in. A quote's speaker is the subject of
        the nearest reporting verb outside it, in a sentence the quote touches or the one just after
        ("“... is unacceptable,” the minister said"; "He said: “...”")."""
        if not spans:
            return {}
        sents = list(doc.sents)
        scratch = _State()
        verbs: list[tuple[int, int, str]] = []  # (sentence, char offset of the verb, speaker)
        for index, sent in enumerate(sents):
            coder = _SentenceCoder(self, doc, sent, index, resolved, scratch)
            coder._find_frames()
            for key, frame in coder.frames.items():
                verb = doc[-key - 1] if key < 0 else None
                if verb is not None and not _inside(verb.idx, spans):
                    verbs.append((index, verb.idx, frame.speaker[0]))
        out: dict[int, str] = {}
        for start, end in spans:
            near = [(min(abs(c - end), abs(c - start)), who) for _, c, who in verbs
                    if start - 200 <= c <= end + 200]
            if not near:
                continue
            speaker = min(near)[1]
            for index, sent in enumerate(sents):
                inside = min(end, sent.end_char) - max(start, sent.start_char)
                if inside > 0.5 * len(sent.text.strip()):
                    out[index] = speaker
        return out


class _SentenceCoder:
    """Codes one sentence; reads and updates the document state."""

    def __init__(
        self, coder: EventCoder, doc: Doc, sent: Span, index: int, resolved: ResolvedDoc, state: _State
    ) -> None:
        self.c = coder
        self.book = coder.book
        self.doc = doc
        self.sent = sent
        self.index = index
        self.resolved = resolved
        self.state = state
        self.frames: dict[int, _Frame] = {}
        self.consumed: set[int] = set()
        self.events: list[RawEvent] = []

    def run(self) -> list[RawEvent]:
        if is_sport(self.sent):
            return []  # a team's name is no state: "Spain beat Germany 2-1"
        self._find_frames()
        for token in self.sent:
            if token.i in self.consumed:
                continue
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.book.verbs:
                self._code_verb(token)
            elif token.pos_ == "VERB":
                self._code_obligation(token)
            if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.book.intent_verbs:
                self._code_intent(token)
            if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in self.book.nouns:
                self._code_noun(token, self.book.nouns[token.lemma_.lower()])
        self._code_speech()
        if not self.events:
            self._code_evaluation()
        return self.events

    # -- evaluative statements ---------------------------------------------------------------
    def _code_evaluation(self) -> None:
        """Blame or praise in what a known speaker says ("“This is a hostile and irresponsible act,”
        said the spokeswoman"; "We highly value this partnership"): a criticism (111) or praise (051)
        of the actor the words are about, when the sentence codes nothing else."""
        found = self._evaluation_passage()
        if found is None:
            return
        speaker, tokens, anaphoric = found
        code = Valence.load().code(" ".join(t.text for t in tokens))
        if code is None:
            return
        target = self._evaluated(tokens, speaker)
        if target is None and (anaphoric or self.sent[0].lower_ in _ANAPHORS):
            target = self.state.voice_target  # "This step seems unfounded": the step just spoken of
        if target is None or target == speaker:
            return
        self._add(RawEvent(self.index, tokens[0].i, speaker, target, code, "evaluation", tokens[0].i,
                           tokens[-1].i + 1, speaker=speaker, from_speech=True))

    def _evaluation_passage(self) -> tuple[str, list[Token], bool] | None:
        """(speaker, the words spoken, whether they refer back) for a sentence whose speaker is known:
        a quote's attributed speaker; a reporting verb's subject (its reported clause); the issuer
        writing as "we"; or the issuer's next sentence opening with "This", "These", "It"."""
        quoted = self.state.quote_speakers.get(self.index)
        if quoted is not None:
            # only the quoted words: "..., Tsikhanouskaya said on the sidelines of the World Economic Forum"
            words = [t for t in self.sent if _inside(t.idx, self.state.quotes)]
            return (quoted, words, False) if words else None
        for key, frame in self.frames.items():
            if key >= 0:
                content = sorted(self.doc[key].subtree, key=lambda t: t.i)
                return frame.speaker[0], content, False
        judge = self._judging_subject()
        if judge is not None:
            return judge, list(self.sent), False
        voice = self.state.voice
        if voice is None:
            return None
        if any(t.lower_ in {"we", "i"} and t.dep_ in _SUBJ for t in self.sent):
            return voice, list(self.sent), False
        if self.sent[0].lower_ in _ANAPHORS and self.state.voice_sentence == self.index - 1:
            return voice, list(self.sent), True
        return None

    def _judging_subject(self) -> str | None:
        """"The European Union is appalled by the decree issued by the Taliban", "Qatar deplores ...":
        a known actor who is the subject of the sentence's main clause passes the judgement itself."""
        root = self.sent.root
        subj = _child(root, _SUBJ) or _child(_child(root, {"auxpass", "aux"}), {"nsubj"})
        if subj is None or subj.lower_ in _PERSONAL | {"i"}:
            return None
        found = [a for a in self.actors(subj) if not a.startswith("?")]
        return found[0] if len(found) == 1 else None

    def _evaluated(self, tokens: list[Token], speaker: str) -> str | None:
        """The actor blamed or praised: an owner ("Poland's actions"), else a subject, else the first
        actor named, never the speaker or its own side."""
        heads = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and not _inside_name(t)
                 and not (t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS_IN)]  # "in Germany" says where
        subject = next((t for t in heads if t.dep_ in _SUBJ), None)
        if subject is not None and any(c.lower_ in _ANAPHORS for c in subject.children if c.dep_ == "det"):
            return None  # "These advances constitute ...": about what was just spoken of
        # the one who acts is the subject or the subject's owner ("Poland's actions are damaging"), not
        # an owner inside the object ("violated Estonia's airspace")
        ranked = sorted(heads, key=lambda t: (t.dep_ not in _SUBJ and not (t.dep_ == "poss" and t.head.dep_ in _SUBJ),
                                              t.i))
        for token in ranked:
            for actor in self.actors(token):
                if actor != speaker and not actor.startswith("?unknown") and not self._same_side(actor, speaker):
                    return actor
        return None

    # -- actors of a noun phrase -----------------------------------------------------------
    def actors(self, token: Token | None, depth: int = 0) -> list[str]:
        """The actors a noun phrase headed by ``token`` stands for, conjuncts included."""
        if token is None or depth > 4:
            return []
        found = self._head_actors(token, depth)
        for conj in token.children:
            if conj.dep_ == "conj":
                found += [a for a in self.actors(conj, depth + 1) if a not in found]
        return found

    def _head_actors(self, token: Token, depth: int) -> list[str]:
        mention = self.resolved.mention_at(token)
        if mention is not None and mention.kind != "title":
            return self._mention_actors(mention)
        for child in token.children:
            if child.dep_ == "appos":
                # "leader Cichanoŭskaja and Berti, ...": the names in apposition, conjuncts included
                found = self.actors(child, depth + 1)
                if found:
                    return found
        if mention is not None:
            return self._mention_actors(mention)
        named = self._name_after(token)
        if named:
            return named
        if token.lemma_.lower() in self.c.refs.collectives or token.lower_ in self.c.refs.collectives:
            owners: list[str] = []
            for child in token.children:
                if child.dep_ in {"poss", "compound"} and self.resolved.mention_at(child):
                    owners = self._head_actors(child, depth + 1)
                    break
                if child.dep_ == "prep" and child.lower_ == "of":
                    owners = next((self.actors(p, depth + 1) for p in child.children if p.dep_ == "pobj"), [])
                    break
            else:
                owners = next(([s] for c in token.children if c.dep_ == "amod" for s in [self._demonym(c)] if s), [])
            # "Sudan's army", "the Belarusian police": a kind of actor of a state is coded with its sector;
            # "Łukašenka's regime", "NATO's members" stand for their owner
            if len(owners) == 1 and self._is_state(owners[0]):
                hit = self.c.agents.sector_of(token)
                if hit:
                    return [GenericAgent(self._phrase(token), hit[1], owners[0]).raw_id()]
            return owners
        return []

    def _phrase(self, token: Token) -> str:
        """An agent's words as written, without determiners or numbers: "Belarusian riot police"."""
        mods = [t for t in token.lefts if t.dep_ in {"compound", "amod", "nmod"}]
        start = min((m.left_edge.i for m in mods), default=token.i)
        while start < token.i and (self.doc[start].pos_ in {"DET", "NUM", "PUNCT", "ADP"}
                                   or self.doc[start].text in {"(", ")"}):
            start += 1
        end = token.i + 1
        if token.text[:1].isupper():
            # a name of a body runs on through "of" and a capitalised object: "Ministry of Foreign Affairs"
            of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = [t for t in of.subtree] if of is not None else []
            if inner and all(t.text[:1].isupper() or t.pos_ in {"ADP", "CCONJ", "DET", "PUNCT"} for t in inner[1:]):
                end = inner[-1].i + 1
        # names keep their spelling ("Sri Lankan army", "Chinese-led"); common nouns are lower-cased
        return "".join((t.text if self._proper(t) else t.lower_) + t.whitespace_
                       for t in self.doc[start:end] if t.text not in {"(", ")"}).strip()

    def _proper(self, token: Token) -> bool:
        return token.ent_type_ in _ORG_ENTS or token.i != self.sent.start and token.text[:1].isupper()

    # -- agents the base does not know ------------------------------------------------------
    def _agent(self, token: Token | None, generic: bool) -> list[str]:
        found = self.actors(token)
        if found or not generic or token is None:
            return found
        found = self._generic(token)
        for conj in token.children:
            if conj.dep_ == "conj":
                found += [a for a in self._agent(conj, True) if a not in found]
        return found

    def _generic(self, token: Token) -> list[str]:
        """An agent that names no known actor: the state it belongs to ("Israeli troops", "rebels in
        the Ivory Coast", "Palestinians"), else a generic actor "?police", "?demonstrators" that keeps
        the event (the pipeline records it by name, with no actor id)."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return []
        if token.lemma_.lower() in self.book.agent_stop and not (token.pos_ == "PROPN" and token.ent_type_ == "ORG"):
            return []  # "the meeting", "the explosion"; but "the World Water Forum" is a body
        if token.lemma_.lower() in _QUANTITIES:
            # "thousands of students", "a group of refugees": the people counted are the agent
            inner = next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj"), None)
            if inner is not None:
                return self._agent(inner, True)
        if self.resolved.mention_at(token) is not None and self.resolved.mention_at(token).kind == "plural":
            return []
        owner = self._affiliation(token, 0) or self._based_in(token) or self._followers_of(token)
        hit = self.c.agents.sector_of(token)
        if hit:
            body = next((a for t in _prep_objects(token, "of") for a in self.actors(t)
                         if not self._is_state(a) and not a.startswith("?")), None)
            if body is not None:
                return [body]  # "inspectors of the OSCE": the body they serve stands for them
            if owner is None:
                # "Russian MiG-31 fighter jets": a demonym anywhere in the phrase places it
                owner = next((s for t in self.doc[token.left_edge.i : token.i] for s in [self._demonym(t)] if s), None)
            return [GenericAgent(self._phrase(token), hit[1], self._country_of(owner)).raw_id()]
        if owner:
            return [owner]  # "Israeli bulldozers", "a newspaper based in Beirut": the state they belong to
        if token.pos_ != "PROPN" and token.ent_type_ not in _AGENT_ENTS:
            # a common noun that names no kind of actor and belongs to none is no agent: "the storm",
            # "the truck", "fans"
            return []
        sector = self.c.agents.institution(token)
        if sector is not None:
            # "the Foreign, Commonwealth and Development Office", "the Court of Grave Crimes": a body the
            # base does not know, its sector from its head noun, its country from its words
            country = next((s for t in self.doc[token.left_edge.i : token.i] for s in [self._demonym(t)] if s), None)
            return [GenericAgent(self._phrase(token), sector, country or self._of_state(token)).raw_id()]
        words = [t for t in token.lefts if t.dep_ in {"compound", "amod"} and t.pos_ in {"NOUN", "PROPN", "ADJ"}]
        # names keep their spelling ("?APEC"); common nouns are lower-cased, wherever they stand
        return ["?" + " ".join(t.text if t.ent_type_ in _ORG_ENTS else t.lower_ for t in [*words, token])]

    def _of_state(self, token: Token) -> str | None:
        """"the Ministry of Foreign Affairs of the Republic of Belarus": the state in its "of" phrases."""
        for pobj in _prep_objects(token, "of"):
            states = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
            if states:
                return states[0]
            inner = self._of_state(pobj)
            if inner:
                return inner
        return None

    def _country_of(self, actor_id: str | None) -> str | None:
        """The country (or organisation) code an owner gives an agent: a state's own code, else the
        actor's country ("NATO troops" → NATO)."""
        if actor_id is None or actor_id.startswith("?"):
            return None
        actor = self.c.kb.get(actor_id) or self._learned(actor_id)
        if actor is None:
            return None
        return actor.id if actor.type == "state" else actor.country

    def _affiliation(self, token: Token, depth: int) -> str | None:
        """The actor an agent noun belongs to: its demonym, owner or compound, or the state it is in.
        A people is coded by the state it lives in: "Bosnian Serbs", "ethnic Albanians in Serbia"."""
        if self._is_minority(token):
            # "ethnic Albanians in Macedonia", "ethnic Turks ... Sweden's decision": a minority people
            # is coded by the state it lives in, which only the rest of the sentence can say
            return self._home_of_minority(token)
        own = self._demonym(token)
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod", "poss"}:
                state = self._demonym(child) or self._led_by(child)
                if state and state != own:
                    return state
                found = self.actors(child) if self.resolved.mention_at(child) is not None else []
                if found and not (own and not self._is_state(found[0])):
                    return found[0]
        if own and depth > 0:
            return own
        if depth > 0:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "of", "from", "throughout", "across"}:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
                    if found:
                        return found[0]
                    owner = self._affiliation(pobj, depth + 1)
                    if owner:
                        return owner
        return own

    def _demonym(self, token: Token) -> str | None:
        """The state a demonym names, a multi-word one included ("Sri Lankan", "South Korean")."""
        state = self.c.kb.demonym(token.text)
        if state:
            return state
        mention = self.resolved.mention_at(token)
        if mention is not None and mention.kind == "demonym" and mention.actor_ids and \
                mention.end - 1 == token.i:
            return mention.actor_ids[0]
        return None

    def _is_minority(self, token: Token) -> bool:
        """"ethnic Albanians", "ethnic Albanian guerrillas", "the Turkish minority"."""
        if token.lemma_.lower() == "minority":
            return True
        mods = [c for c in token.children if c.dep_ in {"amod", "compound"}]
        mods += [g for c in mods for g in c.children if g.dep_ in {"amod", "advmod", "compound"}]
        return any(m.lower_ == "ethnic" for m in mods)

    def _home_of_minority(self, token: Token) -> str | None:
        """The one state a sentence names, other than the minority's own ("in Macedonia",
        "Sweden's decision"): a name, a capital or a place."""
        own = self._demonym(token) or next(
            (s for c in token.children if c.dep_ in {"amod", "compound"} for s in [self._demonym(c)] if s), None)
        for other in self.sent:
            if other.i == token.i:
                continue
            mention = self.resolved.mention_at(other)
            if mention is not None and mention.kind in {"name", "metonym"}:
                states = [a for a in mention.actor_ids if self._is_state(a) and a != own]
            else:
                states = [a for a in self._place_state(other) if a != own] if other.dep_ == "pobj" else []
            if states:
                return states[0]
        return None

    def _based_in(self, token: Token) -> str | None:
        """"a newspaper based in east Beirut", "a group headquartered in Kabul": the state of the place."""
        for acl in token.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in {"base", "headquarter", "locate"}:
                continue
            for pobj in _prep_objects(acl, "in"):
                found = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
                if found:
                    return found[0]
        return None

    def _followers_of(self, token: Token) -> str | None:
        """"supporters of former President X", "militants loyal to X": the country of the person they
        follow."""
        objects = _prep_objects(token, "of") + [o for c in token.children if c.dep_ == "amod"
                                                for o in _prep_objects(c, "to")]
        for pobj in objects:
            for actor_id in self.actors(pobj):
                actor = self.c.kb.get(actor_id) or self._learned(actor_id)
                if actor is not None and actor.type == "person" and actor.country:
                    return actor.country
        return None

    def _learned(self, actor_id: str) -> Actor | None:
        return next((a for a in self.resolved.learned if a.id == actor_id), None)

    def _led_by(self, token: Token) -> str | None:
        """"Vietnamese-led forces": the state that leads them."""
        if token.lemma_.lower() != "lead" or token.tag_ != "VBN":
            return None
        return next((s for c in token.children if c.dep_ in {"npadvmod", "compound", "amod"}
                     for s in [self.c.kb.demonym(c.text)] if s), None)

    def _place_state(self, token: Token) -> list[str]:
        """"demonstrators in Baghdad": a capital named as a place is in its state."""
        if token.ent_type_ != "GPE":
            return []
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None:
            return []
        return [a for a in self.c.kb.lookup(ent.text) if self._is_state(a)][:1]

    def _is_state(self, actor_id: str) -> bool:
        actor = self.c.kb.get(actor_id)
        return actor is not None and actor.type == "state"

    def _name_after(self, token: Token) -> list[str]:
        """"the UN Assistant High Commissioner for Refugees, Ruvendrini Menikdiwela": a title followed
        by a comma and a name is that person, wherever the parser hung the name."""
        if self.c.refs.title_key([t.text for t in token.lefts if t.dep_ == "compound"] + [token.text]) is None:
            return []
        mention = self.resolved.name_after(token)
        return list(mention.actor_ids) if mention is not None else []

    def _mention_actors(self, mention: DocMention) -> list[str]:
        if mention.kind == "plural" and not mention.actor_ids:
            named = self._sides_named(mention)
            if named:
                return named
            if len(self.state.last_meeting) >= 2:
                self.state.coded.plural_resolutions[mention.start] = list(self.state.last_meeting)
                return list(self.state.last_meeting)
            return []
        if mention.kind == "demonym":
            return []
        return list(mention.actor_ids)

    def _sides_named(self, mention: DocMention) -> list[str]:
        """"the Turkish and Greek sides": the states their adjectives name."""
        head = self.doc[mention.end - 1]
        found: list[str] = []
        for mod in head.children:
            if mod.dep_ != "amod":
                continue
            for word in [mod, *(c for c in mod.children if c.dep_ == "conj")]:
                state = self.c.kb.demonym(word.text)
                if state and state not in found:
                    found.append(state)
        return found

    def _is_plural_ref(self, token: Token | None) -> bool:
        mention = self.resolved.mention_at(token) if token is not None else None
        return mention is not None and mention.kind == "plural" and not mention.actor_ids

    # -- reporting frames ------------------------------------------------------------------
    def _find_frames(self) -> None:
        for token in self.sent:
            if token.lemma_.lower() not in self.book.frames or token.pos_ not in {"VERB", "AUX"}:
                continue
            subj = _child(token, _SUBJ)
            subject = self.actors(subj)
            if not subject and subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
                # "The Red Cross said ...", "rebels in Liberia said ...": a speaker the base does not
                # know still frames what it said
                subject = self._generic(subj)
            if token.lemma_.lower() in self.book.speaker_dobj:
                frame = _Frame(speaker=self.actors(_child(token, {"dobj"})), via=subject)
            else:
                frame = _Frame(speaker=subject, via=[])
            if not frame.speaker:
                continue
            for child in token.children:
                # "As long as ..., there will be a threat ..., Viačorka quoted her as saying": a clause
                # fronted before the reporting verb is what was said
                fronted = child.dep_ in {"advcl", "dep"} and child.i < token.i
                if child.dep_ in {"ccomp", "parataxis"} or fronted or (child.dep_ == "advcl" and _is_saying(child)):
                    self.frames[child.i] = frame
            if token.dep_ in {"ccomp", "parataxis"} and token.head.i not in self.frames:
                # "X discussed ..., Y said": the parser hangs the frame under the content
                self.frames[token.head.i] = frame
            self.frames.setdefault(-token.i - 1, frame)  # the frame verb itself, for nominal content

    def _frame_of(self, token: Token) -> _Frame | None:
        node = token
        while True:
            if node.i in self.frames:
                return self.frames[node.i]
            if node.head.i == node.i:
                return None
            node = node.head

    # -- verb patterns ---------------------------------------------------------------------
    def _code_verb(self, verb: Token) -> None:
        if verb.dep_ == "xcomp" and any(e.trigger == verb.head.i for e in self.events):
            return  # "urged Belarus to release", "met X to discuss": part of the event already coded
        if verb.dep_ == "ccomp" and any(e.trigger == verb.head.i and e.code[:2] in {"02", "10"} for e in self.events):
            return  # "demanded that Turkey provide information": what was demanded is not an event
        if self._code_demanded(verb):
            return
        lemma = verb.lemma_.lower()
        if lemma in self.book.modality.heads and self._act_in_infinitive(verb):
            return  # "plans to impose sanctions": the infinitive is the announced act
        if lemma in self.book.modality.pledges and self._act_in_infinitive(verb, hostile=True):
            return  # "vowed to retaliate", "threatened to impose curfews": the threatened act decides
        if self._code_obligation(verb):
            return
        for pattern in self.book.verbs[verb.lemma_.lower()]:
            if self._fits(verb, pattern):
                self._emit_verb(verb, pattern)
                return

    def _code_demanded(self, verb: Token) -> bool:
        """"reiterated its demand that Israel ease restrictions", "issued a reminder to Iraq that it
        must cooperate": the clause of a demand noun is what its owner demands of the clause subject."""
        if verb.dep_ not in {"acl", "ccomp"} or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            return False
        nouns = self.book.modality.demand_nouns
        noun = verb.head if verb.dep_ == "acl" else _child(verb.head, {"dobj"})
        if noun is None or noun.lemma_.lower() not in nouns or noun.head.pos_ not in {"VERB", "AUX"}:
            return False
        owner = noun.head if verb.dep_ == "acl" else verb.head
        sources = self._subject_actors(owner, generic=True)
        targets = self.actors(_child(verb, {"nsubj"}))
        if not targets:
            dative = _child(owner, {"dative"})
            targets = self.actors(_child(dative, {"pobj"}) if dative is not None and dative.pos_ == "ADP" else dative)
        targets = [t for t in targets if t not in sources]
        if not sources or not targets:
            return False
        fits = [p for p in self.book.verbs.get(verb.lemma_.lower(), ()) if self._fits(verb, p)]
        code = self._verb_code(verb, fits[0], _object(verb)) if fits else "100"
        code = Modality.lookup(self.book.modality.demand, code) or "100"
        start, end = noun.left_edge.i, _verb_evidence_end(verb)
        for source in sources:
            for target in targets:
                self._add(RawEvent(self.index, noun.i, source, target, code, "demand-clause", start, end))
        return True

    def _act_in_infinitive(self, verb: Token, hostile: bool = False) -> bool:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.lemma_.lower() in self.book.verbs:
                fits = [p for p in self.book.verbs[child.lemma_.lower()] if self._fits(child, p)]
                if fits and (not hostile or fits[0].code[:2] >= "14" or fits[0].code[:2] in {"10", "11", "12"}):
                    return True
        return False

    def _code_obligation(self, verb: Token) -> bool:
        """"Y must DO", said by X: X demands of Y that it do it (the code of the act decides the 10x)."""
        m = self.book.modality
        if not any(c.dep_ == "aux" and c.lower_ in m.obligation for c in verb.children):
            return False
        frame = self._frame_of(verb)
        if frame is None:
            return False
        targets = self._subject_actors(verb)
        if not targets:
            subj = _nearest_subject(verb)
            owner = self._affiliation(subj, 0) if subj is not None and subj.pos_ in {"NOUN", "PROPN"} else None
            targets = [owner] if owner else []
        targets = [t for t in targets if t not in frame.speaker]
        if not targets:
            return False
        fits = [p for p in self.book.verbs.get(verb.lemma_.lower(), ()) if self._fits(verb, p)]
        code = self._verb_code(verb, fits[0], _object(verb)) if fits else "100"
        code = Modality.lookup(m.demand, code) or ("100" if code[:2] not in {"10"} else code)
        start, end = _evidence(verb, _object(verb))
        for target in targets:
            self._add(RawEvent(self.index, verb.i, frame.speaker[0], target, code, "obligation", start, end,
                               speaker=frame.speaker[0], via=_first(frame.via), from_speech=True))
        return True

    def _fits(self, verb: Token, p: VerbPattern) -> bool:
        if p.particle and not any(c.lower_ == p.particle and (c.dep_ == "prt" or c.dep_ == "prep" and not any(
                g.dep_ == "pobj" for g in c.children)) for c in verb.children):
            return False  # "called off the strike"; "forced the agency out of the country"
        obj = _object(verb)
        if p.objects is not None:
            if obj is None or obj.lemma_.lower() not in p.objects:
                return False
        if p.object_kind == "actor" and (obj is None or not self._target_actors(obj)) and not _by_agent(verb):
            return False
        if p.object_kind == "actor_or_none" and obj is not None and not self._target_actors(obj):
            return False  # "met expectations", "met the deadline": no one was met
        if p.object_kind == "place" and (obj is None or not (
                obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.lemma_.lower() in _PLACE_NOUNS)):
            return False
        if p.needs_intent and not any(c.dep_ == "xcomp" for c in verb.children):
            return False
        return all(_meets(verb, req) for req in p.requires)

    def _emit_verb(self, verb: Token, p: VerbPattern) -> None:
        obj = _object(verb)
        if obj is not None and p.objects:
            self.consumed.add(obj.i)
        sources, targets, _passive = self._verb_roles(verb, p)
        via: list[str] = []
        if p.source_from and obj is not None:
            given = [a for t in _from_phrases(obj) for a in self.actors(t)]
            if given:
                via, sources = sources, given
        if not sources:
            return
        if not targets and p.context_target:
            targets = self._partners(sources)
        if not targets and p.inherit_target and verb.dep_ == "conj":
            # "welcomed X's appointment and conveyed congratulations": to the same X
            targets = _unique_targets(e for e in self.events if e.trigger == verb.head.i)
        if p.code.startswith("11") and obj is not None and obj.lemma_.lower() in self.book.instruments:
            # "condemned the attack on civilians": blame goes to the attacker, not to the victims
            targets = targets if targets and not any(_sector(t) in _VICTIMS for t in targets) else \
                self._attacker(obj)
        elif not targets and not p.symmetric and not p.patient_source:
            targets = self._fallback_targets(verb, sources, p.code)
        if p.requires_target and not targets:
            return
        code = self._verb_code(verb, p, obj)
        negated, hypothetical = _negated(verb), _hypothetical(verb)
        start, end = _evidence(verb, obj)
        frame = self._frame_of(verb)
        code, negated, hypothetical = self._announced(verb, code, negated, hypothetical, sources, frame)
        speaker, relay = self._attribution(frame, sources, via)
        for source, target in _pairs(sources, targets, p.symmetric):
            self._add(RawEvent(
                self.index, verb.i, source, target, code, p.id, start, end, p.symmetric,
                speaker=speaker, via=relay, negated=negated, hypothetical=hypothetical,
                core=verb.dep_ != "relcl",
            ))

    def _verb_roles(self, verb: Token, p: VerbPattern) -> tuple[list[str], list[str], bool]:
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) and not p.stative
        targets: list[str] = []
        if passive:
            agent = _child(verb, {"agent"})
            sources = self._agent(_child(agent, {"pobj"}), generic=True) if agent is not None else []
            by = _child(agent, {"pobj"})
            if by is not None and by.lemma_.lower() in self.book.instruments and "17" <= p.code[:2] <= "20" \
                    and not self.actors(by):
                # "killed by a roadside bomb outside Basra": the bomb's owner, else the state of the place
                owner = self._affiliation(by, 1) or next(iter(self.actors(_child(by, {"poss"}))), None)
                sources = [owner or self._state_of_place(verb) or _UNKNOWN]
            if p.patient_source and agent is None:
                # "the guerrillas have been demobilized": the patient is the one who yields
                return self._agent(_child(verb, {"nsubjpass"}), generic=True), [], passive
            if "dobj" in p.targets:
                patient = _child(verb, {"nsubjpass"})
                targets = self._target_actors(patient) if patient is not None else []
            if agent is None and p.code[:2] == "17" and targets and self._enforcer_speaking(verb):
                # "Police said 20 people were arrested": those who report an arrest made it
                sources = [self._frame_of(verb).speaker[0]]  # type: ignore[union-attr]
            elif agent is None and ("17" <= p.code[:2] <= "20" or p.code[:2] in {"09", "11"}) and targets:
                # "three soldiers were killed in a bombing", "X has been accused of": the agent is unknown
                # the attacker is unknown; a violent or coercive act is coded by the state it happened in
                violent = "17" <= p.code[:2] <= "20"
                sources = [(self._state_of_place(verb) if violent else None) or _UNKNOWN]
        elif p.stative:
            # "X is opposed to": the subject, which the parser may hang on the auxiliary
            subj = _child(verb, {"nsubj", "nsubjpass"}) or _child(_child(verb, {"auxpass", "aux"}), {"nsubj"})
            sources = self._agent(subj, generic=True)
        else:
            sources = self._subject_actors(verb, generic=True)
            if not sources and "17" <= p.code[:2] <= "20":
                sources = self._instrument_agent(verb)
        for path in p.targets:
            if targets:
                break
            targets = [a for t in _path(verb, path) for a in self._target_actors(t)]
        targets = [t for t in targets if t not in sources]
        if sources == [_UNKNOWN] and not targets and not passive:
            return [], [], passive  # an unknown attacker of no one named is no event
        return sources, targets, passive

    def _attacker(self, attack: Token) -> list[str]:
        """Who carried out an attack named by a noun: its owner ("Russia's attack", "the Israeli
        attack"), its "by" phrase, else the last attacker the document named."""
        owner = self.actors(_child(attack, {"poss"})) or [
            s for c in attack.children if c.dep_ in {"amod", "compound"} for s in [self._demonym(c)] if s]
        owner = owner or [a for t in _prep_objects(attack, "by") for a in self._agent(t, True)]
        if owner:
            return owner[:1]
        return [self.state.aggressor] if self.state.aggressor else []

    def _fallback_targets(self, verb: Token, sources: list[str], code: str) -> list[str]:
        """When the pattern's own paths find no target: the first actor among the verb's object, its
        prepositional objects, the object's prepositional objects and an infinitive's objects
        ("offered to hand over two suspects to Britain", "promised military aid to Mozambique"); for a
        demand, appeal or accusation, the subject of the clause it governs ("demanding that President
        X abandon"); for a material act, the state it is done in ("deployed troops in Mali")."""
        candidates = list(_target_candidates(verb, 0))
        if code[:2] in _SPEECH_ROOTS:
            candidates += [s for c in verb.children if c.dep_ == "ccomp" for s in [_child(c, {"nsubj"})] if s]
        own = {self._country_of(s) for s in sources}
        for token in candidates:
            found = self.actors(token)
            if not found and token.pos_ == "NOUN" and self.c.agents.sector_of(token):
                found = self._generic(token)
            if not found and token.dep_ == "pobj" and token.head.lower_ == "to":
                found = self._place_state(token)  # "sent troops to Kabul"
            found = [a for a in found if a not in sources and a != _UNKNOWN]
            if found:
                return found
        if code[:2] in _MATERIAL_ROOTS:
            for token in _prep_objects(verb, "in") + [o for t in [_object(verb)] if t is not None
                                                      for o in _prep_objects(t, "in")]:
                states = [a for a in self.actors(token) or self._place_state(token)
                          if self._is_state(a) and a not in own]
                if states:
                    return states[:1]
        return []

    def _enforcer_speaking(self, verb: Token) -> bool:
        """The clause is reported by police, security forces, the military, a court or a ministry."""
        frame = self._frame_of(verb)
        if frame is None or not frame.speaker:
            return False
        speaker = frame.speaker[0]
        if speaker.startswith("?"):
            return _sector(speaker) in {"COP", "MIL", "GOV", "JUD", "SPY"}
        actor = self.c.kb.get(speaker) or self._learned(speaker)
        if actor is None or actor.type == "state" or not actor.code:
            return False
        return actor.code.split(".")[-1] in {"GOV", "COP", "MIL", "JUD", "SEC", "SPY"}

    def _instrument_agent(self, verb: Token) -> list[str]:
        """"A roadside bombing killed ...", "an explosion wounded ...", "an attempt to assassinate X":
        the subject is the attack itself, not an actor; its owner ("Israeli air strikes") or an
        unknown attacker is the source."""
        node = verb
        while _nearest_subject(node) is None and node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        subj = _nearest_subject(node)
        if subj is None and node.dep_ == "acl" and node.tag_ == "VB":
            subj = node.head  # "an attempt to assassinate the governor"
        if subj is None or subj.lemma_.lower() not in self.book.instruments:
            return []
        owner = self._affiliation(subj, 1) or next(iter(self.actors(_child(subj, {"poss"}))), None) or next(
            (a for t in _prep_objects(subj, "by") for a in self._agent(t, True)), None)
        return [owner or self._state_of_place(verb) or _UNKNOWN]

    def _state_of_place(self, verb: Token) -> str | None:
        """"was arrested in Lebanon", "was killed in an explosion in a district of east Beirut", "killed
        by a device outside the Iraqi city of Basra": an act whose agent is unknown is coded by the state
        where the clause says it happened, when the base knows the place. A place that only describes
        the attack ("a car bombing in central Baghdad killed") says where the attack was, not who did it."""
        return self._place_below(verb, 0, False)

    def _place_below(self, node: Token, depth: int, in_place: bool) -> str | None:
        for prep in node.children:
            if prep.dep_ != "prep":
                continue
            place = prep.lower_ in _PLACE_PREPS_IN or in_place and prep.lower_ == "of"
            # "outside of the city": a preposition made of two
            objects = [c for c in prep.children if c.dep_ == "pobj"] or [
                g for c in prep.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for pobj in objects:
                if place:
                    found = [a for a in self.actors(pobj) if self._is_state(a)] or self._place_state(pobj)
                    owner = None if found else self._affiliation(pobj, 1)  # "the Iraqi city of Basra"
                    found = found or ([owner] if owner and self._is_state(owner) else [])
                    if found:
                        return found[0]
                if depth < 3:
                    inner = self._place_below(pobj, depth + 1, place)
                    if inner:
                        return inner
        return None

    def _target_actors(self, token: Token) -> list[str]:
        """A target, or the owner of the act named ("condemned Russia's attack" → Russia)."""
        found = self.actors(token)
        if not found and token.pos_ == "NOUN":
            found = self.actors(_child(token, {"poss"}))
        if not found and token.pos_ == "NOUN" and self.c.agents.sector_of(token):
            found = self._generic(token)  # "killed 46 Afghan civilians": Afghan civilians, AFG.CVL
        if not found and token.pos_ in {"NOUN", "PROPN"}:
            owner = self._affiliation(token, 1)
            found = [owner] if owner else []
        if not found and token.dep_ == "pobj" and token.head.lower_ in {"in", "to"}:
            found = self._place_state(token)  # "arrived in Amman on a visit": the state of its capital
        if not found and token.pos_ == "NOUN":
            # "detained dozens of protesters", "fired on civilians": a kind of actor as the target
            inner = next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj"), None)
            head = inner if token.lemma_.lower() in _QUANTITIES | {"dozen", "scores", "hundreds"} and inner else token
            if self.c.agents.sector_of(head):
                found = self._generic(head)
        return found

    def _subject_actors(self, verb: Token, generic: bool = False) -> list[str]:
        """The subject of a verb, inherited through conjunctions, infinitives and relative clauses;
        with ``generic``, an agent the base does not know stands as a generic actor."""
        node = verb
        for _ in range(5):
            subj = _nearest_subject(node)
            if subj is not None:
                if subj.lower_ in {"that", "which", "who"} and node.dep_ == "relcl":
                    return self._agent(node.head, generic)
                found = self._agent(subj, generic)
                if not found and generic and subj.lower_ in _PERSONAL:
                    found = self._reporter(node)
                if not found and subj.lower_ in {"we", "i"}:
                    found = self._voice()
                return found
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in {"NOUN", "PROPN"}:
                return self._agent(node.head, generic)  # "demonstrators protesting the results"
            raised = _child(node.head, {"nsubjpass"}) if node.dep_ == "xcomp" else None
            if raised is not None:
                return self._agent(raised, generic)  # "A and B are expected to meet", "police were seen detaining"
            if node.dep_ == "xcomp" and _child(node.head, {"dobj"}) is not None:
                # "urged the UNHCR to keep": the object controls the infinitive
                return self.actors(_child(node.head, {"dobj"}))
            if node.dep_ == "pcomp" and node.head.head.pos_ == "ADJ" and node.head.head.dep_ == "acomp":
                node = node.head.head  # "X is guilty of violating", "X is responsible for killing"
                continue
            if node.dep_ in {"conj", "xcomp", "advcl", "acomp"} and node.head.i != node.i:
                node = node.head  # "Syria is willing to withdraw": through the adjective
                continue
            return self._stranded_subject(verb) if node.dep_ == "ROOT" else []
        return []

    def _voice(self) -> list[str]:
        """Who "we" or "I" is: the quote's speaker inside a quote, else the issuer of the statement,
        the last actor that spoke ("The EU strongly condemns ... We urge ...")."""
        speaker = self.state.quote_speakers.get(self.index) or self.state.voice
        return [speaker] if speaker else []

    def _reporter(self, verb: Token) -> list[str]:
        """"The rebels said they will release ...": a pronoun subject of reported speech is the one
        who reports it, known actor or not."""
        node = verb
        while node.dep_ in {"ccomp", "conj", "xcomp", "advcl"} and node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in self.book.frames and node.pos_ in {"VERB", "AUX"}:
                subj = _child(node, {"nsubj"})
                return self._agent(subj, True) if subj is not None and subj.lower_ not in _PERSONAL else []
        return []

    def _stranded_subject(self, verb: Token) -> list[str]:
        """A main verb the parser left without a subject ("On February 23 the Deputy Minister ...,
        Igor Sekreta, addressed"): the person named just before it, with no other verb between."""
        for token in reversed(self.doc[self.sent.start : verb.i]):
            if token.pos_ in {"VERB", "AUX"}:
                return []
            mention = self.resolved.mention_at(token)
            if mention is not None and mention.kind in {"name", "initial", "surname", "title", "pronoun"}:
                actors = self._mention_actors(mention)
                if actors and all(a in self.resolved.person_ids for a in actors):
                    return actors
        return []

    def _verb_code(self, verb: Token, p: VerbPattern, obj: Token | None) -> str:
        if obj is not None:
            for mod in obj.children:
                if mod.dep_ in {"amod", "compound"} and mod.lemma_.lower() in p.object_mod_code:
                    return p.object_mod_code[mod.lemma_.lower()]
            if obj.lemma_.lower() in p.object_code:
                return p.object_code[obj.lemma_.lower()]
        if p.intent_for:
            for child in verb.children:
                if child.dep_ == "xcomp" and _is_consult(child, self.book):
                    return p.intent_for
        return p.code

    def _announced(
        self, verb: Token, code: str, negated: bool, hypothetical: bool, sources: list[str], frame: _Frame | None
    ) -> tuple[str, bool, bool]:
        """"X will / is ready to DO": the intent (03x) to do a cooperative act, the threat (13x) of a
        hostile one the actor announces itself; "X will not DO" a cooperative act is a refusal (12x).
        Speculation ("may", "could") and conditions ("if") keep the act's code, hypothetical."""
        m = self.book.modality
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        infinitive = verb.dep_ == "xcomp" or verb.dep_ == "advcl" and verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "have sworn to fight until ..."
        head = verb.head.lemma_.lower() if infinitive else ""
        if not (aux & m.future or head in m.heads or head in m.pledges or head in m.failures) \
                or aux & m.speculative:
            return code, negated, hypothetical
        if any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in verb.children):
            return code, negated, hypothetical
        cooperative = "03" <= code[:2] <= "08"
        if head in m.failures and cooperative and not negated:
            refusal = Modality.lookup(m.refusal, code)  # "failed to reach agreement"
            return (refusal, False, False) if refusal else (code, negated, hypothetical)
        if negated:
            refusal = Modality.lookup(m.refusal, code) if cooperative else None
            return (refusal, False, False) if refusal else (code, negated, hypothetical)
        conditional = any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in m.conditions for g in c.children)
            for c in verb.children
        )
        if conditional or not cooperative:
            own = frame is None or head in m.pledges or any(
                s in frame.speaker or self._speaks_for(frame, s) for s in sources)
            threat = Modality.lookup(m.threat, code) if (own or conditional) else None
            if conditional and threat is None and code[:2] != "13":
                threat = "130"
            return (threat, False, False) if threat else (code, negated, hypothetical)
        intent = Modality.lookup(m.intent, code)
        return (intent, False, False) if intent else (code, negated, hypothetical)

    def _speaks_for(self, frame: _Frame, source: str) -> bool:
        speaker = self.c.kb.get(frame.speaker[0]) if frame.speaker else None
        return speaker is not None and speaker.country == source

    def _partners(self, sources: list[str]) -> list[str]:
        meeting = self.state.last_meeting
        if sources and sources[0] in meeting:
            return [a for a in meeting if a not in sources]
        return []

    def _attribution(
        self, frame: _Frame | None, sources: list[str], via: list[str]
    ) -> tuple[str | None, str | None]:
        if via:
            return via[0], None
        if frame is None:
            return None, None
        speaker = frame.speaker[0]
        if frame.via:
            return speaker, frame.via[0]
        # "A and B discussed ..., Viačorka said": the speaker relays what the sources did
        return (None, speaker) if speaker not in sources else (speaker, None)

    # -- intentions ------------------------------------------------------------------------
    def _code_intent(self, verb: Token) -> None:
        obj = _object(verb)
        if obj is None or obj.lemma_.lower() not in self.book.intent_nouns:
            return
        sources = self._subject_actors(verb)
        if not sources:
            return
        complement = next((c for c in obj.children if c.dep_ in {"acl", "relcl", "xcomp"}), None)
        code = self.book.intent_code
        if complement is not None and _is_consult(complement, self.book):
            code = self.book.intent_meeting_code
        symmetric = len(sources) > 1
        start, end = _evidence(verb, obj)
        for source, target in _pairs(sources, [], symmetric):
            self._add(RawEvent(self.index, verb.i, source, target, code, "intent", start, end, symmetric,
                               negated=_negated(verb), hypothetical=False))

    # -- event nouns -----------------------------------------------------------------------
    def _code_noun(self, noun: Token, p: NounPattern) -> None:
        if p.requires_mod and not any(c.lemma_.lower() in p.requires_mod for c in noun.children):
            return
        if p.subject_of and not (noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_.lower() in p.subject_of):
            return  # "Palestinian riots are continuing": the event is what the clause is about
        sources, targets = self._noun_roles(noun, p)
        if not sources or not (targets or p.symmetric and len(sources) > 1 or p.optional_target):
            return
        hypothetical = any(c.lemma_.lower() in _HYPOTHETICAL_MODS for c in noun.children) or (
            _hypothetical(noun.head) if noun.dep_ in {"nsubj", "nsubjpass"} else False
        )
        start, end = noun.left_edge.i, _noun_evidence_end(noun)
        for source, target in _pairs(sources, targets, p.symmetric):
            self._add(RawEvent(self.index, noun.i, source, target, p.code, p.id, start, end, p.symmetric,
                               hypothetical=hypothetical, core=not hypothetical))

    def _noun_roles(self, noun: Token, p: NounPattern) -> tuple[list[str], list[str]]:
        between = [a for t in _prep_objects(noun, "between") for a in self.actors(t)]
        sources: list[str] = []
        for spec in p.sources:
            if spec == "between" and between:
                sources = between[:1]
            elif spec == "by":
                sources = [a for t in _prep_objects(noun, "by") for a in self.actors(t)]
            elif spec == "poss":
                sources = self.actors(_child(noun, {"poss"}))
            elif spec == "clause":
                sources = self._clause_subject(noun)
            elif spec == "amod":
                owner = self._affiliation(noun, 1)  # "Palestinian riots", "Kurdish demonstrations"
                sources = [owner] if owner else []
            if sources:
                break
        targets: list[str] = []
        for spec in p.targets:
            if spec == "between":
                targets = [a for a in between if a not in sources]
            else:
                find = self._target_actors if p.optional_target else self.actors
                targets = [a for t in _prep_objects(noun, spec) for a in find(t)]
            targets = [a for a in targets if a not in sources]
            if targets:
                break
        return sources, targets

    def _clause_subject(self, noun: Token) -> list[str]:
        node = noun.head
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        subject = _nearest_subject(node)
        if self._is_plural_ref(subject):
            # "During a meeting with X, the sides discussed": the sides are this meeting's own
            return [self.state.protagonist] if self.state.protagonist else []
        return self._subject_actors(node) if node.pos_ in {"VERB", "AUX"} else []

    # -- reported speech: accusations and appeals ------------------------------------------
    def _code_speech(self) -> None:
        for key, frame in self.frames.items():
            if key < 0:
                verb = self.doc[-key - 1]
                if verb.lemma_.lower() in self.book.nominal_content:
                    for noun in _nominal_content(verb):
                        self._scan_content(noun, frame, verb)
            else:
                root = self.doc[key]
                self._scan_content(root, frame, root)
                self._hostile_acts(root, frame)

    def _scan_content(self, top: Token, frame: _Frame, anchor: Token) -> None:
        for token in _content_tokens(top):
            lemma = token.lemma_.lower()
            if token.pos_ in {"NOUN", "VERB"} and lemma in self.book.accusations:
                self._accusation(token, frame, top)
            elif token.pos_ == "NOUN" and lemma in self.book.appeals:
                self._appeal(token, frame)

    def _accusation(self, noun: Token, frame: _Frame, top: Token) -> None:
        rule = self.book.accusations[noun.lemma_.lower()]
        if noun.pos_ == "VERB":
            return  # verbs are handled as hostile acts
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
        if rule.needs_modifier and not (mods & rule.needs_modifier):
            return
        agents = self._noun_agents(noun)
        if not agents and _existential(noun):
            agents = self._other_actor(noun, frame, top)
        speaker = frame.speaker[0]
        for agent in agents:
            if agent in frame.speaker or self._same_side(agent, speaker):
                continue
            self._add(RawEvent(self.index, noun.i, speaker, agent, rule.code, "accusation",
                               noun.left_edge.i, _noun_evidence_end(noun), via=_first(frame.via),
                               speaker=speaker, from_speech=True))

    def _noun_agents(self, noun: Token) -> list[str]:
        poss = _child(noun, {"poss"})
        if poss is not None:
            return self.actors(poss)
        for mod in noun.children:
            state = self.c.kb.demonym(mod.text) if mod.dep_ == "amod" else None
            if state:
                return [state]  # "the Russian aggression"
        for prep in ("by", "of", "from"):
            found = [a for t in _prep_objects(noun, prep) for a in self.actors(t)]
            if found:
                return found
        if noun.dep_ in {"pobj"} and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            return self._noun_agents(noun.head.head) if noun.head.head.lemma_ != noun.lemma_ else []
        return []

    def _other_actor(self, noun: Token, frame: _Frame, top: Token) -> list[str]:
        """"As long as X is in power, there will be a threat to Y": X, the one actor left."""
        victims = {a for prep in _VICTIM_PREPS for t in _prep_objects(noun, prep) for a in self.actors(t)}
        seen = set(frame.speaker) | set(frame.via) | victims
        if any(not self.actors(t) for t in _prep_objects(noun, "of")):
            return []  # "a threat of flooding": the threat is a thing's, no actor's
        for token in top.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS_IN:
                continue  # "in Germany" says where, not who
            for actor in self.actors(token) if self.resolved.mention_at(token) else []:
                if actor not in seen and not self._is_state_of(actor, victims):
                    return [actor]
        return []

    def _appeal(self, noun: Token, frame: _Frame) -> None:
        agents = self._appeal_agents(noun)
        speaker = frame.speaker[0]
        for agent in agents:
            if agent in frame.speaker:
                continue
            self._add(RawEvent(self.index, noun.i, speaker, agent, "020", "appeal", noun.left_edge.i,
                               _noun_evidence_end(noun), speaker=speaker, via=_first(frame.via),
                               from_speech=True))

    def _appeal_agents(self, noun: Token) -> list[str]:
        """"the importance of the UNECE fulfilling", "of the firmness of NATO's members": the actor
        that must act, never an actor deeper in the object ("safeguarding the sovereignty of Belarus")."""
        for pobj in _prep_objects(noun, "of"):
            node = pobj
            for _ in range(2):
                if node.pos_ == "VERB":
                    subj = _child(node, {"nsubj", "poss"})
                    return self.actors(subj) if subj is not None else []
                found = self.actors(node) or self.actors(_child(node, {"poss", "nsubj"}))
                if found:
                    return found
                nxt = _prep_objects(node, "of")
                if not nxt:
                    return []
                node = nxt[0]
        return []

    def _hostile_acts(self, root: Token, frame: _Frame) -> None:
        speaker = frame.speaker[0]
        for token in _content_tokens(root, verbs=True):
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.book.hostile:
                continue
            for agent in self._subject_actors(token):
                if agent in frame.speaker or self._same_side(agent, speaker):
                    continue
                subj = _child(token, {"nsubj"}) or _child(token.head, {"nsubj"}) or token
                start = min(subj.left_edge.i, token.i)
                self._add(RawEvent(self.index, token.i, speaker, agent, self.book.hostile_code, "hostile-act",
                                   start, _verb_evidence_end(token), speaker=speaker, via=_first(frame.via),
                                   from_speech=True))

    def _same_side(self, agent: str, speaker: str) -> bool:
        actor = self.c.kb.get(speaker)
        return actor is not None and agent == actor.country and actor.code is not None and \
            actor.code.endswith(".GOV")

    def _is_state_of(self, actor_id: str, states: set[str]) -> bool:
        actor = self.c.kb.get(actor_id)
        return actor is not None and actor.type == "state" and actor_id in states

    # -- bookkeeping -----------------------------------------------------------------------
    def _add(self, event: RawEvent) -> None:
        event.source, event.speaker = self._speaker_for_state(event)
        if event.target == event.source:
            return
        if _sector(event.source) in _PRIVATE and (event.target is None or _sector(event.target) in _PRIVATE):
            return  # firms and celebrities among themselves: "the automaker plans to open a plant"
        self.events.append(event)
        if "17" <= event.code[:2] <= "20" and not event.source.startswith("?unknown"):
            self.state.aggressor = event.source
        if event.code[:2] in _VOICE_ROOTS and event.pattern != "evaluation" and not event.source.startswith("?"):
            self.state.voice, self.state.voice_sentence = event.speaker or event.source, self.index
            self.state.voice_target = event.target or self.state.voice_target
        if event.code.startswith("04") and not event.hypothetical and event.target:
            self.state.last_meeting = [event.source, event.target]
        actor = self.c.kb.get(event.source)
        if actor is None or actor.type == "person":
            self.state.protagonist = event.source

    def _speaker_for_state(self, event: RawEvent) -> tuple[str, str | None]:
        """An official reporting what "Belarus expects" speaks for Belarus: the official is the source."""
        reporter = event.speaker or event.via
        speaker = self.c.kb.get(reporter) if reporter else None
        if speaker is not None and speaker.type == "person" and event.source == speaker.country \
                and not event.from_speech:
            event.via = None
            return speaker.id, None
        return event.source, event.speaker


# -- parse helpers ---------------------------------------------------------------------------
_PRIVATE = frozenset({"BUS", "ELI"})
_VICTIMS = frozenset({"CVL", "REF", "MED", "HLH", "EDU"})


def _sector(raw_id: str | None) -> str | None:
    """The sector of a generic agent's id ("?U.S. automaker#USA.BUS" → BUS); None for known actors."""
    if raw_id is None or not raw_id.startswith("?") or "#" not in raw_id:
        return None
    return raw_id.rsplit(".", 1)[-1]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _inside_name(token: Token) -> bool:
    """A word inside a longer name ("Security" in "the Security Council") is no head of its own."""
    return token.dep_ == "compound" and token.head.pos_ == "PROPN"


def _child(token: Token | None, deps: set[str]) -> Token | None:
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)


def _by_agent(verb: Token) -> bool:
    """A passive verb with its agent named: "the camp was attacked by militiamen"."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and _child(verb, {"agent"}) is not None


def _existential(noun: Token) -> bool:
    """"there will always be a threat to X": the noun is the attribute of an existential "be"."""
    head = noun.head
    return noun.dep_ in {"attr", "nsubj"} and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)


def _from_phrases(obj: Token) -> list[Token]:
    """"a message of congratulations from the Minister": the "from" phrase anywhere in the object."""
    return [c for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "from"
            for c in t.children if c.dep_ == "pobj"]


def _unique_targets(events: Iterable[RawEvent]) -> list[str]:
    found: list[str] = []
    for event in events:
        if event.target and event.target not in found:
            found.append(event.target)
    return found


def _nearest_subject(verb: Token) -> Token | None:
    """The subject closest to the verb: "..., Tatiana Molcean, the sides discussed" → the sides."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    return subjects[-1] if subjects else None


def _object(verb: Token) -> Token | None:
    obj = _child(verb, {"dobj", "obj"})
    if obj is not None and obj.lemma_.lower() in _MEASURES:
        inner = next((c for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                      for c in p.children if c.dep_ == "pobj"), None)
        obj = inner if inner is not None else obj
    relative = obj is None or obj.lower_ in {"that", "which", "whom"}
    if relative and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "the assistance that X is providing"
    if obj is None:
        prt = _child(verb, {"prt"})
        if prt is not None:
            return _child(prt, {"pobj"})
    return obj


_SPEECH_ROOTS = frozenset({"02", "10", "11", "12", "13"})
_MATERIAL_ROOTS = frozenset({"07", "08", "15", "16", "17", "18", "19", "20"})
_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "for", "on", "at", "from", "over", "into", "upon")


def _target_candidates(verb: Token, depth: int) -> Iterable[Token]:
    """Nouns that may name the one an act is done to, nearest role first: the objects, then
    prepositional objects of the verb, then those of the object, then the same inside an infinitive
    or a conjoined infinitive ("ready to send troops to"). Reported content (ccomp) is another act."""
    obj = _object(verb)
    for child in (_child(verb, {"dative", "iobj"}), obj):
        if child is not None:
            yield child
    for word in _TARGET_PREPS:
        yield from _prep_objects(verb, word)
    for prep in verb.children:
        if prep.dep_ == "prep":
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"}):
                for word in ("with", "to", "against"):
                    # "held a conversation on Tuesday with X": the parser hangs "with" on "Tuesday"
                    yield from _prep_objects(pobj, word)
    if obj is not None:
        for word in (*_TARGET_PREPS, "of"):
            # "demanded the withdrawal of Serbian forces": the one the act named by the object concerns
            yield from _prep_objects(obj, word)
    if depth < 2:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
                yield from _target_candidates(child, depth + 1)


def _prep_objects(token: Token, word: str) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ == word:
            out.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
    return out


def _path(verb: Token, path: str) -> list[Token]:
    """Follow a pattern path ("dobj", "prep:with", "obj.prep:of", "obj.amod:phone") from a verb."""
    if path == "dobj":
        obj = _child(verb, {"dobj"})
        return [obj] if obj is not None else []
    if path == "dative":
        obj = _child(verb, {"dative", "iobj"})
        return [obj] if obj is not None else []
    if path.count("prep:") > 1:
        # "engaged in fighting with X", "a suspension of links with X": a preposition on the object of
        # a preposition
        outer, inner = path.rsplit(".prep:", 1)
        return [o for t in _path(verb, outer) for o in _prep_objects(t, inner)]
    if path.startswith("prep:"):
        return _prep_objects(verb, path[5:])
    if path == "ccomp.nsubj":
        # "demanded that Belarus stop": the one asked to act
        ccomp = _child(verb, {"ccomp"})
        return [s for s in [_child(ccomp, {"nsubj"})] if s is not None]
    obj = _object(verb)
    if obj is None:
        return []
    if path.startswith("obj.prep:"):
        return _prep_objects(obj, path[9:])
    if path == "obj.poss":
        poss = _child(obj, {"poss"})
        return [poss] if poss is not None else []
    if path.startswith("obj.amod:") or path.startswith("obj.compound:"):
        word = path.split(":", 1)[1]
        return [c for c in obj.children if c.lemma_.lower() == word]
    if path == "xcomp.dobj":
        xcomp = _child(verb, {"xcomp"})
        return [o for o in [_child(xcomp, {"dobj"})] if o is not None]
    return []


def _meets(verb: Token, requirement: str) -> bool:
    """A required path, filled ("prep:on"), or filled by one of the listed lemmas ("prep:on=visit|trip":
    "arrived in Amman on a visit")."""
    path, _, words = requirement.partition("=")
    found = _path(verb, path)
    if not words:
        return bool(found)
    allowed = set(words.split("|"))
    return any(t.lemma_.lower() in allowed or t.lower_ in allowed for t in found)


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ in {"xcomp"} and any(c.dep_ == "neg" for c in head.children)


def _hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT_HEADS:
        return True
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children)


def _is_consult(token: Token, book: PatternBook) -> bool:
    lemma = token.lemma_.lower()
    if lemma in {"meet", "visit", "negotiate", "discuss", "talk"}:
        return True
    obj = _child(token, {"dobj"})
    return obj is not None and obj.lemma_.lower() in {"meeting", "talk", "talks", "negotiation",
                                                      "consultation", "summit", "event", "briefing"}


def _is_saying(token: Token) -> bool:
    return token.lemma_.lower() in {"say", "saying"} or any(c.lemma_ == "say" for c in token.subtree)


def _pairs(sources: list[str], targets: list[str], symmetric: bool) -> Iterable[tuple[str, str | None]]:
    if targets:
        for source in sources:
            for target in targets:
                yield source, target
    elif symmetric and len(sources) > 1:
        yield sources[0], sources[1]
    else:
        for source in sources:
            yield source, None


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


def _evidence(verb: Token, obj: Token | None) -> tuple[int, int]:
    start = min([verb.i, *[c.i for c in verb.lefts if c.dep_ in {"aux", "neg", "advmod", "auxpass"}]])
    return start, _verb_evidence_end(verb)


def _verb_evidence_end(verb: Token) -> int:
    end = verb.i
    for child in verb.rights:
        if child.dep_ in {"punct", "cc", "conj", "advcl", "ccomp", "parataxis", "relcl"}:
            break
        end = child.right_edge.i
    return end + 1


def _noun_evidence_end(noun: Token) -> int:
    end = noun.i
    for child in noun.rights:
        if child.dep_ in {"punct", "relcl", "acl", "appos"}:
            break
        end = child.right_edge.i
    return end + 1


def _nominal_content(verb: Token) -> list[Token]:
    """What "pointed out", "drew attention to", "spoke about" is about."""
    found = []
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"} and child.lemma_.lower() != "attention":
            found.append(child)
        elif child.dep_ == "dobj":
            found.extend(_prep_objects(child, "to"))
        elif child.dep_ == "prep" and child.lower_ in {"to", "about", "on", "of"}:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _content_tokens(top: Token, verbs: bool = False) -> Iterable[Token]:
    """Tokens of a reported content, without descending into nested reporting clauses."""
    stack = [top]
    while stack:
        token = stack.pop()
        yield token
        for child in token.children:
            if child.dep_ in {"relcl"} and not verbs:
                continue
            stack.append(child)


def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
    """One event per actor pair and root class in a sentence: "met with X to discuss" is one consult."""
    consulted = {e.source for e in events if e.code.startswith("04") and e.target}
    events = [e for e in events if not (e.code.startswith("04") and e.target is None and e.source in consulted)]
    kept: list[RawEvent] = []
    seen: set[tuple[str, frozenset[str | None] | tuple[str, str | None]]] = set()
    for event in events:
        pair: frozenset[str | None] | tuple[str, str | None]
        pair = frozenset({event.source, event.target}) if event.code.startswith("04") else (
            event.source, event.target)
        key = (event.code[:2], pair)
        if key in seen:
            continue
        seen.add(key)
        kept.append(event)
    return kept
