"""Sentences outside politics: sport, read from ``data/domains.yaml``.

In: a spaCy sentence. Out: whether its words place it in sport, where a state's name is a team
("Spain beat Germany 2-1") and a politician's praise is for a match, so no event is coded in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from tidings.datafiles import load_mapping, packaged_text
from tidings.errors import DataFileError

__all__ = ["Domains", "is_sport"]

_KEYS = {"sports"}
# "beat France 4-2", "won 3-1": a score; "voted 13-2" is a vote, not a score
_SCORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}\b")
_VOTE = re.compile(r"\bvot(e|ed|es|ing)\b", re.I)


@dataclass(frozen=True)
class Domains:
    sports: frozenset[tuple[str, ...]]

    @classmethod
    @cache
    def load(cls) -> Domains:
        name = "domains.yaml"
        raw = load_mapping(packaged_text(name), name, _KEYS, _KEYS, what="a 'sports' word list")
        if not isinstance(raw["sports"], list):
            raise DataFileError(name, "sports: expected a list of words")
        return cls(frozenset(tuple(str(w).lower().split()) for w in raw["sports"]))


def is_sport(sent: Span, domains: Domains | None = None) -> bool:
    """A sentence that names a sport's words, or a score with a verb of winning or losing. Judged once
    per sentence and kept on the ``Doc``."""
    cache = sent.doc.user_data.setdefault("tidings.sport", {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _is_sport(sent, domains)
    return cache[key]


def _is_sport(sent: Span, domains: Domains | None) -> bool:
    words = (domains or Domains.load()).sports
    tokens = list(sent)  # a Span makes new Token objects at each pass
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    longest = max((len(w) for w in words), default=1)
    for i in range(len(lemmas)):
        for size in range(1, longest + 1):
            if tuple(lemmas[i : i + size]) in words or tuple(lowers[i : i + size]) in words:
                return True
    if _SCORE.search(sent.text) and not _VOTE.search(sent.text):
        return any(lemma in {"beat", "win", "lose", "draw", "defeat", "thrash", "edge"} for lemma in lemmas)
    return False
