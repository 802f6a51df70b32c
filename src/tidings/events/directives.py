"""Directives: acts asked for rather than done. An imperative in what someone says ("Free all
political prisoners," X told the authorities) and an impersonal necessity ("It is essential that
Russia withdraw its troops", "it is important for Iran to return to the table") are appeals by the
speaker to whoever must act, never the act itself.

A mixin of ``tidings.events.coder._SentenceCoder``; in: the parsed sentence, its reporting frames and
resolved mentions; out: ``RawEvent`` records added through ``self._add`` (appeals, 02x), and the
directive verbs marked as consumed so that no pattern codes them as done.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.patterns import Modality
from tidings.events.raw import RawEvent, _Frame
from tidings.events.syntax import _child, _evidence, _first, _object, _prep_objects

__all__ = ["Directives"]

# what may stand before an imperative in its clause: "now free them", "please release", "and stop"
_BEFORE_IMPERATIVE = frozenset({"advmod", "intj", "cc"})
# nouns that carry a message to an addressee: "our message to the regime is clear: release ..."
_MESSAGE_NOUNS = frozenset({"message", "appeal", "call", "demand", "plea", "warning", "request", "signal"})
# verbs that address someone: "told the authorities", "addressing Israel"
_ADDRESSING = frozenset({"tell", "urge", "ask", "warn", "address", "call", "implore", "beg", "remind"})


def _imperative(verb: Token) -> bool:
    """A base-form verb that opens its clause with no subject, auxiliary or marker: "Free all
    political prisoners", "stop the repression" (joined to one), never "to free" or "we free"."""
    if verb.tag_ != "VB" or verb.lemma_.lower() == "let":
        return False
    if verb.dep_ == "conj":
        return _imperative(verb.head) if verb.head.pos_ == "VERB" else False
    if verb.dep_ not in {"ROOT", "ccomp", "parataxis", "advcl"}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"} for c in verb.children):
        return False
    # the words just before it, back to a quote mark, a colon or the sentence start, are adverbs only
    i = verb.i - 1
    while i >= verb.sent.start and not verb.doc[i].is_punct:
        if verb.doc[i].dep_ not in _BEFORE_IMPERATIVE:
            return False
        i -= 1
    return True


def _necessity(verb: Token, words: frozenset[str]) -> bool:
    """The clause is what "it is essential / important / urgent" asks: "It is essential that Russia
    withdraw", "it was important for Iran to return"; the clause has its own subject."""
    if verb.dep_ not in {"ccomp", "advcl", "xcomp"} or _child(verb, {"nsubj"}) is None:
        return False
    head = verb.head
    if head.pos_ == "ADJ" and head.lemma_.lower() in words:
        return True
    # the parser makes the empty "it" an expletive or a subject
    return head.lemma_ == "be" and any(c.dep_ == "expl" or c.dep_ == "nsubj" and c.lower_ == "it"
                                       for c in head.children) and any(
        c.dep_ == "acomp" and c.lemma_.lower() in words for c in head.children)


def _expected(verb: Token) -> bool:
    """The clause is what a present "expect" asks of its subject: "We expect Kosovo and Serbia to engage
    in the Dialogue" ("Germany expected EU states to abstain" foresaw: past, no appeal)."""
    head = verb.head
    return verb.dep_ in {"ccomp", "xcomp"} and head.lemma_.lower() == "expect" and head.tag_ in {"VBZ", "VBP"} \
        and _child(verb, {"nsubj"}) is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


class Directives:
    """A part of ``_SentenceCoder``: its methods read the sentence coder's state (``self.c``, ``self.doc``,
    ``self.sent``, ``self.book``, ``self.events``, ``self.consumed``)."""

    def _code_directive(self, verb: Token) -> bool:
        """Code an imperative or a clause of necessity as an appeal; ``True`` when ``verb`` is one (even
        when no addressee is found, it is then no event at all)."""
        if verb.pos_ != "VERB":
            return False
        if _imperative(verb):
            frame = self._frame_of(verb) or self._sentence_voice()
            if frame is None:
                return False  # a headline or a slogan of no one: left to the patterns
            self._appeal_to(verb, frame, self._addressees(verb, frame))
            return True
        if _expected(verb):
            return self._code_expected(verb)
        if _necessity(verb, self.book.modality.necessity):
            frame = self._frame_of(verb) or self._sentence_voice()
            targets = self._subject_actors(verb, generic=True)
            if frame is not None:
                self._appeal_to(verb, frame, [t for t in targets if t not in frame.speaker])
            return True
        return False

    def _code_expected(self, verb: Token) -> bool:
        """"The EU expects the authorities of Moldova to continue to facilitate ...": an appeal by the
        one expecting to the one expected to act; expecting harm ("we expect Russia to attack") is a
        forecast, no event."""
        fits = self._fitting(verb)
        hostile = verb.lemma_.lower() in self.book.hostile
        if hostile or fits and self._verb_code(verb, fits[0], _object(verb))[:2] >= "13":
            return True
        speakers = [a for a in self._subject_actors(verb.head, generic=True) if not a.startswith("?unknown")]
        frame = self._frame_of(verb.head) or (_Frame(speaker=speakers[:1], via=[]) if speakers else None)
        if frame is None:
            return False
        targets = self._agent(_child(verb, {"nsubj"}), True)
        self._appeal_to(verb, frame, [t for t in targets if t not in frame.speaker])
        return True

    def _addressees(self, verb: Token, frame: _Frame) -> list[str]:
        """Who an imperative is said to: the one the reporting verb addresses ("told the Belarusian
        authorities", "addressing Israel"), else the one a message is to ("our message to the regime")."""
        own = {t.i for t in verb.subtree if t.i >= verb.i}  # (a clause before it may hang on it)
        # the addressing verb nearest before the imperative, outside it: "told the Belarusian authorities",
        # "I would like to address the people of Lithuania, Poland and Ukraine: stop your mad politicians"
        # (the parser may end the sentence at the colon: the sentence before counts too)
        before = self.doc[self.sent.start - 1].sent if self.sent.start > 0 else self.sent
        quote = next(((a, b) for a, b in self.state.quotes if a <= verb.idx < b), None)
        words = [t for t in (*before, *self.tokens) if t.i not in own and t.lemma_.lower() in _ADDRESSING
                 and t.pos_ == "VERB" and (t.i >= self.sent.start or quote and quote[0] <= t.idx < quote[1])]
        for word in sorted(set(words), key=lambda t: abs(t.i - verb.i)):
            addressed = _child(word, {"dobj", "dative"})
            # "the people of Lithuania, Poland and Ukraine": the states the people are of
            found = self._agent(addressed, True) or [
                a for t in (_prep_objects(addressed, "of") if addressed is not None else [])
                for a in self._target_actors(t)]
            found = [a for a in found if a not in frame.speaker]
            if found:
                return found
        for token in self.tokens:
            if token.lemma_.lower() in _MESSAGE_NOUNS and token.pos_ == "NOUN":
                found = [a for t in _prep_objects(token, "to") for a in self._agent(t, True)]
                if found:
                    return [a for a in found if a not in frame.speaker]
        return []

    def _appeal_to(self, verb: Token, frame: _Frame, targets: list[str]) -> None:
        self.consumed.add(verb.i)
        if not targets:
            return
        fits = self._fitting(verb)
        code = self._verb_code(verb, fits[0], _object(verb)) if fits else "020"
        code = Modality.lookup(self.book.modality.appeal, code) or "020"
        start, end = _evidence(verb, _object(verb))
        speaker = frame.speaker[0]
        for target in targets:
            self._add(RawEvent(self.index, verb.i, speaker, target, code, "directive", start, end,
                               speaker=speaker, via=_first(frame.via), from_speech=True))
