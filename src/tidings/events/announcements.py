"""Modality: announced acts (intents, threats, refusals), speculation, and who an event is
attributed to.

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence and its resolved
mentions; out: actor ids or ``RawEvent`` records added through ``self._add``.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.patterns import Modality
from tidings.events.raw import RawEvent, _Frame
from tidings.events.syntax import _evidence, _is_consult, _negated, _object, _pairs, _prep_objects, _to_completed

__all__ = ["Announcements"]


class Announcements:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.resolved``, ``self.state``, ``self.events``)."""

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
        completed = _to_completed(verb)
        if completed is not None and verb.tag_ == "VBG":
            head = completed.lower_  # "is committed to supporting", "remains committed to working"
        if head in m.decisions and verb.head.tag_ in {"VBD", "VBN"} and not _announced_or_possible(verb.head, m):
            # "decided to impose restrictive measures": imposed; a meeting decided on is yet to be held
            return code, negated, hypothetical and code.startswith("04")
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
        targets = [] if symmetric else self._intended_partner(obj, sources)
        start, end = _evidence(verb, obj)
        for source, target in _pairs(sources, targets, symmetric):
            self._add(RawEvent(self.index, verb.i, source, target, code, "intent", start, end, symmetric,
                               negated=_negated(verb), hypothetical=False))

    def _intended_partner(self, noun: Token, sources: list[str]) -> list[str]:
        """Whom an intent is toward: the actor its "to" or "with" phrase names ("its ironclad commitment
        to Japan", "readiness to cooperate with Minsk"); else, for a bare intent ("reaffirmed their
        commitment"), the other side of the talks just told."""
        heads = [noun, *(c for c in noun.children if c.dep_ in {"acl", "xcomp", "relcl"})]
        found = [a for head in heads for word in ("to", "with", "toward", "towards")
                 for t in _prep_objects(head, word) for a in self._target_actors(t) if a not in sources]
        if found or len(heads) > 1:
            return found[:1]  # "commitment to hold Moscow accountable" is toward no partner of talks
        return self._partners(sources)

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

    def _speaks_for(self, frame: _Frame, source: str) -> bool:
        speaker = self.c.kb.get(frame.speaker[0]) if frame.speaker else None
        return speaker is not None and speaker.country == source

    def _partners(self, sources: list[str]) -> list[str]:
        meeting = self.state.last_meeting
        if sources and sources[0] in meeting:
            return [a for a in meeting if a not in sources]
        return []


def _announced_or_possible(verb: Token, m: Modality) -> bool:
    """The verb is announced, possible or a condition ("will have decided", "may have decided", "if the
    EU decided"), not done."""
    return any(c.dep_ == "aux" and c.lower_ in m.future | m.speculative
               or c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in verb.children)
