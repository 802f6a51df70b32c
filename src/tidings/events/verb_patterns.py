"""Verb patterns: a clause's verb matched against the pattern book, its source, target and code.

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence and its resolved
mentions; out: actor ids or ``RawEvent`` records added through ``self._add``.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.actors.agents import GenericAgent, parse_raw_id, raw_country
from tidings.events.agent_phrases import _addressees
from tidings.events.lexicon import LEXICON, act_kind
from tidings.events.patterns import Modality, VerbPattern
from tidings.events.raw import RawEvent, _Frame
from tidings.events.syntax import (
    _PERSONAL,
    _PLACE_NOUNS,
    _PLACE_PREPS_IN,
    _QUANTITIES,
    _SPEECH_ROOTS,
    _UNKNOWN,
    _VICTIMS,
    _by_agent,
    _by_inside,
    _child,
    _content_tokens,
    _evidence,
    _first,
    _from_phrases,
    _hyphenated_lemma,
    _hypothetical,
    _is_consult,
    _is_release,
    _meets,
    _nearest_subject,
    _negated,
    _noun_evidence_end,
    _object,
    _pairs,
    _path,
    _prep_objects,
    _reciprocal,
    _relcl_antecedent,
    _sector,
    _subject_tokens,
    _target_candidates,
    _to_completed,
    _unique_targets,
    _verb_evidence_end,
)
from tidings.ingest.outlets import OutletBook
from tidings.nlp import entity_at

__all__ = ["VerbPatterns"]

# talks and statements about a place do not make it a party: "met X to discuss the situation in Ukraine"
_TOPIC_ROOTS = frozenset({"04"})
# verbs of calling someone to a place, whose passive names the caller as that place ("summoned to")
_SUMMONS = frozenset({"summon"})
_ENVOY_WORDS = frozenset({"ambassador", "envoy", "chargé", "charge", "affaires", "d'affaires", "diplomat", "consul",
                          "attaché", "attache"})
# uses of force, whose pattern objects are weapons and forces ("fired rockets", "deployed troops")
_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
# acts of sending or posting forces, whose object is the forces sent ("deployed troops", "sent troops")
_SENDING_ROOTS = frozenset({"07", "15"})
# acts that may be done to the actor's own state: coercion, force and protest at home
_DOMESTIC_ROOTS = frozenset({"17", "18", "19", "20"})
# what a statement is made as: "in X" on them says where it was made
_SPEECH_NOUNS = frozenset({"statement", "remark", "speech", "address", "interview", "briefing", "conference",
                           "declaration", "communique", "message", "comment"})
# what is executed that is no one: "executed its plan", "executed the order"
_PLANS = frozenset({"plan", "order", "strategy", "policy", "program", "programme", "project", "contract", "decision",
                    "deal", "agreement", "operation", "mission", "task", "duty", "warrant", "transaction", "move",
                    "trade", "budget", "reform", "maneuver", "manoeuvre", "attack", "strike", "search", "will"})
# acts whose "of" phrase is who did them: "the remarks of the French president", "the decision of the
# Latvian government"
_SAID_OR_DECIDED = _SPEECH_NOUNS | {"decision", "words", "claim", "allegation", "accusation", "policy"}
# prepositions of a participle whose subject is the clause's ("After meeting X, Cole said", "retaliated by
# firing missiles"); not "arrested him for opposing", whose opposer is the object
_WHEN_PREPS = frozenset({"after", "before", "upon", "on", "while", "since", "by", "without", "during"})
# determiners of an object that refers back to an act told before ("condemned the exercises")
_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})
# verdicts: praise, criticism and rejection of an act are of the one it is by
_VERDICT_ROOTS = frozenset({"05", "11", "12"})
# what a denial answers: the accusation, whose maker is the one answered
_CHARGES = frozenset({"accusation", "allegation", "charge", "report", "assertion"})
# what an appeal is made in: "called on President Ruto in a statement" asks something
_ASKED_IN = _SPEECH_NOUNS | {"letter"}
# acts a state or an IGO tells in its own release in the passive, with no agent: sanctions, aid
_ISSUED_ROOTS = frozenset({"07", "16"})
# acts of coercion and force, done to people: "detained 16 Palestinians" are civilians, not the state
_HARM_ROOTS = frozenset({"17", "18", "19", "20"})
# the roles in which a place names where or to whom something is done ("in Nicaragua", "Nicaragua's")
_PLACE_ROLES = frozenset({"pobj", "compound", "poss", "dobj", "nmod", "appos"})


# prepositions of a place phrase inside a named act ("bombardments in the region by the SAF")
_WHERE_PREPS = frozenset({"in", "across", "near", "around", "along", "over", "throughout"})
# verbs of ending what one is asked to stop ("urged X to stop the abuses"), and nouns of doing it
_ENDING = frozenset({"end", "stop", "cease", "halt", "abandon", "renounce"})
# sectors that fire on others: what comes "under fire" from them is an attack, not criticism
_ARMED = frozenset({"MIL", "REB", "INS", "SPY"})


class VerbPatterns:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.resolved``, ``self.state``, ``self.events``)."""

    # -- verb patterns ---------------------------------------------------------------------
    def _code_verb(self, verb: Token) -> None:
        if self._code_directive(verb):
            return  # "Free all political prisoners," X said: asked for, not done
        if verb.dep_ == "xcomp" and any(e.trigger == verb.head.i for e in self.events) \
                and not self._protest_lodged(verb):
            return  # "urged Belarus to release", "met X to discuss": part of the event already coded
        first = verb
        while first.dep_ == "conj" and first.head.pos_ in {"VERB", "AUX"}:
            first = first.head  # "call on him to support NGOs and to condemn the attacks": both asked
        if first.head.lemma_.lower() in self.book.modality.wishes and _asked_to(first):
            return  # "we call on him to condemn the attacks": what one is asked to do is not done
        demanded = verb.dep_ == "ccomp" or verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        asked_by = {verb.head.i} | {c.i for c in verb.head.children if c.dep_ == "dobj"}
        if demanded and any(e.trigger in asked_by and e.code[:2] in {"02", "10"} for e in self.events):
            # "demanded that Turkey provide information", "called for Russia to withdraw its troops": what
            # was demanded is not an event
            return
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

    def _protest_lodged(self, verb: Token) -> bool:
        """"summoned the chargé d'affaires to lodge a protest": the protest is an event of its own."""
        return any(p.id == "protest-officially" and self._fits(verb, p)
                   for p in self.book.verbs.get(verb.lemma_.lower(), ()))

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
        fits = self._fitting(verb)
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
                fits = self._fitting(child)
                if fits and (not hostile or fits[0].code[:2] >= "13" or fits[0].code[:2] in {"10", "11", "12"}):
                    return True
        return False

    def _code_obligation(self, verb: Token) -> bool:
        """"Y must DO", said by X: X demands of Y that it do it (the code of the act decides the 10x)."""
        m = self.book.modality
        # "the authorities need to free them", "Russia has to withdraw": a semi-modal of obligation
        needs = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"need", "have"} and \
            _child(verb.head, {"dobj"}) is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if not needs and not any(c.dep_ == "aux" and c.lower_ in m.obligation for c in verb.children):
            return False
        if _child(verb, {"nsubjpass"}) is not None:
            return False  # "the rights ... must be respected": the subject is what is acted on, not who acts
        frame = self._frame_of(verb) or self._sentence_voice()
        if frame is None:
            return False
        # a body the base does not hold is asked too ("the Security Council must continue supporting")
        targets = self._subject_actors(verb, generic=True)
        if not targets:
            subj = _nearest_subject(verb)
            owner = self._affiliation(subj, 0) if subj is not None and subj.pos_ in {"NOUN", "PROPN"} else None
            targets = [owner] if owner else []
        targets = [t for t in targets if t not in frame.speaker]
        if not targets:
            return False
        fits = self._fitting(verb)
        if needs and not fits:
            return False  # "Belarus needs to import more oil": a need, not a demand
        code = self._verb_code(verb, fits[0], _object(verb)) if fits else "100"
        if needs and verb.head.lemma_.lower() == "need" or any(c.dep_ == "aux" and c.lower_ in m.advice
                                                               for c in verb.children):
            # "should release", "need to investigate": an appeal to do it ("has to withdraw" demands it)
            code = Modality.lookup(m.appeal, code) or ("020" if code[:2] not in {"02"} else code)
        else:
            code = Modality.lookup(m.demand, code) or ("100" if code[:2] not in {"10"} else code)
        if any(c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for c in verb.children):
            # "should never have arrested human rights monitors": what should (not) have been done is
            # past, and saying so blames whoever did it
            code = "111"
        start, end = _evidence(verb, _object(verb))
        for target in targets:
            self._add(RawEvent(self.index, verb.i, frame.speaker[0], target, code, "obligation", start, end,
                               speaker=frame.speaker[0], via=_first(frame.via), from_speech=True))
        return True

    def _fits(self, verb: Token, p: VerbPattern) -> bool:
        if p.particle and not any(c.lower_ == p.particle and (c.dep_ == "prt" or c.dep_ == "prep" and not any(
                g.dep_ == "pobj" for g in c.children)) for c in verb.children):
            return False  # "called off the strike"; "forced the agency out of the country"
        obj = _pattern_object(verb, p)
        if p.objects is not None:
            if obj is None or _hyphenated_lemma(obj) not in p.objects:
                return False
        if p.object_kind == "actor" and (obj is None or not self._target_actors(obj)) and not _by_agent(verb):
            return False
        if p.object_kind == "guest" and not self._guest(obj, verb):
            return False  # "welcomed the constructive Russian approach" hosts no one
        if p.object_kind == "actor_or_none" and obj is not None and not self._target_actors(obj) \
                and not _reciprocal(obj) and not any(self.actors(t) for t in _prep_objects(verb, "with")):
            # "met expectations", "met the deadline": no one was met; but "met with X ..., the need to"
            # is a meeting with X whatever the parser made the object
            return False
        if p.object_kind == "no_plan" and obj is not None and obj.lemma_.lower() in _PLANS:
            return False  # "executed a man", "executed lawmaker Phyo Zeya Thaw"; not "executed its plan"
        if p.object_kind == "place" and (obj is None or not (
                obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.lemma_.lower() in _PLACE_NOUNS)):
            return False
        if p.needs_intent and not any(c.dep_ == "xcomp" for c in verb.children):
            return False
        if p.bare and _asks(verb):
            return False
        return all(self._holds(verb, req) for req in p.requires)

    def _fitting(self, verb: Token) -> list[VerbPattern]:
        """The patterns of the book that fit the verb here, the most specific first."""
        return [p for p in self.book.verbs.get(verb.lemma_.lower(), ()) if self._fits(verb, p)]

    def _guest(self, obj: Token | None, verb: Token) -> bool:
        """The object is someone received, not an act or a thing owned by someone: an actor by its own name
        or a kind of agent ("the delegation", "the Iranian president"); a passive's subject likewise."""
        obj = obj if obj is not None else _child(verb, {"nsubjpass"})
        if obj is None:
            return False
        return bool(self.actors(obj)) or obj.pos_ in {"NOUN", "PROPN"} and bool(self.c.agents.sector_of(obj))

    def _holds(self, verb: Token, requirement: str) -> bool:
        """A pattern requirement: a path filled (see ``_meets``), or with "@person" a path that leads to
        a person or an envoy ("called in Russian ambassador Alexander Zmeyevsky", not "called in Moscow")."""
        if requirement.endswith("@actor"):
            # "nsubj@actor": the path leads to an actor, not an act ("China's drills raised concerns")
            # ("UN experts": a body's people, named by its compound; not "China's drills")
            return any(self.actors(t) or self.c.agents.sector_of(t) or any(
                c.dep_ == "compound" and self.actors(c) for c in t.children)
                for t in _path(verb, requirement[: -len("@actor")]))
        if not requirement.endswith("@person"):
            return _meets(verb, requirement)
        for token in _path(verb, requirement[: -len("@person")]):
            words = {t.lemma_.lower() for t in token.subtree}
            actors = [self._known(a) for a in self.actors(token)]
            if words & _ENVOY_WORDS or any(a is not None and a.type == "person" for a in actors):
                return True
        return False

    def _accuser(self, charge: Token, sources: list[str]) -> list[str]:
        """Who made the accusation a denial answers: its owner, a name or demonym before it, or its
        "by"/"from" phrase ("Kyiv's allegations", "the UN report", "the Ukrainian allegations", "the
        allegations by the UN panel"), else whoever last accused the denier."""
        owners = [_child(charge, {"poss"}), *(c for c in charge.children if c.dep_ in {"compound", "nmod"})]
        named = [a for t in owners if t is not None for a in self.actors(t)]
        named += [s for c in charge.children if c.dep_ in {"amod", "compound"} for s in [self._demonym(c)] if s]
        named += [a for t in [*_prep_objects(charge, "by"), *_prep_objects(charge, "from")]
                  for a in self._agent(t, True)]
        named = [a for a in named if a not in sources and a != _UNKNOWN]
        return named[:1] or self._last_accuser(sources)

    def _last_accuser(self, sources: list[str]) -> list[str]:
        """Whoever last accused, charged or criticised one of ``sources`` or its state ("India blames it on
        Pakistan, which denies the charge"; "accused Russia ... Russia's envoy dismissed")."""
        deniers = [*sources, *self._own_states(sources)]
        return [a for a in (self.state.accusers.get(s) for s in deniers) if a and a not in sources][:1]

    def _people_of(self, obj: Token, target: str) -> str:
        """A people named by its plural demonym as the object of force or coercion is its civilians, not
        its state: "Israeli forces detained 16 Palestinians", "killed three Ukrainians"."""
        mention = self.resolved.mention_at(obj)
        if mention is None or mention.kind != "demonym" or obj.tag_ not in {"NNS", "NNPS"} \
                or target not in mention.actor_ids or not self._is_state(target):
            return target
        return GenericAgent(self._phrase(obj), "CVL", target).raw_id()

    def _emit_verb(self, verb: Token, p: VerbPattern) -> None:
        obj = _pattern_object(verb, p)
        if obj is not None and p.objects:
            self.consumed.add(obj.i)
        sources, targets, _passive = self._received(verb, obj) if p.received else \
            self._held(verb) if p.held else self._verb_roles(verb, p)
        via: list[str] = []
        if p.source_from and obj is not None:
            given = [a for t in _from_phrases(obj) for a in self.actors(t)]
            if given:
                via, sources = sources, given
        if p.code[:2] in LEXICON.material_roots and self._told_by_a_text(verb):
            return  # "a slanderous post by the Israeli foreign minister, which targeted Türkiye": words only
        if p.code == "010" and obj is not None and any(c.lower_ == "following" for c in obj.children):
            return  # "issued the following statement:": a lead-in; what follows is what was said
        if p.political_source:
            sources = [s for s in sources if _sector(s) not in LEXICON.victim_sectors]
        if p.armed_source:
            # forces, armed groups and states clash; people (and officials named as such) only argue
            sources = [s for s in sources if not self._person(s)]
        if not sources:
            return
        two_sides = p.symmetric and len(sources) > 1  # each other's partners ("A and B spoke by phone")
        if not targets and p.context_target:
            targets = self._partners(sources)
        if not targets and p.inherit_target and verb.dep_ in {"conj", "xcomp"}:
            # "welcomed X's appointment and conveyed congratulations": to the same X
            targets = _unique_targets(e for e in self.events if e.trigger == verb.head.i)
        if p.code.startswith("11") and obj is not None and obj.lemma_.lower() in self.book.instruments \
                and not _prep_said(verb, p):
            # "condemned the attack on civilians": blame goes to the attacker, not to the victims;
            # "condemned the execution of X by the Iranian authorities": to the one the act is by
            doers = [a for t in _act_by_phrases(verb, obj) for a in self._agent(t, True)]
            targets = doers or (targets if targets and not any(_sector(t) in _VICTIMS for t in targets) else
                                self._attacker(obj))
        elif not targets and p.code[:2] in _VERDICT_ROOTS and (referred := self._act_referred(obj, sources)):
            targets = referred
        elif not targets and p.requires_target and not two_sides:
            # "X expects a decision from Y", "X warned Y": the pattern's own role, or no event; two sides
            # of a symmetric act are each other's ("Biden and Lula spoke by telephone")
            return
        elif not targets and not p.patient_source and (not p.symmetric or len(sources) == 1):
            # a symmetric act of one named side has its partner or beneficiary elsewhere in the clause
            # ("agreed to provide aid for Romania"); two named sides are each other's partners
            targets = self._fallback_targets(verb, sources, p.code)
        if not targets and len(sources) > 1 and self._plural_subject(verb):
            # "The leaders expressed satisfaction with the relations": the sides of the talks act
            # toward each other, not each toward no one
            # a release tells its own side's acts first: the Kremlin's readout has Putin as the source
            sources = sorted(sources, key=lambda a: self._country_of(a) != self.state.issuer)
            sources, targets = sources[:1], sources[1:2]
        if p.code in {"042", "043"}:
            # no visit to or from one's own state; forces sent are deployed, not visiting ("Russian military
            # instructors arrived in Mali", "Wagner fighters arrived in Belarus")
            targets = [t for t in targets if t not in self._own_states(sources)]
            subject = _child(verb, {"nsubj"})
            kind = self.c.agents.sector_of(subject) if subject is not None else None
            sources = [s for s in sources if not self._armed_body(s)]
            if not sources or kind and kind[1] in _ARMED:
                return
        if p.code[:2] in {"02", "10"} and (release := self._release_asked(verb)) is not None:
            # "urges the release of all political prisoners in Belarus": asked of whoever holds them
            held = {a for t in _prep_objects(release, "of") for a in self.actors(t)}
            targets = [c for c in [self._captor_of(release, sources)] if c] or [t for t in targets if t not in held]
        if p.requires_target and not targets and not two_sides:
            return
        if p.code[:2] == "17" and _background_state(verb):
            return  # "political prisoners currently detained in Belarus": a state the story assumes
        code = self._verb_code(verb, p, obj)
        if code == "012" and (doers := self._concerning_doers(verb, p, sources)):
            # concern at what someone does is criticism of the doer ("concerned by the actions of elements
            # of the military", "grave concern about Kiev's continuing military operation"); concern at a
            # situation stays pessimism (012: "the escalating situation in eastern DRC")
            code, targets = "111", doers
        if code[:2] in _HARM_ROOTS and obj is not None:
            targets = [self._people_of(obj, t) for t in targets]
        negated, hypothetical = _negated(verb), _hypothetical(verb)
        start, end = _evidence(verb, obj)
        frame = self._frame_of(verb)
        code, negated, hypothetical = self._announced(verb, code, negated, hypothetical, sources, frame)
        speaker, relay = self._attribution(frame, sources, via)
        pairs = list(_pairs(sources, targets, p.symmetric))
        if _reciprocal(obj) and len(sources) > 1 and not p.symmetric:
            # "Kyrgyzstan and Tajikistan have accused each other": each side to the other
            pairs = [(a, b) for a in sources for b in sources if a != b]
        for source, target in pairs:
            self._add(RawEvent(
                self.index, verb.i, source, target, code, p.id, start, end, p.symmetric,
                speaker=speaker, via=relay, negated=negated, hypothetical=hypothetical,
                core=verb.dep_ != "relcl",
            ))
        if code[:2] in {"02", "10"} and targets and not negated:
            self._wrongs_asked_to_end(verb, sources[0], targets)

    def _wrongs_asked_to_end(self, verb: Token, source: str, asked: list[str]) -> None:
        """"urged the Taliban to put an end to these systematic abuses", "called on Russia to stop its
        aggression": a wrong named in what one asks for accuses its owner, else the one asked to end it."""
        for act in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
            for noun in _content_tokens(act):
                rule = self._accusation_rule(noun)
                if rule is None:
                    continue
                agents = self._noun_agents(noun) or (asked if _ended(noun) else [])
                for agent in agents:
                    if agent != source:
                        self._add(RawEvent(self.index, noun.i, source, agent, rule.code, "wrong-asked-to-end",
                                           noun.left_edge.i, _noun_evidence_end(noun)))

    def _received(self, verb: Token, obj: Token | None) -> tuple[list[str], list[str], bool]:
        """"The move drew condemnation from the African Union", "Orban came under fire from Brussels":
        the one it came from is the source; the subject, or whoever did what the subject names ("the
        Israeli strikes", "Orban's visit"), is the target. No "from" phrase, no event."""
        # the "from" phrase on the verb, its object or what "under" governs ("under fire from Brussels")
        holders = [verb, *([obj] if obj is not None else []), *_prep_objects(verb, "under")]
        phrases = [t for h in holders for t in _prep_objects(h, "from")]
        sources = [a for t in phrases for a in self._agent(t, True)]
        subj = _child(verb, {"nsubj", "nsubjpass"})
        if not sources or subj is None or any(_sector(s) in _ARMED for s in sources):
            return [], [], False  # "the convoy came under fire from militants" is no criticism
        targets = self._agent(subj, True) or self._doer(subj) or self.actors(_child(subj, {"poss"})) or [
            s for c in subj.children if c.dep_ in {"amod", "compound"} for s in [self._demonym(c)] if s][:1] \
            or self._act_referred(subj, sources)
        targets = [t for t in targets if t not in sources]
        return (sources, targets, False) if targets else ([], [], False)

    def _concerning_doers(self, verb: Token, p: VerbPattern, sources: list[str]) -> list[str]:
        """The doers of the act a concern is about: its "by" phrase, its owner, or the "of" phrase of
        "actions of X" (an act word: coder.yaml act_nouns and patient_acts, the pattern book's instruments
        and accusations)."""
        about = next((t for path in p.targets for t in _path(verb, path)), None)
        if about is None:
            return []
        lemma = about.lemma_.lower()
        if lemma not in LEXICON.act_nouns | LEXICON.patient_acts | self.book.instruments | set(self.book.accusations):
            return []
        # "Kiev's military operation" is Kiev's; "Bialiatski's detention" was done to him
        owner = [] if lemma in LEXICON.patient_acts else self.actors(_child(about, {"poss"}))
        doers = self._doer(about) or owner or self._act_enforcer(about, sources)
        if not doers and lemma in LEXICON.act_nouns:
            doers = [a for t in _prep_objects(about, "of") for a in self._agent(t, True)]
        own = self._own_states(sources)
        return [d for d in doers if d not in sources and not self._own_states([d]) & own]

    def _act_enforcer(self, act: Token, sources: list[str]) -> list[str]:
        """Who did an act of coercion that a verdict or a concern names with no doer ("condemned the arrest
        of journalist Ales Bialiatski", "concerned about the detention of students in Venezuela"): whoever
        does such acts (coder.yaml enforcers: the authorities arrest, a court convicts), of the state the
        act's phrase places it in, else of the state of those it was done to; never the judge's own side."""
        if act.lemma_.lower() not in LEXICON.enforcers:
            return []
        state = self._place_below(act, 0, False)
        if state is None:
            patients = [a for t in _prep_objects(act, "of") for a in self._target_actors(t)]
            state = next((c for a in patients for c in [self._country_of(a) or raw_country(a)] if c), None)
        if state is None or state in self._own_states(sources):
            return []
        holder = self._enforcer(act, state, act.lemma_.lower())
        return [holder] if holder else []

    def _told_by_a_text(self, verb: Token) -> bool:
        """The verb's subject is a text (coder.yaml document_nouns), or a relative pronoun standing for one."""
        subj = _nearest_subject(verb)
        if subj is not None and subj.lower_ in {"which", "that"} and verb.dep_ == "relcl":
            subj = _relcl_antecedent(verb)
            if subj is not None and subj.dep_ == "pobj" and subj.head.lower_ == "by":
                subj = subj.head.head  # "a post by the minister, which targeted": the parser takes the minister
        return subj is not None and subj.lemma_.lower() in LEXICON.document_nouns

    def _held(self, verb: Token) -> tuple[list[str], list[str], bool]:
        """"Mhlanga has been in custody since Feb. 24", "remains in pretrial detention": the subject is
        held by whoever holds people (coder.yaml enforcers: the authorities), of the state the sentence
        places it in, else of the document's setting."""
        targets = self._agent(_child(verb, {"nsubj"}), True)
        holder = self._enforcer(self.doc[verb.i], self._state_of_place(verb), "detention")
        return ([holder], targets, False) if holder and targets else ([], [], False)

    def _person(self, actor_id: str) -> bool:
        """A person: one the base or the document knows as such, or a kind of official ("ministers")."""
        actor = self._known(actor_id)
        return actor.type == "person" if actor is not None else _sector(actor_id) in {"GOV", "LEG", "DIP"}

    def _armed_body(self, actor_id: str) -> bool:
        """Forces or an armed group, not an official: "Russian military instructors", "Wagner fighters" (a
        defence minister, a person, still visits)."""
        actor = self._known(actor_id)
        kind = actor.type if actor is not None else "generic"
        return _sector(actor_id) in _ARMED and kind in {"generic", "group", "organisation"}

    def _owned_thing(self, verb: Token) -> bool:
        """The passive's subject names whose it is ("Russia's ambassador was recalled", "Russian aid was
        delivered"): its owner, not the release's issuer, did it."""
        thing = _child(verb, {"nsubjpass"})
        return thing is not None and any(
            c.dep_ == "poss" or c.dep_ in {"amod", "compound"} and self._demonym(c) for c in thing.children)

    def _plural_subject(self, verb: Token) -> bool:
        """The verb's subject, through conjoined verbs, is a plural reference to the sides of talks
        ("the sides", "the leaders", "they")."""
        node = verb
        for _ in range(4):
            subject = _nearest_subject(node)
            if subject is not None:
                return self._is_plural_ref(subject)
            if node.dep_ not in {"conj", "xcomp"}:
                return False
            node = node.head
        return False

    def _verb_roles(self, verb: Token, p: VerbPattern) -> tuple[list[str], list[str], bool]:
        passive = (any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or _participle(verb)) \
            and not p.stative
        targets: list[str] = []
        if passive:
            agent = _child(verb, {"agent"})
            sources = self._agent(_child(agent, {"pobj"}), generic=True) if agent is not None else []
            by = _child(agent, {"pobj"})
            # "fire" is an attack only when someone's ("by Azerbaijani fire"); a fire alone may be a blaze
            owned_fire = by is not None and by.lemma_.lower() == "fire" and self._affiliation(by, 1) is not None
            if by is not None and (by.lemma_.lower() in self.book.instruments or owned_fire) \
                    and "17" <= p.code[:2] <= "20" and not self.actors(by):
                # "killed by a roadside bomb outside Basra": the bomb's owner, else the state of the place
                owner = self._affiliation(by, 1) or next(iter(self.actors(_child(by, {"poss"}))), None)
                sources = [owner or self._state_of_place(verb) or _UNKNOWN]
            if agent is None and verb.lemma_.lower() in _SUMMONS:
                # "Ozerov was summoned to the Moldovan Foreign Ministry": the body he was summoned to
                sources = [a for t in _prep_objects(verb, "to") for a in self._agent(t, generic=True)]
            if agent is None and p.symmetric and (self._impersonal(verb) or p.code.startswith("04")
                                                  and self._topic_passive(verb)) and self._talks_near():
                # "It was agreed to maintain dialogue", "The state of Russia-US relations was discussed":
                # a readout's agreement or discussion is the sides' of its talks
                return self.state.last_meeting[:1], self.state.last_meeting[1:2], passive
            if p.patient_source and agent is None:
                # "the guerrillas have been demobilized": the patient is the one who yields
                return self._agent(_child(verb, {"nsubjpass"}), generic=True), [], passive
            if "dobj" in p.targets:
                # "A researcher in Prague, Samadov was detained": of two subjects, the one next to the verb
                patient = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubjpass"), None)
                targets = self._target_actors(patient) if patient is not None else []
                if _participle(verb):
                    # "protesters detained by police": the noun it modifies; "Those detained included X"
                    targets = [a for t in _included(verb.head) for a in self._target_actors(t)]
                    if not targets:
                        return [], [], passive  # a thing described: "teargas fired by the police"
            if agent is None and p.code[:2] == "17" and targets and self._enforcer_speaking(verb):
                # "Police said 20 people were arrested": those who report an arrest made it
                sources = [self._frame_of(verb).speaker[0]]  # type: ignore[union-attr]
            elif agent is None and not sources and ("17" <= p.code[:2] <= "20" or p.code[:2] in {"09", "11"}) \
                    and targets:
                # "three soldiers were killed in a bombing", "X has been accused of": the agent is unknown
                # the attacker is unknown; a violent or coercive act is coded by the state it happened in
                violent = "17" <= p.code[:2] <= "20"
                place = self._state_of_place(verb) if violent else None
                owner = self._attack_owner(verb) if violent else None
                # a killing with no agent after an attacker was named: that attacker ("Israeli jets struck
                # Sanaa ... al-Rahawi was killed in the strike")
                attacker = self.state.attacker if p.code[:2] in {"18", "19", "20"} else None
                # the same act told again is its known doer's ("Police detained dozens ... Those detained
                # included"), else whoever does such acts (coder.yaml enforcers: the authorities arrest)
                patient = verb.head if _participle(verb) else _child(verb, {"nsubjpass"})
                told = self.state.acts.get(act_kind(verb.lemma_.lower())) \
                    if p.code[:2] == "17" and patient is not None and patient.lower_ in {"those", "they"} else None
                # an investigation "in Poland" is the Polish authorities'
                enforcer = self._enforcer(verb, place if violent else self._state_of_place(verb))
                sources = [owner or told or enforcer or attacker or place or _UNKNOWN]
        elif p.stative:
            # "X is opposed to": the subject, which the parser may hang on the auxiliary
            subj = _child(verb, {"nsubj", "nsubjpass"}) or _child(_child(verb, {"auxpass", "aux"}), {"nsubj"})
            sources = self._agent(subj, generic=True)
        else:
            sources = self._subject_actors(verb, generic=True)
            if not sources and "17" <= p.code[:2] <= "20":
                sources = self._instrument_agent(verb)
            if not sources and p.code.startswith("04") and self._meeting_subject(verb) and self._talks_near():
                # "The meeting discussed foreign investment in Syria": the sides of the talks just told
                return self.state.last_meeting[:1], self.state.last_meeting[1:2], passive
        obj = _object(verb)
        if not targets and p.code[:2] in _VERDICT_ROOTS and obj is not None \
                and obj.lemma_.lower() in LEXICON.patient_acts and not _prep_said(verb, p):
            # "welcomed the release of political prisoners in Belarus": a verdict on what was done to
            # someone falls on whoever did it, never on the ones it was done to
            targets = self._doer(obj) or self._act_referred(obj, sources, definite=False) or \
                self._act_enforcer(obj, sources) or self._state_named_in(verb, self._own_states(sources), p.code)
            return sources, [t for t in targets if t not in sources], passive
        for path in p.targets:
            if targets:
                break
            targets = [a for t in _path(verb, path) for a in self._target_actors(t, p.code[:2] in _VERDICT_ROOTS)]
        targets = [t for t in targets if t not in sources]
        if sources == [_UNKNOWN] and not targets and not passive:
            return [], [], passive  # an unknown attacker of no one named is no event
        if passive and not sources and targets and p.code[:2] in _ISSUED_ROOTS and self.state.issuer \
                and _child(verb, {"agent"}) is None and self._frame_of(verb) is None and not self._owned_thing(verb) \
                and not any(t.lower_ in {"according", "reportedly", "allegedly"} for t in self.tokens):
            # a government's or an IGO's own release tells its own sanctions and aid in the passive:
            # "Visa restrictions were imposed on 12 officials", "aid will be provided to Sudan"
            sources = [self.state.issuer]
        return sources, targets, passive

    def _attack_owner(self, verb: Token) -> str | None:
        """"were killed in overnight airstrikes staged by the Israeli army", "killed in an Israeli strike":
        the one whose attack the passive's "in" phrase names (by its "by" phrase, possessive or demonym)."""
        for attack in _prep_objects(verb, "in"):
            if attack.lemma_.lower() not in self.book.instruments:
                continue
            found = self._doer(attack) or self.actors(_child(attack, {"poss"}))
            if not found:
                owner = self._affiliation(attack, 1)
                found = [owner] if owner else []
            if found:
                return found[0]
        return self._striking_clause_subject(verb)

    def _striking_clause_subject(self, verb: Token) -> str | None:
        """"Three soldiers were killed when rebels attacked their convoy", "when police opened fire": the
        armed subject of a "when" or "as" clause of force beside the passive (a verb the pattern book
        has for force)."""
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(c.dep_ == "advmod" and c.lower_ in {"when", "as"} or
                                                 c.dep_ == "mark" and c.lower_ in {"when", "as"}
                                                 for c in clause.children):
                continue
            if not any(p.code[:2] in _FORCE_ROOTS for p in self.book.verbs.get(clause.lemma_.lower(), ())):
                continue
            found = [a for a in self._subject_actors(clause, generic=True)
                     if _sector(a) in _ARMED | {"COP"} and a != _UNKNOWN]
            if found:
                return found[0]
        return None

    @staticmethod
    def _impersonal(verb: Token) -> bool:
        """A passive with the empty "it" as its subject: "It was agreed to ...", "it was agreed that"."""
        subject = _child(verb, {"nsubjpass"})
        return subject is not None and subject.lower_ == "it" and any(
            c.dep_ in {"xcomp", "ccomp"} for c in verb.children)

    def _meeting_subject(self, verb: Token) -> bool:
        """The verb's subject is a meeting that names no one ("The meeting discussed ...", "The talks
        focused on ...")."""
        subject = _child(verb, {"nsubj"})
        return subject is not None and subject.lemma_.lower() in LEXICON.meeting_nouns and not self.actors(subject)

    def _topic_passive(self, verb: Token) -> bool:
        """A passive whose subject is what was talked about, no actor: "Pressing items on the agenda were
        discussed in detail" (not "Lukashenko was met at the airport")."""
        subject = _child(verb, {"nsubjpass"})
        return subject is not None and subject.pos_ == "NOUN" and not self.actors(subject) \
            and not self.c.agents.sector_of(subject)

    def _talks_near(self) -> bool:
        """Talks between two sides told in this sentence or the two before it, or in the lede, which
        makes the document a readout of them ("Putin had a telephone conversation with Macron ...")."""
        return len(self.state.last_meeting) >= 2 and (
            self.index - self.state.last_meeting_sentence <= 2 or self.state.last_meeting_sentence <= 1)

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
        obj = _object(verb)
        if code == "016" and obj is not None and obj.lemma_.lower() in _CHARGES:
            # "dismissed accusations it is getting weapons from North Korea": the accuser, not North Korea
            return self._accuser(obj, sources)
        candidates = list(_target_candidates(verb, 0))
        if obj is None:
            # "detaining and dragging demonstrators": conjoined verbs share the last one's object
            candidates += [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           for o in [_object(c)] if o is not None]
        if code[:2] in _SPEECH_ROOTS:
            candidates += [s for c in verb.children if c.dep_ == "ccomp" for s in [_child(c, {"nsubj"})] if s]
        own = self._own_states(sources)
        for token in candidates:
            if _is_outlet(token):
                continue  # "announced the truce on Geo News", "told Reuters": the medium, not the partner
            if token.i in self.consumed and code[:2] in _FORCE_ROOTS:
                continue  # a use of force's own object is the weapon, not whom it hits: "launched a drone"
            kind = self.c.agents.sector_of(token)
            if code[:2] in _SENDING_ROOTS and token.dep_ == "dobj" and kind and kind[1] in {"MIL", "COP"}:
                continue  # "deployed troops in Hebron", "sent troops to Kirkuk": the troops are what is sent
            found = self.actors(token)
            if not found and token.pos_ == "NOUN" and kind:
                found = self._generic(token)
            if not found and token.dep_ == "pobj" and token.head.lower_ == "to":
                found = self._place_state(token, gazetteer=True)  # "sent troops to Kabul"
            if not found and token.ent_type_ in {"PERSON", "ORG", "NORP"}:
                found = self._generic(token)  # a person or body the base does not know ("President Mugabe")
            found = [a for a in found if a not in sources and a != _UNKNOWN]
            if code[:2] == "16":
                # "recalled its ambassador for consultations": relations are cut with another, never with
                # the source's own envoy or organ
                found = [a for a in found if self._other_camp(a, sources[0])]
            if found:
                return found
        if code[:2] == "14":
            found = self._protested(verb, sources)
            if found:
                return found
        if code[:2] not in _TOPIC_ROOTS:
            # force and protest at home are done to one's own state ("the Sri Lankan army shelled rebel
            # positions near Jaffna"); anything else done to one's own state names no partner
            found = [s for s in self._state_named_in(verb, set() if code[:2] in _DOMESTIC_ROOTS else own, code)
                     if s not in sources]  # "Latvia imposed a curfew in Riga": no target, not itself
            if found or code != "016":
                return found
            # "India blames it on Pakistan, which denies the charge": a denial answers its accuser
            return self._last_accuser(sources)
        return []

    def _protested(self, verb: Token, sources: list[str]) -> list[str]:
        """Whom a protest is against when no preposition says it: the actor its demands name ("staged
        a hunger strike to demand the resignation of President X", "rioted calling for the removal of
        President Y", "in protest of the Russian government's refusal"), nearest the verb first."""
        subject = _subject_tokens(verb)
        for token in sorted((t for t in verb.subtree if t.i not in subject and t.i != verb.i
                             and self.resolved.mention_at(t) is not None), key=lambda t: abs(t.i - verb.i)):
            found = [a for a in self.actors(token) if a not in sources and not a.startswith("?")]
            if found:
                return found[:1]
        return []

    def _state_named_in(self, verb: Token, own: set[str], code: str) -> list[str]:
        """The state an act with no named partner is done in or to: first "in X" on the verb or its
        object ("deployed troops in Mali"), then the state nearest the verb among the places its phrase
        names ("called for the release of all political prisoners in Nicaragua", "agreed to provide aid
        for Romania"); never the subject's places nor the actor's own state."""
        obj = _object(verb)
        near = _prep_objects(verb, "in") + (_prep_objects(obj, "in") if obj is not None else [])
        subject = _subject_tokens(verb)
        if code[:2] == "01" and (obj is None or obj.lemma_.lower() in _SPEECH_NOUNS):
            # "issued a statement in Brussels" says where it was said; "a statement on the anniversary of
            # the election in Belarus" what it is about; "denied meddling in Moldova" what is denied
            subject |= {t.i for t in near}
            near = []
        places = sorted((t for t in verb.subtree if t.ent_type_ == "GPE" and t.i not in subject
                         and t.dep_ in _PLACE_ROLES), key=lambda t: abs(t.i - verb.i))
        for token in near + places:
            states = [a for a in self.actors(token) or self._place_state(token, gazetteer=True)
                      if self._is_state(a) and a not in own]
            if states:
                return states[:1]
        # then a demonym of what the object's phrase is about: "intensified attacks on key facilities for
        # the export of Ukrainian grain"
        adjectives = sorted((t for t in (obj.subtree if obj is not None else ()) if t.dep_ == "amod"
                             and t.i not in subject), key=lambda t: abs(t.i - verb.i))
        states = [s for t in adjectives for s in [self._demonym(t)] if s and self._is_state(s) and s not in own]
        return states[:1]

    def _act_referred(self, obj: Token | None, sources: list[str], definite: bool = True) -> list[str]:
        """Whose act a verdict's definite object is: the one who did the act the document last told
        with that word ("China launched exercises ... The United States condemned the exercises"), or,
        for "the move", "the decision", the last act told; never the judge's own side."""
        if obj is None or obj.pos_ != "NOUN" or definite \
                and not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in obj.children):
            return []
        poss = _child(obj, {"poss"})
        if poss is not None and not (poss.pos_ == "PRON" and obj.lemma_.lower() in LEXICON.patient_acts):
            return []  # "Russia's exercises" are Russia's; but "his detention" is what was done to him
        lemma = obj.lemma_.lower()
        doer = self.state.acts.get(act_kind(lemma)) or (self.state.last_act if lemma in LEXICON.act_nouns else None)
        if doer is None or doer in sources or self._country_of(doer) in self._own_states(sources):
            return []
        return [doer]

    def _enforcer(self, verb: Token, state: str | None, act: str | None = None) -> str | None:
        """Who does what the passive leaves without an agent, when the act says it: "was arrested" by
        police, "was sentenced" by a court (placed in ``state``, else later by the document's setting);
        ``act`` names the act when the verb does not ("is in detention")."""
        word = LEXICON.enforcers.get(act or verb.lemma_.lower())
        sector = self.c.agents.terms.get(word) if word else None
        return GenericAgent(word, sector, state).raw_id() if word and sector else None

    def _sentence_voice(self) -> _Frame | None:
        """Who says a sentence no reporting verb frames: the speaker of the quote it stands in, else the
        issuer of a government's or IGO's release, which speaks in its own sentences ("The Government
        of Rwanda must immediately withdraw ..." in the UK's statement)."""
        speaker = self.state.quote_speakers.get(self.index)
        if speaker is None and self.state.issuer is not None and self.state.voice is not None \
                and self._issuer_side(self.state.voice):
            speaker = self.state.voice
        return _Frame(speaker=[speaker], via=[]) if speaker else None

    def _enforcer_speaking(self, verb: Token) -> bool:
        """The clause is reported by police, security forces, the military, a court or a ministry."""
        frame = self._frame_of(verb)
        if frame is None or not frame.speaker:
            return False
        speaker = frame.speaker[0]
        if speaker.startswith("?"):
            return _sector(speaker) in {"COP", "MIL", "GOV", "JUD", "SPY"}
        actor = self._known(speaker)
        if actor is None or actor.type == "state" or not actor.code:
            return False
        return actor.code.split(".")[-1] in {"GOV", "COP", "MIL", "JUD", "SEC", "SPY"}

    def _instrument_agent(self, verb: Token) -> list[str]:
        """"A roadside bombing killed ...", "an explosion wounded ...", "an attempt to assassinate X":
        the subject is the attack itself, not an actor; its owner ("Israeli air strikes") or an
        unknown attacker is the source."""
        found = self._instrument_owner(verb)
        if found is None:
            return []
        # "Today's heinous missile attack on a market ... killed 16 people" after Russia's attacks were
        # told: the attacker the document last named
        return [found or self.state.aggressor or self._state_of_place(verb) or _UNKNOWN]

    def _instrument_owner(self, verb: Token) -> str | None:
        """The owner the words give the attack that is a clause's subject ("Israeli air strikes", "the
        army's shelling", "an attack by militants"): "" when the subject is an attack no one is said to
        own, None when it is no attack."""
        node = verb
        while _nearest_subject(node) is None and node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        subj = _nearest_subject(node)
        if subj is None and node.dep_ == "acl" and node.tag_ == "VB":
            subj = node.head  # "an attempt to assassinate the governor"
        if subj is not None and subj.lower_ in {"that", "which"} and node.dep_ == "relcl":
            subj = _relcl_antecedent(node)  # "the mortar attack against the camp that killed"
        if subj is None or subj.lemma_.lower() not in self.book.instruments:
            return None
        return self._owner_of_attack(subj) or ""

    def _owner_of_attack(self, attack: Token) -> str | None:
        """Whose an attack is by its words: a demonym or name on it, its owner, or its "by" phrase."""
        return self._affiliation(attack, 1) or next(iter(self.actors(_child(attack, {"poss"}))), None) or next(
            (a for t in _prep_objects(attack, "by") for a in self._agent(t, True)), None)

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

    def _named_members(self, token: Token) -> list[str]:
        """The actors a plural target names as its members: "met with a broad range of government
        officials, including President Aoun, Speaker Berri and Prime Minister Diab" met each of them."""
        if token.lemma_.lower() in _QUANTITIES:
            token = next(iter(_prep_objects(token, "of")), token)  # "a range of officials"
        if token.tag_ not in {"NNS", "NNPS"}:
            return []
        found: list[str] = []
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"including", "like"}):
            # each name of the list, however the parser hangs it ("President Aoun, Speaker of Parliament
            # Berri and Prime Minister Hassan Diab": an apposition, its "of" object, a conjunct)
            for t in prep.subtree:
                if t.pos_ == "PROPN" and t.dep_ in {"pobj", "appos", "conj"}:
                    found += [a for a in self.actors(t) if a not in found]
        return found

    def _target_actors(self, token: Token, doers: bool = False) -> list[str]:
        """A target, or the owner of the act named ("condemned Russia's attack" → Russia); with
        ``doers`` (verdicts), also the one an act is by ("condemned bombardments by the army"); what
        else is done to an act by X is not done to X ("revoked the decision by Biden to remove Cuba")."""
        found = self._named_members(token) or self.actors(token)
        if not found and token.pos_ == "NOUN":
            found = self.actors(_child(token, {"poss"})) or (self._doer(token) if doers else [])
        if not found and token.pos_ in {"NOUN", "PROPN"} and (self.c.agents.sector_of(token) or _addressees(token)):
            # "killed 46 Afghan civilians": Afghan civilians, AFG.CVL; "summoned the Rwandan High
            # Commissioner": an envoy of Rwanda, not Rwanda itself
            found = self._generic(token)
        if not found and token.pos_ in {"NOUN", "PROPN"}:
            owner = self._affiliation(token, 1)
            found = [owner, *self._conjoined_owners(token, owner)] if owner else []
        if not found and token.dep_ == "pobj" and token.head.lower_ in {"in", "to"}:
            found = self._place_state(token)  # "arrived in Amman on a visit": the state of its capital
        if not found and token.dep_ == "dobj" and (token.ent_type_ == "GPE" or token.pos_ == "PROPN"):
            found = self._place_state(token, gazetteer=True)  # "attacked Kharkiv": the state of the city
        if not found and token.pos_ == "NOUN":
            # "detained dozens of protesters", "fired on civilians": a kind of actor as the target
            inner = next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj"), None)
            head = inner if token.lemma_.lower() in _QUANTITIES | {"dozen", "scores", "hundreds"} and inner else token
            if self.c.agents.sector_of(head):
                found = self._generic(head)
        if found:
            # "met Borrell and the foreign ministers of Germany and France": each conjunct is a target too
            for conj in (c for c in token.children if c.dep_ == "conj"):
                found += [a for a in self._target_actors(conj, doers) if a not in found
                          and (not a.startswith("?") or raw_country(a))]  # (a kind placed nowhere adds nothing)
        return found

    def _author(self, subject: Token) -> list[str]:
        """The author a written statement acts for: "a report by a US monitoring group accused
        Eritrea", "the ministry's statement condemned", "a letter from 40 lawmakers urged"."""
        if subject.lemma_.lower() not in LEXICON.document_nouns:
            return []
        authors = _prep_objects(subject, "by") + _prep_objects(subject, "from") + [
            c for c in subject.children if c.dep_ == "poss"]
        return [a for t in authors for a in self._agent(t, True)][:1]

    def _conjoined_owners(self, token: Token, owner: str) -> list[str]:
        """The states of demonyms or state names conjoined to the one that gave a noun its owner: "entered
        Polish and Romanian airspace" is done to Poland and to Romania; "Cameroon and C.A.R. officials"
        are each state's."""
        found: list[str] = []
        for mod in token.children:
            if mod.dep_ in {"amod", "compound", "nmod"} and self._state_named(mod) == owner:
                found += [s for c in mod.children if c.dep_ == "conj" for s in [self._state_named(c)]
                          if s and s != owner and s not in found]
        return found

    def _release_asked(self, verb: Token) -> Token | None:
        """The release an appeal asks for when it names no addressee: "called for the release of X",
        "urges the immediate release of X" (not "called on Belarus to release X")."""
        if any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in verb.children):
            return None
        obj = _child(verb, {"dobj"})
        asked = [obj] if obj is not None else _prep_objects(verb, "for")
        return next((t for t in asked if _is_release(t)), None)

    def _captor_of(self, release: Token, sources: list[str]) -> str | None:
        """Who holds the ones a release is asked for: the doer its phrase names ("women human rights
        defenders detained by the Taliban"), else the state they are held in ("political prisoners in
        Belarus"), else their own state ("Ales Bialiatski": Belarus); never the one asking's own side."""
        held = _released(release)
        own = self._own_states(sources)
        by = [p for person in held for c in person.subtree if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        found = [a for t in by for a in self._agent(t, generic=True)]
        places = [t for person in held for c in person.subtree if c.dep_ == "prep" and c.lower_ == "in"
                  for t in c.children if t.dep_ == "pobj"]
        found += [s for t in places for s in self._place_state(t)]
        found += [s for person in held for a in self.actors(person) for s in [self._country_of(a)] if s]
        return next((a for a in found if a not in sources and a not in own and not self._own_states([a]) & own), None)

    def _holder(self, release: Token) -> str | None:
        """Whoever holds people, for a release asked of no one the sentence names ("calling for the release
        of journalist Bekalu Alamirew"): the authorities (coder.yaml enforcers), placed by the document."""
        return self._enforcer(release, None, "detention") if _released(release) else None

    def _doer(self, act: Token) -> list[str]:
        """Who did the act a noun names, by its "by" phrase: "condemned bombardments by the Sudanese
        Armed Forces", "criticized the report by NGO The Sentry", "the advances made by M23"."""
        phrases = (_act_by_phrases(act.head, act) if act.dep_ == "dobj" else _prep_objects(act, "by")) + [
            p for c in act.children if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if act.lemma_.lower() in _SAID_OR_DECIDED:
            # "dissatisfaction with the remarks of the French president": what is said or decided is the
            # speaker's ("the occupation of Crimea" is not the occupier's by its "of")
            phrases += _prep_objects(act, "of")
        # the first "by" phrase, its conjuncts included: "the efforts by the United States and Guatemala"
        return next((found for t in phrases for found in [self._agent(t, True)] if found), [])

    def _subject_actors(self, verb: Token, generic: bool = False) -> list[str]:
        """The subject of a verb, inherited through conjunctions, infinitives and relative clauses;
        with ``generic``, an agent the base does not know stands as a generic actor."""
        node = verb
        for _ in range(5):
            subj = _nearest_subject(node)
            if subj is not None:
                if subj.lower_ in {"that", "which", "who"} and node.dep_ == "relcl":
                    return self._agent(_relcl_antecedent(node), generic)
                found = self._agent(subj, generic) or self._author(subj)
                if not found and generic and subj.lower_ in _PERSONAL and not self._quoted_other(subj):
                    found = self._reporter(node) or self._titled_protagonist(subj)
                if not found and subj.lower_ in {"we", "i"}:
                    found = self._voice(singular=subj.lower_ == "i")
                return found
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ in {"NOUN", "PROPN"}:
                found = self._agent(node.head, generic) or self._author(node.head)  # "demonstrators protesting"
                governor = _thing_governor(node.head) if not found else None
                if governor is None or governor.lemma_.lower() not in LEXICON.issuing_verbs \
                        or any(c.dep_ == "neg" for c in governor.children):
                    # "vetoed a resolution condemning the invasion": who vetoes it condemns no one
                    return found
                # a participle on a thing tells what the clause's doer does by it: "sent an open letter
                # ... calling for urgent action", "gathered in rallies backing the soldiers"; "statements
                # denouncing the attacks were issued by X": X
                if node.head.dep_ == "nsubjpass":
                    agent = _child(governor, {"agent"})
                    return self._agent(_child(agent, {"pobj"}), generic) if agent is not None else []
                node = governor
                continue
            if node.dep_ == "acl" and node.tag_ == "VBD" and node.head.dep_ == "ROOT" and node.head.pos_ == "PROPN":
                # "Licadho, a local rights group, called on ...": the parser hangs the main verb on the
                # name it takes for the sentence's head; a past tense is no reduced relative
                return self._agent(node.head, generic)
            raised = _child(node.head, {"nsubjpass"}) if node.dep_ == "xcomp" else None
            if raised is not None:
                return self._agent(raised, generic)  # "A and B are expected to meet", "police were seen detaining"
            # ("summoned X to lodge a protest": the one who summons lodges it)
            controller = self.actors(_child(node.head, {"dobj"})) \
                if node.dep_ == "xcomp" and node.head.lemma_.lower() not in _SUMMONS else []
            if controller:
                # "urged the UNHCR to keep": the object controls the infinitive; an object that is a
                # thing does not ("used teargas to disperse demonstrators": the police disperse them)
                return controller
            completed = _to_completed(node)
            if completed is not None and completed.lower_ in self.book.modality.heads:
                node = completed  # "Japan is committed to supporting", "remains committed to working"
                committed = _child(node, {"nsubjpass"})
                if committed is not None:
                    return self._agent(committed, generic)
                continue
            if node.dep_ == "pcomp" and node.head.head.pos_ == "ADJ" and node.head.head.dep_ == "acomp":
                node = node.head.head  # "X is guilty of violating", "X is responsible for killing"
                continue
            if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ in _WHEN_PREPS \
                    and node.head.dep_ == "prep" and node.head.head.pos_ in {"VERB", "AUX"}:
                node = node.head.head  # "After meeting Lukashenko, Cole said": the clause's subject
                continue
            if node.dep_ == "conj" and node.tag_ == "VBD" and _infinitive(node.head):
                # "the two sides reviewed ways to enhance cooperation and exchanged views": the parser joins
                # the past tense to the infinitive; it goes with the finite verb above it
                finite = _finite_above(node.head)
                if finite is not None:
                    node = finite
                    continue
            judged = self._judged_attack(node)
            if judged is not None:
                return judged
            if node.dep_ in {"conj", "xcomp", "advcl", "acomp"} and node.head.i != node.i:
                node = node.head  # "Syria is willing to withdraw": through the adjective
                continue
            return self._stranded_subject(verb) if node.dep_ == "ROOT" else []
        return []

    def _judged_attack(self, node: Token) -> list[str] | None:
        """"The chairperson strongly condemns two attacks ..., killing more than 29 people": a participle of
        force after a verdict on an attack is the attack's, its named owner's or an unknown attacker's,
        never the judge's (but "Israel launched airstrikes on Gaza, killing 20" is Israel's). None when
        the participle hangs on no verdict."""
        if node.dep_ != "advcl" or node.tag_ != "VBG" or node.head.pos_ != "VERB":
            return None
        own = self._fitting(node)
        if not own or not "18" <= own[0].code[:2] <= "20":
            return None
        attack = _child(node.head, {"dobj"})
        fits = self._fitting(node.head)
        if attack is None or attack.lemma_.lower() not in self.book.instruments or not fits \
                or fits[0].code[:2] not in _VERDICT_ROOTS | {"01"}:
            return None
        return [self._owner_of_attack(attack) or _UNKNOWN]

    def _titled_protagonist(self, pronoun: Token) -> list[str]:
        """"The Secretary-General condemns the attack ... He conveys his condolences": "he" or "she" is
        the last actor to act when that actor is one known only by a title the document never names."""
        last = self.state.protagonist
        if pronoun.lower_ not in {"he", "she"} or last is None or not last.startswith("?"):
            return []
        name = parse_raw_id(last)[0]
        return [last] if self.c.refs.title_key(name.split()) is not None else []

    def _stranded_subject(self, verb: Token) -> list[str]:
        """A main verb the parser left without a subject ("On February 23 the Deputy Minister ...,
        Igor Sekreta, addressed"): the person named just before it, with no other verb between. A verb the
        parser hung on another clause, or a past participle with no auxiliary, has none: the name before it
        is whom it was done to ("the execution of X and Y arrested and sentenced to death", "Opposition
        leader arrested in Minsk")."""
        if verb.dep_ not in {"ROOT", "conj"} or verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            return []
        for token in reversed(self.doc[self.sent.start : verb.i]):
            if token.pos_ in {"VERB", "AUX"} and token.head.i != verb.i:
                return []  # another clause's verb ("have" in "have agreed" is this verb's own)
            if token.head.i == verb.i and token.dep_ in {"aux", "auxpass", "neg", "advmod"}:
                continue
            mention = self.resolved.mention_at(token)
            if mention is not None and mention.kind in {"name", "initial", "surname", "title", "pronoun"}:
                actors = self._mention_actors(mention)
                if actors and all(a in self.resolved.person_ids for a in actors):
                    return actors
            if token.dep_ == "conj" and token.head.dep_ == "pobj" and token.pos_ in {"NOUN", "PROPN"}:
                # "With the signing of a memorandum, the government and the rebels have agreed": the
                # parser joined the subject to the fronted phrase; its conjoined agents are the subject
                agents = self._agent(token, True)
                if agents:
                    return agents
        return []

    def _verb_code(self, verb: Token, p: VerbPattern, obj: Token | None) -> str:
        if obj is not None:
            for mod in obj.children:
                if mod.dep_ in {"amod", "compound"} and mod.lemma_.lower() in p.object_mod_code:
                    return p.object_mod_code[mod.lemma_.lower()]
            word = _hyphenated_lemma(obj)
            if word in p.object_code:
                return p.object_code[word]
        if p.intent_for:
            for child in verb.children:
                if child.dep_ == "xcomp" and _is_consult(child, self.book):
                    return p.intent_for
        return p.code


def _background_state(verb: Token) -> bool:
    """A participle that describes the people it follows, with no doer named: "political prisoners
    detained in Belarus", "journalists jailed for their work" (not "an activist detained by police")."""
    # "Those detained included X" tells it; "reports that the RSF have razed villages" is a clause of its own
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"} \
        and not any(c.dep_ in {"agent", "nsubj", "aux", "auxpass"} for c in verb.children)


def _thing_governor(noun: Token) -> Token | None:
    """The verb whose object, prepositional object, time adverbial or passive subject ``noun`` is (through
    a chain of prepositions), or None: the clause a participle on that thing belongs to."""
    node = noun
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i != node.head.i:
        node = node.head.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    if node.dep_ in {"dobj", "npadvmod", "nsubjpass"} and node.head.pos_ in {"VERB", "AUX"}:
        return node.head
    return None


def _is_outlet(token: Token) -> bool:
    """A news outlet of ``data/outlets.yaml`` named by the token's entity ("Geo News", "Reuters")."""
    if token.ent_type_ not in {"ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART", ""} or token.pos_ != "PROPN":
        return False
    ent = entity_at(token)
    return OutletBook.load().named(ent.text if ent is not None else token.text) is not None


def _act_by_phrases(verb: Token, obj: Token) -> list[Token]:
    """The "by" phrases that name who did a condemned act. The parser often hangs "by" on the verb
    ("condemned the bombardment by the Sudanese Armed Forces") or on a participle beside the object
    ("condemn reported bombardments ... by the SAF"); an active verb has no agent of its own, so such a
    phrase is the act's doer. A passive verb's "by" is its own agent ("was condemned by the EU")."""
    found = _prep_objects(obj, "by")
    if not found:
        # "bombardments in the region by the SAF", "the detentions of 22 UN personnel by the Houthis": the
        # parser hangs "by" on the noun of the place or of the ones the act was done to
        found = _by_inside(obj, (*_WHERE_PREPS, "of"))
    if found or _child(verb, {"nsubjpass"}) is not None:
        return found
    found = _prep_objects(verb, "by")
    for clause in verb.children:
        if clause.dep_ in {"advcl", "amod"} and clause.tag_ in {"VBN", "VBD"} \
                and _child(clause, {"nsubj", "nsubjpass"}) is None:
            found += _prep_objects(clause, "by")
    return [t for t in found if t.pos_ in {"PROPN", "NOUN"}]


def _ended(noun: Token) -> bool:
    """The noun is what its verb ends: "stop the repression", "put an end to these abuses"."""
    head = noun.head
    if head.dep_ == "prep" and head.lower_ == "to":
        # "put an end to": the parser hangs "to" on "end" or on "put"
        return head.head.lemma_.lower() == "end" or any(c.dep_ == "dobj" and c.lemma_.lower() == "end"
                                                      for c in head.head.children)
    return head.pos_ == "VERB" and head.lemma_.lower() in _ENDING and noun.dep_ == "dobj"


def _asked_to(verb: Token) -> bool:
    """The infinitive of someone asked or wanted to act: "called on him to condemn" (an object or "on"
    phrase before an xcomp), "expect the Prosecutor to issue" (a ccomp with its own subject and "to")."""
    if verb.dep_ == "xcomp" or verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                             for c in verb.children):
        # (the parser makes "call on Russia to reverse" an adverbial clause as often as a complement)
        return any(c.dep_ in {"dobj", "prep"} for c in verb.head.children if c.i < verb.i)
    return verb.dep_ == "ccomp" and _child(verb, {"nsubj"}) is not None and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _prep_said(verb: Token, p: VerbPattern) -> bool:
    """The pattern's own preposition names whom the act is put on, before any doer of its object: "the
    massacre of tourists by gunmen that India blames on Pakistan" is blamed on Pakistan."""
    return any(_path(verb, path) for path in p.targets if path.startswith("prep:"))


def _participle(verb: Token) -> bool:
    """A past participle modifying a noun ("protesters detained by police", "those arrested"): a passive
    whose patient is that noun; not a clause completing the noun ("reports that the RSF have razed")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children)


def _included(noun: Token) -> list[Token]:
    """Whom a noun a participle modifies stands for: itself, or what "those" or "people" include ("Those
    detained included X, Y and Z"; "Among those arrested were two journalists")."""
    if noun.lower_ not in {"those", "people", "others"}:
        return [noun]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "include":
        return [t for o in noun.head.children if o.dep_ == "dobj" for t in (o, *o.conjuncts)]
    if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_ == "be":
        return [t for o in noun.head.head.children if o.dep_ in {"nsubj", "attr"} for t in (o, *o.conjuncts)]
    return []


def _asks(verb: Token) -> bool:
    """The verb asks for something: an infinitive or clause ("called on X to stop", "called on X that"), a
    "for" phrase ("called on X for restraint"), or an infinitive on the one called on."""
    if any(c.dep_ in {"xcomp", "ccomp", "advcl"} or c.dep_ == "prep" and c.lower_ in {"for", "over"}
           for c in verb.children):
        return True
    if any(o.lemma_.lower() in _ASKED_IN for o in _prep_objects(verb, "in")):
        return True  # "called on President Ruto in a statement": an appeal made in it
    return any(c.dep_ in {"acl", "relcl"} or c.dep_ == "prep" and c.lower_ == "for"
               for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
               for o in p.children if o.dep_ == "pobj" for c in o.children)


def _pattern_object(verb: Token, p: VerbPattern) -> Token | None:
    """The verb's object; for a pattern that needs an object it does not take as its target, a thing done in
    the passive is the object it would be in the active ("sanctions were imposed on X", "military aid was
    delivered to Y": 072), not "X was met" (its subject is the one met), nor "the following statement was
    issued" (a release's heading)."""
    obj = _object(verb)
    if obj is None and p.objects is not None and "dobj" not in p.targets and not p.code.startswith("01"):
        obj = _child(verb, {"nsubjpass"})
    return obj


def _infinitive(verb: Token) -> bool:
    """A "to" infinitive: "ways to enhance"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _finite_above(verb: Token) -> Token | None:
    """The nearest finite verb governing ``verb`` (through nouns, relative clauses and infinitives)."""
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.tag_ in {"VBD", "VBZ", "VBP"}:
            return node
    return None


def _released(release: Token) -> list[Token]:
    """Those a release is asked for: its "of" phrase ("the release of X"), else its owner ("his release")."""
    return _prep_objects(release, "of") or [c for c in release.children if c.dep_ == "poss"]
