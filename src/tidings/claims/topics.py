"""The topic book: topics of claims and the verbs that make claims, from ``data/topics.yaml``.

In: the YAML file (and user files in the same format, read first: a known id extends its lemmas and
phrases). Out: a frozen ``TopicBook`` that finds the topics of a span of tokens and gives the stance a
claim verb carries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from tidings.datafiles import load_mapping
from tidings.errors import DataFileError
from tidings.nlp import doc_text

__all__ = ["STANCES", "Topic", "TopicBook"]

STANCES = ("for", "against", "neutral", "mixed")
_TOP_KEYS = {"topics", "verbs", "light", "valence"}
_TOPIC_KEYS = {"id", "name", "lemmas", "phrases", "unless", "context"}
_PUNCT = re.compile(r"[^\w\s-]+")
_BASE = "topics.yaml"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    lemmas: frozenset[str]
    phrases: tuple[str, ...]
    unless: frozenset[str] = frozenset()
    context_words: frozenset[str] = frozenset()  # one of these in the sentence ...
    context_lemmas: frozenset[str] = frozenset()  # ... makes these lemmas count too


@dataclass(frozen=True)
class TopicBook:
    topics: tuple[Topic, ...]
    verbs: dict[str, str]  # lemma → "for" | "against" | "neutral"
    light: dict[str, str]  # object lemma of a light verb ("express concern") → stance
    valence: dict[str, float]  # words weighed for the stance of claims (added to VADER's lexicon)
    by_lemma: dict[str, tuple[Topic, ...]]
    first_words: frozenset[str]  # first word of every phrase: a cheap test before phrase matching

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> TopicBook:
        return _load(tuple(extra))

    def get(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def find(self, tokens: Iterable[Token], sentence: Span | None = None) -> list[Topic]:
        """The topics the tokens speak of, in the book's order (``sentence``: where context words are
        looked for, the tokens themselves by default)."""
        words = list(tokens)
        if not words:
            return []
        lemmas = _lemmas(words)
        around = _lemmas(sentence) if sentence is not None else lemmas
        found = {t.id for lemma in lemmas for t in self.by_lemma.get(lemma, ()) if not (t.unless & around)}
        for topic in self.topics:
            if topic.context_lemmas & lemmas and topic.context_words & around and not (topic.unless & around):
                found.add(topic.id)
        if lemmas & self.first_words:
            doc = words[0].doc
            raw = doc_text(doc)[words[0].idx : words[-1].idx + len(words[-1].text)]
            lower = " " + " ".join(_PUNCT.sub(" ", raw.lower()).split()) + " "
            lemma_text = " " + " ".join(t.lemma_.lower() for t in words) + " "
            for topic in self.topics:
                if topic.id not in found and not (topic.unless & around) and any(
                        f" {p} " in lower or f" {p} " in lemma_text for p in topic.phrases):
                    found.add(topic.id)
        return [t for t in self.topics if t.id in found]


@cache
def _load(extra: tuple[Path, ...]) -> TopicBook:
    topics: dict[str, Topic] = {}
    verbs: dict[str, str] = {}
    light: dict[str, str] = {}
    valence: dict[str, float] = {}
    files = [(str(p), _read(p)) for p in extra]
    files.append((_BASE, resources.files("tidings.data").joinpath(_BASE).read_text("utf-8")))
    for name, text in files:
        raw = _parse(name, text)
        for index, entry in enumerate(raw.get("topics") or []):
            topic = _topic(name, index, entry)
            old = topics.get(topic.id)
            topics[topic.id] = topic if old is None else Topic(
                old.id, old.name, old.lemmas | topic.lemmas, old.phrases + topic.phrases, old.unless | topic.unless,
                old.context_words | topic.context_words, old.context_lemmas | topic.context_lemmas)
        for word, weight in (raw.get("valence") or {}).items():
            if not isinstance(weight, int | float):
                raise DataFileError(name, f"valence: {word!r} needs a number, got {weight!r}")
            valence.setdefault(str(word).lower(), float(weight))
        for section, target in (("verbs", verbs), ("light", light)):
            for stance, words in (raw.get(section) or {}).items():
                if stance not in STANCES or not isinstance(words, list):
                    raise DataFileError(name, f"{section}: expected lists under {list(STANCES[:3])}, got {stance!r}")
                for word in words:
                    target.setdefault(str(word).lower(), stance)
    by_lemma: dict[str, tuple[Topic, ...]] = {}
    for topic in topics.values():
        for lemma in topic.lemmas:
            by_lemma[lemma] = (*by_lemma.get(lemma, ()), topic)
    first = frozenset(p.split()[0] for t in topics.values() for p in t.phrases)
    return TopicBook(tuple(topics.values()), verbs, light, valence, by_lemma, first)


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot be read ({exc})") from None


def _parse(name: str, text: str) -> dict[str, Any]:
    return load_mapping(text, name, _TOP_KEYS, what="topics (and verbs, light)")


def _words(name: str, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(name, f"{where}: expected a list of words")
    return [" ".join(v.lower().split()) for v in value]


def _topic(name: str, index: int, entry: Any) -> Topic:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise DataFileError(name, f"topic {index}: expected a mapping with an id")
    where = f"topic {index} ({entry['id']})"
    unknown = set(entry) - _TOPIC_KEYS
    if unknown:
        raise DataFileError(name, f"{where}: unknown key(s) {sorted(unknown)}")
    words = _words(name, where + " lemmas", entry.get("lemmas"))
    # a hyphenated or spaced "lemma" is several tokens to spaCy: it is matched as a phrase
    lemmas = [w for w in words if "-" not in w and " " not in w]
    phrases = _words(name, where + " phrases", entry.get("phrases")) + [w for w in words if w not in lemmas]
    if not lemmas and not phrases:
        raise DataFileError(name, f"{where}: needs lemmas or phrases")
    context = entry.get("context") or {}
    if not isinstance(context, dict) or set(context) - {"words", "lemmas"}:
        raise DataFileError(name, f"{where}: context takes only words and lemmas")
    return Topic(entry["id"], str(entry.get("name") or entry["id"]), frozenset(lemmas), tuple(phrases),
                 frozenset(_words(name, where + " unless", entry.get("unless"))),
                 frozenset(_words(name, where + " context words", context.get("words"))),
                 frozenset(_words(name, where + " context lemmas", context.get("lemmas"))))


def _lemmas(tokens: Iterable[Token]) -> set[str]:
    """Lower-case lemmas and forms, and the singular of plain plurals ("Refugees" in a name)."""
    out: set[str] = set()
    for t in tokens:
        lower = t.lower_
        out.update((t.lemma_.lower(), lower))
        if len(lower) > 4 and lower.endswith("s") and not lower.endswith("ss"):
            out.add(lower[:-1])
    return out
