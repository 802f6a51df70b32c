"""Reporting frames: who speaks and through whom, and the accusations, appeals and hostile acts
inside what they say.

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence and its resolved
mentions; out: actor ids or ``RawEvent`` records added through ``self._add``.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.lexicon import LEXICON
from tidings.events.patterns import Accusation
from tidings.events.raw import RawEvent, _Frame
from tidings.events.syntax import (
    _PERSONAL,
    _PLACE_PREPS_IN,
    _SUBJ,
    _VICTIM_PREPS,
    _child,
    _content_tokens,
    _existential,
    _first,
    _is_saying,
    _nearest_subject,
    _nominal_content,
    _noun_evidence_end,
    _prep_objects,
    _sector,
    _target_candidates,
    _verb_evidence_end,
)
from tidings.ingest.outlets import OutletBook

__all__ = ["ReportingFrames"]

# plans and the verbs by which their makers adopt them (for hostile acts said to be planned)
_PLANS = frozenset({"plan", "plot", "scheme", "conspiracy", "attempt"})
_ADOPTING = frozenset({"agree", "approve", "adopt", "devise", "draft", "hatch", "prepare", "make", "have", "know",
                       "join", "endorse", "sign", "lead", "mastermind", "orchestrate", "organize", "organise"})
# relationships whose importance, said by one side, is an intent to cooperate with the other
_TIES = frozenset({"partnership", "alliance", "relations", "relationship", "cooperation", "ties", "friendship"})
# verbs whose subject is what an accusation noun as their object is about ("X poses a threat")
_POSING = frozenset({"pose", "present", "represent", "constitute"})
# verbs whose subject does the wrong an accusation noun as their object names ("X commits violations",
# "X is spreading disinformation", "X continues its aggression"); not verbs of judging or ending it
_PERPETRATING = frozenset({"commit", "perpetrate", "carry", "conduct", "wage", "spread", "launch", "unleash",
                           "continue", "intensify", "escalate", "step", "exert", "use", "employ", "pursue",
                           "practise", "practice", "orchestrate", "stage", "sponsor", "fuel", "incite", "sow"})


# the camps of outlets.yaml that are news organisations (a government's, an IGO's or an NGO's own site
# speaks for a body that accuses)
_NEWS_CAMPS = frozenset({"state-media", "ruling-party-media", "opposition-exile", "independent", "wire"})

# roots of acts that, told of another actor, accuse it: threats, force posture, coercion, assault, fighting
_HOSTILE_ROOTS = frozenset({"13", "15", "17", "18", "19", "20"})


class ReportingFrames:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.resolved``, ``self.state``, ``self.events``)."""

    # -- reporting frames ------------------------------------------------------------------
    def _find_frames(self) -> None:
        for token in self.tokens:
            if token.lemma_.lower() not in self.book.frames or token.pos_ not in {"VERB", "AUX"}:
                continue
            # the subject nearest the verb: a dateline may be parsed as a second one ("CHISINAU, Moldova
            # — (AP) — Moldova's Prime Minister Dorin Recean warned")
            subj = _nearest_subject(token) or _child(token, _SUBJ)
            node = token
            while subj is None and node.dep_ == "conj" and node.head.pos_ in {"VERB", "AUX"}:
                # "The Russian President mentioned measures ... and stressed the need to": the first
                # verb's subject frames what the conjoined one says
                node = node.head
                subj = _nearest_subject(node) or _child(node, _SUBJ)
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
            for fact in _facts_stated(token):
                # "stressed the fact that Ukrainian forces have been using ...", "pointed to the fact that":
                # the clause of "the fact" is what was said
                self.frames[fact.i] = frame
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
                if root.head.lemma_.lower() in self.book.accusing:
                    self._alleged(root, frame)

    def _scan_content(self, top: Token, frame: _Frame, anchor: Token) -> None:
        for token in _content_tokens(top):
            lemma = token.lemma_.lower()
            if token.pos_ in {"NOUN", "VERB"} and lemma in self.book.accusations:
                self._accusation(token, frame, top)
            elif token.pos_ == "NOUN" and lemma in self.book.appeals:
                self._appeal(token, frame)

    def _accusation_rule(self, noun: Token) -> Accusation | None:
        """The accusation a noun makes, if any: "violations"; "pressure" only with a word that makes it
        one ("illegal pressure"). Verbs are read as hostile acts instead."""
        rule = self.book.accusations.get(noun.lemma_.lower())
        if noun.pos_ != "NOUN" or rule is None:
            return None
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound"}}
        return None if rule.needs_modifier and not (mods & rule.needs_modifier) else rule

    def _accusation(self, noun: Token, frame: _Frame, top: Token) -> None:
        rule = self._accusation_rule(noun)
        if rule is None:
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
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _POSING:
            # "Novaya Gazeta Europe's activities present a threat", "the U.S. poses a serious threat": the
            # subject, or the one whose acts the subject is
            subj = _child(noun.head, {"nsubj"})
            # ... or the doer of the act that the subject names: "the attacks carried out by Israel
            # constitute a blatant violation"
            found = (self.actors(subj) or self.actors(_child(subj, {"poss"})) or self._doer(subj)) \
                if subj is not None else []
            if found:
                return found
        for mod in noun.children:
            state = self.c.kb.demonym(mod.text) if mod.dep_ == "amod" else None
            if state:
                return [state]  # "the Russian aggression"
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _PERPETRATING and not _claimed(noun.head):
            found = [a for a in self._subject_actors(noun.head) if not a.startswith("?unknown")]
            if found:
                return found  # "Certain political forces in Armenia are spreading disinformation"
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
        speaker = frame.speaker[0]
        if self._ties_valued(noun, frame):
            return
        agents = self._appeal_agents(noun, speaker)
        for agent in agents:
            if agent in frame.speaker:
                continue
            self._add(RawEvent(self.index, noun.i, speaker, agent, "020", "appeal", noun.left_edge.i,
                               _noun_evidence_end(noun), speaker=speaker, via=_first(frame.via),
                               from_speech=True))

    def _ties_valued(self, noun: Token, frame: _Frame) -> bool:
        """"emphasized the continuing importance of the U.S.-Azerbaijani bilateral partnership": the
        importance of a relationship is an intent to cooperate (030) with the other side it names, or
        with the partner of the talks just told."""
        ties = next((t for t in _prep_objects(noun, "of") if t.lemma_.lower() in _TIES), None)
        if ties is None:
            return False
        speaker = frame.speaker[0]
        own = self._own_states([speaker])
        named = [s for t in ties.lefts for part in t.text.split("-") for s in [self._state_word(part)]
                 if s and s not in own and s != speaker]
        talks = self._partners([speaker])
        # the partner of the talks just told, when the words name that partner's state
        partners = [a for a in talks if self._country_of(a) in named[:1]] or named[:1] or talks
        for partner in partners:
            self._add(RawEvent(self.index, noun.i, speaker, partner, "030", "ties", noun.left_edge.i,
                               _noun_evidence_end(noun), speaker=speaker, via=_first(frame.via),
                               from_speech=True))
        return bool(partners)

    def _state_word(self, word: str) -> str | None:
        """The state a name or demonym written as part of a word stands for ("U.S.", "Azerbaijani")."""
        demonym = self.c.kb.demonym(word)
        if demonym:
            return demonym
        return next((a for a in self.c.kb.lookup(word) if self._is_state(a)), None) if len(word) > 1 else None

    def _appeal_agents(self, noun: Token, speaker: str) -> list[str]:
        """"the importance of the UNECE fulfilling", "of the firmness of NATO's members": the actor
        that must act, never an actor deeper in the object ("safeguarding the sovereignty of Belarus");
        else the one the needed act is done to ("the need to put pressure on Kiev"), else the state the
        need is in ("the importance of respect for human rights in Azerbaijan")."""
        return self._need_of(noun) or self._need_to(noun) or self._need_in(noun, speaker)

    def _need_to(self, noun: Token) -> list[str]:
        for act in (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"):
            for token in _target_candidates(act, 0):
                found = [a for a in self.actors(token) if not a.startswith("?")]
                if found:
                    return found[:1]
        return []

    def _need_in(self, noun: Token, speaker: str) -> list[str]:
        own = self._own_states([speaker])
        if not own:
            return []  # a speaker of no known state may speak of its own ("the minister ... in Spain")
        for token in noun.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in {"in", "around"} and token.ent_type_ == "GPE":
                # "around the Republic of Niger": the state in its "of" phrase
                named = self.actors(token) or self._place_state(token) or [s for s in [self._of_state(token)] if s]
                states = [a for a in named if self._is_state(a) and a not in own]
                if states:
                    return states[:1]
        return []

    def _need_of(self, noun: Token) -> list[str]:
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

    def _reports_only(self, speaker: str) -> bool:
        """A news outlet or agency tells of an act without accusing anyone of it ("Israeli forces detained
        16 Palestinians, according to WAFA", "the state news agency reported")."""
        actor = self.c.kb.get(speaker)
        if actor is not None:
            return (actor.code or "").endswith(".MED")
        if self._learned(speaker) is not None:
            return False  # a person or body the document named, not the outlet book's
        if _sector(speaker) == "MED":
            return True
        name = speaker.lstrip("?").split("#")[0]
        # a state's news agency is coded as the government's (PETRARCH2's "official news agency"), but
        # it still only reports
        words = name.lower().split()
        if any(self.c.agents.terms.get(" ".join(words[-k:])) == "MED" for k in (1, 2)):
            return True
        # a name only the outlet book knows: a news outlet's, not a ministry's, an IGO's or an NGO's site
        outlet = OutletBook.load().named(name)
        return outlet is not None and outlet.camp in _NEWS_CAMPS

    def _hostile_acts(self, root: Token, frame: _Frame) -> None:
        speaker = frame.speaker[0]
        if self._reports_only(speaker):
            return
        for token in _content_tokens(root, verbs=True):
            if token.pos_ != "VERB" or not (token.lemma_.lower() in self.book.hostile or self._hostile_pattern(token)):
                continue
            for agent in self._hostile_agents(token):
                if agent in frame.speaker or self._same_side(agent, speaker):
                    continue
                subj = _child(token, {"nsubj"}) or _child(token.head, {"nsubj"}) or token
                start = min(subj.left_edge.i, token.i)
                self._add(RawEvent(self.index, token.i, speaker, agent, self.book.hostile_code, "hostile-act",
                                   start, _verb_evidence_end(token), speaker=speaker, via=_first(frame.via),
                                   from_speech=True))

    def _hostile_agents(self, verb: Token) -> list[str]:
        """Who does a hostile act a speaker tells: the subject, the maker of a plan, or the named owner of
        an attack ("Israeli airstrikes killed five people"); in the passive, whoever its "by" phrase
        names ("were shot dead by Azerbaijani fire"), never those it was done to."""
        if _child(verb, {"nsubjpass", "auxpass"}) is not None:
            by = _child(_child(verb, {"agent"}), {"pobj"})
            if by is None:
                return []
            owner = self._affiliation(by, 1)
            return [a for a in self._agent(by, True) if not a.startswith("?unknown")] or ([owner] if owner else [])
        owner = self._instrument_owner(verb)
        subj = _nearest_subject(verb)
        if not owner and subj is not None and subj.lemma_.lower() in LEXICON.act_nouns:
            # "The actions by the Lukashenka regime threaten security", "Russia's actions undermine": the doer
            owner = next(iter(self._doer(subj) or self.actors(_child(subj, {"poss"}))), None)
        return self._subject_actors(verb) or self._planner(verb) or ([owner] if owner else [])

    def _hostile_pattern(self, verb: Token) -> bool:
        """A verb the pattern book codes as force, coercion or assault ("the army stopped a UN convoy at
        gunpoint", "the group fired rockets"): told by a speaker of another actor, an accusation."""
        subj = _child(verb, {"nsubj"})
        if subj is not None and subj.lower_ in {"it", "we", "i"}:
            return False  # "the government said it had detained seven mercenaries": its own act
        fits = self._fitting(verb)
        return bool(fits) and fits[0].code[:2] in _HOSTILE_ROOTS

    def _planner(self, act: Token) -> list[str]:
        """Who made a plan or plot whose act an infinitive names: "Bolsonaro knew and agreed to a plan to
        poison his successor", "the general hatched a plot to kill the president"; not who judged it
        ("condemned the plan to annex" is not a plan of the condemner)."""
        noun = act.head
        if act.dep_ != "acl" or noun.lemma_.lower() not in _PLANS:
            return []
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ADOPTING:
            return []
        return self._subject_actors(verb)

    def _alleged(self, root: Token, frame: _Frame) -> None:
        """"X alleged that Y ...": an accusation of Y, the subject of what is alleged."""
        speaker = frame.speaker[0]
        if self._reports_only(speaker) or any(e.trigger == root.i or e.code[:3] == self.book.hostile_code
                                              for e in self.events):
            return  # the clause's own act or a hostile act already says it
        for agent in self._subject_actors(root, generic=True):
            if agent in frame.speaker or self._same_side(agent, speaker) or agent.startswith("?unknown"):
                continue
            self._add(RawEvent(self.index, root.head.i, speaker, agent, self.book.hostile_code, "allegation",
                               root.head.i, _verb_evidence_end(root), speaker=speaker, via=_first(frame.via),
                               from_speech=True))

    def _same_side(self, agent: str, speaker: str) -> bool:
        actor = self.c.kb.get(speaker)
        return actor is not None and agent == actor.country and actor.code is not None and \
            actor.code.endswith(".GOV")

    def _is_state_of(self, actor_id: str, states: set[str]) -> bool:
        actor = self.c.kb.get(actor_id)
        return actor is not None and actor.type == "state" and actor_id in states

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

    def _voice(self, singular: bool = False) -> list[str]:
        """Who "we" or "I" is: the quote's speaker inside a quote; else "I" is the person the statement
        is by ("Statement by Ambassador James Kariuki ... I welcome"), and "we" the issuer of the
        statement, the last actor that spoke ("The EU strongly condemns ... We urge ...")."""
        quoted = self.state.quote_speakers.get(self.index)
        if quoted is None and self.state.byline:
            # "I" is the statement's author; "we" the state or body the author speaks for
            if singular:
                return [self.state.byline]
            if self.state.voice == self.state.byline and self.state.issuer:
                return [self.state.issuer]
        if quoted is None and not singular and self.state.issuer and self.state.voice \
                and not self._issuer_side(self.state.voice):
            # a release's own "we" is its issuer, whoever acted last ("Russia refuses to engage ... We
            # strongly condemn" in the UK's statement)
            return [self.state.issuer]
        speaker = quoted or self.state.voice
        return [speaker] if speaker else []


def _facts_stated(verb: Token) -> list[Token]:
    """The clauses of "the fact that ..." a reporting verb governs, as its object or through a preposition."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + _prep_objects(verb, "to")
    return [c for noun in nouns if noun.lemma_.lower() == "fact"
            for c in noun.children if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}]


def _claimed(verb: Token) -> bool:
    """The clause is what a claim or charge says ("the US claims that China is spreading disinformation"):
    the speaker reports another's charge, not its own."""
    node = verb
    while node.dep_ in {"ccomp", "acl", "conj", "xcomp"} and node.head.i != node.i:
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in {"claim", "accusation", "allegation", "charge", "report"}:
            return True
    return False
