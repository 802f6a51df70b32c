"""Noun patterns: events named by nouns ("the meeting between A and B", "a visit by X to Y").

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence and its resolved
mentions; out: actor ids or ``RawEvent`` records added through ``self._add``.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.patterns import Modality, NounPattern
from tidings.events.raw import RawEvent
from tidings.events.syntax import (
    _HYPOTHETICAL_MODS,
    _by_inside,
    _by_stranded,
    _child,
    _hypothetical,
    _is_release,
    _nearest_subject,
    _noun_evidence_end,
    _pairs,
    _prep_objects,
    _target_candidates,
    _to_completed,
)

_SETTING_PREPS = frozenset({"during", "at", "of"})

__all__ = ["NounPatterns"]


class NounPatterns:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.resolved``, ``self.state``, ``self.events``)."""

    # -- event nouns -----------------------------------------------------------------------
    def _code_noun(self, noun: Token, p: NounPattern) -> bool:
        """Code the event ``noun`` names by pattern ``p``; False when the pattern does not fit."""
        if p.requires_mod and not any(c.lemma_.lower() in p.requires_mod for c in noun.children):
            return False
        if p.subject_of and not (noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_.lower() in p.subject_of):
            return False  # "Palestinian riots are continuing": the event is what the clause is about
        if p.code[:2] in {"18", "19", "20"} and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.book.verbs:
            return False  # "Latvia condemned Russia's attack": the attack is what the clause's own act is about
        if "17" <= p.code[:2] <= "20" and self._wanted(noun) or p.code[:2] == "04" and self._asked_for(noun):
            # "called for the arrest of X", "a warrant for the arrest of X", "called for Russia-Ukraine
            # talks": not done ("met for talks", "travelled to Doha for talks" are)
            return False
        sources, targets = self._noun_roles(noun, p)
        if not sources or not (targets or p.symmetric and len(sources) > 1 or p.optional_target):
            return False
        hypothetical = any(c.lemma_.lower() in _HYPOTHETICAL_MODS for c in noun.children) or (
            _hypothetical(noun.head) if noun.dep_ in {"nsubj", "nsubjpass"} else False
        ) or (noun.dep_ == "pobj" and noun.head.head.pos_ == "ADJ") \
            or (noun.dep_ == "dobj" and _announcing(noun.head, self.book.modality))  # "ready to resume talks"
        start, end = noun.left_edge.i, _noun_evidence_end(noun)
        # talks only planned or offered are an intent to meet (036), one with a verb that says so
        code = "036" if hypothetical and p.code.startswith("04") else p.code
        for source, target in _pairs(sources, targets, p.symmetric):
            self._add(RawEvent(self.index, noun.i, source, target, code, p.id, start, end, p.symmetric,
                               hypothetical=hypothetical, core=not hypothetical))
        return True

    def _noun_roles(self, noun: Token, p: NounPattern) -> tuple[list[str], list[str]]:
        pairs = _prep_objects(noun, "between")
        if not pairs and noun.dep_ in {"nsubj", "nsubjpass"}:
            # "A telephone conversation ... took place between Putin and Biden", "talks were held between"
            pairs = _prep_objects(noun.head, "between")
        # kinds of agents too: "clashes between police and protesters", "between Kyrgyz and Tajik guards"
        between = [a for t in pairs for a in self.actors(t) or self._agent(t, generic=True)
                   if not a.startswith("?unknown")]
        sources: list[str] = []
        for spec in p.sources:
            if spec == "between" and between:
                sources = between[:1]
            elif spec in {"by", "of"}:
                # "a visit by X", "the visit of U.S. presidential envoy John Cole to Minsk"
                phrases = _prep_objects(noun, spec)
                if spec == "by" and not phrases:
                    # "the detention of UN staff by the Houthis": the parser hangs "by" on the staff
                    phrases = _by_inside(noun, ("of",)) or _by_stranded(noun)
                sources = [a for t in phrases for a in self.actors(t)]
            elif spec == "poss":
                sources = self.actors(_child(noun, {"poss"}))
            elif spec == "clause" and not _prep_objects(noun, "of"):
                # "during his visit to Minsk, he"; not "spoke about the visit of the delegation"
                sources = self._clause_subject(noun)
            elif spec == "amod":
                # "the Russian-Ukrainian talks", "Israel-Hamas talks": both sides; "Palestinian riots",
                # "Kurdish demonstrations", "Iranian talks with the US": one
                owner = self._affiliation(noun, 1)
                sources = (self._hyphened_sides(noun) if p.symmetric else []) or ([owner] if owner else [])
            elif spec == "enforcer":
                # "the recent arrests of three journalists": by whoever makes arrests, police of the setting
                enforcer = self._enforcer(noun, None)
                sources = [enforcer] if enforcer else []
            if sources:
                break
        targets: list[str] = []
        for spec in p.targets:
            if spec == "between":
                targets = [a for a in between if a not in sources]
            elif spec == "clause":
                targets = self._clause_partner(noun, sources)
            else:
                find = self._target_actors if p.optional_target or p.generic_target else self.actors
                if p.code == "042":
                    find = self._visited
                objects = _prep_objects(noun, spec) or (_for_clause_subject(noun) if spec == "for" else [])
                targets = [a for t in objects for a in find(t)]
                if p.code[:2] in {"02", "10"}:
                    # "reiterated calls for the release of X": to whoever holds X
                    targets = [c for t in objects if _is_release(t) for c in [self._captor_of(t, sources)] if c] \
                        or targets
            targets = [a for a in targets if a not in sources]
            if targets:
                break
        return sources, targets

    def _hyphened_sides(self, noun: Token) -> list[str]:
        """The two sides a hyphened modifier names: "the Russian-Ukrainian talks", "US-China negotiations",
        "Israel-Hamas talks" (one side alone names no second: "Iranian talks")."""
        for mod in (c for c in noun.lefts if c.dep_ in {"amod", "compound"}):
            parts = [g for g in mod.lefts if g.dep_ in {"amod", "compound"} and self.doc[g.i + 1].text == "-"]
            states = [s for part in (*parts, mod) for s in [self._side_of_word(part)] if s]
            if len(parts) == 1 and len(states) == 2 and states[0] != states[1]:
                return states
        return []

    def _side_of_word(self, token: Token) -> str | None:
        """The actor a single word names, a state by its demonym ("Russian") or any by name ("Hamas")."""
        return self._demonym(token) or next(iter(self.actors(token)), None)

    def _visited(self, token: Token) -> list[str]:
        """Whom a visit is to: an actor, or the state of the place ("the visit ... to Minsk"); a kind of
        actor is no host ("a visit to the Senate in Brasilia")."""
        return self.actors(token) or self._place_state(token)

    def _asked_for(self, noun: Token) -> bool:
        """Talks asked for: "called for Russia-Ukraine talks", "urged talks between" (not "travelled to
        Doha for talks")."""
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else noun.head
        return noun.dep_ in {"dobj", "pobj"} and verb.lemma_.lower() in self.book.modality.wishes

    def _wanted(self, noun: Token) -> bool:
        """An act named as what is asked for or ordered, not done: "called for the arrest of X", "a
        warrant for the arrest of X", "demanded the detention of X"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "for":
            return True
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.book.modality.wishes

    def _clause_partner(self, noun: Token, sources: list[str]) -> list[str]:
        """"During the telephone conversation, X wished Y a happy birthday": a meeting named as the
        setting of a clause, with no partner of its own, is between the clause's subject and the
        actor the clause's verb is done to. Only for a setting phrase ("during", "at", "in the course
        of"): "X criticised the talks" names no partner."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in _SETTING_PREPS:
            return []
        if prep.lower_ == "of" and prep.head.lower_ != "course":
            return []
        verb = prep.head if prep.lower_ != "of" else prep.head.head.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return []
        for token in _target_candidates(verb, 0):
            found = [a for a in self.actors(token) if a not in sources and not a.startswith("?")]
            if found:
                return found[:1]
        return []

    def _clause_subject(self, noun: Token) -> list[str]:
        node = noun.head
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        subject = _nearest_subject(node)
        if self._is_plural_ref(subject):
            # "During a meeting with X, the sides discussed": the sides are this meeting's own
            return [self.state.protagonist] if self.state.protagonist else []
        return self._subject_actors(node) if node.pos_ in {"VERB", "AUX"} else []


def _for_clause_subject(noun: Token) -> list[Token]:
    """The one a demand named by an object noun is made of, when the parser hangs its "for X to DO"
    clause on the verb: "We reiterate our calls for Russia to reverse its recognition" → Russia."""
    if noun.dep_ != "dobj":
        return []
    for clause in noun.head.children:
        if clause.dep_ == "advcl" and clause.i > noun.i and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            subject = _child(clause, {"nsubj"})
            return [subject] if subject is not None else []
    return []


def _announcing(verb: Token, m: Modality) -> bool:
    """The verb's act is announced, not done: "is ready to resume talks", "will hold talks", "plans to
    open talks", "is committed to holding talks"."""
    if any(c.dep_ == "aux" and c.lower_ in m.future for c in verb.children):
        return True
    head = _to_completed(verb) or verb.head
    return verb.dep_ in {"xcomp", "pcomp"} and (head.lemma_.lower() in m.heads | m.pledges or head.lower_ in m.heads)
