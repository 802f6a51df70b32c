"""Quoted speech and statements: blame and praise in what a known speaker says (a quote's
attributed speaker, a reporting verb's subject, an issuer writing as "we", an actor passing judgement).

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence and its resolved
mentions; out: actor ids or ``RawEvent`` records added through ``self._add``.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from tidings.actors.agents import raw_country
from tidings.events.lexicon import LEXICON
from tidings.events.raw import RawEvent
from tidings.events.speech import Valence
from tidings.events.syntax import (
    _ANAPHORS,
    _PERSONAL,
    _PLACE_PREPS_IN,
    _SUBJ,
    _child,
    _first_conjunct,
    _inside,
    _inside_name,
    _object,
    _prep_objects,
    _sector,
)

__all__ = ["Statements"]

_NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "FAC", "LAW", "WORK_OF_ART", "EVENT", "NORP"})


class Statements:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.resolved``, ``self.state``, ``self.events``)."""

    # -- verdicts by description -------------------------------------------------------------
    def _code_description(self, verb: Token) -> None:
        """"Putin described the PMC Wagner's actions as an armed mutiny and treason", "who China called
        a 'parasite'", "the envoy described the talks as 'very productive'": a verb of describing with an
        "as" phrase or a predicate noun is criticism (111) or praise (051) by its subject of the one
        described, the owner of what is described, or the other side of the talks described."""
        obj = _object(verb)
        verdict = _child(verb, {"oprd"}) or next(
            (c for node in (verb, obj) if node is not None for c in node.children
             if c.dep_ == "prep" and c.lower_ == "as"), None) or next(
            # "described the US move as deceptive": the parser makes "as" an adverb of the adjective
            (t.head for t in (obj.subtree if obj is not None else ()) if t.lower_ == "as" and t.dep_ == "advmod"
             and t.head.pos_ == "ADJ"), None)
        described = obj or _child(verb, {"nsubjpass"})
        if verdict is None:
            verdict, described = _misparsed_verdict(verb, obj)
        if verdict is None:
            return
        words = [t for t in verdict.subtree if t.ent_type_ not in _NAME_ENTS and t.lower_ != "as"]
        if verdict is obj:  # the words before the noun are those described, not the verdict
            words = [t for t in words if t.i >= obj.i]
        code = Valence.load().verdict(" ".join(t.text for t in words)) if words else None
        if code is None:
            return
        sources = [a for a in self._subject_actors(verb, generic=True) if not a.startswith("?unknown")]
        if (described is None or described.lower_ in {"who", "whom", "which", "that"}) and verb.dep_ == "relcl":
            described = verb.head  # "Lai Ching-te, who China called a parasite"
        target = self._described_actor(described, sources)
        if not sources or target is None:
            return
        self.consumed.add(verb.i)
        self._add(RawEvent(self.index, verb.i, sources[0], target, code, "description", verb.i,
                           verdict.right_edge.i + 1, core=verb.dep_ != "relcl"))

    def _described_actor(self, described: Token | None, sources: list[str]) -> str | None:
        if described is None:
            return None
        if described.lemma_.lower() in LEXICON.meeting_nouns:
            others = [a for a in self.state.last_meeting if a not in sources]
            return others[0] if others else None
        for token in (_child(described, {"poss"}), described):
            for actor in self.actors(token) if token is not None else []:
                if actor not in sources and not actor.startswith("?unknown"):
                    return actor
        if described.pos_ == "NOUN" and self.c.agents.sector_of(described):
            # a kind of agent: "called his imprisoned opponents traitors"
            kinds = [a for a in self._generic(described) if a not in sources and not a.startswith("?unknown")]
            if kinds:
                return kinds[0]
        if described.pos_ != "NOUN" and not (described.pos_ == "VERB" and described.dep_ == "dobj"):
            # "what it called ...": the words described are in the verdict itself (an object the tagger
            # made a verb, "the US move", is still a noun)
            return None
        # "the Lithuanian decision", "the decision of Vilnius", "the move by Washington", "the visit"
        # (the last visit told): the one whose act is described
        owners = [s for c in described.children if c.dep_ in {"amod", "compound"}
                  for s in [self._demonym(c), *self.actors(c)] if s]
        owners += [a for t in _prep_objects(described, "of") for a in self.actors(t)]
        owners += self._doer(described) + self._act_referred(described, sources)
        return next((a for a in owners if a not in sources and not a.startswith("?unknown")), None)

    # -- a verdict appended to what the sentence tells --------------------------------------
    def _code_appended_verdict(self) -> None:
        """"Russia has already violated Estonia's airspace four times this year, which is unacceptable",
        said the minister: a "which" clause of blame after a hostile act the sentence codes is the
        speaker's criticism (111) of its doer. Praise is not read this way ("attacked Kyiv, which is a
        peaceful city" says nothing good of the attacker)."""
        for clause in (t for t in self.tokens if t.dep_ == "relcl"):
            which = next((c for c in clause.children if c.dep_ in _SUBJ and c.lower_ == "which"), None)
            if which is None or clause.i < which.i:
                continue
            act = next((e for e in self.events if e.trigger < which.i and "11" <= e.code[:2] <= "20"
                        and not e.source.startswith("?")), None)
            frame = self._frame_of(self.doc[act.trigger]) or self._sentence_voice() if act else None
            if act is None or frame is None or not frame.speaker or frame.speaker[0] == act.source:
                continue
            words = [t for t in clause.subtree if t.i > which.i]
            if Valence.load().code(" ".join(t.text for t in words)) != "111":
                continue
            speaker = frame.speaker[0]
            self._add(RawEvent(self.index, clause.i, speaker, act.source, "111", "appended-verdict", which.i,
                               words[-1].i + 1, speaker=speaker, from_speech=True))

    def _code_in_what(self) -> None:
        """"Russia launched missiles at Kyiv, in what Ukraine called a terrorist attack", "put her on trial,
        in what she said would be a farce": the one who names the act so gives a verdict on its doer."""
        for prep in (t for t in self.tokens if t.lower_ == "in" and t.dep_ == "prep"):
            verb = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"
                         and any(w.lower_ == "what" for w in c.subtree)), None)
            if verb is None or verb.lemma_.lower() not in LEXICON.describing_verbs | self.book.frames:
                continue
            subj = _child(verb, _SUBJ)
            frame = self._frame_of(prep.head)
            if subj is not None and subj.lower_ in {"it", "they"} and frame is not None and frame.speaker:
                judges = frame.speaker[:1]  # "X said that ..., in what it termed ...": X
            else:
                judges = [a for a in self._subject_actors(verb, generic=True) if not a.startswith("?unknown")]
            words = [t for t in verb.subtree if t.i > verb.i and t.ent_type_ not in _NAME_ENTS]
            code = Valence.load().verdict(" ".join(t.text for t in words)) if words else None
            # the doer the verdict's words name ("a worsening of repression by the Maduro government"), else
            # the doer of the act the sentence told
            named = [a for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"
                     for a in self._agent(t, True)]
            doers = named or [e.source for e in self.events if e.trigger < prep.i
                              and not e.source.startswith("?unknown")]
            if not judges or code is None or not doers or not self._judgeable(doers[0], judges[0]):
                continue
            self._add(RawEvent(self.index, verb.i, judges[0], doers[0], code, "in-what", prep.i,
                               verb.right_edge.i + 1, speaker=judges[0], from_speech=True))

    # -- evaluative statements ---------------------------------------------------------------
    def _code_evaluation(self) -> None:
        """Blame or praise in what a known speaker says ("“This is a hostile and irresponsible act,”
        said the spokeswoman"; "We highly value this partnership"): a criticism (111) or praise (051)
        of the actor the words are about, when the sentence codes nothing else."""
        found = self._evaluation_passage()
        if found is None:
            return
        speaker, tokens, mode = found
        anaphoric = mode != "words"
        # names say nothing of blame or praise ("the Party of Action and Solidarity")
        code = Valence.load().code(" ".join(t.text for t in tokens if t.ent_type_ not in _NAME_ENTS))
        if code is None:
            self._code_warning(speaker, tokens)
            return
        if anaphoric:
            target = self._judged_subject(speaker)
        else:
            target = self._evaluated(tokens, speaker)
        if target is None and (anaphoric or self._opens_with_anaphor() or _refers_back(tokens)) \
                and not _charge_subject(tokens):  # "such claims were untrue": their maker or no one
            # "This step seems unfounded": the step just spoken of, by the state an envoy summoned over
            # it speaks for ("summoned the Chargé d'Affaires of Poland. ... This step" is Poland's); in a
            # release, the one it last spoke of. But the people a release stood with are not what its
            # later words judge ("solidarity with the people of Belarus. This sixth round of sanctions")
            target = self.state.voice_target
            if _sector(target) in {"GOV", "DIP"} and raw_country(target):
                target = raw_country(target)
            if _sector(target) == "CVL" and mode == "issuer":
                target = None
        if target is None or not self._judgeable(target, speaker):
            return  # never the speaker or its own side, whatever was spoken of last
        self._add(RawEvent(self.index, tokens[0].i, speaker, target, code, "evaluation", tokens[0].i,
                           tokens[-1].i + 1, speaker=speaker, from_speech=True))

    def _code_warning(self, speaker: str, tokens: list[Token]) -> None:
        """"Recean warned that Russia is spending millions to 'take power'", "Ankara warned that such
        actions threaten to derail a rare opportunity": a warning of harm (VADER's score of the clause
        below zero) that the reported clause's subject does, or that refers back to the act just told,
        blames its doer (111). "Meteorologists warn that Europe can expect hotter heat waves" is no
        harm anyone does; "warned that Belarus's economy will shrink" has no actor for its subject."""
        inside = {t.i for t in tokens}
        top = next((t for t in tokens if t.head.i not in inside), None)
        if top is None or top.dep_ != "ccomp" or top.head.lemma_.lower() not in LEXICON.warning_verbs:
            return
        if Valence.load().analyzer.polarity_scores(" ".join(t.text for t in tokens))["compound"] >= 0:
            return
        if _refers_back(tokens):
            target = self.prior_act  # "such actions": the doer of the act told before this sentence
        else:
            target = self._first_judged([_child(top, _SUBJ)], speaker)
        if target is None or not self._judgeable(target, speaker):
            return
        self._add(RawEvent(self.index, top.i, speaker, target, "111", "warning", tokens[0].i,
                           tokens[-1].i + 1, speaker=speaker, from_speech=True))

    def _evaluation_passage(self) -> tuple[str, list[Token], str] | None:
        """(speaker, the words spoken, how they are read) for a sentence whose speaker is known: a
        quote's attributed speaker; a reporting verb's subject (its reported clause); the issuer
        writing as "we" (all "words"); the speaker's next sentence opening with "This", "These", "It"
        ("refers": a verdict on its subject or on what it refers back to); any other sentence of a
        government's or an IGO's release ("issuer": a verdict on its subject only)."""
        quoted = self.state.quote_speakers.get(self.index)
        if quoted is not None:
            # only the quoted words: "..., Tsikhanouskaya said on the sidelines of the World Economic Forum"
            words = [t for t in self.tokens if _inside(t.idx, self.state.quotes)]
            return (quoted, words, "words") if words else None
        # the reported clause itself before a fronted phrase ("In a letter to X, he warned that ...")
        reported = sorted((key for key in self.frames if key >= 0), key=lambda k: self.doc[k].dep_ != "ccomp")
        for key in reported:
            content = sorted(self.doc[key].subtree, key=lambda t: t.i)
            return self.frames[key].speaker[0], content, "words"
        judge = self._judging_subject()
        if judge is not None:
            return judge, list(self.tokens), "words"
        voice = self.state.voice
        if voice is None:
            return None
        if any(t.lower_ in {"we", "i"} and t.dep_ in _SUBJ for t in self.tokens):
            singular = any(t.lower_ == "i" and t.dep_ in _SUBJ for t in self.tokens)
            return self._voice(singular)[0], list(self.tokens), "words"
        if self._opens_with_anaphor() and self.state.voice_sentence == self.index - 1:
            return voice, list(self.tokens), "refers"
        if self.state.issuer is not None and self._issuer_side(voice):
            # a government's or an IGO's release is its own statement throughout: what it blames or
            # praises in its own words ("Poland's actions are damaging to many countries") is its verdict
            # on the sentence's subject, or on what it refers back to ("This step seems unfounded")
            return voice, list(self.tokens), "issuer"
        return None

    def _opens_with_anaphor(self) -> bool:
        """The sentence opens with "This", "These", "It", after any opening quotation mark (a quote that
        runs on over paragraphs opens each with one)."""
        first = next((t for t in self.tokens if not t.is_punct), None)
        return first is not None and first.lower_ in _ANAPHORS

    def _judged_subject(self, speaker: str) -> str | None:
        """In a statement's own sentence, the one judged is its subject, the subject's owner or the
        subject's agent ("Poland's actions are damaging", "the measures taken by Poland are illegal"),
        never an actor further in ("damaging to the EU's border"): None when the subject names none."""
        subject = self._main_subject()
        if subject is not None and _refers_back([subject]):
            if self.c.agents.sector_of(subject):
                # "This illegitimate regime continues brutal repression": an agent referred back to is judged
                return self._first_judged([subject], speaker)
            if subject.lemma_.lower() in _CHARGES:
                return self._charge_maker(speaker)  # "These accusations are untrue": by their maker
        if subject is None or _refers_back([subject]):
            # "This is yet another sign of the Iranian authorities' violent repression", "These verdicts
            # fit a pattern of politically motivated arrests pursued by authorities"
            return self._wrong_owner(self.sent, speaker)
        root = self.sent.root
        if root.lemma_.lower() in LEXICON.suffering_verbs and (obj := _object(root)) is not None:
            # "Moldova faces massive direct attempts from Russia": the one the attempts come from
            doers = [t for word in ("from", "by") for t in _prep_objects(obj, word)]
            return self._first_judged([*doers, _child(obj, {"poss"})], speaker)
        candidates = [subject, _child(subject, {"poss"})]
        for acl in (c for c in subject.children if c.dep_ == "acl"):
            agent = _child(acl, {"agent"})
            candidates.append(_child(agent, {"pobj"}) if agent is not None else None)
        return self._first_judged(candidates, speaker)

    def _charge_maker(self, speaker: str) -> str | None:
        """Who last accused or criticised the speaker or its state: what "these accusations", "such
        claims" refer back to is that one's charge."""
        for accused in (speaker, *self._own_states([speaker])):
            maker = self.state.accusers.get(accused)
            if maker is not None and self._judgeable(maker, speaker):
                return maker
        return None

    def _main_subject(self) -> Token | None:
        """The subject of the sentence's main clause, which the parser may hang on the auxiliary."""
        root = self.sent.root
        return _child(root, _SUBJ) or _child(_child(root, {"auxpass", "aux"}), {"nsubj"})

    def _first_judged(self, tokens: Iterable[Token | None], speaker: str) -> str | None:
        """The first actor of ``tokens`` that a speaker's verdict may fall on: not the speaker, not an
        unknown, not the speaker's own side."""
        for token in tokens:
            for actor in self.actors(token) if token is not None else []:
                if self._judgeable(actor, speaker):
                    return actor
        return None

    def _judgeable(self, actor: str, speaker: str) -> bool:
        """A verdict of ``speaker`` may fall on ``actor``: not the speaker, an unknown, or its own side (its
        state, that state's organs and officials, the body it serves: "The Secretary reiterated
        unwavering U.S. support" judges no Secretary, "The Secretary-General is alarmed" no UN)."""
        return actor != speaker and not actor.startswith("?unknown") and not self._same_side(actor, speaker) \
            and not self._own_part(actor, speaker) \
            and not (self._own_part(speaker, actor) and self._official(speaker))  # the opposition judges its state

    def _own_part(self, part: str, whole: str) -> bool:
        """``part`` is ``whole`` itself or belongs to it: a state and its organs and officials ("the United
        States" and its Secretary of State), a body and its officers (the UN and its Secretary-General).
        One organ judging another of its state ("the president said the parliament's delay ...") is not."""
        whole_actor = self._known(whole)
        if whole_actor is None or whole_actor.type not in {"state", "organisation", "igo"}:
            return False
        if whole_actor.type == "state":
            return whole in self._own_states([part])
        # the body itself, not one of its organs ("the Security Council" may be judged by the Secretary-General)
        return whole_actor.code == self._body_code(whole) and self._body_code(part) == whole_actor.code

    def _body_code(self, actor_id: str) -> str | None:
        known = self._known(actor_id)
        code = known.code if known is not None else None
        head = code.split(".")[0] if code else None
        return head if head and not self._is_state(head) else None

    def _wrong_owner(self, tokens: Iterable[Token], speaker: str) -> str | None:
        """The owner of a wrong the words name ("the Iranian authorities' violent repression"), if any:
        what an anaphoric verdict falls on when its words say whose act it is."""
        tokens = list(tokens)
        owner = self._first_judged((t for t in tokens if t.dep_ == "poss"
                                    and t.head.lemma_.lower() in self.book.accusations), speaker)
        if owner is not None:
            return owner
        # "arrests and prosecutions pursued by authorities": the doer a wrong's "by" phrase names, known
        # to the base or a generic agent
        wrongs = self.book.accusations.keys() | LEXICON.patient_acts
        doers = [a for t in tokens if _agent_of_wrong(t, wrongs) for a in self._agent(t, generic=True)]
        return next((a for a in doers if self._judgeable(a, speaker)), None)

    def _qualified_owner(self, tokens: list[Token], speaker: str) -> str | None:
        """The owner of an act a word of blame or praise qualifies, by demonym or possessive ("this reckless
        Israeli behavior", "Washington's irresponsible moves"): the one judged, before the clause's subject
        (in "Qatar will not tolerate this reckless Israeli behavior" Qatar speaks)."""
        for noun in _qualified_acts(tokens, Valence.load()):
            owners = [a for c in noun.children if c.dep_ in {"amod", "compound"} for a in
                      [self._demonym(c)] if a] + self.actors(_child(noun, {"poss"}))
            found = next((a for a in owners if self._judgeable(a, speaker)), None)
            if found is not None:
                return found
        return None

    def _issuer_side(self, voice: str) -> bool:
        """The voice is the release's issuer or one of its own state's bodies or people (a foreign
        ministry's release whose last act was the ministry's own summons)."""
        return voice == self.state.issuer or self._country_of(voice) == self.state.issuer

    def _judging_subject(self) -> str | None:
        """"The European Union is appalled by the decree issued by the Taliban", "Qatar deplores ...":
        a known actor who is the subject of the sentence's main clause passes the judgement itself."""
        subj = self._main_subject()
        if subj is None or subj.lower_ in _PERSONAL | {"i"} or not self._judging_predicate():
            return None
        found = [a for a in self.actors(subj) if not a.startswith("?")]
        return found[0] if len(found) == 1 else None

    def _judging_predicate(self) -> bool:
        """The main clause's predicate is itself a word of blame, praise or feeling ("is appalled",
        "deplores", "is deeply troubled") or of describing; "Russia has shown it is willing to sink to any depths" and
        "Moldova faces attempts from Russia" tell of their subjects, who judge nothing."""
        root = self.sent.root
        if root.lemma_.lower() in LEXICON.describing_verbs:
            return True  # "Araghchi described the direct role of the Israeli regime ... as evident"
        words = [root, *(c for c in root.children if c.dep_ in {"acomp", "advmod"})]
        if any(w.lemma_.lower() in LEXICON.attributes for w in words):
            return False  # "Lukashenko is responsible for the violations" judges Lukashenko
        scores = Valence.load().analyzer.polarity_scores
        return any(scores(w.text)["compound"] != 0 for w in words)

    def _evaluated(self, tokens: list[Token], speaker: str) -> str | None:
        """The actor blamed or praised: an owner ("Poland's actions"), else a subject, else the first
        actor named, never the speaker or its own side."""
        heads = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and not _inside_name(t)
                 and not (t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS_IN)  # "in Germany" says where
                 and not _suffered(t)  # "appalled by the execution of X": X suffered it
                 and not _undergoes(t)]  # "X faces attempts from Y", "X has been under attack from Y"
        if _refers_back(tokens):
            # "These advances constitute ...": about what was just spoken of, unless the words name whose
            # act it is ("This is yet another sign of the Iranian authorities' violent repression"); "this
            # regime", an agent referred back to, is itself judged
            subject = next((t for t in heads if t.dep_ in _SUBJ), None)
            agent = self._first_judged([subject], speaker) \
                if subject is not None and self.c.agents.sector_of(subject) else None
            if subject is not None and subject.lemma_.lower() in _CHARGES and agent is None:
                # "These accusations are untrue": by their maker, never the one they accused
                return self._charge_maker(speaker)
            return agent or self._wrong_owner(heads, speaker)
        qualified = self._qualified_owner(tokens, speaker)
        if qualified is not None:
            return qualified
        subject = next((t for t in heads if t.dep_ in _SUBJ), None)
        if subject is not None and subject.lemma_.lower() in self.book.accusations and not self.actors(subject) \
                and not self.actors(_child(subject, {"poss"})) and self.prior_act \
                and self._judgeable(self.prior_act, speaker):
            # "today's incursion ... is unprecedentedly brutal": an act named with no doer is the last
            # act told before ("Russia has already violated Estonia's airspace")
            return self.prior_act
        # the one who acts is the subject or the subject's owner ("Poland's actions are damaging"), not
        # an owner inside the object ("violated Estonia's airspace"); then the doer an act's "by" phrase
        # names ("the attacks carried out by Israel"); last whom a fronted phrase names ("In a letter
        # addressed to Guterres, Araghchi warned that ...": the letter's addressee is not the one blamed)
        return self._first_judged(sorted(heads, key=lambda t: (_judged_rank(t), t.i)), speaker)


def _misparsed_verdict(verb: Token, obj: Token | None) -> tuple[Token | None, Token | None]:
    """The verdict, and what it is on, where the small parser hides them: "described the US move as
    deceptive" with the adjective hung on the verb; "branded the opposition leaders traitors" with the
    described nouns a compound of the verdict. (None, obj) when neither shape is there."""
    for child in verb.children:
        if child.dep_ in {"advcl", "acomp", "xcomp"} and child.pos_ in {"ADJ", "NOUN"} \
                and any(c.lower_ == "as" for c in child.children):
            return child, obj
    if obj is not None and obj.pos_ == "NOUN":
        described = [c for c in obj.children if c.dep_ in {"compound", "nmod"} and c.pos_ in {"NOUN", "PROPN"}]
        if described:
            return obj, described[-1]
    return None, obj


def _qualified_acts(tokens: list[Token], valence: Valence) -> list[Token]:
    """Nouns an adjective of blame or praise qualifies: "this reckless Israeli behavior", "the illegal
    Russian occupation" (the adjective's own valence, VADER's with the political words)."""
    return [t.head for t in tokens if t.dep_ == "amod" and t.pos_ == "ADJ" and t.head.pos_ == "NOUN"
            and valence.code(t.text) is not None]


def _agent_of_wrong(token: Token, wrongs: AbstractSet[str]) -> bool:
    """The token is the "by" agent of a participle describing a wrong: "arrests and prosecutions pursued
    by authorities" (the participle may hang on any conjunct)."""
    if token.dep_ != "pobj" or token.head.dep_ != "agent" or token.head.head.dep_ != "acl":
        return False
    noun = token.head.head.head
    return any(n.lemma_.lower() in wrongs for n in (noun, *noun.conjuncts))


def _refers_back(tokens: list[Token]) -> bool:
    """The passage's subject refers back to what was just told: "These advances constitute ...", "such
    actions threaten to derail ...", "It is unacceptable"."""
    subject = next((t for t in tokens if t.dep_ in _SUBJ and t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    if subject is None:
        return False
    return subject.lower_ in _ANAPHORS or any(
        c.lower_ in _ANAPHORS | {"such"} for c in subject.children if c.dep_ in {"det", "amod"})


def _judged_rank(token: Token) -> int:
    """How likely a noun of an evaluative passage names the one judged: 0 a subject or a subject's owner,
    1 the object of a "by" agent phrase, 2 any other, 3 inside a prepositional phrase fronted before the
    main clause's subject."""
    if token.dep_ in _SUBJ or (token.dep_ == "poss" and token.head.dep_ in _SUBJ):
        return 0
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return 1
    root = token.sent.root
    subject = _child(root, _SUBJ)
    fronted = next((a for a in token.ancestors if a.head.i == root.i), None)
    if subject is not None and fronted is not None and fronted.dep_ == "prep" and fronted.i < subject.i:
        return 3
    return 2


# nouns of a charge made by someone: "these accusations are untrue" judges their maker
_CHARGES = frozenset({"accusation", "allegation", "charge", "claim", "assertion", "insinuation", "fabrication"})


def _charge_subject(tokens: list[Token]) -> bool:
    subject = next((t for t in tokens if t.dep_ in _SUBJ and t.pos_ in {"NOUN", "PROPN"}), None)
    return subject is not None and subject.lemma_.lower() in _CHARGES


def _undergoes(token: Token) -> bool:
    """The subject of a clause it undergoes: "Moldova faces attempts from Russia", "Georgia has been
    under continuous hybrid attack from Russia"; what it undergoes is another's act."""
    return token.dep_ in _SUBJ and (token.head.lemma_.lower() in LEXICON.suffering_verbs or any(
        c.dep_ == "prep" and c.lower_ == "under" for c in token.head.children))


def _suffered(token: Token) -> bool:
    """The one an act named by a noun was done to: "the execution of X and Y", "the arrest of X"."""
    token = _first_conjunct(token)
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in LEXICON.patient_acts
