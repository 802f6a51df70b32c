"""Quoted speech and evaluative statements.

In: a document's text, and a passage of it (a quote, a reported clause, a statement in the issuer's
own voice). Out: the quotes' character spans, and the valence of a passage: criticism (CAMEO 111),
praise (051) or neither, from VADER's lexicon (the ``vaderSentiment`` package) widened with the words
of political blame and praise in ``data/evaluative.yaml``.

The coder decides who speaks (the quote's attributed speaker, the reporting verb's subject, or the
issuer of a statement written as "we") and whom the words are about; this module only reads text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tidings.datafiles import load_mapping, packaged_text
from tidings.errors import DataFileError

__all__ = ["Valence", "quote_spans"]

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
_KEYS = {"thresholds", "words"}
_DECISIVE = 2.0  # the summed value of political words that decides a verdict on its own


def _stems(word: str) -> tuple[str, ...]:
    """What an English inflected form may come from: "-s", "-es", "-ed", "-d", "-ing" taken off
    (with the "e" that "-ing" and "-ed" drop put back)."""
    forms: list[str] = []
    for suffix, back in (("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            forms.append(word[: -len(suffix)] + back)
    return tuple(forms)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotes in ``text``, marks excluded: curly and guillemet pairs, and
    straight double quotes taken two by two within a paragraph. A quote left open at the end of a
    paragraph that the next paragraph reopens runs on (the news convention for long quotes)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN or ch == '"':
            close = _OPEN.get(ch, '"')
            j = text.find(close, i + 1)
            para = text.find("\n\n", i + 1)
            if j != -1 and (para == -1 or j < para):
                spans.append((i + 1, j))
                i = j + 1
                continue
            if para != -1 and para + 2 < n and text[para + 2] in (ch, '"', "\u201c"):
                spans.append((i + 1, para))  # runs on into the next paragraph, which reopens it
                i = para + 2
                continue
            if para != -1 and ch != '"' and (i == 0 or text[i - 1] == "\n"):
                # a paragraph opened by a quote mark that is not closed in it ("said:\n\n“Prosecutor
                # Karim Khan's silence ... is alarming.") is a quote to the paragraph's end
                spans.append((i + 1, para))
                i = para
                continue
        i += 1
    return [(s, e) for s, e in spans if e - s > 3]


@dataclass(frozen=True)
class Valence:
    analyzer: SentimentIntensityAnalyzer
    criticism: float
    praise: float
    political: dict[str, float]  # the words of evaluative.yaml (phrases joined with "_") and their values
    phrases: tuple[str, ...]  # its multi-word phrases, longest first

    @classmethod
    @cache
    def load(cls) -> Valence:
        name = "evaluative.yaml"
        raw = load_mapping(packaged_text(name), name, _KEYS, _KEYS, what="thresholds and words")
        try:
            words = {str(k).lower(): float(v) for k, v in raw["words"].items()}
            criticism, praise = float(raw["thresholds"]["criticism"]), float(raw["thresholds"]["praise"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(name, f"malformed evaluative lexicon: {exc}") from None
        analyzer = SentimentIntensityAnalyzer()
        analyzer.lexicon.update({w: v for w, v in words.items() if " " not in w})
        # VADER reads single words; phrases are scored by adding their value as a word of their own
        phrases = {w: v for w, v in words.items() if " " in w}
        analyzer.lexicon.update({w.replace(" ", "_"): v for w, v in phrases.items()})
        return cls(analyzer, criticism, praise, {w.replace(" ", "_"): v for w, v in words.items()},
                   tuple(sorted(phrases, key=len, reverse=True)))

    def _entry(self, word: str) -> str | None:
        """The lexicon's entry for ``word`` or for the word it inflects ("violates", "undermining",
        "provocations" → "violate", "undermine", "provocation")."""
        for form in (word, *_stems(word)):
            if form in self.political:
                return form
        return None

    def verdict(self, words: str) -> str | None:
        """"111", "051" or None for words that are themselves a verdict (what an actor is called or
        described as: "a parasite", "very productive"): VADER's score with the political words, no
        political word required, since the frame says the words judge."""
        return self.code(words) or self._by_score(words)

    def _by_score(self, words: str) -> str | None:
        score = self.analyzer.polarity_scores(words.lower())["compound"]
        if score <= self.criticism:
            return "111"
        if score >= self.praise:
            return "051"
        return None

    def code(self, passage: str) -> str | None:
        """"111" for blame, "051" for praise, None for a passage that says neither clearly. A passage
        must use a word of political blame or praise (``evaluative.yaml``); VADER's general lexicon then
        weighs it, so "peaceful means" or "a serious threat of flooding" are no verdict on anyone."""
        text = passage.lower()
        for phrase in self.phrases:
            text = text.replace(phrase, phrase.replace(" ", "_"))
        words = [self._entry(w) for w in re.findall(r"[a-z_'-]+", text)]
        weight = sum(self.political[w] for w in words if w is not None)
        if not any(w is not None for w in words):
            return None
        score = self.analyzer.polarity_scores(text)["compound"]
        # a strong word of blame or praise decides unless the rest of the passage says the opposite
        # (VADER's compound score dilutes one word in a long sentence)
        if weight <= -_DECISIVE and score <= 0.2:
            return "111"
        if weight >= _DECISIVE and score >= -0.2:
            return "051"
        if score <= self.criticism:
            return "111"
        if score >= self.praise:
            return "051"
        return None
