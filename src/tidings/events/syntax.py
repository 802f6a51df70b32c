"""Dependency-parse helpers shared by the coder's parts: paths from a verb to its roles, objects,
evidence spans, negation and speculation, and the coder's word lists (from ``data/coder.yaml``).

In: spaCy tokens and spans. Out: tokens, spans, flags; nothing is coded here.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from tidings.events.lexicon import LEXICON
from tidings.events.patterns import PatternBook
from tidings.events.places import place_country
from tidings.events.raw import RawEvent
from tidings.nlp import child as _child_of_token

__all__: list[str] = []  # helpers for the coder's parts only, imported by name

# dependency and entity labels (grammar, not vocabulary); the word lists come from data/coder.yaml
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_MODALS = LEXICON.modals
_INTENT_HEADS = LEXICON.intent_heads
_HYPOTHETICAL_MODS = LEXICON.hypothetical_mods
_VICTIM_PREPS = LEXICON.victim_preps
_MEASURES = LEXICON.measures
_PLACE_NOUNS = LEXICON.place_nouns
_UNKNOWN = "?unknown"
_PLACE_PREPS_IN = LEXICON.place_preps
_PERSONAL = LEXICON.personal
_ANAPHORS = LEXICON.anaphors
_VOICE_ROOTS = LEXICON.voice_roots
_ORG_ENTS = {"ORG", "NORP", "GPE", "FAC", "LOC"}
_AGENT_ENTS = {"ORG", "NORP", "GPE", "PERSON"}
_QUANTITIES = LEXICON.quantities
_PRIVATE = LEXICON.private_sectors
_VICTIMS = LEXICON.victim_sectors
_SPEECH_ROOTS = LEXICON.speech_roots
_MATERIAL_ROOTS = LEXICON.material_roots
_TARGET_PREPS = LEXICON.target_preps


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


_child = _child_of_token


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
    if not subjects:
        # "A Federal High Court ... had on Wednesday barred protesters": the parser may hang the subject
        # on the auxiliary
        subjects = [c for a in verb.lefts if a.dep_ == "aux" for c in a.children if c.dep_ == "nsubj"]
    if not subjects and _misparsed_verb(verb):
        subjects = [c for c in verb.lefts if c.dep_ == "compound"]
    end = _dateline_end(verb.sent)
    if subjects and subjects[-1].i < end:
        # "DHAKA, Bangladesh (AP) — Authorities in Bangladesh arrested": the parser took the dateline for
        # the subject and the real one for its apposition
        # (or its conjunct: "ISTANBUL, Turkey (AP) — Russia and Ukraine agreed")
        apposed = [c for c in subjects[-1].subtree if c.dep_ in {"appos", "conj"} and c.i >= end and c.head.i < end]
        return apposed[0] if apposed else None
    return subjects[-1] if subjects else None


_DASHES = frozenset({"—", "–", "--", "-"})


def _dateline_end(sent: Span) -> int:
    """The index after a wire dateline opening the sentence ("DHAKA, Bangladesh (AP) —", "CHISINAU,
    Moldova — (AP) —"): a place in capitals, then names, commas, brackets and dashes up to the last
    dash; the sentence's start when it opens with none."""
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(first) > 2):
        return sent.start
    # "ISTANBUL — Ukraine and Russia agreed": a city GeoNames knows needs no country or agency after it
    end, marked = sent.start, len(sent) > 1 and sent[1].text in _DASHES and place_country(first.text) is not None
    for token in sent[:14]:
        if token.text in _DASHES:
            end = token.i + 1
        elif token.text in {",", "("}:
            marked = True  # "CITY, Country" or "CITY (Reuters)": not "NATO — the alliance — said"
        elif not (token.is_punct or token.pos_ == "PROPN"):
            break
    return end if marked else sent.start


def _relcl_antecedent(clause: Token) -> Token:
    """The noun a relative clause is about. The parser may hang "that killed" on the place an attack
    was against ("the mortar attack against the MINUSMA camp that killed two peacekeepers"): a place
    does not act, the attack does."""
    noun = clause.head
    if noun.lemma_.lower() in _PLACE_NOUNS and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def _misparsed_verb(token: Token) -> bool:
    """A present-tense verb the parser took for a plural noun heading the sentence, its subject for a
    modifier: "The EU appeals to Iran to abide by its obligations" (EU/compound appeals/ROOT/NOUN)."""
    return token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lower_.endswith("s") \
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts) \
        and any(c.dep_ in {"prep", "dobj", "xcomp", "advcl", "ccomp"} for c in token.rights)


def _hyphenated_lemma(token: Token) -> str:
    """A noun's lemma, with the word the tokenizer split off before a hyphen ("cease-fire", which the
    parser reads as "fire" modified by "cease")."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ \
            and not doc[token.i - 2].whitespace_:
        return f"{doc[token.i - 2].lower_}-{token.lemma_.lower()}"
    return token.lemma_.lower()


def _object(verb: Token) -> Token | None:
    obj = _child(verb, {"dobj", "obj"})
    if obj is not None and obj.pos_ == "ADJ":
        # "had an in-depth and frank exchange of views": the parser makes the first of two joined
        # adjectives the object and the noun its conjunct
        obj = next((c for c in obj.children if c.dep_ == "conj" and c.pos_ == "NOUN"), obj)
    if obj is not None and (obj.lemma_.lower() in _MEASURES or obj.lemma_.lower() in _QUANTITIES):
        # "sent 50 tons of aid", "launched hundreds of drones": what is counted is the object
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
    return obj if obj is not None else (_shared_object(verb) or _participle_object(verb))


def _to_completed(verb: Token) -> Token | None:
    """The word a "to" and a gerund completes: "is committed to supporting" → "committed"."""
    return verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "to" else None


def _participle_object(verb: Token) -> Token | None:
    """"condemn reported bombardments by the SAF": the parser makes the participle that modifies the
    object a clause of its own right after the verb, and gives it the object."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.head.i != verb.i or nxt.dep_ != "advcl" or nxt.tag_ not in {"VBN", "VBD"} \
            or _child(nxt, {"nsubj", "nsubjpass", "aux", "auxpass", "mark"}) is not None:
        return None
    return _child(nxt, {"dobj"})


def _shared_object(verb: Token) -> Token | None:
    """The object a verb shares with the verb conjoined after it: "the KGB has detained and
    interrogated Poczobut" (the parser gives it to the second verb only)."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "obj", "ccomp", "xcomp", "prep", "nsubjpass", "auxpass"}
                                  for c in verb.children):
        return None
    conj = next((c for c in verb.rights if c.dep_ == "conj" and c.pos_ == "VERB"
                 and _child(c, {"nsubj", "nsubjpass"}) is None), None)
    return _child(conj, {"dobj"}) if conj is not None else None


def _dative(verb: Token) -> Token | None:
    """The recipient: "gave Poland aid", or "delivered a warning to Israel" where the parser labels
    the preposition itself dative."""
    obj = _child(verb, {"dative", "iobj"})
    if obj is not None and obj.pos_ == "ADP":
        return _child(obj, {"pobj"})
    return obj


def _target_candidates(verb: Token, depth: int) -> Iterable[Token]:
    """Nouns that may name the one an act is done to, nearest role first: the objects, then
    prepositional objects of the verb, then those of the object, then the same inside an infinitive
    or a conjoined infinitive ("ready to send troops to"). Reported content (ccomp) is another act."""
    obj = _object(verb)
    for child in (_dative(verb), obj):
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
    preps = [c for c in token.children if c.dep_ in {"prep", "agent"} and c.lower_ == word]
    # "to the families of the victims and to the Government of Somalia": a preposition joined to another
    preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ == word]
    for child in preps:
        for c in child.children:
            if c.dep_ == "pcomp" and c.pos_ == "VERB" and _child(c, {"nsubj"}) is not None:
                # "solidarity with the Ukrainian people fighting for freedom": the parser makes the
                # people the subject of "fighting", which it hangs on the preposition
                out.append(_child(c, {"nsubj"}))  # type: ignore[arg-type]
            elif c.dep_ in {"pobj", "pcomp"}:
                out.append(c)
    return out


def _by_inside(noun: Token, preps: Iterable[str]) -> list[Token]:
    """The "by" phrases the parser hangs on the object of one of the noun's prepositions instead of the
    noun: "bombardments in the region by the SAF", "the detentions of 22 UN personnel by the Houthis"."""
    wanted = set(preps)
    return [b for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in wanted
            for inner in prep.children if inner.dep_ == "pobj" for b in _prep_objects(inner, "by")]


def _by_stranded(noun: Token) -> list[Token]:
    """A "by" phrase after a noun that the parser hangs on the active verb governing it: "to discuss
    preparations for the official visit to Vietnam by Malaysian Prime Minister X". An active verb takes
    no agent of its own ("by doing" is a means, not a doer), so the phrase is the noun's."""
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.dep_ in {"pobj", "prep", "dobj", "conj"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return []
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i > noun.i
            for p in prep.children if p.dep_ == "pobj"]


def _path(verb: Token, path: str) -> list[Token]:
    """Follow a pattern path ("dobj", "prep:with", "obj.prep:of", "obj.amod:phone") from a verb."""
    if path == "dobj":
        obj = _child(verb, {"dobj"})
        if obj is None:
            # "warned Ethiopian Prime Minister Abiy Ahmed that ...": the parser may call a name right
            # after the verb a noun-phrase adverb, as it does "Tuesday"
            obj = next((c for c in verb.rights if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                        and c.ent_type_ not in {"DATE", "TIME"}), None)
        obj = obj if obj is not None else _shared_object(verb)
        return [obj] if obj is not None else []
    if path == "dative":
        obj = _dative(verb)
        return [obj] if obj is not None else []
    if path == "complement":
        # "designated Novaya Gazeta Europe an undesirable organization": a predicate noun, which the
        # parser hangs as "oprd", as a second object, or after "as"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return [c for c in verb.children if c.dep_ == "oprd"] + objects[1:] + [
            o for node in (verb, *objects[:1]) for o in _prep_objects(node, "as")]
    if path.count("prep:") > 1:
        # "engaged in fighting with X", "a suspension of links with X": a preposition on the object of
        # a preposition
        outer, inner = path.rsplit(".prep:", 1)
        return [o for t in _path(verb, outer) for o in _prep_objects(t, inner)]
    if path.startswith("prep:"):
        return _prep_objects(verb, path[5:])
    if path == "acomp" or path.startswith("acomp.prep:"):
        # a predicate adjective and its prepositions: "remains open to dialogue"
        acomp = _child(verb, {"acomp"})
        if acomp is None:
            return []
        return [acomp] if path == "acomp" else _prep_objects(acomp, path[11:])
    if path in {"advmod", "nsubj", "nsubjpass"}:
        # the verb's own dependents: an adverb its sense turns on ("looks forward to"), its subject, a
        # passive's subject ("were suspended from ECOWAS")
        return [c for c in verb.children if c.dep_ == path]
    if path == "active":
        # the verb itself when it is not passive: "held X responsible", not "X must be held accountable"
        return [] if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) else [verb]
    if path == "predicate.nsubj":
        # "Iran holds Israel responsible": the parser makes the one held the adjective's subject
        return [s for a in _path(verb, "predicate") for s in a.children if s.dep_ == "nsubj"]
    if path == "predicate":
        # "held Israel responsible", "holds the leaders individually responsible": the adjective said of
        # the object, which the parser hangs on the verb in several ways or on the object's conjunct
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        return [c for c in verb.rights if c.pos_ == "ADJ" and c.dep_ in _PREDICATE_DEPS] + [
            c for o in objects for c in o.rights if c.pos_ == "ADJ" and c.dep_ in {"conj", "amod"}]
    if path == "for.nsubj":
        # "called for the sides to show restraint": the parser makes "for" the mark of a clause
        clauses = [c for c in verb.children if c.dep_ in {"advcl", "ccomp"}
                   and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
        return [s for c in clauses for s in [_child(c, {"nsubj"})] if s is not None]
    if path == "ccomp.nsubj":
        # "demanded that Belarus stop": the one asked to act
        ccomp = _child(verb, {"ccomp"})
        return [s for s in [_child(ccomp, {"nsubj"})] if s is not None]
    if path == "xcomp":
        # "ordered the ambassador to leave", "declined to comment": the infinitive itself, for a
        # requirement on its lemma
        return [x for x in [_child(verb, {"xcomp"})] if x is not None]
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


# how the parser attaches a predicate adjective after an object ("held X responsible")
_PREDICATE_DEPS = frozenset({"oprd", "acomp", "advcl", "ccomp", "xcomp", "conj"})


def _meets(verb: Token, requirement: str) -> bool:
    """A required path, filled ("prep:on"), or filled by one of the listed lemmas ("prep:on=visit|trip":
    "arrived in Amman on a visit")."""
    path, _, words = requirement.partition("=")
    found = _path(verb, path)
    if not words:
        return bool(found)
    allowed = set(words.split("|"))
    return any(t.lemma_.lower() in allowed or t.lower_ in allowed for t in found)


def _copula_of_able(verb: Token) -> Token | None:
    """The copula an infinitive's adjective hangs on, where its negation and modal sit: "will not be
    able to visit Cuba" → "be"; None for any other verb."""
    head = verb.head
    return head.head if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" else None


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = _copula_of_able(verb) or verb.head
    return verb.dep_ in {"xcomp"} and any(c.dep_ == "neg" for c in head.children)


def _hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    copula = _copula_of_able(verb)
    if copula is not None and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in copula.children):
        return True  # "will be able to visit"
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


def _reciprocal(obj: Token | None) -> bool:
    """"each other", "one another" as a verb's object."""
    if obj is None:
        return False
    words = {obj.lower_, *(c.lower_ for c in obj.children if c.dep_ == "det")}
    return words in ({"each", "other"}, {"one", "another"})


def _first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` stands among ("Y" in "X and Y" → X), or ``token`` itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


def _evidence(verb: Token, obj: Token | None) -> tuple[int, int]:
    start = min([verb.i, *[c.i for c in verb.lefts if c.dep_ in {"aux", "neg", "advmod", "auxpass"}],
                 *[c.left_edge.i for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}]])
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
    """One event per actor pair and root class in a sentence: "met with X to discuss" is one consult,
    "blocked roads across Poland to protest grain imports" one protest (against Poland)."""
    aimed = {(e.source, e.code[:2]) for e in events if e.target}
    events = [e for e in events if e.target is not None or (e.source, e.code[:2]) not in aimed]
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


def _subject_tokens(verb: Token) -> set[int]:
    """The token indices of a verb's subject phrases: places and actors there are the doer's, never
    where or to whom the act is done."""
    return {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}


def _is_release(token: Token) -> bool:
    """The noun "release" ("called for the release of X", "his release")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() == "release"
